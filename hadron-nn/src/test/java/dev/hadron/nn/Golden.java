package dev.hadron.nn;

import dev.hadron.tensor.Safetensors;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads the PyTorch golden files written by {@code src/test/resources/golden/make_golden.py}. */
public final class Golden {
    private Golden() {
    }

    /** All tensors of {@code golden/<name>.safetensors}. */
    public static Map<String, Tensor> load(String name) {
        URL url = Golden.class.getResource("/golden/" + name + ".safetensors");
        assertNotNull(url, "missing golden file golden/" + name + ".safetensors; run make_golden.py");
        try {
            return Safetensors.load(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries under {@code prefix + "."}, with the prefix removed. */
    public static Map<String, Tensor> prefixed(Map<String, Tensor> all, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : all.entrySet()) {
            if (e.getKey().startsWith(prefix + ".")) {
                out.put(e.getKey().substring(prefix.length() + 1), e.getValue());
            }
        }
        return out;
    }

    /** Asserts equal shapes and |actual - expected| <= tol * max(1, |expected|) everywhere. */
    public static void assertClose(String what, Tensor expected, Tensor actual, double tol) {
        assertNotNull(actual, what + ": no value");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape " + Shape.toString(actual.shape())
                + ", expected " + Shape.toString(expected.shape()));
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double worst = 0;
        int at = -1;
        for (int i = 0; i < e.length; i++) {
            double err = Math.abs(a[i] - e[i]) / Math.max(1, Math.abs(e[i]));
            if (!(err <= worst)) {
                worst = err;
                at = i;
            }
        }
        if (!(worst <= tol)) {
            fail(what + ": element " + at + " is " + a[at] + ", PyTorch has " + e[at] + " (relative error " + worst
                    + " > " + tol + "); actual " + Arrays.toString(Arrays.copyOf(a, Math.min(a.length, 8))) + "...");
        }
    }
}
