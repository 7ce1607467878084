package dev.hadron.ml.tree;

import dev.hadron.tensor.Generator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowerTest {
    static final int N = 20_000;
    static final int F = 6;

    /** Features with missing values and a target that depends on three of them. */
    static float[] features(long seed) {
        Generator g = new Generator(seed);
        float[] x = new float[N * F];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 17 == 3 ? Float.NaN : (float) g.nextGaussian();
        }
        return x;
    }

    private static Tree grow(float[] x, int threads, int maxDepth, int maxLeaves, boolean leafWise, float[][] ghOut) {
        try (Parallel par = new Parallel(threads)) {
            Binning b = Binning.fit(x, N, F, 64, new Generator(1), par);
            Binning.Binned d = b.transform(x, N, par);
            Grower gr = new Grower(d, new Splitting(0, 1, 1, 0), maxDepth, maxLeaves, leafWise, 0.5, 1, par);
            for (int i = 0; i < N; i++) {
                float a = Float.isNaN(x[i * F]) ? 2 : x[i * F];
                float c = Float.isNaN(x[i * F + 2]) ? 0 : x[i * F + 2];
                gr.rows[i] = i;
                gr.g[i] = a * c - (x[i * F + 4] > 0.3f ? 1 : 0);
                gr.h[i] = 1;
            }
            if (ghOut != null) {
                ghOut[0] = gr.g.clone();
            }
            Tree t = gr.grow(N, true, new int[] {0, 1, 2, 3, 4, 5}, new Generator(2));
            // binned and raw predictions agree on the training rows
            for (int i = 0; i < N; i++) {
                assertEquals(t.leafBinned(d.codes(), N, i, gr.missingCodes()), t.leaf(x, i * F), "row " + i);
            }
            return t;
        }
    }

    @Test
    void depthWiseRespectsTheDepthAndFitsLeafValues() {
        float[] x = features(1);
        float[][] g = new float[1][];
        Tree t = grow(x, 2, 4, 0, false, g);
        assertTrue(t.depth() <= 4);
        assertEquals(16, t.numLeaves(), "a deep enough signal fills every level");
        // each leaf holds lr * -G / (H + l2) of the rows that reach it
        double[] gs = new double[t.numNodes()];
        double[] hs = new double[t.numNodes()];
        for (int i = 0; i < N; i++) {
            int leaf = t.leaf(x, i * F);
            gs[leaf] += g[0][i];
            hs[leaf] += 1;
        }
        for (int j = 0; j < t.numNodes(); j++) {
            if (t.isLeaf(j)) {
                assertEquals(0.5 * -gs[j] / (hs[j] + 1), t.value(j, 0), 1e-4, "leaf " + j);
                assertEquals(hs[j], t.cover(j), 1e-6);
            } else {
                assertTrue(t.gain(j) > 0);
            }
        }
    }

    @Test
    void leafWiseRespectsTheLeafCount() {
        Tree t = grow(features(2), 2, 0, 11, true, null);
        assertEquals(11, t.numLeaves());
        assertTrue(t.depth() > 3, "leaf-wise growth goes deep where the gain is");
    }

    @Test
    void treesAreBitIdenticalForAnyThreadCount() {
        float[] x = features(3);
        for (boolean leafWise : new boolean[] {false, true}) {
            Tree a = grow(x, 1, 6, leafWise ? 40 : 0, leafWise, null);
            Tree b = grow(x, 3, 6, leafWise ? 40 : 0, leafWise, null);
            assertEquals(a.numNodes(), b.numNodes());
            double[] va = new double[a.numNodes()];
            double[] vb = new double[b.numNodes()];
            for (int j = 0; j < a.numNodes(); j++) {
                va[j] = a.value(j, 0);
                vb[j] = b.value(j, 0);
                assertEquals(a.feature(j), b.feature(j));
                assertEquals(a.threshold(j), b.threshold(j));
            }
            assertArrayEquals(va, vb, 0.0);
        }
    }
}
