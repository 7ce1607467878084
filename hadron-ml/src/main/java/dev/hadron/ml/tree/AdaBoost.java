package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Classifier;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.HasFeatureImportances;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adaptive boosting of shallow CART trees, TMVA's classic BDT ({@code BoostType=AdaBoost} and
 * {@code RealAdaBoost}) in the multi-class form of scikit-learn's {@code AdaBoostClassifier}
 * ({@code SAMME} and {@code SAMME.R}, Zhu et al. 2009). Immutable.
 *
 * <p>{@link Algorithm#DISCRETE}: each tree votes for a class; a tree with weighted error {@code e}
 * gets weight {@code a = rate * (ln((1 - e) / e) + ln(K - 1))} and the misclassified events' weights
 * are multiplied by {@code exp(a)}. For two classes and {@code rate = beta} this is TMVA's AdaBoost
 * with {@code AdaBoostBeta = beta}; the decision function {@code sum a_m h_m(x) / sum a_m} (with
 * {@code h = +1} for class 1, {@code -1} for class 0) is TMVA's BDT output in [-1, 1].
 * {@link Algorithm#REAL}: each tree contributes {@code (K - 1) (ln p_k - mean_j ln p_j)} from its leaf's
 * class fractions (for two classes {@code ln(p1 / p0)}, twice TMVA's RealAdaBoost term).
 * {@link #predictProba} is scikit-learn's: the softmax of the decision function divided by
 * {@code K - 1} (for two classes, {@code P(1) = sigmoid(decision)}).
 *
 * <p>Defaults follow TMVA's BDT: 100 trees of depth 3, learning rate ({@code beta}) 0.5, leaves
 * holding at least 5 % of the (boosted) weight, Gini splits; the trees use exact cuts where TMVA
 * scans a grid of 20. Boosting stops early, as scikit-learn's does, when a tree classifies every
 * event correctly or is no better than chance.
 *
 * <pre>{@code
 * AdaBoost bdt = AdaBoost.fit(AdaBoost.Params.defaults().withTrees(400), x, y, weights);
 * Tensor tmvaOutput = bdt.decisionFunction(xTest);     // in [-1, 1] for DISCRETE
 * }</pre>
 */
public final class AdaBoost implements Classifier, HasFeatureImportances {
    /** The boosting variant. */
    public enum Algorithm {
        /** Discrete AdaBoost (SAMME; TMVA {@code AdaBoost}). */
        DISCRETE,
        /** Real AdaBoost (SAMME.R; TMVA {@code RealAdaBoost}). */
        REAL
    }

    private final Params params;
    private final int numClasses;
    private final int numFeatures;
    private final List<Tree> trees;
    private final double[] treeWeights;

    private AdaBoost(Params params, int numClasses, int numFeatures, List<Tree> trees, double[] treeWeights) {
        this.params = params;
        this.numClasses = numClasses;
        this.numFeatures = numFeatures;
        this.trees = trees;
        this.treeWeights = treeWeights;
    }

    /** Fits on features (events, features) and integer class labels. */
    public static AdaBoost fit(Params params, Tensor x, Tensor y) {
        return params.fit(Dataset.of(x, y));
    }

    /** Fits with per-event weights. */
    public static AdaBoost fit(Params params, Tensor x, Tensor y, Tensor weights) {
        return params.fit(Dataset.of(x, y, weights));
    }

    static AdaBoost train(Params p, Dataset d) {
        String method = "AdaBoost";
        Inputs.Prepared in = Inputs.prepare(method, d, true, false, p.negativeWeights());
        int n = in.n();
        int nf = in.features();
        int k = in.classes();
        int[] yc = Forests.labels(in.y());
        float[] xc = CartBuilder.columns(in.x(), n, nf);
        int[] sorted;
        try (Parallel par = new Parallel(1)) {
            sorted = CartBuilder.presort(xc, n, nf, par);
        }
        CartBuilder builder = new CartBuilder(xc, sorted, n, nf, yc, null, k, Forests.settings(p.criterion(),
                p.maxDepth(), 2, p.minSamplesLeaf(), p.minWeightFractionLeaf(), 0, 0, -1, nf));
        double[] w = in.w().clone();
        double total = Forests.total(w);
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        Generator gen = new Generator(p.seed());
        List<Tree> trees = new ArrayList<>();
        List<Double> alphas = new ArrayList<>();
        double[] proba = new double[k];
        for (int m = 0; m < p.trees(); m++) {
            Tree t = builder.build(w, null, gen.split());
            boolean[] wrong = new boolean[n];
            double err = 0;
            double wsum = 0;
            int[] leafOf = new int[n];
            for (int i = 0; i < n; i++) {
                int leaf = t.leaf(in.x(), i * nf);
                leafOf[i] = leaf;
                int pred = argmax(t, leaf, k);
                wrong[i] = pred != yc[i];
                if (wrong[i]) {
                    err += w[i];
                }
                wsum += w[i];
            }
            err /= wsum;
            if (err <= 0) {
                // a perfect tree: keep it with weight 1 and stop (scikit-learn)
                trees.add(t);
                alphas.add(1.0);
                break;
            }
            if (p.algorithm() == Algorithm.DISCRETE && err >= 1 - 1.0 / k) {
                if (trees.isEmpty()) {
                    throw new IllegalArgumentException(method + ": the first tree is no better than chance (weighted"
                            + " error " + err + "); the classes cannot be separated with these tree limits");
                }
                break;
            }
            double alpha;
            if (p.algorithm() == Algorithm.DISCRETE) {
                alpha = p.learningRate() * (Math.log((1 - err) / err) + Math.log(k - 1));
                if (m < p.trees() - 1) {
                    for (int i = 0; i < n; i++) {
                        if (wrong[i] && w[i] > 0) {
                            w[i] *= Math.exp(alpha);
                        }
                    }
                }
            } else {
                alpha = 1;
                if (m < p.trees() - 1) {
                    for (int i = 0; i < n; i++) {
                        clippedProba(t, leafOf[i], k, proba);
                        // y coding: 1 for the true class, -1/(K-1) for the others
                        double s2 = 0;
                        for (int c = 0; c < k; c++) {
                            double code = c == yc[i] ? 1 : -1.0 / (k - 1);
                            s2 += code * Math.log(proba[c]);
                        }
                        double factor = -p.learningRate() * (k - 1.0) / k * s2;
                        if (w[i] > 0 || factor < 0) {
                            w[i] *= Math.exp(factor);
                        }
                    }
                }
            }
            trees.add(t);
            alphas.add(alpha);
            double sum = Forests.total(w);
            if (!(sum > 0) || !Double.isFinite(sum)) {
                break;
            }
            for (int i = 0; i < n; i++) {
                w[i] /= sum;
            }
        }
        double[] a = new double[alphas.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = alphas.get(i);
        }
        return new AdaBoost(p, k, nf, List.copyOf(trees), a);
    }

    private static int argmax(Tree t, int leaf, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (t.value(leaf, c) > t.value(leaf, best)) {
                best = c;
            }
        }
        return best;
    }

    /** Leaf class fractions clipped below at the float64 epsilon (scikit-learn). */
    private static void clippedProba(Tree t, int leaf, int k, double[] out) {
        for (int c = 0; c < k; c++) {
            out[c] = Math.max(t.value(leaf, c), Math.ulp(1.0));
        }
    }

    /** The trees. */
    public List<Tree> trees() {
        return trees;
    }

    /** The weight of each tree in the vote (1 for REAL). */
    public double[] treeWeights() {
        return treeWeights.clone();
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

    /**
     * The boosted score: shape (n) for two classes (TMVA's BDT output for DISCRETE: in [-1, 1], positive
     * favours class 1), (n, classes) otherwise (scikit-learn's {@code decision_function}).
     */
    @Override
    public Tensor decisionFunction(Tensor x) {
        float[] xs = Forests.finiteFeatures("AdaBoost.decisionFunction", x, numFeatures);
        int n = x.size(0);
        double[] d = decision(xs, n);
        if (numClasses == 2) {
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = d[2 * i + 1] - d[2 * i];
            }
            return Tensor.of(b, n);
        }
        return Tensor.of(d, n, numClasses);
    }

    private double[] decision(float[] xs, int n) {
        int k = numClasses;
        double[] out = new double[n * k];
        double[] proba = new double[k];
        double norm = 0;
        for (double a : treeWeights) {
            norm += a;
        }
        for (int t = 0; t < trees.size(); t++) {
            Tree tree = trees.get(t);
            for (int i = 0; i < n; i++) {
                int leaf = tree.leaf(xs, i * numFeatures);
                if (params.algorithm() == Algorithm.DISCRETE) {
                    out[i * k + argmax(tree, leaf, k)] += treeWeights[t];
                } else {
                    clippedProba(tree, leaf, k, proba);
                    double mean = 0;
                    for (int c = 0; c < k; c++) {
                        proba[c] = Math.log(proba[c]);
                        mean += proba[c] / k;
                    }
                    for (int c = 0; c < k; c++) {
                        out[i * k + c] += (k - 1) * (proba[c] - mean);
                    }
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= norm;
        }
        return out;
    }

    /** scikit-learn's probabilities: softmax of decision / (K - 1); for two classes P(1) = sigmoid(decision). */
    @Override
    public Tensor predictProba(Tensor x) {
        float[] xs = Forests.finiteFeatures("AdaBoost.predictProba", x, numFeatures);
        int n = x.size(0);
        int k = numClasses;
        double[] d = decision(xs, n);
        double[] p = new double[n * k];
        for (int i = 0; i < n; i++) {
            double[] z = new double[k];
            if (k == 2) {
                double b = d[2 * i + 1] - d[2 * i];
                z[0] = -b / 2;
                z[1] = b / 2;
            } else {
                for (int c = 0; c < k; c++) {
                    z[c] = d[i * k + c] / (k - 1);
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                p[i * k + c] = Math.exp(z[c] - max);
                sum += p[i * k + c];
            }
            for (int c = 0; c < k; c++) {
                p[i * k + c] /= sum;
            }
        }
        return Tensor.of(p, n, k);
    }

    /** The tree importances averaged with the tree weights (scikit-learn's {@code feature_importances_}). */
    @Override
    public Tensor featureImportances() {
        return Trees.normalized(Forests.importances(trees, treeWeights, numFeatures, false));
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", params.toJson());
        m.put("numClasses", (long) numClasses);
        m.put("numFeatures", (long) numFeatures);
        m.put("treeWeights", treeWeights);
        m.put("trees", Forests.treesToJson(trees));
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static AdaBoost fromJson(Map<String, Object> m) {
        int nf = (int) JsonArrays.integer(m, "numFeatures");
        int k = (int) JsonArrays.integer(m, "numClasses");
        List<Tree> trees = Forests.treesFromJson(m, "trees", nf, k);
        double[] a = JsonArrays.doubles(m, "treeWeights");
        if (a.length != trees.size()) {
            throw new IllegalArgumentException("model JSON: " + a.length + " tree weights for " + trees.size() + " trees");
        }
        return new AdaBoost(Params.fromJson(JsonArrays.object(m, "params")), k, nf, trees, a);
    }

    @Override
    public String toString() {
        return "AdaBoost(" + params.algorithm() + ", classes=" + numClasses + ", trees=" + trees.size() + ")";
    }

    /**
     * Hyperparameters of AdaBoost, validated on construction.
     *
     * @param trees most boosting rounds; default 100
     * @param learningRate shrinkage of each tree's weight (TMVA's {@code AdaBoostBeta}); default 0.5
     * @param algorithm DISCRETE or REAL; default DISCRETE
     * @param maxDepth depth of each tree (TMVA {@code MaxDepth}); default 3
     * @param minSamplesLeaf fewest events in a leaf; default 1
     * @param minWeightFractionLeaf smallest fraction of the boosted weight in a leaf (TMVA {@code MinNodeSize}); default 0.05
     * @param criterion GINI (TMVA's {@code GiniIndex}) or ENTROPY; default GINI
     * @param negativeWeights treatment of negative event weights; default USE
     * @param seed seed of the trees' feature order (ties); default 0
     */
    public record Params(int trees, double learningRate, Algorithm algorithm, int maxDepth, int minSamplesLeaf,
                         double minWeightFractionLeaf, Criterion criterion, NegativeWeights negativeWeights, long seed)
            implements Estimator<AdaBoost> {
        /** Validates every field. */
        public Params {
            Trees.check(trees >= 1, "trees", trees, "at least 1");
            Trees.check(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate, "finite and > 0");
            Trees.check(algorithm != null, "algorithm", algorithm, "DISCRETE or REAL");
            Trees.check(maxDepth >= 1, "maxDepth", maxDepth, "at least 1");
            Trees.check(minSamplesLeaf >= 1, "minSamplesLeaf", minSamplesLeaf, "at least 1");
            Trees.check(minWeightFractionLeaf >= 0 && minWeightFractionLeaf <= 0.5, "minWeightFractionLeaf",
                    minWeightFractionLeaf, "in [0, 0.5]");
            Trees.check(criterion != null && criterion.isClassification(), "criterion", criterion, "GINI or ENTROPY");
            Trees.check(negativeWeights != null, "negativeWeights", negativeWeights, "USE, IGNORE or ANNIHILATE");
        }

        /** TMVA's BDT defaults (see the class description). */
        public static Params defaults() {
            return new Params(100, 0.5, Algorithm.DISCRETE, 3, 1, 0.05, Criterion.GINI, NegativeWeights.USE, 0);
        }

        @Override
        public AdaBoost fit(Dataset train) {
            return train(this, train);
        }

        /** Copy with {@code trees}. */
        public Params withTrees(int v) {
            return new Params(v, learningRate, algorithm, maxDepth, minSamplesLeaf, minWeightFractionLeaf, criterion,
                    negativeWeights, seed);
        }

        /** Copy with {@code learningRate}. */
        public Params withLearningRate(double v) {
            return new Params(trees, v, algorithm, maxDepth, minSamplesLeaf, minWeightFractionLeaf, criterion,
                    negativeWeights, seed);
        }

        /** Copy with {@code algorithm}. */
        public Params withAlgorithm(Algorithm v) {
            return new Params(trees, learningRate, v, maxDepth, minSamplesLeaf, minWeightFractionLeaf, criterion,
                    negativeWeights, seed);
        }

        /** Copy with {@code maxDepth}. */
        public Params withMaxDepth(int v) {
            return new Params(trees, learningRate, algorithm, v, minSamplesLeaf, minWeightFractionLeaf, criterion,
                    negativeWeights, seed);
        }

        /** Copy with {@code minSamplesLeaf}. */
        public Params withMinSamplesLeaf(int v) {
            return new Params(trees, learningRate, algorithm, maxDepth, v, minWeightFractionLeaf, criterion,
                    negativeWeights, seed);
        }

        /** Copy with {@code minWeightFractionLeaf}. */
        public Params withMinWeightFractionLeaf(double v) {
            return new Params(trees, learningRate, algorithm, maxDepth, minSamplesLeaf, v, criterion, negativeWeights,
                    seed);
        }

        /** Copy with {@code criterion}. */
        public Params withCriterion(Criterion v) {
            return new Params(trees, learningRate, algorithm, maxDepth, minSamplesLeaf, minWeightFractionLeaf, v,
                    negativeWeights, seed);
        }

        /** Copy with the negative-weight treatment. */
        public Params withNegativeWeights(NegativeWeights v) {
            return new Params(trees, learningRate, algorithm, maxDepth, minSamplesLeaf, minWeightFractionLeaf, criterion,
                    v, seed);
        }

        /** Copy with {@code seed}. */
        public Params withSeed(long v) {
            return new Params(trees, learningRate, algorithm, maxDepth, minSamplesLeaf, minWeightFractionLeaf, criterion,
                    negativeWeights, v);
        }

        Map<String, Object> toJson() {
            return Trees.recordToJson(this);
        }

        static Params fromJson(Map<String, Object> m) {
            return Trees.recordFromJson(Params.class, m);
        }
    }
}
