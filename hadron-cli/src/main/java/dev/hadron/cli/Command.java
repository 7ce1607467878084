package dev.hadron.cli;

import java.util.List;

/** One subcommand of {@code hadron}. */
public interface Command {
    /** The name typed on the command line. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The full help text ({@code hadron NAME --help}). */
    String help();

    /** Runs with the subcommand's arguments (the global options already removed). */
    ExitCode run(List<String> args, Console console);
}
