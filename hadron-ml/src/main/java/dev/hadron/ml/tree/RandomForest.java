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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A random forest classifier (scikit-learn's {@code RandomForestClassifier}), immutable: CART trees
 * on bootstrap samples with a random subset of features searched at each split; probabilities are
 * the average of the trees' leaf class fractions. Trees are built in parallel, each from its own
 * generator split off the seed in tree order, so a forest is the same for any thread count. With
 * {@code oobScore}, each event is scored by the trees that did not draw it.
 *
 * <pre>{@code
 * var p = RandomForest.Params.defaults().withTrees(300).withMinSamplesLeaf(5).withOobScore(true);
 * RandomForest rf = RandomForest.fit(p, x, y, weights);
 * double oob = rf.oobScore();
 * }</pre>
 */
public final class RandomForest implements Classifier, HasFeatureImportances {
    private final Params params;
    private final int numClasses;
    private final int numFeatures;
    private final List<Tree> trees;
    private final double oobScore;

    private RandomForest(Params params, int numClasses, int numFeatures, List<Tree> trees, double oobScore) {
        this.params = params;
        this.numClasses = numClasses;
        this.numFeatures = numFeatures;
        this.trees = trees;
        this.oobScore = oobScore;
    }

    /** Fits on features (events, features) and integer class labels. */
    public static RandomForest fit(Params params, Tensor x, Tensor y) {
        return params.fit(Dataset.of(x, y));
    }

    /** Fits with per-event weights. */
    public static RandomForest fit(Params params, Tensor x, Tensor y, Tensor weights) {
        return params.fit(Dataset.of(x, y, weights));
    }

    static RandomForest train(Params p, Dataset d) {
        String method = "RandomForest";
        if (!p.criterion().isClassification()) {
            throw new IllegalArgumentException(method + ": criterion " + p.criterion()
                    + " is for regression; use GINI or ENTROPY, or RandomForestRegressor");
        }
        Inputs.Prepared in = Inputs.prepare(method, d, true, false, p.negativeWeights());
        int[] yc = Forests.labels(in.y());
        Grown g = grow(p, in, yc, null, in.classes());
        double score = Double.NaN;
        if (g.oob() != null) {
            int correct = 0;
            int counted = 0;
            for (int i = 0; i < in.n(); i++) {
                int best = -1;
                for (int k = 0; k < in.classes(); k++) {
                    double v = g.oob()[i * in.classes() + k];
                    if (!Double.isNaN(v) && (best < 0 || v > g.oob()[i * in.classes() + best])) {
                        best = k;
                    }
                }
                if (best >= 0) {
                    counted++;
                    correct += best == yc[i] ? 1 : 0;
                }
            }
            score = counted == 0 ? Double.NaN : (double) correct / counted;
        }
        return new RandomForest(p, in.classes(), in.features(), g.trees(), score);
    }

    /** Trees and out-of-bag predictions (null unless requested). */
    record Grown(List<Tree> trees, double[] oob) {
    }

    /** Grows the forest: bootstrap, then CART with feature subsampling, in parallel. */
    static Grown grow(Params p, Inputs.Prepared in, int[] yc, double[] yr, int classes) {
        if (p.oobScore() && !p.bootstrap()) {
            throw new IllegalArgumentException("RandomForest: oobScore needs bootstrap samples (bootstrap is false)");
        }
        int n = in.n();
        int nf = in.features();
        int width = yc != null ? classes : 1;
        CartBuilder.Settings s = Forests.settings(p.criterion(), p.maxDepth(), p.minSamplesSplit(), p.minSamplesLeaf(),
                p.minWeightFractionLeaf(), p.maxLeafNodes(), p.minImpurityDecrease(),
                p.maxFeatures(), nf);
        float[] xc = CartBuilder.columns(in.x(), n, nf);
        Generator[] gens = new Generator(p.seed()).split(p.trees());
        Tree[] out = new Tree[p.trees()];
        long[][] inBag = p.oobScore() ? new long[p.trees()][] : null;
        int threads = p.threads() > 0 ? p.threads() : Runtime.getRuntime().availableProcessors();
        try (Parallel par = new Parallel(threads)) {
            int[] sorted = CartBuilder.presort(xc, n, nf, par);
            BlockingQueue<CartBuilder> builders = new ArrayBlockingQueue<>(par.threads());
            for (int t = 0; t < Math.min(par.threads(), p.trees()); t++) {
                builders.add(new CartBuilder(xc, sorted, n, nf, yc, yr, classes, s));
            }
            par.forEachDynamic(p.trees(), t -> {
                CartBuilder b = builders.poll();
                try {
                    int[] count = null;
                    if (p.bootstrap()) {
                        count = new int[n];
                        for (int i = 0; i < n; i++) {
                            count[gens[t].nextInt(n)]++;
                        }
                        if (inBag != null) {
                            long[] bits = new long[(n + 63) >>> 6];
                            for (int i = 0; i < n; i++) {
                                if (count[i] > 0) {
                                    bits[i >>> 6] |= 1L << i;
                                }
                            }
                            inBag[t] = bits;
                        }
                    }
                    out[t] = b.build(in.w(), count, gens[t]);
                } finally {
                    builders.add(b);
                }
            });
            double[] oob = null;
            if (inBag != null) {
                double[] sum = new double[n * width];
                int[] cnt = new int[n];
                par.forRange(n, 4096, (from, to) -> {
                    for (int t = 0; t < out.length; t++) {
                        for (int i = from; i < to; i++) {
                            if ((inBag[t][i >>> 6] & (1L << i)) == 0) {
                                int leaf = out[t].leaf(in.x(), i * nf);
                                for (int k = 0; k < width; k++) {
                                    sum[i * width + k] += out[t].value(leaf, k);
                                }
                                cnt[i]++;
                            }
                        }
                    }
                });
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < width; k++) {
                        sum[i * width + k] = cnt[i] > 0 ? sum[i * width + k] / cnt[i] : Double.NaN;
                    }
                }
                oob = sum;
            }
            return new Grown(List.of(out), oob);
        }
    }

    /** The trees. */
    public List<Tree> trees() {
        return trees;
    }

    /** The hyperparameters of the fit. */
    public Params params() {
        return params;
    }

    /**
     * Out-of-bag accuracy (unweighted, as scikit-learn's {@code oob_score_}) over the events left out by
     * at least one tree; NaN unless fitted with {@code oobScore}.
     */
    public double oobScore() {
        return oobScore;
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
        float[] xs = Forests.finiteFeatures("RandomForest.predictProba", x, numFeatures);
        int n = x.size(0);
        return Tensor.of(Forests.weightedSum(trees, null, trees.size(), xs, n, numFeatures, numClasses), n,
                numClasses);
    }

    /** The probability of class 1 (shape (n)) for two classes, all class probabilities otherwise. */
    @Override
    public Tensor decisionFunction(Tensor x) {
        Tensor p = predictProba(x);
        return numClasses == 2 ? p.select(1, 1).contiguous() : p;
    }

    /** Mean over trees of each tree's normalized impurity decrease (scikit-learn's {@code feature_importances_}). */
    @Override
    public Tensor featureImportances() {
        return Trees.normalized(Forests.importances(trees, null, numFeatures, false));
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", params.toJson());
        m.put("numClasses", (long) numClasses);
        m.put("numFeatures", (long) numFeatures);
        m.put("oobScore", Double.isNaN(oobScore) ? null : oobScore);
        m.put("trees", Forests.treesToJson(trees));
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static RandomForest fromJson(Map<String, Object> m) {
        int nf = (int) JsonArrays.integer(m, "numFeatures");
        int k = (int) JsonArrays.integer(m, "numClasses");
        double oob = m.get("oobScore") instanceof Number num ? num.doubleValue() : Double.NaN;
        return new RandomForest(Params.fromJson(JsonArrays.object(m, "params")), k, nf,
                Forests.treesFromJson(m, "trees", nf, k), oob);
    }

    @Override
    public String toString() {
        return "RandomForest(classes=" + numClasses + ", trees=" + trees.size() + ")";
    }

    /**
     * Hyperparameters of a random forest (scikit-learn's names), validated on construction. The tree
     * limits mean what they mean for {@link DecisionTree.Params}.
     *
     * @param trees number of trees; default 100
     * @param criterion GINI or ENTROPY (classifier), SQUARED_ERROR (regressor); default GINI
     * @param maxDepth deepest level, 0 for no limit; default 0
     * @param minSamplesSplit fewest events a node needs to be split; default 2
     * @param minSamplesLeaf fewest events in a leaf; default 1
     * @param minWeightFractionLeaf smallest fraction of the total weight in a leaf; default 0
     * @param maxLeafNodes most leaves per tree (best-first), 0 for no limit; default 0
     * @param minImpurityDecrease smallest weighted impurity decrease of a split; default 0
     * @param maxFeatures features searched per split: a count, 0 for sqrt(features), -1 for all; default 0
     * @param bootstrap draw each tree's events with replacement; default true
     * @param oobScore compute the out-of-bag score; default false
     * @param negativeWeights treatment of negative event weights; default USE
     * @param seed seed of the bootstrap samples and feature draws; default 0
     * @param threads trees built at once, 0 for all processors (the forest does not depend on it); default 0
     */
    public record Params(int trees, Criterion criterion, int maxDepth, int minSamplesSplit, int minSamplesLeaf,
                         double minWeightFractionLeaf, int maxLeafNodes, double minImpurityDecrease, int maxFeatures,
                         boolean bootstrap, boolean oobScore, NegativeWeights negativeWeights, long seed, int threads)
            implements Estimator<RandomForest> {
        /** Validates every field. */
        public Params {
            Trees.check(trees >= 1, "trees", trees, "at least 1");
            new DecisionTree.Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf,
                    maxLeafNodes, minImpurityDecrease, maxFeatures, negativeWeights, seed);
            Trees.check(threads >= 0, "threads", threads, "0 (all processors) or more");
        }

        /** scikit-learn's classifier defaults: 100 trees, Gini, sqrt(features) per split, bootstrap. */
        public static Params defaults() {
            return new Params(100, Criterion.GINI, 0, 2, 1, 0, 0, 0, 0, true, false, NegativeWeights.USE, 0, 0);
        }

        /** scikit-learn's regressor defaults: 100 trees, squared error, all features per split, bootstrap. */
        public static Params regressionDefaults() {
            return defaults().withCriterion(Criterion.SQUARED_ERROR).withMaxFeatures(-1);
        }

        @Override
        public RandomForest fit(Dataset train) {
            return train(this, train);
        }

        /** The same hyperparameters as an estimator of a {@link RandomForestRegressor}. */
        public Estimator<RandomForestRegressor> regressor() {
            Params p = this;
            return train -> RandomForestRegressor.train(p, train);
        }

        /** Copy with {@code trees}. */
        public Params withTrees(int v) {
            return new Params(v, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf,
                    maxLeafNodes, minImpurityDecrease, maxFeatures, bootstrap, oobScore, negativeWeights, seed, threads);
        }

        /** Copy with {@code criterion}. */
        public Params withCriterion(Criterion v) {
            return new Params(trees, v, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, bootstrap, oobScore, negativeWeights, seed, threads);
        }

        /** Copy with {@code maxDepth}. */
        public Params withMaxDepth(int v) {
            return new Params(trees, criterion, v, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf,
                    maxLeafNodes, minImpurityDecrease, maxFeatures, bootstrap, oobScore, negativeWeights, seed, threads);
        }

        /** Copy with {@code minSamplesSplit}. */
        public Params withMinSamplesSplit(int v) {
            return new Params(trees, criterion, maxDepth, v, minSamplesLeaf, minWeightFractionLeaf, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, bootstrap, oobScore, negativeWeights, seed, threads);
        }

        /** Copy with {@code minSamplesLeaf}. */
        public Params withMinSamplesLeaf(int v) {
            return new Params(trees, criterion, maxDepth, minSamplesSplit, v, minWeightFractionLeaf, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, bootstrap, oobScore, negativeWeights, seed, threads);
        }

        /** Copy with {@code minWeightFractionLeaf}. */
        public Params withMinWeightFractionLeaf(double v) {
            return new Params(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, v, maxLeafNodes,
                    minImpurityDecrease, maxFeatures, bootstrap, oobScore, negativeWeights, seed, threads);
        }

        /** Copy with {@code maxLeafNodes}. */
        public Params withMaxLeafNodes(int v) {
            return new Params(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf, v,
                    minImpurityDecrease, maxFeatures, bootstrap, oobScore, negativeWeights, seed, threads);
        }

        /** Copy with {@code minImpurityDecrease}. */
        public Params withMinImpurityDecrease(double v) {
            return new Params(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf,
                    maxLeafNodes, v, maxFeatures, bootstrap, oobScore, negativeWeights, seed, threads);
        }

        /** Copy with {@code maxFeatures} (a count, 0 for sqrt, -1 for all). */
        public Params withMaxFeatures(int v) {
            return new Params(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf,
                    maxLeafNodes, minImpurityDecrease, v, bootstrap, oobScore, negativeWeights, seed, threads);
        }

        /** Copy with {@code bootstrap}. */
        public Params withBootstrap(boolean v) {
            return new Params(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf,
                    maxLeafNodes, minImpurityDecrease, maxFeatures, v, oobScore, negativeWeights, seed, threads);
        }

        /** Copy with {@code oobScore}. */
        public Params withOobScore(boolean v) {
            return new Params(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf,
                    maxLeafNodes, minImpurityDecrease, maxFeatures, bootstrap, v, negativeWeights, seed, threads);
        }

        /** Copy with the negative-weight treatment. */
        public Params withNegativeWeights(NegativeWeights v) {
            return new Params(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf,
                    maxLeafNodes, minImpurityDecrease, maxFeatures, bootstrap, oobScore, v, seed, threads);
        }

        /** Copy with {@code seed}. */
        public Params withSeed(long v) {
            return new Params(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf,
                    maxLeafNodes, minImpurityDecrease, maxFeatures, bootstrap, oobScore, negativeWeights, v, threads);
        }

        /** Copy with {@code threads}. */
        public Params withThreads(int v) {
            return new Params(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minWeightFractionLeaf,
                    maxLeafNodes, minImpurityDecrease, maxFeatures, bootstrap, oobScore, negativeWeights, seed, v);
        }

        Map<String, Object> toJson() {
            return Trees.recordToJson(this);
        }

        static Params fromJson(Map<String, Object> m) {
            return Trees.recordFromJson(Params.class, m);
        }
    }
}
