package dev.hadron.ml.linear;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Classifier;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.FitChecks;
import dev.hadron.ml.internal.math.Lbfgs;
import dev.hadron.ml.internal.support.Check;
import dev.hadron.ml.internal.support.JsonFields;
import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted logistic regression: binary (one coefficient vector, {@code P(1) = sigmoid(x . coef + b)})
 * or multinomial for three or more classes (one vector per class, softmax), as scikit-learn's
 * {@code LogisticRegression} with {@code multi_class="auto"}. The coefficients minimize
 * scikit-learn's objective
 * <pre>  C sum_i w_i loss_i + penalty(coef)</pre>
 * with {@code penalty} = {@code |coef|^2 / 2} (L2), {@code |coef|_1} (L1),
 * {@code l1Ratio |coef|_1 + (1 - l1Ratio) |coef|^2 / 2} (elastic net) or nothing; intercepts are
 * not penalized. Smaller C means stronger regularization. Fitted by L-BFGS, or by OWL-QN (L-BFGS for
 * an L1 term) when the penalty has an L1 part, so that coefficients reach exact zeros.
 *
 * <p>Event weights multiply each event's loss; negative weights are allowed (the objective may then
 * be non-convex; with a penalty it stays bounded below).
 *
 * <pre>{@code
 * LogisticRegression lr = LogisticRegression.Params.defaults().withC(0.5).fit(train);
 * Tensor pSignal = lr.predictProba(test.features()).select(1, 1);
 * }</pre>
 */
public final class LogisticRegression implements Classifier {
    private static final String NAME = "LogisticRegression";

    /** The penalty on the coefficients. */
    public enum Penalty {
        /** No penalty ({@code penalty=None}). */
        NONE,
        /** {@code |coef|^2 / 2}. */
        L2,
        /** {@code |coef|_1}. */
        L1,
        /** {@code l1Ratio |coef|_1 + (1 - l1Ratio) |coef|^2 / 2}. */
        ELASTIC_NET
    }

    /**
     * Hyperparameters (scikit-learn's names).
     *
     * @param penalty the penalty kind
     * @param c inverse regularization strength (> 0)
     * @param l1Ratio the L1 share of an {@link Penalty#ELASTIC_NET} penalty, in [0, 1]
     * @param fitIntercept whether to fit intercepts
     * @param maxIter iteration limit of the optimizer
     * @param tol stop when the largest gradient component of the objective divided by {@code C W}
     *            (W the total event weight) is at most this
     */
    public record Params(Penalty penalty, double c, double l1Ratio, boolean fitIntercept, int maxIter, double tol)
            implements Estimator<LogisticRegression> {
        /** Validates. */
        public Params {
            Check.notNull("penalty", penalty);
            Check.positive("C", c);
            Check.inRange("l1Ratio", l1Ratio, 0, 1);
            Check.atLeast("maxIter", maxIter, 1);
            Check.positive("tol", tol);
        }

        /**
         * L2, C = 1, intercept, 1000 iterations, tol 1e-8. scikit-learn's default tolerance (1e-4 on an
         * unnormalized gradient) stops earlier; this one reaches the optimum to about eight digits.
         */
        public static Params defaults() {
            return new Params(Penalty.L2, 1.0, 0.5, true, 1000, 1e-8);
        }

        /** A copy with another penalty kind. */
        public Params withPenalty(Penalty value) {
            return new Params(value, c, l1Ratio, fitIntercept, maxIter, tol);
        }

        /** A copy with another inverse regularization strength. */
        public Params withC(double value) {
            return new Params(penalty, value, l1Ratio, fitIntercept, maxIter, tol);
        }

        /** A copy with another elastic-net L1 share. */
        public Params withL1Ratio(double value) {
            return new Params(penalty, c, value, fitIntercept, maxIter, tol);
        }

        /** A copy with or without intercepts. */
        public Params withFitIntercept(boolean value) {
            return new Params(penalty, c, l1Ratio, value, maxIter, tol);
        }

        /** A copy with another iteration limit. */
        public Params withMaxIter(int value) {
            return new Params(penalty, c, l1Ratio, fitIntercept, value, tol);
        }

        /** A copy with another tolerance. */
        public Params withTol(double value) {
            return new Params(penalty, c, l1Ratio, fitIntercept, maxIter, value);
        }

        @Override
        public LogisticRegression fit(Dataset train) {
            return LogisticRegression.fit(this, train);
        }
    }

    private final int classes;
    private final int features;
    /** (rows x features), rows = 1 for binary. */
    private final double[] coef;
    private final double[] intercept;
    private final int iterations;

    private LogisticRegression(int classes, int features, double[] coef, double[] intercept, int iterations) {
        this.classes = classes;
        this.features = features;
        this.coef = coef;
        this.intercept = intercept;
        this.iterations = iterations;
    }

