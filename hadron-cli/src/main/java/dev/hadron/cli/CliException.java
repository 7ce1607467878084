package dev.hadron.cli;

/**
 * An error the command reports as one line (without a stack trace unless {@code --debug}) and an
 * {@link ExitCode}. Messages name the thing that is wrong, the value found and what to do instead.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ExitCode exitCode;

    /** An error with its exit code. */
    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** An error with its exit code and the underlying cause (shown with {@code --debug}). */
    public CliException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A wrong command line. */
    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    /** A wrong config. */
    public static CliException config(String message) {
        return new CliException(ExitCode.CONFIG, message);
    }

    /** A bad input file or unusable data. */
    public static CliException input(String message, Throwable cause) {
        return new CliException(ExitCode.INPUT, message, cause);
    }

    /** The exit code. */
    public ExitCode exitCode() {
        return exitCode;
    }
}
