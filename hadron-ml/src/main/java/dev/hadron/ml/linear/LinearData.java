package dev.hadron.ml.linear;

import dev.hadron.data.Dataset;
import dev.hadron.ml.FitChecks;
import dev.hadron.ml.internal.support.Rows;

/**
 * Training data of a linear regression, checked and (with an intercept) centred on the weighted
 * means, as scikit-learn's {@code _preprocess_data} does: the intercept is then recovered as
 * {@code yMean - xMean . coef}.
 */
final class LinearData {
    final int n;
    final int f;
    /** Centred features, row-major (n x f). */
    final double[] x;
    /** Centred targets. */
    final double[] y;
    final double[] w;
    final double[] xMean;
    final double yMean;
    final double weightSum;

    LinearData(String method, Dataset d, boolean fitIntercept) {
        FitChecks.common(method, d, false);
        this.x = Rows.features(method, d);
        this.y = Rows.targets(method, d);
        this.w = Rows.weights(d);
        this.n = d.size();
        this.f = d.numFeatures();
        double sw = 0;
        for (double v : w) {
            sw += v;
        }
        this.weightSum = sw;
        this.xMean = new double[f];
        double ym = 0;
        if (fitIntercept) {
            if (!(sw > 0)) {
                throw new IllegalArgumentException(method + ": the total event weight is " + sw
                        + "; centring for the intercept needs a positive total weight");
            }
            for (int i = 0; i < n; i++) {
                double wi = w[i];
                ym += wi * y[i];
                int r = i * f;
                for (int j = 0; j < f; j++) {
                    xMean[j] += wi * x[r + j];
                }
            }
            ym /= sw;
            for (int j = 0; j < f; j++) {
                xMean[j] /= sw;
            }
            for (int i = 0; i < n; i++) {
                y[i] -= ym;
                int r = i * f;
                for (int j = 0; j < f; j++) {
                    x[r + j] -= xMean[j];
                }
            }
        }
        this.yMean = ym;
    }

    /** The intercept that goes with {@code coef}. */
    double intercept(double[] coef, boolean fitIntercept) {
        if (!fitIntercept) {
            return 0;
        }
        double b = yMean;
        for (int j = 0; j < f; j++) {
            b -= xMean[j] * coef[j];
        }
        return b;
    }

    /** The weighted normal matrix {@code X^T W X} (f x f) of the centred features. */
    double[] gram() {
        double[] g = new double[f * f];
        for (int i = 0; i < n; i++) {
            int r = i * f;
            double wi = w[i];
            for (int a = 0; a < f; a++) {
                double xa = wi * x[r + a];
                if (xa == 0) {
                    continue;
                }
                int ga = a * f;
                for (int b = 0; b <= a; b++) {
                    g[ga + b] += xa * x[r + b];
                }
            }
        }
        for (int a = 0; a < f; a++) {
            for (int b = 0; b < a; b++) {
                g[b * f + a] = g[a * f + b];
            }
        }
        return g;
    }

    /** {@code X^T W y} of the centred data. */
    double[] xty() {
        double[] v = new double[f];
        for (int i = 0; i < n; i++) {
            double wy = w[i] * y[i];
            int r = i * f;
            for (int j = 0; j < f; j++) {
                v[j] += wy * x[r + j];
            }
        }
        return v;
    }
}
