package dev.hadron.cli;

/**
 * The exit statuses of the {@code hadron} command, so scripts and batch systems can tell a bad
 * command line from a bad config, a bad input file or a failure during the run.
 */
public enum ExitCode {
    /** Success. */
    OK(0),
    /** The run failed (an error while training, evaluating or writing results, or an internal error). */
    FAILURE(1),
    /** The command line is wrong: unknown subcommand or option, missing or extra arguments. */
    USAGE(2),
    /** The study config is wrong: unknown key or method, bad value, a column that does not exist. */
    CONFIG(3),
    /** An input file is missing, unreadable or malformed, or holds data the config cannot use. */
    INPUT(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }
}
