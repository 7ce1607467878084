package dev.hadron.ml.internal.math;

import dev.hadron.tensor.Linalg;
import dev.hadron.tensor.Tensor;

import java.util.stream.IntStream;

/**
 * Small dense linear algebra on row-major {@code double[]} matrices, for the solvers of the classic
 * methods (normal equations, Gaussian-process Cholesky factors, Newton steps). The matrices here are
 * at most a few thousand on a side, so plain loops in the cache-friendly order are enough; the
 * O(n^3) loops of the Cholesky factor and inverse run in parallel over rows above a size threshold,
 * each entry computed by one thread, so results do not depend on the number of threads.
 */
public final class Dense {
    /** Multiply-adds above which a loop is split over the common fork-join pool. */
    private static final long PARALLEL_WORK = 1 << 16;

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
            double d = a[rj + j] - dot(a, rj, a, rj, j);
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[rj + j] = ljj;
            final int col = j;
            IntStream rows = IntStream.range(j + 1, n);
            // each entry is computed by one thread the same way: the factor does not depend on the thread count
            ((long) (n - j) * j > PARALLEL_WORK ? rows.parallel() : rows).forEach(i -> {
                int ri = i * n;
                a[ri + col] = (a[ri + col] - dot(a, ri, a, rj, col)) / ljj;
            });
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
        int block = 64;
        int blocks = (m + block - 1) / block;
        IntStream columns = IntStream.range(0, blocks);
        // column blocks are independent: each is solved by one thread, whatever the thread count
        ((long) n * n * m > 2 * PARALLEL_WORK && blocks > 1 ? columns.parallel() : columns).forEach(cb -> {
            int c0 = cb * block;
            int c1 = Math.min(m, c0 + block);
            for (int i = 0; i < n; i++) {
                int ri = i * n;
                int bi = i * m;
                for (int k = 0; k < i; k++) {
                    double lik = l[ri + k];
                    if (lik != 0) {
                        int bk = k * m;
                        for (int c = c0; c < c1; c++) {
                            b[bi + c] -= lik * b[bk + c];
                        }
                    }
                }
                double inv = 1 / l[ri + i];
                for (int c = c0; c < c1; c++) {
                    b[bi + c] *= inv;
                }
            }
        });
    }

    /**
     * The inverse of the lower-triangular L (n x n), itself lower triangular: forward substitution on
     * the identity that skips the zeros above the diagonal (n^3 / 6 multiply-adds). Blocks of columns
     * run in parallel, each solved by one thread, so the result does not depend on the thread count.
     */
    public static double[] lowerInverse(double[] l, int n) {
        double[] b = new double[n * n];
        int block = 64;
        int blocks = (n + block - 1) / block;
        IntStream columns = IntStream.range(0, blocks);
        ((long) n * n * n > 6 * PARALLEL_WORK && blocks > 1 ? columns.parallel() : columns).forEach(cb -> {
            int c0 = cb * block;
            int c1 = Math.min(n, c0 + block);
            for (int i = c0; i < n; i++) {
                int ri = i * n;
                int bi = i * n;
                // column c of the inverse is zero above row c: rows below c0 contribute nothing
                for (int k = c0; k < i; k++) {
                    double lik = l[ri + k];
                    if (lik != 0) {
                        int bk = k * n;
                        int end = Math.min(c1, k + 1);
                        for (int c = c0; c < end; c++) {
                            b[bi + c] -= lik * b[bk + c];
                        }
                    }
                }
                if (i < c1) {
                    b[bi + i] += 1;
                }
                double inv = 1 / l[ri + i];
                int end = Math.min(c1, i + 1);
                for (int c = c0; c < end; c++) {
                    b[bi + c] *= inv;
                }
            }
        });
        return b;
    }

    /** The inverse of {@code L L^T} (n x n), from its Cholesky factor. */
    public static double[] choleskyInverse(double[] l, int n) {
        // inv(L) by forward substitution on the identity, then inv(L)^T inv(L)
        double[] li = lowerInverse(l, n);
        double[] out = new double[n * n];
        IntStream rows = IntStream.range(0, n);
        ((long) n * n * n > 3 * PARALLEL_WORK ? rows.parallel() : rows).forEach(i -> {
            int ri = i * n;
            for (int k = i; k < n; k++) {
                double a = li[k * n + i];
                if (a == 0) {
                    continue;
                }
                int rk = k * n;
                for (int j = 0; j <= i; j++) {
                    out[ri + j] += a * li[rk + j];
                }
            }
        });
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
        // four independent sums: the additions pipeline instead of waiting on one another
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
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
