package dev.hadron.ml.tree;

import java.util.List;
import java.util.Map;

/** Reading typed values out of parsed model JSON, with errors that name the missing or malformed key. */
final class JsonArrays {
    private JsonArrays() {
    }

    static Object get(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("model JSON: missing key '" + key + "'");
        }
        return v;
    }

    static List<?> list(Map<String, Object> m, String key) {
        if (!(get(m, key) instanceof List<?> l)) {
            throw new IllegalArgumentException("model JSON: '" + key + "' should be an array");
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> m, String key) {
        if (!(get(m, key) instanceof Map<?, ?> o)) {
            throw new IllegalArgumentException("model JSON: '" + key + "' should be an object");
        }
        return (Map<String, Object>) o;
    }

    static double number(Map<String, Object> m, String key) {
        if (!(get(m, key) instanceof Number n)) {
            throw new IllegalArgumentException("model JSON: '" + key + "' should be a number, got " + m.get(key));
        }
        return n.doubleValue();
    }

    static long integer(Map<String, Object> m, String key) {
        if (!(get(m, key) instanceof Long n)) {
            throw new IllegalArgumentException("model JSON: '" + key + "' should be an integer, got " + m.get(key));
        }
        return n;
    }

    static String string(Map<String, Object> m, String key) {
        if (!(get(m, key) instanceof String s)) {
            throw new IllegalArgumentException("model JSON: '" + key + "' should be a string, got " + m.get(key));
        }
        return s;
    }

    static boolean bool(Map<String, Object> m, String key) {
        if (!(get(m, key) instanceof Boolean b)) {
            throw new IllegalArgumentException("model JSON: '" + key + "' should be true or false, got " + m.get(key));
        }
        return b;
    }

    static double[] doubles(Map<String, Object> m, String key) {
        List<?> l = list(m, key);
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            if (!(l.get(i) instanceof Number n)) {
                throw new IllegalArgumentException("model JSON: entry " + i + " of '" + key + "' is not a number");
            }
            a[i] = n.doubleValue();
        }
        return a;
    }

    static int[] ints(Map<String, Object> m, String key) {
        List<?> l = list(m, key);
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            if (!(l.get(i) instanceof Long n) || n != (int) (long) n) {
                throw new IllegalArgumentException("model JSON: entry " + i + " of '" + key + "' is not a 32-bit integer");
            }
            a[i] = (int) (long) n;
        }
        return a;
    }

    static boolean[] booleans(Map<String, Object> m, String key) {
        List<?> l = list(m, key);
        boolean[] a = new boolean[l.size()];
        for (int i = 0; i < a.length; i++) {
            if (!(l.get(i) instanceof Boolean b)) {
                throw new IllegalArgumentException("model JSON: entry " + i + " of '" + key + "' is not true/false");
            }
            a[i] = b;
        }
        return a;
    }
}
