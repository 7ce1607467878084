package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.tensor.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaBoostTest {
    @Test
    void conformance() {
        Conformance.checkClassifier(AdaBoost.Params.defaults().withTrees(20), Conformance.Options.strict());
        Conformance.checkClassifier(AdaBoost.Params.defaults().withTrees(20).withAlgorithm(AdaBoost.Algorithm.REAL),
                Conformance.Options.strict());
    }

    @Test
    void boostingImprovesOnOneTree() {
        Dataset train = GradientBoostedTreesTest.twoFeatures(30, 1500);
        Dataset test = GradientBoostedTreesTest.twoFeatures(31, 1500);
        AdaBoost.Params p = AdaBoost.Params.defaults().withMaxDepth(2);
        double one = accuracy(p.withTrees(1).fit(train), test);
        AdaBoost many = p.withTrees(80).fit(train);
        double boosted = accuracy(many, test);
        assertTrue(boosted > one + 0.03, "80 rounds " + boosted + " versus one tree " + one);
        assertEquals(many.trees().size(), many.treeWeights().length);
        for (double a : many.treeWeights()) {
            assertTrue(a > 0, "tree weight " + a);
        }
    }

    private static double accuracy(AdaBoost m, Dataset d) {
        return m.predict(d.features()).eq(d.labels()).to(DType.FLOAT64).mean().item();
    }
}
