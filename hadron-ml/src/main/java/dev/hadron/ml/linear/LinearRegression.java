package dev.hadron.ml.linear;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.Regressor;
import dev.hadron.ml.internal.math.Dense;
import dev.hadron.ml.internal.support.Check;
import dev.hadron.ml.internal.support.JsonFields;
import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Linalg;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted least-squares linear regression, ordinary ({@code alpha = 0}, scikit-learn's
 * {@code LinearRegression}) or ridge ({@code alpha > 0}, scikit-learn's {@code Ridge}): the
 * coefficients minimize
 * <pre>  sum_i w_i (y_i - x_i . coef - intercept)^2 + alpha |coef|^2</pre>
 * with event weights {@code w_i} (scikit-learn's convention: the weights are not normalized, so
 * scaling them all changes the balance with {@code alpha}). The intercept is not penalized. Solved in
 * closed form from the weighted normal equations; without a penalty, collinear features get the
 * minimum-norm solution, as a least-squares solver gives.
 *
 * <p>Negative event weights are allowed as long as the weighted normal matrix stays positive
 * (semi-)definite; otherwise the fit stops with an error saying so.
 *
 * <pre>{@code
 * LinearRegression ols = LinearRegression.Params.defaults().fit(train);
 * LinearRegression ridge = LinearRegression.Params.ridge(10.0).fit(train);
 * Tensor predicted = ridge.predict(test.features());
 * }</pre>
 */
public final class LinearRegression implements Regressor {
    private static final String NAME = "LinearRegression";

    /**
     * Hyperparameters.
     *
     * @param alpha the L2 penalty (>= 0; 0 is ordinary least squares)
     * @param fitIntercept whether to fit an unpenalized intercept
     */
    public record Params(double alpha, boolean fitIntercept) implements Estimator<LinearRegression> {
        /** Validates. */
        public Params {
            Check.nonNegative("alpha", alpha);
        }

        /** Ordinary least squares with an intercept. */
        public static Params defaults() {
            return new Params(0, true);
        }

        /** Ridge regression with penalty {@code alpha} (scikit-learn's {@code Ridge(alpha=...)}). */
        public static Params ridge(double alpha) {
            return new Params(alpha, true);
        }

        /** A copy with another penalty. */
        public Params withAlpha(double value) {
            return new Params(value, fitIntercept);
        }

        /** A copy with or without intercept. */
        public Params withFitIntercept(boolean value) {
            return new Params(alpha, value);
        }

        @Override
        public LinearRegression fit(Dataset train) {
            return LinearRegression.fit(this, train);
        }
    }

    private final double[] coef;
    private final double intercept;

    private LinearRegression(double[] coef, double intercept) {
        this.coef = coef;
        this.intercept = intercept;
    }

    /** Fits on features (n, f), targets (n) and optional weights (n, or null). */
    public static LinearRegression fit(Params p, Tensor x, Tensor y, Tensor weights) {
        return fit(p, Dataset.of(x, y, weights));
    }

    /** Fits on the features, targets and weights of {@code d}. */
    public static LinearRegression fit(Params p, Dataset d) {
        LinearData data = new LinearData(NAME, d, p.fitIntercept());
        int f = data.f;
        double[] gram = data.gram();
        double[] rhs = data.xty();
        double[] coef;
        if (p.alpha() > 0) {
            for (int j = 0; j < f; j++) {
                gram[j * f + j] += p.alpha();
            }
            coef = Dense.solveSpd(gram, f, rhs);
            if (coef == null) {
                throw new IllegalArgumentException(NAME + ": the weighted normal matrix X^T W X + alpha I is not positive"
                        + " definite (negative event weights dominate?); increase alpha or check the weights");
            }
        } else {
            coef = solveLeastSquares(gram, f, rhs);
        }
        return new LinearRegression(coef, data.intercept(coef, p.fitIntercept()));
    }

    /**
     * Solves the normal equations: by Cholesky when the matrix is well conditioned, else the
     * minimum-norm solution from its eigendecomposition; an indefinite (negatively weighted) system is refused.
     */
    static double[] solveLeastSquares(double[] gram, int f, double[] rhs) {
        double[] l = gram.clone();
        if (Dense.cholesky(l, f)) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (int j = 0; j < f; j++) {
                lo = Math.min(lo, l[j * f + j]);
                hi = Math.max(hi, l[j * f + j]);
            }
            if (lo * lo > 1e-10 * hi * hi) {
                double[] x = rhs.clone();
                Dense.choleskySolve(l, f, x);
                return x;
            }
        }
        double[] w = Linalg.eigh(Tensor.wrap(gram.clone(), f, f)).eigenvalues().toDoubleArray();
        double max = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
        }
        if (w.length > 0 && w[0] < -1e-10 * max) {
            throw new IllegalArgumentException(NAME + ": the weighted normal matrix X^T W X has the negative eigenvalue "
                    + w[0] + " (negative event weights dominate); the least-squares problem has no minimum");
        }
        return Dense.pseudoSolve(gram, f, rhs, 1e-12 * Math.max(f, 1));
    }

    /** The coefficients (f), float64. */
    public Tensor coef() {
        return Tensor.of(coef, coef.length);
    }

    /** The intercept (0 when fitted without one). */
    public double intercept() {
        return intercept;
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
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static LinearRegression fromJson(Map<String, Object> m) {
        return new LinearRegression(JsonFields.doubles(m, "coef", -1), JsonFields.number(m, "intercept"));
    }

    @Override
    public String toString() {
        return NAME + "(features=" + coef.length + ", intercept=" + intercept + ")";
    }
}
