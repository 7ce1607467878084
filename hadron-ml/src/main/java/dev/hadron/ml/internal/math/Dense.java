package dev.hadron.ml.internal.math;

import dev.hadron.tensor.Linalg;
import dev.hadron.tensor.Tensor;

/**
 * Small dense linear algebra on row-major {@code double[]} matrices, for the solvers of the classic
 * methods (normal equations, Gaussian-process Cholesky factors, Newton steps). The matrices here are
 * at most a few thousand on a side, so plain loops in the cache-friendly order are enough.
 */
public final class Dense {
    private Dense() {
    }

    /**
     * Overwrites the symmetric positive definite {@code a} (n x n, lower triangle read) with its
     * Cholesky factor L (lower; the strict upper triangle is zeroed). Returns false, leaving {@code a}
     * partly overwritten, if a pivot is not positive.
     */
    public static boolean cholesky(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= a[rj + k] * a[rj + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[rj + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = s / ljj;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[i * n + j] = 0;
            }
        }
        return true;
    }

    /** Solves {@code L x = b} in place for lower-triangular L (n x n). */
    public static void solveLower(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            int ri = i * n;
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * b[k];
            }
            b[i] = s / l[ri + i];
        }
    }

    /** Solves {@code L^T x = b} in place for lower-triangular L (n x n). */
    public static void solveLowerTransposed(double[] l, int n, double[] b) {
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }

    /** Solves {@code (L L^T) x = b} in place, given the Cholesky factor L. */
    public static void choleskySolve(double[] l, int n, double[] b) {
        solveLower(l, n, b);
        solveLowerTransposed(l, n, b);
    }

    /**
     * Solves {@code L X = B} in place for lower-triangular L (n x n) and B (n x m, row-major): the
     * columns of B are solved together, row by row.
     */
    public static void solveLowerMatrix(double[] l, int n, double[] b, int m) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            int bi = i * m;
            for (int k = 0; k < i; k++) {
                double lik = l[ri + k];
                if (lik != 0) {
                    int bk = k * m;
                    for (int c = 0; c < m; c++) {
                        b[bi + c] -= lik * b[bk + c];
                    }
                }
            }
            double inv = 1 / l[ri + i];
            for (int c = 0; c < m; c++) {
                b[bi + c] *= inv;
            }
        }
    }

    /** The inverse of {@code L L^T} (n x n), from its Cholesky factor. */
    public static double[] choleskyInverse(double[] l, int n) {
        // inv(L) by forward substitution on the identity, then inv(L)^T inv(L)
        double[] li = new double[n * n];
        for (int i = 0; i < n; i++) {
            li[i * n + i] = 1;
        }
        solveLowerMatrix(l, n, li, n);
        double[] out = new double[n * n];
        for (int k = 0; k < n; k++) {
            int rk = k * n;
            for (int i = 0; i <= k; i++) {
                double a = li[rk + i];
                if (a == 0) {
                    continue;
                }
                int ri = i * n;
                for (int j = 0; j <= i; j++) {
                    out[ri + j] += a * li[rk + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                out[j * n + i] = out[i * n + j];
            }
        }
        return out;
    }

    /**
     * The minimum-norm solution of the symmetric positive semi-definite system {@code a x = b} (as a
     * least-squares solver gives): eigenvalues below {@code rcond * largest} are treated as zero.
     */
    public static double[] pseudoSolve(double[] a, int n, double[] b, double rcond) {
        Linalg.Eigh e = Linalg.eigh(Tensor.wrap(a.clone(), n, n));
        double[] w = e.eigenvalues().toDoubleArray();
        double[] v = e.eigenvectors().toDoubleArray();
        double max = 0;
        for (double x : w) {
            max = Math.max(max, Math.abs(x));
        }
        double[] x = new double[n];
        for (int c = 0; c < n; c++) {
            if (!(w[c] > rcond * max)) {
                continue;
            }
            double proj = 0;
            for (int r = 0; r < n; r++) {
                proj += v[r * n + c] * b[r];
            }
            proj /= w[c];
            for (int r = 0; r < n; r++) {
                x[r] += proj * v[r * n + c];
            }
        }
        return x;
    }

    /** Solves the symmetric positive definite {@code a x = b}; null if {@code a} is not positive definite. */
    public static double[] solveSpd(double[] a, int n, double[] b) {
        double[] l = a.clone();
        if (!cholesky(l, n)) {
            return null;
        }
        double[] x = b.clone();
        choleskySolve(l, n, x);
        return x;
    }

    /** The dot product of {@code a[ao .. ao+n)} and {@code b[bo .. bo+n)}. */
    public static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    /** The squared Euclidean distance between {@code a[ao .. ao+n)} and {@code b[bo .. bo+n)}. */
    public static double squaredDistance(double[] a, int ao, double[] b, int bo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = a[ao + i] - b[bo + i];
            s += d * d;
        }
        return s;
    }
}
