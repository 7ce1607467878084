package dev.hadron.eval.metrics;

import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads golden.json (written by make_golden.py next to it) and converts its arrays. */
final class Golden {
    private static Map<String, Object> root;

    private Golden() {
    }

    static synchronized Map<String, Object> root() {
        if (root == null) {
            try (InputStream in = Golden.class.getResourceAsStream("golden.json")) {
                if (in == null) {
                    throw new IllegalStateException("golden.json missing from test resources");
                }
                root = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    static Map<String, Object> obj(String key) {
        return obj(root(), key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(String key) {
        return (List<Map<String, Object>>) root().get(key);
    }

    static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static double[] arr(Map<String, Object> m, String key) {
        List<Object> l = (List<Object>) m.get(key);
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            Object o = l.get(i);
            a[i] = o instanceof String s ? (s.equals("inf") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY) : ((Number) o).doubleValue();
        }
        return a;
    }

    static long[] longs(Map<String, Object> m, String key) {
        double[] d = arr(m, key);
        long[] l = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            l[i] = (long) d[i];
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    static double[][] matrix(Map<String, Object> m, String key) {
        List<List<Object>> l = (List<List<Object>>) m.get(key);
        double[][] a = new double[l.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        }
        return a;
    }

    static Tensor tensor(Map<String, Object> m, String key) {
        return m.get(key) == null ? null : Tensor.of(arr(m, key));
    }

    static Tensor labels(Map<String, Object> m, String key) {
        long[] l = longs(m, key);
        return Tensor.of(l, l.length);
    }

    /** The Knuth MMIX 64-bit LCG of make_golden.py: uniform doubles from the top 53 bits. */
    static double[] lcgUniform(long seed, int n, double shift) {
        long x = seed;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            x = 6364136223846793005L * x + 1442695040888963407L;
            u[i] = (x >>> 11) * 0x1.0p-53 + shift;
        }
        return u;
    }
}
