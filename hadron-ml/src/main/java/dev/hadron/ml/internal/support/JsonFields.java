package dev.hadron.ml.internal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reading of the JSON maps that models are saved as, with errors that name the missing or
 * malformed field, and the conversions of arrays to JSON lists.
 */
public final class JsonFields {
    private JsonFields() {
    }

    private static Object field(Map<String, Object> m, String key) {
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException("model JSON: field '" + key + "' is missing (found " + m.keySet() + ")");
        }
        return m.get(key);
    }

    /** A number field. */
    public static double number(Map<String, Object> m, String key) {
        if (!(field(m, key) instanceof Number n)) {
            throw new IllegalArgumentException("model JSON: field '" + key + "' must be a number, got " + m.get(key));
        }
        return n.doubleValue();
    }

    /** An integer field. */
    public static int integer(Map<String, Object> m, String key) {
        double v = number(m, key);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model JSON: field '" + key + "' must be an integer, got " + v);
        }
        return (int) v;
    }

    /** A long integer field. */
    public static long longInteger(Map<String, Object> m, String key) {
        if (!(field(m, key) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("model JSON: field '" + key + "' must be an integer, got " + m.get(key));
        }
        return n.longValue();
    }

    /** A boolean field. */
    public static boolean bool(Map<String, Object> m, String key) {
        if (!(field(m, key) instanceof Boolean b)) {
            throw new IllegalArgumentException("model JSON: field '" + key + "' must be true or false, got " + m.get(key));
        }
        return b;
    }

    /** A string field. */
    public static String string(Map<String, Object> m, String key) {
        if (!(field(m, key) instanceof String s)) {
            throw new IllegalArgumentException("model JSON: field '" + key + "' must be a string, got " + m.get(key));
        }
        return s;
    }

    /** An object field. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> m, String key) {
        if (!(field(m, key) instanceof Map<?, ?> o)) {
            throw new IllegalArgumentException("model JSON: field '" + key + "' must be an object, got " + m.get(key));
        }
        return (Map<String, Object>) o;
    }

    /** A list field. */
    public static List<?> list(Map<String, Object> m, String key) {
        if (!(field(m, key) instanceof List<?> l)) {
            throw new IllegalArgumentException("model JSON: field '" + key + "' must be a list, got " + m.get(key));
        }
        return l;
    }

    /** A list of numbers, with an expected length (or -1 for any). */
    public static double[] doubles(Map<String, Object> m, String key, int expectedLength) {
        List<?> l = list(m, key);
        if (expectedLength >= 0 && l.size() != expectedLength) {
            throw new IllegalArgumentException("model JSON: field '" + key + "' has " + l.size() + " values, expected "
                    + expectedLength);
        }
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            if (!(l.get(i) instanceof Number n)) {
                throw new IllegalArgumentException("model JSON: value " + i + " of '" + key + "' is not a number: " + l.get(i));
            }
            v[i] = n.doubleValue();
        }
        return v;
    }

    /** A list of integers, with an expected length (or -1 for any). */
    public static int[] ints(Map<String, Object> m, String key, int expectedLength) {
        double[] d = doubles(m, key, expectedLength);
        int[] v = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i]) || Math.abs(d[i]) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("model JSON: value " + i + " of '" + key + "' is not an integer: " + d[i]);
            }
            v[i] = (int) d[i];
        }
        return v;
    }

    /** Checks a count read from a model file before anything is allocated from it. */
    public static int count(Map<String, Object> m, String key, int max) {
        int v = integer(m, key);
        if (v < 0 || v > max) {
            throw new IllegalArgumentException("model JSON: field '" + key + "' is " + v + ", expected 0 to " + max);
        }
        return v;
    }

    /** A double array as a JSON list. */
    public static List<Object> list(double[] v) {
        List<Object> l = new ArrayList<>(v.length);
        for (double x : v) {
            l.add(x);
        }
        return l;
    }

    /** An int array as a JSON list. */
    public static List<Object> list(int[] v) {
        List<Object> l = new ArrayList<>(v.length);
        for (int x : v) {
            l.add((long) x);
        }
        return l;
    }
}
