package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomForestTest {
    @Test
    void conformance() {
        // bootstrap samples depend on row order and on duplicates: only the common checks apply
        Conformance.Options sampled = new Conformance.Options(false, false, 1e-6);
        Conformance.checkClassifier(RandomForest.Params.defaults().withTrees(20), sampled);
        Conformance.checkRegressor(RandomForest.Params.regressionDefaults().withTrees(20).regressor(), sampled);
        // without bootstrap and with every feature searched, a forest is a deterministic average of equal trees
        Conformance.checkClassifier(RandomForest.Params.defaults().withTrees(3).withBootstrap(false)
                .withMaxFeatures(-1).withMaxDepth(6), Conformance.Options.strict());
    }

    @Test
    void outOfBagScoreEstimatesHeldOutAccuracy() {
        Dataset train = GradientBoostedTreesTest.twoFeatures(20, 1500);
        Dataset test = GradientBoostedTreesTest.twoFeatures(21, 1500);
        RandomForest m = RandomForest.Params.defaults().withTrees(60).withOobScore(true).fit(train);
        double held = m.predict(test.features()).eq(test.labels()).to(DType.FLOAT64).mean().item();
        assertTrue(m.oobScore() > 0.8 && Math.abs(m.oobScore() - held) < 0.03,
                "out-of-bag " + m.oobScore() + " versus held-out " + held);
        assertTrue(Double.isNaN(RandomForest.Params.defaults().withTrees(5).fit(train).oobScore()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RandomForest.Params.defaults()
                .withOobScore(true).withBootstrap(false).fit(train));
        assertTrue(e.getMessage().contains("bootstrap"), e.getMessage());
        RandomForestRegressor r = RandomForest.Params.regressionDefaults().withTrees(40).withOobScore(true).regressor()
                .fit(Conformance.regression(4));
        assertTrue(r.oobScore() > 0.5 && r.oobScore() < 1, "out-of-bag R2 " + r.oobScore());
    }

    @Test
    void parallelForestsEqualSerialOnes() {
        Dataset d = GradientBoostedTreesTest.twoFeatures(22, 2000);
        RandomForest.Params p = RandomForest.Params.defaults().withTrees(12).withOobScore(true);
        RandomForest one = p.withThreads(1).fit(d);
        RandomForest three = p.withThreads(3).fit(d);
        assertArrayEquals(one.predictProba(d.features()).toDoubleArray(),
                three.predictProba(d.features()).toDoubleArray(), 0.0);
        assertEquals(one.oobScore(), three.oobScore(), 0.0);
        double[] imp = one.featureImportances().toDoubleArray();
        assertTrue(imp[0] + imp[1] > 0.6, "informative features rank first: " + Arrays.toString(imp));
    }
}
