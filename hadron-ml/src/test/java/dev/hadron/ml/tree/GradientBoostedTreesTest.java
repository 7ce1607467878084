package dev.hadron.ml.tree;

import dev.hadron.ml.Conformance;
import org.junit.jupiter.api.Test;

class GradientBoostedTreesTest {
    @Test
    void conformance() {
        Conformance.checkClassifier(GradientBoostedTrees.Params.defaults(), Conformance.Options.strict());
    }

    @Test
    void regressorConformance() {
        Conformance.checkRegressor(GradientBoostedTrees.Params.defaults().regressor(), Conformance.Options.strict());
    }
}
