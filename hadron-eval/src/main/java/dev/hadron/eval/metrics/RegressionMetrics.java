package dev.hadron.eval.metrics;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Weighted regression metrics, equal to scikit-learn's {@code mean_absolute_error},
 * {@code mean_squared_error} and {@code r2_score} with {@code sample_weight} and the default
 * {@code multioutput="uniform_average"}. Targets and predictions have shape (n) or (n, d); for
 * d outputs each metric is computed per output and the plain mean over outputs is reported.
 *
 * <pre>{@code
 * RegressionMetrics m = RegressionMetrics.of(targets, predictions, weights);
 * System.out.println(m.r2() + " " + m.mae());
 * }</pre>
 *
 * <p>R² follows scikit-learn's {@code force_finite=True}: when the targets are constant (zero
 * weighted variance) R² is 1 for a perfect prediction and 0 otherwise, never NaN or −∞.
 * Weights may be negative (they enter as given), but their total must be positive.
 *
 * @param mae mean absolute error (averaged over outputs)
 * @param mse mean squared error (averaged over outputs)
 * @param rmse root mean squared error (square root per output, then averaged, as scikit-learn)
 * @param r2 coefficient of determination (averaged over outputs)
 * @param maePerOutput per-output MAE
 * @param msePerOutput per-output MSE
 * @param r2PerOutput per-output R²
 * @param sumOfWeights total event weight
 */
public record RegressionMetrics(double mae, double mse, double rmse, double r2, double[] maePerOutput, double[] msePerOutput,
                                double[] r2PerOutput, double sumOfWeights) {

    /** Compact constructor: copies the arrays so the record stays immutable. */
    public RegressionMetrics {
        maePerOutput = maePerOutput.clone();
        msePerOutput = msePerOutput.clone();
        r2PerOutput = r2PerOutput.clone();
    }

    /** Per-output MAE (a copy). */
    @Override
    public double[] maePerOutput() {
        return maePerOutput.clone();
    }

    /** Per-output MSE (a copy). */
    @Override
    public double[] msePerOutput() {
        return msePerOutput.clone();
    }

    /** Per-output R² (a copy). */
    @Override
    public double[] r2PerOutput() {
        return r2PerOutput.clone();
    }

    /** The metrics of predictions against targets (same shape, (n) or (n, d)); weights (n) or null. */
    public static RegressionMetrics of(Tensor targets, Tensor predictions, Tensor weights) {
        String op = "regressionMetrics";
        if (targets == null || predictions == null) {
            throw new IllegalArgumentException(op + ": targets and predictions must not be null");
        }
        if (!java.util.Arrays.equals(targets.shape(), predictions.shape())) {
            throw new IllegalArgumentException(op + ": targets of shape " + Shape.toString(targets.shape()) + " but predictions of shape "
                    + Shape.toString(predictions.shape()) + "; expected equal shapes (n) or (n, d)");
        }
        if (targets.dim() < 1 || targets.dim() > 2) {
            throw new IllegalArgumentException(op + ": targets of shape " + Shape.toString(targets.shape()) + "; expected (n) or (n, d)");
        }
        int n = targets.size(0);
        int d = targets.dim() == 1 ? 1 : targets.size(1);
        Inputs.nonEmpty(op, n);
        double[] y = targets.detach().toDoubleArray();
        double[] p = predictions.detach().toDoubleArray();
        Inputs.requireFinite(op, "target", y);
        Inputs.requireFinite(op, "prediction", p);
        double[] w = Inputs.weights(op, weights, n);
        double sw = 0;
        for (double x : w) {
            sw += x;
        }
        if (!(sw > 0)) {
            throw new IllegalArgumentException(op + ": total weight is " + sw + "; expected a positive total weight");
        }
        double[] mae = new double[d];
        double[] mse = new double[d];
        double[] r2 = new double[d];
        double maeAvg = 0;
        double mseAvg = 0;
        double rmseAvg = 0;
        double r2Avg = 0;
        for (int o = 0; o < d; o++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += w[i] * y[i * d + o];
            }
            mean /= sw;
            double abs = 0;
            double sq = 0;
            double tot = 0;
            for (int i = 0; i < n; i++) {
                double t = y[i * d + o];
                double e = t - p[i * d + o];
                abs += w[i] * Math.abs(e);
                sq += w[i] * e * e;
                tot += w[i] * (t - mean) * (t - mean);
            }
            mae[o] = abs / sw;
            mse[o] = sq / sw;
            if (tot != 0) {
                r2[o] = 1 - sq / tot;
            } else {
                r2[o] = sq == 0 ? 1.0 : 0.0;
            }
            maeAvg += mae[o] / d;
            mseAvg += mse[o] / d;
            rmseAvg += Math.sqrt(mse[o]) / d;
            r2Avg += r2[o] / d;
        }
        return new RegressionMetrics(maeAvg, mseAvg, rmseAvg, r2Avg, mae, mse, r2, sw);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "RegressionMetrics[mae=%.6g, mse=%.6g, rmse=%.6g, r2=%.6f]", mae, mse, rmse, r2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegressionMetrics m && mae == m.mae && mse == m.mse && r2 == m.r2
                && java.util.Arrays.equals(r2PerOutput, m.r2PerOutput);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(mae) * 31 + Double.hashCode(r2);
    }
}
