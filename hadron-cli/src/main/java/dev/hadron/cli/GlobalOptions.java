package dev.hadron.cli;

/**
 * Options every subcommand accepts.
 *
 * @param seed the study seed ({@code --seed}); null to use the config's (or 42)
 * @param threads compute threads ({@code --threads}); 0 for all processors
 * @param quiet print only errors and the final result lines ({@code --quiet})
 * @param debug print stack traces of errors ({@code --debug})
 */
public record GlobalOptions(Long seed, int threads, boolean quiet, boolean debug) {
    /** Validates. */
    public GlobalOptions {
        if (threads < 0) {
            throw CliException.usage("--threads is " + threads + "; expected 0 (all processors) or a positive count");
        }
    }

    /** No seed override, all processors, normal output, no stack traces. */
    public static GlobalOptions defaults() {
        return new GlobalOptions(null, 0, false, false);
    }

    /** A copy with a seed override. */
    public GlobalOptions withSeed(Long v) {
        return new GlobalOptions(v, threads, quiet, debug);
    }

    /** A copy with a thread count. */
    public GlobalOptions withThreads(int v) {
        return new GlobalOptions(seed, v, quiet, debug);
    }

    /** A copy with quiet output on or off. */
    public GlobalOptions withQuiet(boolean v) {
        return new GlobalOptions(seed, threads, v, debug);
    }

    /** A copy with stack traces on or off. */
    public GlobalOptions withDebug(boolean v) {
        return new GlobalOptions(seed, threads, quiet, v);
    }
}
