package dev.hadron.ml.gp;

import dev.hadron.ml.internal.math.Dense;
import dev.hadron.tensor.Generator;

/**
 * Draws from a multivariate normal distribution through the Cholesky factor of its covariance. A
 * covariance that is only positive semi-definite (a smooth kernel on close points) gets the smallest
 * diagonal jitter, 1e-10 times 10^k of its mean variance, that makes it factorizable: standard
 * practice, since the draws then differ from exact ones by far less than their spread.
 */
final class GaussianSampler {
    private GaussianSampler() {
    }

    /** {@code samples} draws of N(mean, cov) as an (m x samples) row-major array. */
    static double[] sample(double[] mean, double[] cov, int m, int samples, Generator gen) {
        double scale = 0;
        for (int i = 0; i < m; i++) {
            scale += Math.abs(cov[i * m + i]);
        }
        scale = m == 0 || !(scale > 0) ? 1 : scale / m;
        double[] l = null;
        for (int k = 0; k <= 10 && l == null; k++) {
            double jitter = k == 0 ? 0 : scale * 1e-10 * Math.pow(10, k - 1);
            double[] c = cov.clone();
            for (int i = 0; i < m; i++) {
                c[i * m + i] += jitter;
            }
            if (Dense.cholesky(c, m)) {
                l = c;
            }
        }
        if (l == null) {
            throw new IllegalArgumentException("GaussianProcessRegressor: the covariance to sample from is not positive"
                    + " semi-definite, even with jitter up to " + scale * 1e-1 + " (is the kernel valid?)");
        }
        double[] z = new double[m * samples];
        for (int i = 0; i < z.length; i++) {
            z[i] = gen.nextGaussian();
        }
        double[] out = new double[m * samples];
        for (int i = 0; i < m; i++) {
            for (int s = 0; s < samples; s++) {
                double v = mean[i];
                for (int j = 0; j <= i; j++) {
                    v += l[i * m + j] * z[j * samples + s];
                }
                out[i * samples + s] = v;
            }
        }
        return out;
    }
}
