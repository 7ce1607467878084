package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.HasFeatureImportances;
import dev.hadron.ml.Regressor;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A random forest regressor (scikit-learn's {@code RandomForestRegressor}), immutable: the average of
 * CART regression trees grown on bootstrap samples.
 *
 * <pre>{@code
 * RandomForestRegressor rf = RandomForestRegressor.fit(RandomForest.Params.regressionDefaults(), x, y);
 * }</pre>
 */
public final class RandomForestRegressor implements Regressor, HasFeatureImportances {
    private final RandomForest.Params params;
    private final int numFeatures;
    private final List<Tree> trees;
    private final double oobScore;

    private RandomForestRegressor(RandomForest.Params params, int numFeatures, List<Tree> trees, double oobScore) {
        this.params = params;
        this.numFeatures = numFeatures;
        this.trees = trees;
        this.oobScore = oobScore;
    }

    /** Fits on features (events, features) and real targets. */
    public static RandomForestRegressor fit(RandomForest.Params params, Tensor x, Tensor y) {
        return train(params, Dataset.of(x, y));
    }

    /** Fits with per-event weights. */
    public static RandomForestRegressor fit(RandomForest.Params params, Tensor x, Tensor y, Tensor weights) {
        return train(params, Dataset.of(x, y, weights));
    }

    static RandomForestRegressor train(RandomForest.Params p, Dataset d) {
        String method = "RandomForestRegressor";
        if (p.criterion() != Criterion.SQUARED_ERROR) {
            throw new IllegalArgumentException(method + ": criterion " + p.criterion() + " is for classification; use"
                    + " SQUARED_ERROR (RandomForest.Params.regressionDefaults())");
        }
        Inputs.Prepared in = Inputs.prepare(method, d, false, false, p.negativeWeights());
        RandomForest.Grown g = RandomForest.grow(p, in, null, in.y(), 1);
        double score = Double.NaN;
        if (g.oob() != null) {
            double mean = 0;
            int c = 0;
            for (int i = 0; i < in.n(); i++) {
                if (!Double.isNaN(g.oob()[i])) {
                    mean += in.y()[i];
                    c++;
                }
            }
            mean /= Math.max(1, c);
            double ssr = 0;
            double sst = 0;
            for (int i = 0; i < in.n(); i++) {
                if (!Double.isNaN(g.oob()[i])) {
                    ssr += (in.y()[i] - g.oob()[i]) * (in.y()[i] - g.oob()[i]);
                    sst += (in.y()[i] - mean) * (in.y()[i] - mean);
                }
            }
            score = c == 0 ? Double.NaN : 1 - ssr / sst;
        }
        return new RandomForestRegressor(p, in.features(), g.trees(), score);
    }

    /** The trees. */
    public List<Tree> trees() {
        return trees;
    }

    /** The hyperparameters of the fit. */
    public RandomForest.Params params() {
        return params;
    }

    /** Out-of-bag R² (unweighted, as scikit-learn's {@code oob_score_}); NaN unless fitted with {@code oobScore}. */
    public double oobScore() {
        return oobScore;
    }

    @Override
    public int numFeatures() {
        return numFeatures;
    }

    @Override
    public Tensor predict(Tensor x) {
        float[] xs = Forests.finiteFeatures("RandomForestRegressor.predict", x, numFeatures);
        int n = x.size(0);
        return Tensor.of(Forests.weightedSum(trees, null, trees.size(), xs, n, numFeatures, 1), n);
    }

    @Override
    public Tensor featureImportances() {
        return Trees.normalized(Forests.importances(trees, null, numFeatures, false));
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", params.toJson());
        m.put("numFeatures", (long) numFeatures);
        m.put("oobScore", Double.isNaN(oobScore) ? null : oobScore);
        m.put("trees", Forests.treesToJson(trees));
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static RandomForestRegressor fromJson(Map<String, Object> m) {
        int nf = (int) JsonArrays.integer(m, "numFeatures");
        double oob = m.get("oobScore") instanceof Number num ? num.doubleValue() : Double.NaN;
        return new RandomForestRegressor(RandomForest.Params.fromJson(JsonArrays.object(m, "params")), nf,
                Forests.treesFromJson(m, "trees", nf, 1), oob);
    }

    @Override
    public String toString() {
        return "RandomForestRegressor(trees=" + trees.size() + ")";
    }
}
