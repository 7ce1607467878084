package dev.hadron.ml.gp;

import dev.hadron.ml.internal.math.Dense;

/**
 * The log marginal likelihood of a Gaussian process and its gradient (Rasmussen and Williams,
 * <i>Gaussian Processes for Machine Learning</i>, eqs. 2.30 and 5.9), computed as scikit-learn does:
 * <pre>  log p(y | X, theta) = -y^T K^-1 y / 2 - sum_i log L_ii - n log(2 pi) / 2
 *   d/d theta_h = tr((a a^T - K^-1) dK/d theta_h) / 2,   a = K^-1 y,   K = L L^T</pre>
 * where K is the kernel matrix plus the per-event noise on its diagonal.
 */
final class MarginalLikelihood {
    private MarginalLikelihood() {
    }

    /** A Cholesky factorization of K + noise (+ jitter), with {@code a = K^-1 y}. */
    record Factor(double[] l, double[] alpha, double jitter) {
    }

    /** Kernel matrix of the training points plus the noise diagonal (and jitter). */
    static double[] covariance(Kernel k, KernelMath.Points p, double[] noise, double jitter, double[][] grads) {
        double[] kk = KernelMath.eval(k, p, grads);
        int n = p.n1();
        for (int i = 0; i < n; i++) {
            kk[i * n + i] += noise[i] + jitter;
        }
        return kk;
    }

    /** Factorizes K + noise + jitter; null if not positive definite. */
    static Factor factor(Kernel k, KernelMath.Points p, double[] y, double[] noise, double jitter) {
        int n = p.n1();
        double[] l = covariance(k, p, noise, jitter, null);
        if (!Dense.cholesky(l, n)) {
            return null;
        }
        double[] a = y.clone();
        Dense.choleskySolve(l, n, a);
        return new Factor(l, a, jitter);
    }

    /** The log marginal likelihood from a factorization. */
    static double value(Factor f, double[] y) {
        int n = y.length;
        double v = 0;
        for (int i = 0; i < n; i++) {
            v -= 0.5 * y[i] * f.alpha()[i];
            v -= Math.log(f.l()[i * n + i]);
        }
        return v - 0.5 * n * Math.log(2 * Math.PI);
    }

    /**
     * The log marginal likelihood at the kernel's hyperparameters, with its gradient with respect to
     * their logs written into {@code grad}; -infinity (and a zero gradient) where K is not positive definite.
     */
    static double valueAndGradient(Kernel k, KernelMath.Points p, double[] y, double[] noise, double[] grad) {
        int n = p.n1();
        int h = grad.length;
        double[][] grads = new double[h][];
        double[] l = covariance(k, p, noise, 0, grads);
        java.util.Arrays.fill(grad, 0);
        if (!Dense.cholesky(l, n)) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] a = y.clone();
        Dense.choleskySolve(l, n, a);
        double v = 0;
        for (int i = 0; i < n; i++) {
            v -= 0.5 * y[i] * a[i] + Math.log(l[i * n + i]);
        }
        v -= 0.5 * n * Math.log(2 * Math.PI);
        if (h > 0) {
            double[] inv = Dense.choleskyInverse(l, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double m = a[i] * a[j] - inv[i * n + j];
                    int ij = i * n + j;
                    for (int t = 0; t < h; t++) {
                        grad[t] += m * grads[t][ij];
                    }
                }
            }
            for (int t = 0; t < h; t++) {
                grad[t] *= 0.5;
            }
        }
        return v;
    }
}
