package dev.hadron.ml.linear;

/**
 * Cyclic coordinate descent for the elastic net, the algorithm of scikit-learn's
 * {@code enet_coordinate_descent} (Friedman, Hastie and Tibshirani, J. Stat. Softw. 33 (2010)) written
 * with event weights: it minimizes
 * <pre>  1/2 sum_i w_i (y_i - x_i . coef)^2 + l1 |coef|_1 + l2/2 |coef|^2</pre>
 * on centred data. Each sweep soft-thresholds every coordinate in turn; when the largest coefficient
 * change of a sweep falls below {@code tol * max |coef|}, the duality gap is computed and the descent
 * stops once it is below {@code tol * sum_i w_i y_i^2}, the stopping rule of scikit-learn.
 */
final class CoordinateDescent {
    /** Coefficients found. */
    final double[] coef;
    /** Sweeps made. */
    final int iterations;
    /** Duality gap at the end. */
    final double dualGap;

    private CoordinateDescent(double[] coef, int iterations, double dualGap) {
        this.coef = coef;
        this.iterations = iterations;
        this.dualGap = dualGap;
    }

    static CoordinateDescent solve(String method, LinearData d, double l1, double l2, boolean positive, int maxIter,
                                   double tol) {
        int n = d.n;
        int f = d.f;
        double[] w = d.w;
        // column-major copy for the sweeps
        double[][] cols = new double[f][n];
        double[] norm = new double[f];
        for (int i = 0; i < n; i++) {
            int r = i * f;
            for (int j = 0; j < f; j++) {
                double v = d.x[r + j];
                cols[j][i] = v;
                norm[j] += w[i] * v * v;
            }
        }
        for (int j = 0; j < f; j++) {
            if (norm[j] < 0 || (norm[j] + l2 <= 0 && norm[j] != 0)) {
                throw new IllegalArgumentException(method + ": the weighted sum of squares of feature " + j + " is "
                        + norm[j] + " (negative event weights dominate); the coordinate problem has no minimum");
            }
        }
        double[] y = d.y;
        double[] resid = y.clone();
        double[] coef = new double[f];
        double yNorm = 0;
        for (int i = 0; i < n; i++) {
            yNorm += w[i] * y[i] * y[i];
        }
        double scaledTol = tol * yNorm;
        double gap = scaledTol + 1;
        int iter = 0;
        while (iter < maxIter) {
            iter++;
            double maxChange = 0;
            double maxCoef = 0;
            for (int j = 0; j < f; j++) {
                if (norm[j] == 0) {
                    continue;
                }
                double[] c = cols[j];
                double old = coef[j];
                double tmp = 0;
                for (int i = 0; i < n; i++) {
                    tmp += w[i] * c[i] * resid[i];
                }
                tmp += old * norm[j];
                double updated;
                if (positive && tmp < 0) {
                    updated = 0;
                } else {
                    updated = Math.signum(tmp) * Math.max(Math.abs(tmp) - l1, 0) / (norm[j] + l2);
                }
                if (updated != old) {
                    double delta = old - updated;
                    for (int i = 0; i < n; i++) {
                        resid[i] += delta * c[i];
                    }
                    coef[j] = updated;
                }
                maxChange = Math.max(maxChange, Math.abs(updated - old));
                maxCoef = Math.max(maxCoef, Math.abs(updated));
            }
            if (maxCoef == 0 || maxChange / maxCoef < tol || iter == maxIter) {
                gap = dualityGap(cols, w, y, resid, coef, l1, l2, positive);
                if (gap < scaledTol) {
                    break;
                }
            }
        }
        return new CoordinateDescent(coef, iter, gap);
    }

    /** The duality gap of the (weighted) elastic-net problem at {@code coef}. */
    private static double dualityGap(double[][] cols, double[] w, double[] y, double[] resid, double[] coef, double l1,
                                     double l2, boolean positive) {
        int n = y.length;
        double dualNorm = 0;
        for (int j = 0; j < cols.length; j++) {
            double xta = 0;
            double[] c = cols[j];
            for (int i = 0; i < n; i++) {
                xta += w[i] * c[i] * resid[i];
            }
            xta -= l2 * coef[j];
            dualNorm = Math.max(dualNorm, positive ? xta : Math.abs(xta));
        }
        double rNorm2 = 0;
        double ry = 0;
        for (int i = 0; i < n; i++) {
            rNorm2 += w[i] * resid[i] * resid[i];
            ry += w[i] * resid[i] * y[i];
        }
        double wNorm2 = 0;
        double l1Norm = 0;
        for (double c : coef) {
            wNorm2 += c * c;
            l1Norm += Math.abs(c);
        }
        double constant;
        double gap;
        if (dualNorm > l1) {
            constant = l1 / dualNorm;
            gap = 0.5 * (rNorm2 + rNorm2 * constant * constant);
        } else {
            constant = 1;
            gap = rNorm2;
        }
        return gap + l1 * l1Norm - constant * ry + 0.5 * l2 * (1 + constant * constant) * wNorm2;
    }
}
