package dev.hadron.cli.config;

import dev.hadron.cli.CliException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One value of a YAML config together with where it sits ({@code methods[1].params.trees}), so that
 * every complaint names the key: {@code jets.yaml: methods[1].type: unknown method 'xgb'; use one of
 * gbt, random_forest, ...}. Typed getters validate and convert; {@link #checkKeys} rejects unknown
 * keys (with a suggestion for near misses) so that a typo never silently falls back to a default.
 */
public final class ConfigNode {
    private final String file;
    private final String path;
    private final Object value;

    private ConfigNode(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    /** Parses a YAML file whose top level is a mapping. */
    public static ConfigNode load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CliException(dev.hadron.cli.ExitCode.CONFIG, "cannot read config " + file + ": " + e.getMessage(), e);
        }
        return parse(file.getFileName().toString(), text);
    }

    /** Parses YAML text; {@code name} labels messages. */
    public static ConfigNode parse(String name, String text) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(name).setAllowDuplicateKeys(false).build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
            throw CliException.config(name + ": not valid YAML" + where + ": " + e.getProblem());
        } catch (YamlEngineException e) {
            throw CliException.config(name + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (!(root instanceof Map<?, ?>)) {
            throw CliException.config(name + ": the config must be a YAML mapping (keys such as data:, methods:), got "
                    + describe(root));
        }
        return new ConfigNode(name, "", root);
    }

    /** A node built in code (for defaults and tests). */
    public static ConfigNode of(String file, String path, Object value) {
        return new ConfigNode(file, path, value);
    }

    /** The raw value (maps, lists, strings, numbers, booleans, null). */
    public Object value() {
        return value;
    }

    /** Where this node sits, e.g. {@code methods[1].params}. */
    public String path() {
        return path;
    }

    /** The config file's name. */
    public String file() {
        return file;
    }

    /** An error about this node: {@code file: path: message}. */
    public CliException error(String message) {
        return CliException.config(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** An error about the key {@code key} of this mapping. */
    public CliException error(String key, String message) {
        return CliException.config(file + ": " + childPath(key) + ": " + message);
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** True when this node is a mapping. */
    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    /** True when this node is a list. */
    public boolean isList() {
        return value instanceof List<?>;
    }

    /** True when this node is a string. */
    public boolean isString() {
        return value instanceof String;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> map() {
        if (!(value instanceof Map<?, ?>)) {
            throw error("expected a mapping (key: value lines), got " + describe(value));
        }
        return (Map<Object, Object>) value;
    }

    /** The keys of this mapping, in file order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Object k : map().keySet()) {
            out.add(String.valueOf(k));
        }
        return out;
    }

    /** True when the mapping has the key (even with a null value). */
    public boolean has(String key) {
        return map().containsKey(key);
    }

    /** The child at {@code key}, or null when absent or null. */
    public ConfigNode get(String key) {
        Object v = map().get(key);
        return v == null ? null : new ConfigNode(file, childPath(key), v);
    }

    /** The child at {@code key}; an error saying what it is for when absent. */
    public ConfigNode require(String key, String what) {
        ConfigNode n = get(key);
        if (n == null) {
            throw error("missing key '" + key + "' (" + what + ")");
        }
        return n;
    }

    /** Fails on keys other than {@code allowed}, suggesting the closest allowed key. */
    public void checkKeys(Collection<String> allowed) {
        for (String k : keys()) {
            if (!allowed.contains(k)) {
                String near = nearest(k, allowed);
                throw error(k, "unknown key" + (near == null ? "" : " (did you mean '" + near + "'?)") + "; allowed here: "
                        + String.join(", ", allowed));
            }
        }
    }

    /** The items of this list (a single non-list value counts as a one-item list). */
    public List<ConfigNode> items() {
        List<ConfigNode> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                out.add(new ConfigNode(file, path + "[" + i + "]", l.get(i)));
            }
        } else {
            out.add(this);
        }
        return out;
    }

    /** This node as text (numbers and booleans are accepted and printed). */
    public String asString() {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw error("expected a text value, got " + describe(value));
    }

    /** This node as a number. */
    public double asDouble() {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error("expected a number, got " + describe(value));
    }

    /** This node as a whole number. */
    public long asLong() {
        double d = asDouble();
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
            throw error("expected a whole number, got " + describe(value));
        }
        return (long) d;
    }

    /** This node as a boolean (true/false, yes/no, on/off). */
    public boolean asBoolean() {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> {
                    return true;
                }
                case "false", "no", "off" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw error("expected true or false, got " + describe(value));
    }

    /** This node as a list of text values (a single value is a one-item list). */
    public List<String> asStringList() {
        List<String> out = new ArrayList<>();
        for (ConfigNode n : items()) {
            out.add(n.asString());
        }
        return out;
    }

    /** Text at {@code key}, or {@code fallback} when absent. */
    public String string(String key, String fallback) {
        ConfigNode n = get(key);
        return n == null ? fallback : n.asString();
    }

    /** A number at {@code key} in [min, max], or {@code fallback}. */
    public double number(String key, double fallback, double min, double max) {
        ConfigNode n = get(key);
        if (n == null) {
            return fallback;
        }
        double v = n.asDouble();
        if (!(v >= min && v <= max)) {
            throw n.error("is " + v + "; expected a value in [" + min + ", " + max + "]");
        }
        return v;
    }

    /** A whole number at {@code key} in [min, max], or {@code fallback}. */
    public long integer(String key, long fallback, long min, long max) {
        ConfigNode n = get(key);
        if (n == null) {
            return fallback;
        }
        long v = n.asLong();
        if (v < min || v > max) {
            throw n.error("is " + v + "; expected " + (max == Long.MAX_VALUE ? "at least " + min : "a value from " + min + " to " + max));
        }
        return v;
    }

    /** A boolean at {@code key}, or {@code fallback}. */
    public boolean bool(String key, boolean fallback) {
        ConfigNode n = get(key);
        return n == null ? fallback : n.asBoolean();
    }

    /** A list of text values at {@code key}, or an empty list. */
    public List<String> strings(String key) {
        ConfigNode n = get(key);
        return n == null ? List.of() : n.asStringList();
    }

    /** One of {@code choices} at {@code key} (case-insensitive), or {@code fallback}. */
    public String choice(String key, String fallback, List<String> choices) {
        ConfigNode n = get(key);
        if (n == null) {
            return fallback;
        }
        String v = n.asString().trim().toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw n.error("is '" + n.asString() + "'; expected one of " + String.join(", ", choices));
        }
        return v;
    }

    /** The mapping as a plain map with string keys (values raw). */
    public Map<String, ConfigNode> entries() {
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        for (String k : keys()) {
            out.put(k, new ConfigNode(file, childPath(k), map().get(k)));
        }
        return out;
    }

    /** How a value reads in a message: its text and kind. */
    static String describe(Object v) {
        if (v == null) {
            return "nothing (null)";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        return String.valueOf(v);
    }

    /** The allowed word closest to {@code word} by edit distance, if close enough to be a typo. */
    public static String nearest(String word, Collection<String> allowed) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = distance(word.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        return best != null && bestD <= Math.max(1, Math.min(3, word.length() / 3)) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    public String toString() {
        return file + ":" + path + "=" + value;
    }
}
