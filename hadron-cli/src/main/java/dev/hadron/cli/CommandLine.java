package dev.hadron.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one subcommand split into positionals, valued options ({@code --output DIR} or
 * {@code --output=DIR}) and flags ({@code --json}); anything else starting with {@code --} is a usage
 * error naming the options the subcommand knows.
 *
 * @param command the subcommand (for messages)
 * @param positionals the positional arguments in order
 * @param values valued options by name (without the dashes)
 * @param flags the flags given
 */
public record CommandLine(String command, List<String> positionals, Map<String, String> values, Set<String> flags) {

    /** Parses {@code args} of {@code command}, which knows the valued options {@code valued} and the flags {@code flagNames}. */
    public static CommandLine parse(String command, List<String> args, Set<String> valued, Set<String> flagNames) {
        List<String> pos = new ArrayList<>();
        Map<String, String> vals = new LinkedHashMap<>();
        java.util.Set<String> flags = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                pos.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw CliException.usage("hadron " + command + ": option --" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    vals.put(name, value);
                } else if (flagNames.contains(name) && value == null) {
                    flags.add(name);
                } else {
                    List<String> known = new ArrayList<>();
                    valued.forEach(v -> known.add("--" + v + " VALUE"));
                    flagNames.forEach(f -> known.add("--" + f));
                    throw CliException.usage("hadron " + command + ": unknown option " + a + "; it takes "
                            + (known.isEmpty() ? "no options" : String.join(", ", known)) + " (see hadron " + command + " --help)");
                }
            } else {
                pos.add(a);
            }
        }
        return new CommandLine(command, List.copyOf(pos), Map.copyOf(vals), Set.copyOf(flags));
    }

    /** Fails unless there are between {@code min} and {@code max} positionals. */
    public CommandLine expectPositionals(int min, int max, String usage) {
        if (positionals.size() < min || positionals.size() > max) {
            throw CliException.usage("hadron " + command + ": expected " + (min == max ? String.valueOf(min) : min + " to " + max)
                    + " argument" + (max == 1 ? "" : "s") + ", got " + positionals.size() + " " + positionals + "; usage: " + usage);
        }
        return this;
    }

    /** True when the flag was given. */
    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /** The option's value, or {@code fallback}. */
    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
