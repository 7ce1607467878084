package dev.hadron.ml.tree;

import dev.hadron.tensor.Generator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinningTest {
    private static Binning fit(float[] x, int n, int f, int bins) {
        try (Parallel par = new Parallel(2)) {
            return Binning.fit(x, n, f, bins, new Generator(1), par);
        }
    }

    @Test
    void fewDistinctValuesGetMidpoints() {
        float[] x = {3, 1, 2, 2, 1, 3, 5};
        Binning b = fit(x, x.length, 1, 256);
        assertArrayEquals(new float[] {1.5f, 2.5f, 4f}, b.thresholds(0));
        assertEquals(4, b.numBins(0));
        assertEquals(0, b.code(0, 1));
        assertEquals(1, b.code(0, 2));
        assertEquals(3, b.code(0, 5));
        assertEquals(3, b.code(0, 100));
        assertEquals(0, b.code(0, -100));
    }

    @Test
    void constantFeatureHasOneBin() {
        Binning b = fit(new float[] {2, 2, 2}, 3, 1, 256);
        assertEquals(1, b.numBins(0));
        assertEquals(0, b.code(0, 7));
    }

    @Test
    void quantileBinsAreBalancedAndAgreeWithThresholds() {
        Generator g = new Generator(5);
        int n = 20_000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) g.nextGaussian();
        }
        Binning b = fit(x, n, 1, 64);
        assertEquals(64, b.numBins(0));
        int[] count = new int[64];
        for (float v : x) {
            count[b.code(0, v)]++;
        }
        for (int c : count) {
            assertTrue(c > n / 64 * 0.8 && c < n / 64 * 1.2, "unbalanced bin: " + c);
        }
        // "bin <= b" is the same test as "value < t_b", the test the fitted trees apply
        for (float v : x) {
            int code = b.code(0, v);
            for (int t = 0; t < b.numBins(0) - 1; t++) {
                assertEquals(code <= t, v < b.threshold(0, t));
            }
        }
    }

    @Test
    void transformMatchesCodeIncludingMissingAndThresholdValues() {
        Generator g = new Generator(9);
        int n = 3000;
        int f = 3;
        float[] x = new float[n * f];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.round(g.nextGaussian() * 40) / 4f;
        }
        x[7 * f + 1] = Float.NaN;
        x[11 * f + 1] = Float.NaN;
        Binning b = fit(x, n, f, 32);
        assertFalse(b.hasMissing(0));
        assertTrue(b.hasMissing(1));
        // values placed exactly on thresholds
        x[0] = b.threshold(0, 3);
        x[f] = b.threshold(0, 0);
        Binning.Binned d;
        try (Parallel par = new Parallel(2)) {
            d = b.transform(x, n, par);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                assertEquals(b.code(j, x[i * f + j]), d.codes()[j * n + i] & 0xFF, "row " + i + " feature " + j);
            }
        }
        assertEquals(b.numBins(1), d.codes()[n + 7] & 0xFF, "missing values get the code after the value bins");
    }

    @Test
    void featuresWithMissingValuesKeepAByteForThem() {
        int n = 1000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 10 == 0 ? Float.NaN : i;
        }
        assertEquals(255, fit(x, n, 1, 256).numBins(0));
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i;
        }
        assertEquals(256, fit(y, n, 1, 256).numBins(0));
    }

    @Test
    void sampleRowsAreDistinctAndSorted() {
        int[] s = Binning.sampleRows(1000, 300, new Generator(3));
        assertEquals(300, s.length);
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[i] > s[i - 1]);
        }
    }
}
