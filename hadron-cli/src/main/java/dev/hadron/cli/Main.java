package dev.hadron.cli;

import dev.hadron.cli.command.DatasetsCommand;
import dev.hadron.cli.command.InspectCommand;
import dev.hadron.cli.command.PredictCommand;
import dev.hadron.cli.command.TrainCommand;
import dev.hadron.io.FileFormatException;
import dev.hadron.io.root.RootFormatException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code hadron} command: {@code hadron [--seed N] [--threads N] [--quiet] [--debug] COMMAND ARGS}.
 *
 * <pre>
 * hadron train examples/jets.yaml                  # a whole study: report, results.json, models
 * hadron predict runs/jets/models/BDT new.csv scores.csv
 * hadron inspect ../shared/data/root/uproot-HZZ.root --json
 * hadron datasets list
 * </pre>
 *
 * <p>Errors print one line naming what is wrong and how to fix it, and exit with an {@link ExitCode}
 * (stack traces only with {@code --debug}). {@link #run} is the same without {@code System.exit}, for
 * tests and embedding.
 */
public final class Main {
    private static final List<Command> COMMANDS = List.of(new TrainCommand(), new PredictCommand(), new InspectCommand(),
            new DatasetsCommand());

    private Main() {
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command, writing results to {@code out} and messages to {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        GlobalOptions options = GlobalOptions.defaults();
        List<String> rest = new ArrayList<>();
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--")) {
                    rest.addAll(Arrays.asList(args).subList(i, args.length));
                    break;
                }
                switch (a) {
                    case "--quiet", "-q" -> options = options.withQuiet(true);
                    case "--debug" -> options = options.withDebug(true);
                    case "--seed" -> options = options.withSeed(parseLong("--seed", value(args, ++i, a)));
                    case "--threads" -> options = options.withThreads((int) parseLong("--threads", value(args, ++i, a)));
                    default -> {
                        if (a.startsWith("--seed=")) {
                            options = options.withSeed(parseLong("--seed", a.substring(7)));
                        } else if (a.startsWith("--threads=")) {
                            options = options.withThreads((int) parseLong("--threads", a.substring(10)));
                        } else {
                            rest.add(a);
                        }
                    }
                }
            }
            if (options.threads() > 0) {
                // read once by the core's thread pool; must be set before the first tensor kernel runs
                System.setProperty("hadron.threads", String.valueOf(options.threads()));
            }
            Console console = new Console(out, err, options);
            if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h") || rest.get(0).equals("help")) {
                if (rest.size() > 1 && rest.get(0).equals("help")) {
                    out.println(find(rest.get(1)).help());
                } else {
                    out.println(usage());
                }
                return rest.isEmpty() ? ExitCode.USAGE.code() : ExitCode.OK.code();
            }
            if (rest.get(0).equals("--version")) {
                out.println("hadron " + dev.hadron.eval.report.Provenance.runningVersion());
                return 0;
            }
            Command c = find(rest.get(0));
            List<String> cmdArgs = rest.subList(1, rest.size());
            if (cmdArgs.contains("--help") || cmdArgs.contains("-h")) {
                out.println(c.help());
                return 0;
            }
            return c.run(cmdArgs, console).code();
        } catch (CliException e) {
            return fail(err, e.exitCode(), e.getMessage(), e, debug);
        } catch (FileFormatException | RootFormatException e) {
            return fail(err, ExitCode.INPUT, e.getMessage(), e, debug);
        } catch (UncheckedIOException e) {
            return fail(err, ExitCode.INPUT, e.getMessage(), e, debug);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            return fail(err, ExitCode.FAILURE, e.getMessage(), e, debug);
        } catch (OutOfMemoryError e) {
            return fail(err, ExitCode.FAILURE, "out of memory; give Java more with HADRON_JAVA_OPTS=-Xmx8g, or use fewer events"
                    + " (data.max_events) or a smaller batch_size", e, debug);
        } catch (RuntimeException | StackOverflowError e) {
            return fail(err, ExitCode.FAILURE, "internal error: " + e + (debug ? "" : " (rerun with --debug for the stack trace)"),
                    e, debug);
        }
    }

    private static int fail(PrintStream err, ExitCode code, String message, Throwable e, boolean debug) {
        String oneLine = message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ');
        err.println("error: " + oneLine);
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw CliException.usage(option + " needs a value");
        }
        return args[i];
    }

    private static long parseLong(String option, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw CliException.usage(option + " is '" + v + "'; expected an integer");
        }
    }

    private static Command find(String name) {
        for (Command c : COMMANDS) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw CliException.usage("unknown command '" + name + "'; commands: "
                + String.join(", ", COMMANDS.stream().map(Command::name).toList()) + " (see hadron --help)");
    }

    /** The top-level help text. */
    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: hadron [--seed N] [--threads N] [--quiet] [--debug] COMMAND [ARGS]\n\n");
        sb.append("Machine learning for particle physics: a whole study from one YAML config.\n\ncommands:\n");
        for (Command c : COMMANDS) {
            sb.append(String.format("  %-9s %s%n", c.name(), c.summary()));
        }
        sb.append("\noptions (any command):\n");
        sb.append("  --seed N     random seed of the study (overrides the config's `seed`)\n");
        sb.append("  --threads N  compute threads (default: all processors)\n");
        sb.append("  --quiet      no progress output; results and errors only\n");
        sb.append("  --debug      print stack traces of errors\n");
        sb.append("  --version    print the version\n\n");
        sb.append("exit status: 0 ok, 1 run failed, 2 bad command line, 3 bad config, 4 bad input file\n");
        sb.append("`hadron COMMAND --help` describes one command.");
        return sb.toString();
    }
}
