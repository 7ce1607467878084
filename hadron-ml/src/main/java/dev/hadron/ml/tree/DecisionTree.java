package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Classifier;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.HasFeatureImportances;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CART classification tree (scikit-learn's {@code DecisionTreeClassifier}), immutable: exact splits
 * minimizing the weighted Gini impurity or entropy, with depth, size and leaf-weight limits.
 * {@link #predictProba} gives the weighted class fractions of the leaf. Features must be finite.
 *
 * <pre>{@code
 * var p = DecisionTree.Params.defaults().withMaxDepth(5).withMinSamplesLeaf(20);
 * DecisionTree tree = DecisionTree.fit(p, x, y, weights);
 * System.out.println(tree.tree().dump());
 * }</pre>
 */
public final class DecisionTree implements Classifier, HasFeatureImportances {
    private final Params params;
    private final int numClasses;
    private final int numFeatures;
    private final Tree tree;

    private DecisionTree(Params params, int numClasses, int numFeatures, Tree tree) {
        this.params = params;
        this.numClasses = numClasses;
        this.numFeatures = numFeatures;
        this.tree = tree;
    }

    /** Fits on features (events, features) and integer class labels. */
    public static DecisionTree fit(Params params, Tensor x, Tensor y) {
        return params.fit(Dataset.of(x, y));
    }

    /** Fits with per-event weights. */
    public static DecisionTree fit(Params params, Tensor x, Tensor y, Tensor weights) {
        return params.fit(Dataset.of(x, y, weights));
    }

    /** The fitted tree. */
    public Tree tree() {
        return tree;
    }

    /** The hyperparameters of the fit. */
    public Params params() {
        return params;
    }

    @Override
    public int numFeatures() {
        return numFeatures;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public Tensor predictProba(Tensor x) {
        float[] xs = Forests.finiteFeatures("DecisionTree.predictProba", x, numFeatures);
        int n = x.size(0);
        return Tensor.of(Forests.weightedSum(List.of(tree), null, 1, xs, n, numFeatures, numClasses), n, numClasses);
    }

    /** Class probabilities as scores: shape (n) for two classes (probability of class 1), (n, classes) otherwise. */
    @Override
    public Tensor decisionFunction(Tensor x) {
        Tensor p = predictProba(x);
        return numClasses == 2 ? p.select(1, 1).contiguous() : p;
    }

    /** Normalized total impurity decrease per feature. */
    @Override
    public Tensor featureImportances() {
        return Trees.normalized(Forests.importances(List.of(tree), null, numFeatures, false));
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", params.toJson());
        m.put("numClasses", (long) numClasses);
        m.put("numFeatures", (long) numFeatures);
        m.put("tree", tree.toJson());
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static DecisionTree fromJson(Map<String, Object> m) {
        int nf = (int) JsonArrays.integer(m, "numFeatures");
        int k = (int) JsonArrays.integer(m, "numClasses");
        Tree t = Forests.treesFromJson(Map.of("trees", List.of(JsonArrays.object(m, "tree"))), "trees", nf, k).get(0);
        return new DecisionTree(Params.fromJson(JsonArrays.object(m, "params")), k, nf, t);
    }

    static DecisionTree train(Params p, Dataset d) {
        String method = "DecisionTree";
        if (!p.criterion().isClassification()) {
            throw new IllegalArgumentException(method + ": criterion " + p.criterion()
                    + " is for regression; use GINI or ENTROPY, or DecisionTreeRegressor");
        }
        Inputs.Prepared in = Inputs.prepare(method, d, true, false, p.negativeWeights());
        Tree t = buildTree(p, in, Forests.labels(in.y()), null, in.classes());
        return new DecisionTree(p, in.classes(), in.features(), t);
    }

    static Tree buildTree(Params p, Inputs.Prepared in, int[] yc, double[] yr, int classes) {
        CartBuilder.Settings s = Forests.settings(p.criterion(), p.maxDepth(), p.minSamplesSplit(), p.minSamplesLeaf(),
                p.minWeightFractionLeaf(), p.maxLeafNodes(), p.minImpurityDecrease(),
                p.maxFeatures(), in.features());
        float[] xc = CartBuilder.columns(in.x(), in.n(), in.features());
        int[] sorted;
        try (Parallel par = new Parallel(1)) {
            sorted = CartBuilder.presort(xc, in.n(), in.features(), par);
        }
        return new CartBuilder(xc, sorted, in.n(), in.features(), yc, yr, classes, s).build(in.w(), null,
                new Generator(p.seed()));
    }

    @Override
    public String toString() {
        return "DecisionTree(classes=" + numClasses + ", " + tree + ")";
    }

    /**
     * Hyperparameters of a CART tree (scikit-learn's names), validated on construction.
     *
     * @param criterion GINI or ENTROPY (classifier), SQUARED_ERROR (regressor); default GINI
     * @param maxDepth deepest level (root = 0), 0 for no limit; default 0
     * @param minSamplesSplit fewest events a node needs to be split; default 2
     * @param minSamplesLeaf fewest events in a leaf; default 1
     * @param minWeightFractionLeaf smallest fraction of the total weight in a leaf; default 0
     * @param maxLeafNodes most leaves, grown best-first; 0 for no limit (depth-first); default 0
     * @param minImpurityDecrease smallest weighted impurity decrease of a split; default 0
     * @param maxFeatures features searched per split: a count, 0 for sqrt(features), -1 for all; default -1
     * @param negativeWeights treatment of negative event weights; default USE
     * @param seed seed of the feature order (ties and {@code maxFeatures} sampling); default 0
     */
    public record Params(Criterion criterion, int maxDepth, int minSamplesSplit, int minSamplesLeaf,
                         double minWeightFractionLeaf, int maxLeafNodes, double minImpurityDecrease, int maxFeatures,
                         NegativeWeights negativeWeights, long seed) implements Estimator<DecisionTree> {
        /** Validates every field. */
        public Params {
            Trees.check(criterion != null, "criterion", criterion, "GINI, ENTROPY or SQUARED_ERROR");
            Trees.check(maxDepth >= 0, "maxDepth", maxDepth, "0 (no limit) or more");
            Trees.check(minSamplesSplit >= 2, "minSamplesSplit", minSamplesSplit, "at least 2");
            Trees.check(minSamplesLeaf >= 1, "minSamplesLeaf", minSamplesLeaf, "at least 1");
            Trees.check(minWeightFractionLeaf >= 0 && minWeightFractionLeaf <= 0.5, "minWeightFractionLeaf",
                    minWeightFractionLeaf, "in [0, 0.5]");
            Trees.check(maxLeafNodes == 0 || maxLeafNodes >= 2, "maxLeafNodes", maxLeafNodes, "0 (no limit) or >= 2");
            Trees.check(minImpurityDecrease >= 0 && Double.isFinite(minImpurityDecrease), "minImpurityDecrease",
                    minImpurityDecrease, "finite and >= 0");
            Trees.check(maxFeatures >= -1, "maxFeatures", maxFeatures, "a count, 0 (sqrt) or -1 (all)");
            Trees.check(negativeWeights != null, "negativeWeights", negativeWeights, "USE, IGNORE or ANNIHILATE");
        }

        /** scikit-learn's classifier defaults: Gini, grown until pure. */
        public static Params defaults() {
            return new Params(Criterion.GINI, 0, 2, 1, 0, 0, 0, -1, NegativeWeights.USE, 0);
        }

        /** scikit-learn's regressor defaults: squared error, grown until pure. */
        public static Params regressionDefaults() {
            return defaults().withCriterion(Criterion.SQUARED_ERROR);
        }

        @Override
        public DecisionTree fit(Dataset train) {
            return train(this, train);
        }

        /** The same hyperparameters as an estimator of a {@link DecisionTreeRegressor}. */
        public Estimator<DecisionTreeRegressor> regressor() {
            Params p = this;
            return train -> DecisionTreeRegressor.train(p, train);
        }

        /** Copy with {@code criterion}. */
        public Params withCriterion(Criterion v) {
            return new Params(v, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, negativeWeights, seed);
        }

        /** Copy with {@code maxDepth}. */
        public Params withMaxDepth(int v) {
            return new Params(criterion, v, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, negativeWeights, seed);
        }

        /** Copy with {@code minSamplesSplit}. */
        public Params withMinSamplesSplit(int v) {
            return new Params(criterion, maxDepth, v, minSamplesLeaf, minWeightFractionLeaf, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, negativeWeights, seed);
        }

        /** Copy with {@code minSamplesLeaf}. */
        public Params withMinSamplesLeaf(int v) {
            return new Params(criterion, maxDepth, minSamplesSplit, v, minWeightFractionLeaf, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, negativeWeights, seed);
        }

        /** Copy with {@code minWeightFractionLeaf}. */
        public Params withMinWeightFractionLeaf(double v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, v, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, negativeWeights, seed);
        }

        /** Copy with {@code maxLeafNodes}. */
        public Params withMaxLeafNodes(int v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, v,
                    minImpurityDecrease, maxFeatures, negativeWeights, seed);
        }

        /** Copy with {@code minImpurityDecrease}. */
        public Params withMinImpurityDecrease(double v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, maxLeafNodes,
                    v, maxFeatures, negativeWeights, seed);
        }

        /** Copy with {@code maxFeatures}. */
        public Params withMaxFeatures(int v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, maxLeafNodes,
                    minImpurityDecrease, v, negativeWeights, seed);
        }

        /** Copy with the negative-weight treatment. */
        public Params withNegativeWeights(NegativeWeights v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, v, seed);
        }

        /** Copy with {@code seed}. */
        public Params withSeed(long v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, negativeWeights, v);
        }

        Map<String, Object> toJson() {
            return Trees.recordToJson(this);
        }

        static Params fromJson(Map<String, Object> m) {
            return Trees.recordFromJson(Params.class, m);
        }
    }
}