    /** Fits on features (n, f), integer class labels (n) and optional weights (n, or null). */
    public static LogisticRegression fit(Params p, Tensor x, Tensor y, Tensor weights) {
        return fit(p, Dataset.of(x, y, weights));
    }

    /** Fits on the features, class labels and weights of {@code d}. */
    public static LogisticRegression fit(Params p, Dataset d) {
        FitChecks.common(NAME, d, false);
        int classes = FitChecks.classification(NAME, d);
        double[] x = Rows.features(NAME, d);
        double[] w = Rows.weights(d);
        int n = d.size();
        int f = d.numFeatures();
        double weightSum = 0;
        for (double v : w) {
            weightSum += v;
        }
        if (!(weightSum > 0)) {
            throw new IllegalArgumentException(NAME + ": the total event weight is " + weightSum
                    + "; the loss is normalized by it and needs it positive");
        }
        double scale = 1 / (p.c() * weightSum);
        double l2 = switch (p.penalty()) {
            case L2 -> scale;
            case ELASTIC_NET -> (1 - p.l1Ratio()) * scale;
            case L1, NONE -> 0;
        };
        double l1 = switch (p.penalty()) {
            case L1 -> scale;
            case ELASTIC_NET -> p.l1Ratio() * scale;
            case L2, NONE -> 0;
        };
        LogisticLoss loss = new LogisticLoss(x, n, f, Rows.classes(d), w, classes, p.fitIntercept(), l2);
        double[] theta0 = new double[loss.size()];
        Lbfgs.Settings settings = new Lbfgs.Settings(10, p.maxIter(), p.tol(), 0);
        Lbfgs.Result r;
        if (l1 > 0) {
            double[] l1Weights = new double[theta0.length];
            java.util.Arrays.fill(l1Weights, 0, loss.rows() * f, l1);
            r = Lbfgs.minimizeL1(loss, theta0, l1Weights, settings);
        } else {
            r = Lbfgs.minimize(loss, theta0, settings);
        }
        int rows = loss.rows();
        double[] coef = java.util.Arrays.copyOf(r.x(), rows * f);
        double[] intercept = p.fitIntercept() ? java.util.Arrays.copyOfRange(r.x(), rows * f, rows * f + rows)
                : new double[rows];
        return new LogisticRegression(classes, f, coef, intercept, r.iterations());
    }

    /** Coefficients: (features) for two classes, (classes, features) otherwise; float64. */
    public Tensor coef() {
        return classes == 2 ? Tensor.of(coef, features) : Tensor.of(coef, classes, features);
    }

    /** Intercepts: one for two classes, one per class otherwise. */
    public Tensor intercept() {
        return Tensor.of(intercept, intercept.length);
    }

    /** Optimizer iterations used ({@code n_iter_}). */
    public int iterations() {
        return iterations;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    @Override
    public int numFeatures() {
        return features;
    }

    @Override
    public Tensor decisionFunction(Tensor x) {
        double[] s = LinearMath.scores(Rows.matrix(NAME + ".decisionFunction", x, features), x.size(0), features, coef,
                intercept);
        return classes == 2 ? Rows.vector(s) : Rows.matrix(s, x.size(0), classes);
    }

    @Override
    public Tensor predictProba(Tensor x) {
        int n = x.size(0);
        double[] s = LinearMath.scores(Rows.matrix(NAME + ".predictProba", x, features), n, features, coef, intercept);
        double[] p = new double[n * classes];
        if (classes == 2) {
            for (int i = 0; i < n; i++) {
                double p1 = 1 / (1 + Math.exp(-s[i]));
                p[2 * i] = 1 - p1;
                p[2 * i + 1] = p1;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    max = Math.max(max, s[i * classes + k]);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    double e = Math.exp(s[i * classes + k] - max);
                    p[i * classes + k] = e;
                    sum += e;
                }
                for (int k = 0; k < classes; k++) {
                    p[i * classes + k] /= sum;
                }
            }
        }
        return Rows.matrix(p, n, classes);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classes", (long) classes);
        m.put("features", (long) features);
        m.put("coef", JsonFields.list(coef));
        m.put("intercept", JsonFields.list(intercept));
        m.put("iterations", (long) iterations);
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static LogisticRegression fromJson(Map<String, Object> m) {
        int classes = JsonFields.count(m, "classes", 1 << 20);
        int features = JsonFields.count(m, "features", 1 << 24);
        if (classes < 2) {
            throw new IllegalArgumentException("model JSON: 'classes' is " + classes + ", expected at least 2");
        }
        int rows = classes == 2 ? 1 : classes;
        return new LogisticRegression(classes, features, JsonFields.doubles(m, "coef", rows * features),
                JsonFields.doubles(m, "intercept", rows), JsonFields.integer(m, "iterations"));
    }

    @Override
    public String toString() {
        return NAME + "(classes=" + classes + ", features=" + features + ", iterations=" + iterations + ")";
    }
}
