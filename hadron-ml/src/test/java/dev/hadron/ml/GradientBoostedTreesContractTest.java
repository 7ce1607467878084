package dev.hadron.ml;

import dev.hadron.ml.tree.GradientBoostedTrees;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "minimum public contract" of {@code GradientBoostedTrees}, exercised from outside its
 * package through public API only, exactly as outside checks call it; the first test is also the
 * example of the package documentation.
 */
class GradientBoostedTreesContractTest {
    private static final int N = 600;

    /** Four Gaussian features; the class is decided by the first two. */
    private static Tensor features() {
        return Tensor.randn(new Generator(42), N, 4);
    }

    @Test
    void packageDocumentationExampleRuns() {
        Generator gen = new Generator(42);
        Tensor x = Tensor.randn(gen, N, 4);                                   // N events, 4 features
        Tensor y = x.select(1, 0).add(x.select(1, 1)).gt(0).to(DType.INT64);  // class labels 0 / 1
        var p = GradientBoostedTrees.Params.defaults().withTrees(50).withMaxDepth(3).withLearningRate(0.3)
                .withBins(64);
        GradientBoostedTrees bdt = GradientBoostedTrees.fit(p, x, y);
        Tensor proba = bdt.predictProba(x);                                   // N x 2
        assertArrayEquals(new int[] {N, 2}, proba.shape());
        double acc = bdt.predict(x).eq(y).to(DType.FLOAT64).mean().item();
        assertTrue(acc > 0.95, "training accuracy " + acc);
    }

    @Test
    void labelsOfEveryNumericDtypeGiveTheSameModel() {
        Tensor x = features();
        Tensor y = x.select(1, 0).add(x.select(1, 1)).gt(0).to(DType.FLOAT64); // 0.0 / 1.0
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(20).withMaxDepth(3)
                .withLearningRate(0.2).withBins(32);
        double[] reference = GradientBoostedTrees.fit(p, x, y).predictProba(x).toDoubleArray();
        for (DType dt : new DType[] {DType.FLOAT32, DType.INT32, DType.INT64}) {
            Tensor proba = GradientBoostedTrees.fit(p, x, y.to(dt)).predictProba(x);
            assertArrayEquals(new int[] {N, 2}, proba.shape(), dt.toString());
            assertArrayEquals(reference, proba.toDoubleArray(), 0.0, "labels as " + dt);
            for (DType wt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                Tensor ones = Tensor.ones(wt, N);
                assertArrayEquals(reference, GradientBoostedTrees.fit(p, x, y.to(dt), ones).predictProba(x)
                        .toDoubleArray(), 0.0, "labels as " + dt + ", unit weights as " + wt);
            }
        }
        double[] rows = GradientBoostedTrees.fit(p, x, y).predictProba(x).sum(1).toDoubleArray();
        for (double r : rows) {
            assertEquals(1.0, r, 1e-6, "probabilities of an event sum to one");
        }
    }

    @Test
    void threeClassesGiveThreeColumnsAndWeightsMatter() {
        Tensor x = features();
        // class 0, 1 or 2 from the sign pattern of the first two features
        Tensor y = x.select(1, 0).gt(0).to(DType.INT32).add(x.select(1, 1).gt(0).to(DType.INT32));
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(15).withMaxDepth(3)
                .withBins(32);
        GradientBoostedTrees m = GradientBoostedTrees.fit(p, x, y);
        Tensor proba = m.predictProba(x);
        assertArrayEquals(new int[] {N, 3}, proba.shape());
        assertEquals(3, m.numClasses());
        double[] w = new double[N];
        Arrays.fill(w, 1.0);
        for (int i = 0; i < N; i += 2) {
            w[i] = 3.0;
        }
        double[] weighted = GradientBoostedTrees.fit(p, x, y.to(DType.FLOAT32), Tensor.of(w, N)).predictProba(x)
                .toDoubleArray();
        assertEquals(N * 3, weighted.length);
        assertTrue(!Arrays.equals(proba.toDoubleArray(), weighted), "event weights change the fit");
    }

    @Test
    void nonIntegerLabelsAreRefusedByName() {
        Tensor x = features();
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % 2;
        }
        y[7] = 0.5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientBoostedTrees.fit(GradientBoostedTrees.Params.defaults().withTrees(2), x, Tensor.of(y, N)));
        assertTrue(e.getMessage().contains("0.5") && e.getMessage().contains("7"), e.getMessage());
    }
}
