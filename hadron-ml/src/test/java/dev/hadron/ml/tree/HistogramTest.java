package dev.hadron.ml.tree;

import dev.hadron.tensor.Generator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HistogramTest {
    @Test
    void buildEqualsBruteForceSumsAndSubtractionGivesTheSibling() {
        Generator gen = new Generator(4);
        int n = 5000;
        int f = 5;   // one group of four features and one single feature
        float[] x = new float[n * f];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) gen.nextGaussian();
            if (i % 13 == 0) {
                x[i] = Float.NaN;
            }
        }
        Binning.Binned d;
        Binning b;
        try (Parallel par = new Parallel(1)) {
            b = Binning.fit(x, n, f, 16, new Generator(1), par);
            d = b.transform(x, n, par);
        }
        Histogram h = new Histogram(b);
        float[] g = new float[n];
        float[] hs = new float[n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            g[i] = (float) gen.nextGaussian();
            hs[i] = (float) gen.nextDouble();
            rows[i] = i;
        }
        int[] features = {0, 1, 2, 3, 4};
        double[] root = new double[h.length()];
        h.build(d.codes(), n, features, 0, f, rows, g, hs, 0, n, true, root);
        check(h, b, d, features, rows, g, hs, 0, n, root);
        // a node made of every third row (gathered access)
        int m = 0;
        float[] gn = new float[n];
        float[] hn = new float[n];
        int[] other = new int[n];
        int mo = 0;
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) {
                rows[m] = i;
                gn[m] = g[i];
                hn[m++] = hs[i];
            } else {
                other[mo++] = i;
            }
        }
        double[] child = new double[h.length()];
        h.build(d.codes(), n, features, 0, f, rows, gn, hn, 0, m, false, child);
        check(h, b, d, features, rows, gn, hn, 0, m, child);
        double[] sibling = new double[h.length()];
        h.subtract(root, child, sibling, features, 0, f);
        float[] go = new float[mo];
        float[] ho = new float[mo];
        for (int i = 0; i < mo; i++) {
            go[i] = g[other[i]];
            ho[i] = hs[other[i]];
        }
        check(h, b, d, features, other, go, ho, 0, mo, sibling);
    }

    private static void check(Histogram h, Binning b, Binning.Binned d, int[] features, int[] rows, float[] g,
                              float[] hs, int from, int to, double[] hist) {
        int n = d.n();
        for (int f : features) {
            int slots = h.slots(f);
            double[] eg = new double[slots];
            double[] eh = new double[slots];
            for (int i = from; i < to; i++) {
                int c = d.codes()[f * n + rows[i]] & 0xFF;
                eg[c] += g[i];
                eh[c] += hs[i];
            }
            for (int s = 0; s < slots; s++) {
                assertEquals(eg[s], hist[2 * (h.offset(f) + s)], 1e-9, "gradient, feature " + f + " slot " + s);
                assertEquals(eh[s], hist[2 * (h.offset(f) + s) + 1], 1e-9, "hessian, feature " + f + " slot " + s);
            }
            assertEquals(b.numBins(f) + (b.hasMissing(f) ? 1 : 0), slots);
        }
    }
}
