package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Classifier;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.HasFeatureImportances;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gradient-boosted tree classifier (histogram method of XGBoost {@code hist}, LightGBM and
 * scikit-learn's {@code HistGradientBoostingClassifier}): the fitted model, immutable. Binary
 * problems use the logistic loss with one tree per round, more classes the softmax loss with one
 * tree per class and round. Missing features (NaN) are allowed and follow each split's learned
 * default direction.
 *
 * <pre>{@code
 * var p = GradientBoostedTrees.Params.defaults().withTrees(200).withMaxDepth(6).withLearningRate(0.1);
 * GradientBoostedTrees bdt = GradientBoostedTrees.fit(p, x, y, weights);     // labels 0, 1, ...
 * Tensor pSignal = bdt.predictProba(xTest).select(1, 1);
 * GradientBoostedTrees stopped = p.withEarlyStoppingRounds(20).fit(train, validation);
 * XGBoostJson.save(bdt, Path.of("bdt.json"));                              // for XGBoost, ROOT, conifer
 * }</pre>
 */
public final class GradientBoostedTrees implements Classifier, HasFeatureImportances {
    private final Params params;
    private final Objective objective;
    private final int numClasses;
    private final TreeEnsemble ensemble;
    private final double[] validationLoss;

    private GradientBoostedTrees(Params params, Objective objective, int numClasses, TreeEnsemble ensemble,
                                 double[] validationLoss) {
        this.params = params;
        this.objective = objective;
        this.numClasses = numClasses;
        this.ensemble = ensemble;
        this.validationLoss = validationLoss;
    }

    /** Fits a classifier on features {@code x} (events, features) and integer class labels {@code y} (any numeric dtype). */
    public static GradientBoostedTrees fit(Params params, Tensor x, Tensor y) {
        return params.fit(Dataset.of(x, y));
    }

    /** Fits with per-event weights (negative ones treated as {@link Params#negativeWeights()} says). */
    public static GradientBoostedTrees fit(Params params, Tensor x, Tensor y, Tensor weights) {
        return params.fit(Dataset.of(x, y, weights));
    }

    /**
     * A classifier made of given trees (model import): {@code ensemble} has one group for
     * {@link Objective#BINARY_LOGISTIC}, {@code numClasses} groups for {@link Objective#MULTICLASS_SOFTMAX}.
     */
    public static GradientBoostedTrees fromEnsemble(TreeEnsemble ensemble, Objective objective, int numClasses) {
        if (!objective.isClassification()) {
            throw new IllegalArgumentException("GradientBoostedTrees: objective " + objective
                    + " is not a classification objective; use GradientBoostedRegressor");
        }
        if (numClasses < 2 || ensemble.groups() != objective.groups(numClasses)
                || (objective == Objective.BINARY_LOGISTIC && numClasses != 2)) {
            throw new IllegalArgumentException("GradientBoostedTrees: " + ensemble.groups() + " output groups and "
                    + numClasses + " classes do not fit objective " + objective);
        }
        return new GradientBoostedTrees(Params.defaults().withObjective(objective), objective, numClasses, ensemble,
                new double[0]);
    }

    static GradientBoostedTrees train(Params p, Dataset train, Dataset validation) {
        String method = "GradientBoostedTrees";
        Inputs.Prepared d = Inputs.prepare(method, train, true, true, p.negativeWeights());
        Objective obj = p.objective();
        if (obj == Objective.AUTO) {
            obj = d.classes() == 2 ? Objective.BINARY_LOGISTIC : Objective.MULTICLASS_SOFTMAX;
        }
        if (!obj.isClassification()) {
            throw new IllegalArgumentException(method + ": objective " + obj + " is a regression objective; use"
                    + " GradientBoostedRegressor.fit or Params.regressor()");
        }
        if (obj == Objective.BINARY_LOGISTIC && d.classes() != 2) {
            throw new IllegalArgumentException(method + ": objective BINARY_LOGISTIC needs two classes, the labels have "
                    + d.classes() + " (0 .. " + (d.classes() - 1) + "); use MULTICLASS_SOFTMAX or AUTO");
        }
        Boosting.Validation v = validation(method, validation, d.features(), d.classes());
        Boosting.Result r = Boosting.train(p, obj, d, v);
        return new GradientBoostedTrees(p, obj, d.classes(), r.ensemble(), r.validationLoss());
    }

    static Boosting.Validation validation(String method, Dataset v, int features, int classes) {
        if (v == null) {
            return null;
        }
        if (v.size() == 0 || v.labels() == null) {
            throw new IllegalArgumentException(method + ": the validation set must have events and labels");
        }
        float[] x = Inputs.features(method + " (validation set)", v.features(), features);
        double[] y = v.labels().toDoubleArray();
        if (classes > 0) {
            for (int i = 0; i < y.length; i++) {
                if (y[i] != Math.rint(y[i]) || y[i] < 0 || y[i] >= classes) {
                    throw new IllegalArgumentException(method + ": validation label of event " + i + " is " + y[i]
                            + "; expected a class 0 .. " + (classes - 1) + " seen in training");
                }
            }
        }
        double[] w = v.weights().toDoubleArray();
        double total = 0;
        for (double q : w) {
            total += q;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(method + ": the validation set's total weight is " + total
                    + "; expected a positive total");
        }
        return new Boosting.Validation(x, v.size(), y, w);
    }

    @Override
    public int numFeatures() {
        return ensemble.numFeatures();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    /** The hyperparameters of the fit (defaults with the objective for imported models). */
    public Params params() {
        return params;
    }

    /** The objective the model was fitted with (never {@link Objective#AUTO}). */
    public Objective objective() {
        return objective;
    }

    /** The trees and base scores. */
    public TreeEnsemble ensemble() {
        return ensemble;
    }

    /** Number of boosting rounds kept (after early stopping, the best round count). */
    public int rounds() {
        return ensemble.numTrees() / ensemble.groups();
    }

    /** The validation loss after each round run (empty when no validation set was given). */
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    /** Raw scores (log-odds for two classes, shape (n); per-class scores (n, classes) otherwise). */
    @Override
    public Tensor decisionFunction(Tensor x) {
        return decisionFunction(x, rounds());
    }

    /** Raw scores of the first {@code rounds} rounds. */
    public Tensor decisionFunction(Tensor x, int rounds) {
        double[] m = margins(x, rounds);
        int n = x.size(0);
        return ensemble.groups() == 1 ? Tensor.of(m, n) : Tensor.of(m, n, ensemble.groups());
    }

    @Override
    public Tensor predictProba(Tensor x) {
        return predictProba(x, rounds());
    }

    /** Class probabilities (n, classes) using the first {@code rounds} rounds only (staged prediction). */
    public Tensor predictProba(Tensor x, int rounds) {
        return Tensor.of(probabilities(margins(x, rounds), x.size(0)), x.size(0), numClasses);
    }

    /** Class probabilities after each round: element {@code r} uses rounds {@code 0 .. r} (scikit-learn's {@code staged_predict_proba}). */
    public List<Tensor> stagedPredictProba(Tensor x) {
        float[] xs = Inputs.features("GradientBoostedTrees.stagedPredictProba", x, numFeatures());
        int n = x.size(0);
        int groups = ensemble.groups();
        double[] m = ensemble.margins(xs, n, 0);
        List<Tensor> out = new ArrayList<>();
        for (int r = 0; r < rounds(); r++) {
            for (int k = 0; k < groups; k++) {
                ensemble.addTree(r * groups + k, xs, n, m);
            }
            out.add(Tensor.of(probabilities(m, n), n, numClasses));
        }
        return out;
    }

    private double[] margins(Tensor x, int rounds) {
        if (rounds < 0 || rounds > rounds()) {
            throw new IllegalArgumentException("GradientBoostedTrees: rounds must be 0 .. " + rounds() + ", got " + rounds);
        }
        float[] xs = Inputs.features("GradientBoostedTrees.predict", x, numFeatures());
        return ensemble.margins(xs, x.size(0), rounds * ensemble.groups());
    }

    private double[] probabilities(double[] m, int n) {
        double[] p = new double[n * numClasses];
        if (ensemble.groups() == 1) {
            for (int i = 0; i < n; i++) {
                double s = Objective.sigmoid(m[i]);
                p[2 * i] = 1 - s;
                p[2 * i + 1] = s;
            }
            return p;
        }
        int k = numClasses;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, m[i * k + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                p[i * k + c] = Math.exp(m[i * k + c] - max);
                sum += p[i * k + c];
            }
            for (int c = 0; c < k; c++) {
                p[i * k + c] /= sum;
            }
        }
        return p;
    }

    /** Normalized total gain per feature. */
    @Override
    public Tensor featureImportances() {
        return featureImportances(Importance.TOTAL_GAIN);
    }

    /** Feature importances of the given kind, normalized to sum to 1. */
    public Tensor featureImportances(Importance kind) {
        return Trees.normalized(ensemble.importances(kind == Importance.SPLIT_COUNT));
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", params.toJson());
        m.put("objective", objective.name());
        m.put("numClasses", (long) numClasses);
        m.put("validationLoss", validationLoss);
        m.put("ensemble", ensemble.toJson());
        return m;
    }

    /** Rebuilds a model from {@link #toJson()} (used by {@code ModelIO}). */
    public static GradientBoostedTrees fromJson(Map<String, Object> m) {
        Objective obj = Trees.enumValue(Objective.class, JsonArrays.string(m, "objective"), "objective");
        GradientBoostedTrees b = fromEnsemble(TreeEnsemble.fromJson(JsonArrays.object(m, "ensemble")), obj,
                (int) JsonArrays.integer(m, "numClasses"));
        return new GradientBoostedTrees(Params.fromJson(JsonArrays.object(m, "params")), obj, b.numClasses,
                b.ensemble, JsonArrays.doubles(m, "validationLoss"));
    }

    /**
     * Hyperparameters of gradient boosting, validated on construction; {@code withX} returns a copy.
     * Names and defaults follow XGBoost where it has one.
     *
     * @param trees boosting rounds (XGBoost {@code n_estimators}); default 100
     * @param maxDepth deepest level of a tree (root = 0); 0 means no limit (then {@code maxLeaves} must be set); default 6
     * @param learningRate shrinkage of every tree's leaves (XGBoost {@code eta}); default 0.1
     * @param bins value bins per feature, 2 to 256 (XGBoost {@code max_bin}); a feature with missing values
     *     keeps one code for them and so has at most 255 value bins; default 256
     * @param maxLeaves most leaves per tree, 0 for no limit; default 0
     * @param growPolicy depth-wise or leaf-wise growth; default {@link GrowPolicy#DEPTHWISE}
     * @param l1 L1 penalty on leaf values (XGBoost {@code alpha}); default 0
     * @param l2 L2 penalty on leaf values (XGBoost {@code lambda}); default 1
     * @param minChildWeight smallest hessian sum of a child (XGBoost {@code min_child_weight}); default 1
     * @param minSplitGain smallest gain worth a split (XGBoost {@code gamma}, as a pre-pruning threshold); default 0
     * @param subsample fraction of rows drawn (Bernoulli) for each round; default 1
     * @param colsampleByTree fraction of features drawn for each tree; default 1
     * @param colsampleByNode fraction of the tree's features drawn for each node; default 1
     * @param objective the loss; {@link Objective#AUTO} picks it from the task; default AUTO
     * @param huberSlope the slope {@code d} of {@link Objective#PSEUDO_HUBER}; default 1
     * @param negativeWeights treatment of negative event weights; default {@link NegativeWeights#USE}
     * @param earlyStoppingRounds stop when the validation loss has not improved for this many rounds and keep
     *     the best round count; 0 disables (the validation loss is still recorded); default 0
     * @param seed seed of the row, column and binning samples; default 0
     * @param threads threads for histogram building and the row loops, 0 for all processors; the result
     *     does not depend on it; default 0
     */
    public record Params(int trees, int maxDepth, double learningRate, int bins, int maxLeaves, GrowPolicy growPolicy,
                         double l1, double l2, double minChildWeight, double minSplitGain, double subsample,
                         double colsampleByTree, double colsampleByNode, Objective objective, double huberSlope,
                         NegativeWeights negativeWeights, int earlyStoppingRounds, long seed, int threads)
            implements Estimator<GradientBoostedTrees> {
        /** Validates every field. */
        public Params {
            Trees.check(trees >= 1, "trees", trees, "at least 1");
            Trees.check(maxDepth >= 0, "maxDepth", maxDepth, "0 (no limit) or more");
            Trees.check(learningRate > 0 && learningRate <= 1, "learningRate", learningRate, "in (0, 1]");
            Trees.check(bins >= 2 && bins <= 256, "bins", bins, "2 to 256");
            Trees.check(maxLeaves == 0 || maxLeaves >= 2, "maxLeaves", maxLeaves, "0 (no limit) or at least 2");
            Trees.check(growPolicy != null, "growPolicy", growPolicy, "DEPTHWISE or LOSSGUIDE");
            Trees.check(l1 >= 0 && Double.isFinite(l1), "l1", l1, "finite and >= 0");
            Trees.check(l2 >= 0 && Double.isFinite(l2), "l2", l2, "finite and >= 0");
            Trees.check(minChildWeight >= 0 && Double.isFinite(minChildWeight), "minChildWeight", minChildWeight,
                    "finite and >= 0");
            Trees.check(minSplitGain >= 0 && Double.isFinite(minSplitGain), "minSplitGain", minSplitGain,
                    "finite and >= 0");
            Trees.check(subsample > 0 && subsample <= 1, "subsample", subsample, "in (0, 1]");
            Trees.check(colsampleByTree > 0 && colsampleByTree <= 1, "colsampleByTree", colsampleByTree, "in (0, 1]");
            Trees.check(colsampleByNode > 0 && colsampleByNode <= 1, "colsampleByNode", colsampleByNode, "in (0, 1]");
            Trees.check(objective != null, "objective", objective, "an Objective");
            Trees.check(huberSlope > 0 && Double.isFinite(huberSlope), "huberSlope", huberSlope, "finite and > 0");
            Trees.check(negativeWeights != null, "negativeWeights", negativeWeights, "USE, IGNORE or ANNIHILATE");
            Trees.check(earlyStoppingRounds >= 0, "earlyStoppingRounds", earlyStoppingRounds, "0 (off) or more");
            Trees.check(threads >= 0, "threads", threads, "0 (all processors) or more");
        }

        /** XGBoost-like defaults: 100 trees of depth 6, learning rate 0.1, 256 bins, l2 = 1, min child weight 1. */
        public static Params defaults() {
            return new Params(100, 6, 0.1, 256, 0, GrowPolicy.DEPTHWISE, 0, 1, 1, 0, 1, 1, 1, Objective.AUTO, 1,
                    NegativeWeights.USE, 0, 0, 0);
        }

        /** Fits a classifier on {@code train} (features, integer labels, optional weights). */
        @Override
        public GradientBoostedTrees fit(Dataset train) {
            return train(this, train, null);
        }

        /** Fits a classifier, recording the loss on {@code validation} and stopping early if {@code earlyStoppingRounds > 0}. */
        @Override
        public GradientBoostedTrees fit(Dataset train, Dataset validation) {
            return train(this, train, validation);
        }

        /** The same hyperparameters as an estimator of a {@link GradientBoostedRegressor}. */
        public Estimator<GradientBoostedRegressor> regressor() {
            Params p = this;
            return new Estimator<>() {
                @Override
                public GradientBoostedRegressor fit(Dataset train) {
                    return GradientBoostedRegressor.train(p, train, null);
                }

                @Override
                public GradientBoostedRegressor fit(Dataset train, Dataset validation) {
                    return GradientBoostedRegressor.train(p, train, validation);
                }
            };
        }

        /** Copy with {@code trees} rounds. */
        public Params withTrees(int v) {
            return new Params(v, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with {@code maxDepth}. */
        public Params withMaxDepth(int v) {
            return new Params(trees, v, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with {@code learningRate}. */
        public Params withLearningRate(double v) {
            return new Params(trees, maxDepth, v, bins, maxLeaves, growPolicy, l1, l2, minChildWeight, minSplitGain,
                    subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with {@code bins}. */
        public Params withBins(int v) {
            return new Params(trees, maxDepth, learningRate, v, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with {@code maxLeaves}. */
        public Params withMaxLeaves(int v) {
            return new Params(trees, maxDepth, learningRate, bins, v, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with {@code growPolicy}. */
        public Params withGrowPolicy(GrowPolicy v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, v, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with L1 penalty {@code l1}. */
        public Params withL1(double v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, v, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with L2 penalty {@code l2}. */
        public Params withL2(double v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, v, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with {@code minChildWeight}. */
        public Params withMinChildWeight(double v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, v, minSplitGain,
                    subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with {@code minSplitGain}. */
        public Params withMinSplitGain(double v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight, v,
                    subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with row fraction {@code subsample}. */
        public Params withSubsample(double v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, v, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with per-tree feature fraction {@code colsampleByTree}. */
        public Params withColsampleByTree(double v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, v, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with per-node feature fraction {@code colsampleByNode}. */
        public Params withColsampleByNode(double v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, v, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with {@code objective}. */
        public Params withObjective(Objective v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, v, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with {@code huberSlope}. */
        public Params withHuberSlope(double v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, v, negativeWeights,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with the negative-weight treatment. */
        public Params withNegativeWeights(NegativeWeights v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, v,
                    earlyStoppingRounds, seed, threads);
        }

        /** Copy with {@code earlyStoppingRounds}. */
        public Params withEarlyStoppingRounds(int v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    v, seed, threads);
        }

        /** Copy with {@code seed}. */
        public Params withSeed(long v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, v, threads);
        }

        /** Copy with {@code threads}. */
        public Params withThreads(int v) {
            return new Params(trees, maxDepth, learningRate, bins, maxLeaves, growPolicy, l1, l2, minChildWeight,
                    minSplitGain, subsample, colsampleByTree, colsampleByNode, objective, huberSlope, negativeWeights,
                    earlyStoppingRounds, seed, v);
        }

        Map<String, Object> toJson() {
            return Trees.recordToJson(this);
        }

        static Params fromJson(Map<String, Object> m) {
            return Trees.recordFromJson(Params.class, m);
        }
    }

    @Override
    public String toString() {
        return "GradientBoostedTrees(classes=" + numClasses + ", rounds=" + rounds() + ", objective=" + objective + ")";
    }
}
