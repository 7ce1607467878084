package dev.hadron.cli;

import java.io.PrintStream;

/**
 * Where a command writes: results to standard output, progress and messages to standard error
 * (so {@code hadron inspect f.root --json > f.json} stays clean). {@code --quiet} silences the
 * messages and progress, never the results or the errors.
 *
 * @param out results
 * @param err progress, messages and errors
 * @param options the global options
 */
public record Console(PrintStream out, PrintStream err, GlobalOptions options) {
    /** A progress or status message (standard error; silent with {@code --quiet}). */
    public void info(String message) {
        if (!options.quiet()) {
            err.println(message);
        }
    }

    /** A result line (standard output; always printed). */
    public void result(String line) {
        out.println(line);
    }

    /** True unless {@code --quiet}. */
    public boolean verbose() {
        return !options.quiet();
    }
}
