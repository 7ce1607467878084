package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.HasFeatureImportances;
import dev.hadron.ml.Regressor;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CART regression tree (scikit-learn's {@code DecisionTreeRegressor}), immutable: exact splits
 * minimizing the weighted squared error; leaves predict the weighted mean target.
 *
 * <pre>{@code
 * DecisionTreeRegressor t = DecisionTreeRegressor.fit(DecisionTree.Params.regressionDefaults().withMaxDepth(6), x, y);
 * }</pre>
 */
public final class DecisionTreeRegressor implements Regressor, HasFeatureImportances {
    private final DecisionTree.Params params;
    private final int numFeatures;
    private final Tree tree;

    private DecisionTreeRegressor(DecisionTree.Params params, int numFeatures, Tree tree) {
        this.params = params;
        this.numFeatures = numFeatures;
        this.tree = tree;
    }

    /** Fits on features (events, features) and real targets. */
    public static DecisionTreeRegressor fit(DecisionTree.Params params, Tensor x, Tensor y) {
        return train(params, Dataset.of(x, y));
    }

    /** Fits with per-event weights. */
    public static DecisionTreeRegressor fit(DecisionTree.Params params, Tensor x, Tensor y, Tensor weights) {
        return train(params, Dataset.of(x, y, weights));
    }

    static DecisionTreeRegressor train(DecisionTree.Params p, Dataset d) {
        String method = "DecisionTreeRegressor";
        if (p.criterion() != Criterion.SQUARED_ERROR) {
            throw new IllegalArgumentException(method + ": criterion " + p.criterion() + " is for classification; use"
                    + " SQUARED_ERROR (DecisionTree.Params.regressionDefaults())");
        }
        Inputs.Prepared in = Inputs.prepare(method, d, false, false, p.negativeWeights());
        return new DecisionTreeRegressor(p, in.features(), DecisionTree.buildTree(p, in, null, in.y(), 1));
    }

    /** The fitted tree. */
    public Tree tree() {
        return tree;
    }

    /** The hyperparameters of the fit. */
    public DecisionTree.Params params() {
        return params;
    }

    @Override
    public int numFeatures() {
        return numFeatures;
    }

    @Override
    public Tensor predict(Tensor x) {
        float[] xs = Forests.finiteFeatures("DecisionTreeRegressor.predict", x, numFeatures);
        int n = x.size(0);
        return Tensor.of(Forests.weightedSum(List.of(tree), null, 1, xs, n, numFeatures, 1), n);
    }

    @Override
    public Tensor featureImportances() {
        return Trees.normalized(Forests.importances(List.of(tree), null, numFeatures, false));
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", params.toJson());
        m.put("numFeatures", (long) numFeatures);
        m.put("tree", tree.toJson());
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static DecisionTreeRegressor fromJson(Map<String, Object> m) {
        int nf = (int) JsonArrays.integer(m, "numFeatures");
        Tree t = Forests.treesFromJson(Map.of("trees", List.of(JsonArrays.object(m, "tree"))), "trees", nf, 1).get(0);
        return new DecisionTreeRegressor(DecisionTree.Params.fromJson(JsonArrays.object(m, "params")), nf, t);
    }

    @Override
    public String toString() {
        return "DecisionTreeRegressor(" + tree + ")";
    }
}
