package dev.hadron.ml;

import dev.hadron.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the golden values written by {@code golden/make_golden.py} and compares with them. */
public final class Golden {
    private final Map<String, Object> root;

    private Golden(Map<String, Object> root) {
        this.root = root;
    }

    /** Loads {@code golden/<name>} from the test resources. */
    public static Golden load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("golden file " + name + " is missing; run golden/make_golden.py");
            }
            return new Golden(Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A nested object. */
    @SuppressWarnings("unchecked")
    public Golden get(String key) {
        Object v = root.get(key);
        if (!(v instanceof Map)) {
            throw new IllegalStateException("golden: no object '" + key + "' in " + root.keySet());
        }
        return new Golden((Map<String, Object>) v);
    }

    /** A number. */
    public double number(String key) {
        return ((Number) root.get(key)).doubleValue();
    }

    /** A boolean. */
    public boolean bool(String key) {
        return (Boolean) root.get(key);
    }

    /** A list of numbers. */
    public double[] array(String key) {
        List<?> l = (List<?>) root.get(key);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }

    /** Keys of this object. */
    public java.util.Set<String> keys() {
        return root.keySet();
    }

    /** Asserts element-wise |a - e| <= atol + rtol |e|. */
    public static void assertClose(double[] expected, double[] actual, double rtol, double atol, String what) {
        assertEquals(expected.length, actual.length, what + ": lengths differ");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]) - rtol * Math.abs(expected[i]);
            if (err > worst) {
                worst = err;
                at = i;
            }
        }
        if (worst > atol) {
            throw new AssertionError(what + ": element " + at + " is " + actual[at] + ", scikit-learn has " + expected[at]);
        }
    }

    /** Asserts |a - e| <= atol + rtol |e|. */
    public static void assertClose(double expected, double actual, double rtol, double atol, String what) {
        assertTrue(Math.abs(actual - expected) <= atol + rtol * Math.abs(expected),
                () -> what + ": " + actual + ", scikit-learn has " + expected);
    }
}
