package dev.hadron.cli.method;

import dev.hadron.cli.config.ConfigNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies a config's {@code params:} mapping to a hyperparameter record through its {@code withX}
 * copies: {@code max_depth: 4} calls {@code withMaxDepth(4)}. Every record component is reachable under
 * its snake_case name (camelCase works too), values are converted to the parameter's type (numbers,
 * booleans, enum constants by name), and the record's own validation reports bad values — so each new
 * hyperparameter of a Hadron estimator is usable from YAML without touching the command.
 */
public final class Hyperparameters {
    private Hyperparameters() {
    }

    /** {@code base} with every entry of {@code params} applied (params may be null). */
    public static <P extends Record> P apply(P base, ConfigNode params) {
        if (params == null) {
            return base;
        }
        P p = base;
        for (var e : params.entries().entrySet()) {
            p = set(p, e.getKey(), e.getValue());
        }
        return p;
    }

    /** {@code base} with {@code key} set, when the record has that component; otherwise unchanged. */
    @SuppressWarnings("unchecked")
    public static <P extends Record> P setIfPresent(P base, String component, Object value) {
        Method m = wither(base.getClass(), component);
        if (m == null) {
            return base;
        }
        try {
            return (P) m.invoke(base, value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot set " + component + " on " + base.getClass().getSimpleName(), e);
        }
    }

    /** The snake_case names of the record's components (what {@code params:} accepts). */
    public static List<String> names(Class<?> recordClass) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : recordClass.getRecordComponents()) {
            out.add(snake(c.getName()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> P set(P base, String key, ConfigNode value) {
        String camel = camel(key);
        Method m = wither(base.getClass(), camel);
        if (m == null) {
            List<String> names = names(base.getClass());
            String near = ConfigNode.nearest(key, names);
            throw value.error("unknown hyperparameter" + (near == null ? "" : " (did you mean '" + near + "'?)") + "; "
                    + base.getClass().getEnclosingClass().getSimpleName() + " takes " + String.join(", ", names));
        }
        Object arg = convert(m.getParameterTypes()[0], value);
        try {
            return (P) m.invoke(base, arg);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            throw value.error("invalid value " + value.value() + ": " + (c.getMessage() == null ? c.toString() : c.getMessage()));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m, e);
        }
    }

    private static Method wither(Class<?> cls, String camel) {
        String name = "with" + Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
        for (Method m : cls.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1 && m.getReturnType() == cls) {
                return m;
            }
        }
        return null;
    }

    private static Object convert(Class<?> type, ConfigNode v) {
        if (type == int.class || type == Integer.class) {
            long l = v.asLong();
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw v.error("is " + l + "; too large");
            }
            return (int) l;
        }
        if (type == long.class || type == Long.class) {
            return v.asLong();
        }
        if (type == double.class || type == Double.class) {
            return v.asDouble();
        }
        if (type == float.class || type == Float.class) {
            return (float) v.asDouble();
        }
        if (type == boolean.class || type == Boolean.class) {
            return v.asBoolean();
        }
        if (type == String.class) {
            return v.asString();
        }
        if (type.isEnum()) {
            String s = v.asString().trim().toUpperCase(Locale.ROOT).replace('-', '_');
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                Enum<?> en = (Enum<?>) c;
                names.add(en.name().toLowerCase(Locale.ROOT));
                if (en.name().equals(s)) {
                    return en;
                }
            }
            throw v.error("is '" + v.asString() + "'; expected one of " + String.join(", ", names));
        }
        throw v.error("cannot be set from the config (type " + type.getSimpleName() + ")");
    }

    /** {@code max_depth} → {@code maxDepth}. */
    static String camel(String key) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : key.toCharArray()) {
            if (c == '_' || c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** {@code maxDepth} → {@code max_depth}. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
