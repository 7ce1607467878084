package dev.hadron.ml.internal.math;

import dev.hadron.tensor.Generator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dense kernels on sizes that take their parallel paths (n = 600) and on small ones. */
class DenseTest {
    /** A well-conditioned symmetric positive definite matrix: B B^T / n + I. */
    private static double[] spd(int n, long seed) {
        Generator g = new Generator(seed);
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = g.nextGaussian();
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = Dense.dot(b, i * n, b, j * n, n) / n + (i == j ? 1 : 0);
                a[i * n + j] = s;
                a[j * n + i] = s;
            }
        }
        return a;
    }

    private static double maxAbsProductMinusIdentity(double[] p, double[] q, int n) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += p[i * n + k] * q[k * n + j];
                }
                worst = Math.max(worst, Math.abs(s - (i == j ? 1 : 0)));
            }
        }
        return worst;
    }

    @Test
    void choleskyFactorAndInversesAreExactToRounding() {
        for (int n : new int[] {1, 7, 600}) {
            double[] a = spd(n, n);
            double[] l = a.clone();
            assertTrue(Dense.cholesky(l, n), "n = " + n);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (j > i) {
                        assertEquals(0.0, l[i * n + j], "upper triangle of L, n = " + n);
                    }
                    worst = Math.max(worst, Math.abs(Dense.dot(l, i * n, l, j * n, n) - a[i * n + j]));
                }
            }
            assertTrue(worst < 1e-12 * n, "L L^T - A, n = " + n + ": " + worst);
            assertTrue(maxAbsProductMinusIdentity(Dense.lowerInverse(l, n), l, n) < 1e-12 * n, "inv(L) L, n = " + n);
            assertTrue(maxAbsProductMinusIdentity(Dense.choleskyInverse(l, n), a, n) < 1e-11 * n, "inv(A) A, n = " + n);
        }
    }

    @Test
    void notPositiveDefiniteIsReported() {
        double[] a = {1, 2, 2, 1};
        assertFalse(Dense.cholesky(a, 2));
    }

    @Test
    void dotHandlesEveryRemainder() {
        for (int n = 0; n <= 9; n++) {
            double[] a = new double[n + 2];
            double[] b = new double[n + 3];
            double expected = 0;
            for (int i = 0; i < n; i++) {
                a[i + 2] = i + 1;
                b[i + 3] = 2 * i - 3;
                expected += (i + 1) * (2 * i - 3);
            }
            assertEquals(expected, Dense.dot(a, 2, b, 3, n), 0.0, "n = " + n);
        }
    }
}
