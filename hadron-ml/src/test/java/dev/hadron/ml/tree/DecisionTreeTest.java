package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionTreeTest {
    @Test
    void conformance() {
        Conformance.checkClassifier(DecisionTree.Params.defaults().withMaxDepth(5), Conformance.Options.strict());
        Conformance.checkClassifier(DecisionTree.Params.defaults().withCriterion(Criterion.ENTROPY)
                .withMaxLeafNodes(8), Conformance.Options.strict());
        Conformance.checkRegressor(DecisionTree.Params.regressionDefaults().withMaxDepth(6).regressor(),
                Conformance.Options.strict());
    }

    @Test
    void depthAndSizeLimits() {
        Dataset d = GradientBoostedTreesTest.twoFeatures(1, 1000);
        DecisionTree deep = DecisionTree.Params.defaults().fit(d);
        assertEquals(1.0, deep.predict(d.features()).eq(d.labels()).to(DType.FLOAT64).mean().item(), 0.0,
                "an unlimited tree separates its training set");
        assertTrue(DecisionTree.Params.defaults().withMaxDepth(3).fit(d).tree().depth() <= 3);
        assertEquals(7, DecisionTree.Params.defaults().withMaxLeafNodes(7).fit(d).tree().numLeaves());
        Tree t = DecisionTree.Params.defaults().withMinSamplesLeaf(50).fit(d).tree();
        for (int j = 0; j < t.numNodes(); j++) {
            assertTrue(t.cover(j) >= 50, "leaf of " + t.cover(j) + " events");
        }
    }

    /** A weighted Gini stump on a sample small enough to check by hand. */
    @Test
    void stumpMatchesHandComputation() {
        float[] x = {1, 2, 3, 4, 5, 6};
        long[] y = {0, 0, 0, 1, 1, 0};
        double[] w = {1, 1, 1, 1, 1, 0.5};
        DecisionTree m = DecisionTree.fit(DecisionTree.Params.defaults().withMaxDepth(1), Tensor.of(x, 6, 1),
                Tensor.of(y, 6), Tensor.of(w, 6));
        // weighted Gini: 3.5 leaves {0,0,0} | {1,1,0 (w 0.5)}, impurity 0.8; 4.5 gives 2.17, 5.5 gives 2.4
        assertEquals(3.5f, m.tree().threshold(0), 0f);
        assertArrayEquals(new double[] {1, 0, 0.2, 0.8}, m.predictProba(Tensor.of(new float[] {0, 10}, 2, 1))
                .toDoubleArray(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecisionTree.fit(
                DecisionTree.Params.defaults(), Tensor.of(new float[] {Float.NaN, 1}, 2, 1),
                Tensor.of(new long[] {0, 1}, 2)));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
