package dev.hadron.cli.network;

import dev.hadron.cli.config.ConfigNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of a network's {@code layers:} list, in either form:
 *
 * <pre>
 * layers:
 *   - linear 64                      # text: the layer, its positional values, then key=value pairs
 *   - conv2d 16 3 padding=1
 *   - {dropout: 0.1}                 # mapping with one key: a single value ...
 *   - {attention: {heads: 4, ffn: 128}}    # ... or the named values
 * </pre>
 *
 * Positional values fill the layer's parameters in the order {@link LayerType} lists them.
 * {@link #toString()} gives the text form, which is what saved models record.
 *
 * @param type the layer
 * @param values the parameters given, by name (text)
 * @param node where it sits in the config (for messages), or null for a spec read back from a model
 */
public record LayerSpec(LayerType type, Map<String, String> values, ConfigNode node) {

    /** Parses one entry. */
    public static LayerSpec parse(ConfigNode n) {
        String name;
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        if (n.isMap()) {
            List<String> keys = n.keys();
            if (keys.size() != 1) {
                throw n.error("a layer given as a mapping has exactly one key, the layer name (e.g. {conv2d: {out: 16, kernel: 3}}); got "
                        + keys);
            }
            name = keys.get(0);
            ConfigNode v = n.get(name);
            if (v != null && v.isMap()) {
                for (var e : v.entries().entrySet()) {
                    named.put(e.getKey(), text(e.getValue()));
                }
            } else if (v != null && v.isList()) {
                for (ConfigNode item : v.items()) {
                    positional.add(item.asString());
                }
            } else if (v != null) {
                positional.add(v.asString());
            }
        } else {
            String[] tokens = n.asString().trim().split("\\s+");
            name = tokens[0];
            for (int i = 1; i < tokens.length; i++) {
                int eq = tokens[i].indexOf('=');
                if (eq > 0) {
                    named.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
                } else if (!named.isEmpty()) {
                    throw n.error("positional value '" + tokens[i] + "' after key=value pairs in '" + n.asString() + "'; put the"
                            + " positional values first");
                } else {
                    positional.add(tokens[i]);
                }
            }
        }
        LayerType type = LayerType.find(name);
        if (type == null) {
            String near = ConfigNode.nearest(name, LayerType.names());
            throw n.error("unknown layer '" + name + "'" + (near == null ? "" : " (did you mean '" + near + "'?)") + "; layers: "
                    + String.join(", ", LayerType.names()));
        }
        return new LayerSpec(type, type.bind(positional, named, n), n);
    }

    /** Parses the text form written by {@link #toString()} (saved models). */
    public static LayerSpec parse(String text) {
        return parse(ConfigNode.of("model", "layers", text));
    }

    private static String text(ConfigNode v) {
        if (v.isList()) {
            List<String> parts = new ArrayList<>();
            for (ConfigNode i : v.items()) {
                parts.add(i.asString());
            }
            return String.join(",", parts);
        }
        return v.asString();
    }

    /** A whole number parameter. */
    public int integer(String key) {
        String v = values.get(key);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw error(key + " is '" + v + "'; expected a whole number");
        }
    }

    /** A number parameter. */
    public double number(String key) {
        String v = values.get(key);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw error(key + " is '" + v + "'; expected a number");
        }
    }

    /** A list of whole numbers ({@code 64,64}). */
    public int[] integers(String key) {
        String v = values.get(key).trim();
        if (v.isEmpty()) {
            return new int[0];
        }
        String[] parts = v.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw error(key + " is '" + v + "'; expected whole numbers separated by commas, e.g. 64,64");
            }
        }
        return out;
    }

    /** A text parameter, lower-cased. */
    public String word(String key) {
        return values.get(key).trim().toLowerCase(Locale.ROOT);
    }

    /** An error about this layer naming its place in the config. */
    public RuntimeException error(String message) {
        if (node != null) {
            return node.error("layer '" + this + "': " + message);
        }
        return new IllegalArgumentException("layer '" + this + "': " + message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type.id());
        values.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
