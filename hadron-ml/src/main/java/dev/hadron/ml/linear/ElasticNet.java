package dev.hadron.ml.linear;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.Regressor;
import dev.hadron.ml.internal.support.Check;
import dev.hadron.ml.internal.support.JsonFields;
import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted elastic net or lasso: linear regression with an L1 (and L2) penalty, fitted by coordinate
 * descent with scikit-learn's objective
 * <pre>  1/(2 sum_i w_i) sum_i w_i (y_i - x_i . coef - intercept)^2
 *       + alpha l1Ratio |coef|_1 + alpha (1 - l1Ratio)/2 |coef|^2</pre>
 * (for unit weights the first factor is {@code 1/(2n)}, as in {@code sklearn.linear_model.ElasticNet};
 * {@code l1Ratio = 1} is the lasso). The L1 term sets coefficients exactly to zero, selecting features.
 * Features are used as given: standardize them first if their scales differ, as with scikit-learn.
 *
 * <p>Negative event weights are allowed while each feature's weighted sum of squares stays positive
 * (otherwise the fit stops with an error naming the feature); the total weight must be positive.
 *
 * <pre>{@code
 * ElasticNet lasso = ElasticNet.Params.lasso(0.01).fit(train);
 * Tensor coef = lasso.coef();                  // zeros for the features the lasso dropped
 * }</pre>
 */
public final class ElasticNet implements Regressor {
    private static final String NAME = "ElasticNet";

    /**
     * Hyperparameters (names and defaults of scikit-learn's {@code ElasticNet}).
     *
     * @param alpha overall penalty strength (>= 0)
     * @param l1Ratio share of the L1 penalty, in [0, 1] (1 is the lasso)
     * @param fitIntercept whether to fit an unpenalized intercept
     * @param positive constrain the coefficients to be >= 0
     * @param maxIter maximum number of coordinate sweeps
     * @param tol tolerance of the duality-gap stopping rule (relative to the weighted sum of squared targets)
     */
    public record Params(double alpha, double l1Ratio, boolean fitIntercept, boolean positive, int maxIter, double tol)
            implements Estimator<ElasticNet> {
        /** Validates. */
        public Params {
            Check.nonNegative("alpha", alpha);
            Check.inRange("l1Ratio", l1Ratio, 0, 1);
            Check.atLeast("maxIter", maxIter, 1);
            Check.positive("tol", tol);
        }

        /** alpha 1, l1Ratio 0.5, intercept, 1000 sweeps, tol 1e-4 (scikit-learn's defaults). */
        public static Params defaults() {
            return new Params(1.0, 0.5, true, false, 1000, 1e-4);
        }

        /** The lasso with penalty {@code alpha} (scikit-learn's {@code Lasso(alpha=...)}). */
        public static Params lasso(double alpha) {
            return defaults().withAlpha(alpha).withL1Ratio(1.0);
        }

        /** A copy with another penalty strength. */
        public Params withAlpha(double value) {
            return new Params(value, l1Ratio, fitIntercept, positive, maxIter, tol);
        }

        /** A copy with another L1 share. */
        public Params withL1Ratio(double value) {
            return new Params(alpha, value, fitIntercept, positive, maxIter, tol);
        }

        /** A copy with or without intercept. */
        public Params withFitIntercept(boolean value) {
            return new Params(alpha, l1Ratio, value, positive, maxIter, tol);
        }

        /** A copy with or without the non-negativity constraint. */
        public Params withPositive(boolean value) {
            return new Params(alpha, l1Ratio, fitIntercept, value, maxIter, tol);
        }

        /** A copy with another sweep limit. */
        public Params withMaxIter(int value) {
            return new Params(alpha, l1Ratio, fitIntercept, positive, value, tol);
        }

        /** A copy with another tolerance. */
        public Params withTol(double value) {
            return new Params(alpha, l1Ratio, fitIntercept, positive, maxIter, value);
        }

        @Override
        public ElasticNet fit(Dataset train) {
            return ElasticNet.fit(this, train);
        }
    }

    private final double[] coef;
    private final double intercept;
    private final int iterations;
    private final double dualGap;

    private ElasticNet(double[] coef, double intercept, int iterations, double dualGap) {
        this.coef = coef;
        this.intercept = intercept;
        this.iterations = iterations;
        this.dualGap = dualGap;
    }

    /** Fits on features (n, f), targets (n) and optional weights (n, or null). */
    public static ElasticNet fit(Params p, Tensor x, Tensor y, Tensor weights) {
        return fit(p, Dataset.of(x, y, weights));
    }

    /** Fits on the features, targets and weights of {@code d}. */
    public static ElasticNet fit(Params p, Dataset d) {
        LinearData data = new LinearData(NAME, d, p.fitIntercept());
        if (!(data.weightSum > 0)) {
            throw new IllegalArgumentException(NAME + ": the total event weight is " + data.weightSum
                    + "; the objective is normalized by it and needs it positive");
        }
        double l1 = p.alpha() * p.l1Ratio() * data.weightSum;
        double l2 = p.alpha() * (1 - p.l1Ratio()) * data.weightSum;
        CoordinateDescent cd = CoordinateDescent.solve(NAME, data, l1, l2, p.positive(), p.maxIter(), p.tol());
        return new ElasticNet(cd.coef, data.intercept(cd.coef, p.fitIntercept()), cd.iterations, cd.dualGap);
    }

    /** The coefficients (f), float64; exact zeros for dropped features. */
    public Tensor coef() {
        return Tensor.of(coef, coef.length);
    }

    /** The intercept (0 when fitted without one). */
    public double intercept() {
        return intercept;
    }

    /** Coordinate sweeps made ({@code n_iter_}). */
    public int iterations() {
        return iterations;
    }

    /** The duality gap at the end, in the units of the weighted sum of squares ({@code dual_gap_} times the weight sum). */
    public double dualGap() {
        return dualGap;
    }

    @Override
    public Tensor predict(Tensor x) {
        return Rows.vector(LinearMath.predict(Rows.matrix(NAME + ".predict", x, coef.length), x.size(0), coef, intercept));
    }

    @Override
    public int numFeatures() {
        return coef.length;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coef", JsonFields.list(coef));
        m.put("intercept", intercept);
        m.put("iterations", (long) iterations);
        m.put("dual_gap", dualGap);
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static ElasticNet fromJson(Map<String, Object> m) {
        return new ElasticNet(JsonFields.doubles(m, "coef", -1), JsonFields.number(m, "intercept"),
                JsonFields.integer(m, "iterations"), JsonFields.number(m, "dual_gap"));
    }

    @Override
    public String toString() {
        int nonZero = 0;
        for (double c : coef) {
            nonZero += c != 0 ? 1 : 0;
        }
        return NAME + "(features=" + coef.length + ", non-zero=" + nonZero + ", iterations=" + iterations + ")";
    }
}
