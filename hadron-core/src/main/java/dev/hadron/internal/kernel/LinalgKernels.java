package dev.hadron.internal.kernel;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * Dense linear algebra on batches of small and medium matrices (..., n, n), computed in double
 * precision: Cholesky, LU with partial pivoting (solve, determinant), triangular solves and the
 * symmetric eigendecomposition (cyclic Jacobi, accurate to rounding for symmetric input).
 */
public final class LinalgKernels {
    private LinalgKernels() {
    }

    private static int batch(int[] shape) {
        return Shape.numel(Arrays.copyOf(shape, shape.length - 2));
    }

    private static double[] doubles(Tensor t) {
        Tensor c = K.dense(K.as(t, DType.FLOAT64));
        double[] d = K.f64(c);
        return c == t ? d.clone() : d;
    }

    private static Tensor result(double[] data, DType dtype, int... shape) {
        Tensor t = K.wrap(new Storage.F64(data), shape);
        return dtype == DType.FLOAT64 ? t : Elementwise.copy(t, dtype);
    }

    private static String where(int b, int batches) {
        return batches > 1 ? " (batch element " + b + ")" : "";
    }

    /** Lower Cholesky factor L with A = L L^T. */
    public static Tensor cholesky(Tensor a) {
        int[] shape = K.shape(a);
        int n = shape[shape.length - 1];
        int batches = batch(shape);
        double[] x = doubles(a);
        double[] l = new double[x.length];
        for (int b = 0; b < batches; b++) {
            int o = b * n * n;
            for (int j = 0; j < n; j++) {
                double d = x[o + j * n + j];
                for (int k = 0; k < j; k++) {
                    d -= l[o + j * n + k] * l[o + j * n + k];
                }
                if (!(d > 0)) {
                    throw new ArithmeticException("cholesky: the matrix" + where(b, batches) + " is not positive definite"
                            + " (the leading minor of order " + (j + 1) + " is not positive)");
                }
                double ljj = Math.sqrt(d);
                l[o + j * n + j] = ljj;
                for (int i = j + 1; i < n; i++) {
                    double s = x[o + i * n + j];
                    for (int k = 0; k < j; k++) {
                        s -= l[o + i * n + k] * l[o + j * n + k];
                    }
                    l[o + i * n + j] = s / ljj;
                }
            }
        }
        return result(l, a.dtype(), shape);
    }

    /**
     * Solves {@code A X = B} (or {@code X A = B} when {@code left} is false) for triangular A;
     * A: (..., n, n), B: (..., n, m) (or (..., m, n)); batch dims must already agree.
     */
    public static Tensor solveTriangular(Tensor a, Tensor bm, boolean upper, boolean left, boolean unitDiagonal) {
        if (!left) {
            // X A = B  <=>  A^T X^T = B^T
            Tensor at = K.permuted(a, swapLast(K.shape(a).length));
            Tensor bt = K.permuted(bm, swapLast(K.shape(bm).length));
            Tensor xt = solveTriangular(at, bt, !upper, true, unitDiagonal);
            return K.dense(K.permuted(xt, swapLast(K.shape(xt).length)));
        }
        int[] as = K.shape(a);
        int[] bs = K.shape(bm);
        int n = as[as.length - 1];
        int m = bs[bs.length - 1];
        int batches = batch(bs);
        double[] A = doubles(a);
        double[] X = doubles(bm);
        for (int b = 0; b < batches; b++) {
            int oa = b * n * n;
            int ob = b * n * m;
            for (int col = 0; col < m; col++) {
                if (upper) {
                    for (int i = n - 1; i >= 0; i--) {
                        double s = X[ob + i * m + col];
                        for (int k = i + 1; k < n; k++) {
                            s -= A[oa + i * n + k] * X[ob + k * m + col];
                        }
                        X[ob + i * m + col] = unitDiagonal ? s : s / diag(A, oa, i, n, b, batches);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        double s = X[ob + i * m + col];
                        for (int k = 0; k < i; k++) {
                            s -= A[oa + i * n + k] * X[ob + k * m + col];
                        }
                        X[ob + i * m + col] = unitDiagonal ? s : s / diag(A, oa, i, n, b, batches);
                    }
                }
            }
        }
        return result(X, bm.dtype(), bs);
    }

    private static double diag(double[] a, int o, int i, int n, int b, int batches) {
        double d = a[o + i * n + i];
        if (d == 0) {
            throw new ArithmeticException("solveTriangular: the matrix" + where(b, batches) + " is singular (diagonal element "
                    + i + " is zero)");
        }
        return d;
    }

    private static int[] swapLast(int rank) {
        int[] order = new int[rank];
        for (int i = 0; i < rank; i++) {
            order[i] = i;
        }
        order[rank - 1] = rank - 2;
        order[rank - 2] = rank - 1;
        return order;
    }

    /** LU factorization in place with partial pivoting; returns the sign of the permutation, or 0 if singular. */
    private static int lu(double[] a, int o, int n, int[] piv) {
        int sign = 1;
        for (int i = 0; i < n; i++) {
            piv[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = Math.abs(a[o + k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(a[o + i * n + k]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            if (best == 0) {
                return 0;
            }
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double t = a[o + k * n + j];
                    a[o + k * n + j] = a[o + p * n + j];
                    a[o + p * n + j] = t;
                }
                int t = piv[k];
                piv[k] = piv[p];
                piv[p] = t;
                sign = -sign;
            }
            double pivot = a[o + k * n + k];
            for (int i = k + 1; i < n; i++) {
                double f = a[o + i * n + k] / pivot;
                a[o + i * n + k] = f;
                if (f != 0) {
                    for (int j = k + 1; j < n; j++) {
                        a[o + i * n + j] -= f * a[o + k * n + j];
                    }
                }
            }
        }
        return sign;
    }

    /** Solves {@code A X = B}, A: (..., n, n), B: (..., n, m), batch dims already equal. */
    public static Tensor solve(Tensor a, Tensor bm) {
        int[] as = K.shape(a);
        int[] bs = K.shape(bm);
        int n = as[as.length - 1];
        int m = bs[bs.length - 1];
        int batches = batch(bs);
        double[] A = doubles(a);
        double[] B = doubles(bm);
        double[] X = new double[B.length];
        int[] piv = new int[n];
        for (int b = 0; b < batches; b++) {
            int oa = b * n * n;
            int ob = b * n * m;
            if (lu(A, oa, n, piv) == 0) {
                throw new ArithmeticException("solve: the matrix" + where(b, batches) + " is singular");
            }
            for (int col = 0; col < m; col++) {
                for (int i = 0; i < n; i++) {
                    double s = B[ob + piv[i] * m + col];
                    for (int k = 0; k < i; k++) {
                        s -= A[oa + i * n + k] * X[ob + k * m + col];
                    }
                    X[ob + i * m + col] = s;
                }
                for (int i = n - 1; i >= 0; i--) {
                    double s = X[ob + i * m + col];
                    for (int k = i + 1; k < n; k++) {
                        s -= A[oa + i * n + k] * X[ob + k * m + col];
                    }
                    X[ob + i * m + col] = s / A[oa + i * n + i];
                }
            }
        }
        return result(X, bm.dtype(), bs);
    }

    /** Determinants of (..., n, n): shape (...). */
    public static Tensor det(Tensor a) {
        int[] as = K.shape(a);
        int n = as[as.length - 1];
        int batches = batch(as);
        double[] A = doubles(a);
        double[] d = new double[batches];
        int[] piv = new int[n];
        for (int b = 0; b < batches; b++) {
            int sign = lu(A, b * n * n, n, piv);
            double p = sign;
            for (int i = 0; sign != 0 && i < n; i++) {
                p *= A[b * n * n + i * n + i];
            }
            d[b] = p;
        }
        return result(d, a.dtype(), Arrays.copyOf(as, as.length - 2));
    }

    /** {sign, log|det|} of (..., n, n), each of shape (...); a singular matrix gives sign 0 and -inf. */
    public static Tensor[] slogdet(Tensor a) {
        int[] as = K.shape(a);
        int n = as[as.length - 1];
        int batches = batch(as);
        double[] A = doubles(a);
        double[] sign = new double[batches];
        double[] logabs = new double[batches];
        int[] piv = new int[n];
        for (int b = 0; b < batches; b++) {
            int s = lu(A, b * n * n, n, piv);
            double l = 0;
            for (int i = 0; s != 0 && i < n; i++) {
                double u = A[b * n * n + i * n + i];
                if (u < 0) {
                    s = -s;
                }
                l += Math.log(Math.abs(u));
            }
            sign[b] = s;
            logabs[b] = s == 0 ? Double.NEGATIVE_INFINITY : l;
        }
        int[] out = Arrays.copyOf(as, as.length - 2);
        return new Tensor[] {result(sign, a.dtype(), out), result(logabs, a.dtype(), out)};
    }

    /**
     * Eigendecomposition of symmetric matrices (only the lower triangle is read, as in PyTorch):
     * {eigenvalues (..., n) ascending, eigenvectors (..., n, n) as columns}.
     */
    public static Tensor[] eigh(Tensor a) {
        int[] as = K.shape(a);
        int n = as[as.length - 1];
        int batches = batch(as);
        double[] A = doubles(a);
        double[] w = new double[batches * n];
        double[] V = new double[A.length];
        double[] m = new double[n * n];
        double[] v = new double[n * n];
        for (int b = 0; b < batches; b++) {
            int o = b * n * n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    m[i * n + j] = A[o + i * n + j];
                    m[j * n + i] = A[o + i * n + j];
                }
            }
            jacobi(m, v, n);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            double[] diag = new double[n];
            for (int i = 0; i < n; i++) {
                diag[i] = m[i * n + i];
            }
            Arrays.sort(order, (p, q) -> Double.compare(diag[p], diag[q]));
            for (int c = 0; c < n; c++) {
                int src = order[c];
                w[b * n + c] = diag[src];
                // sign convention: largest-magnitude component positive, for reproducibility
                int big = 0;
                for (int r = 1; r < n; r++) {
                    if (Math.abs(v[r * n + src]) > Math.abs(v[big * n + src])) {
                        big = r;
                    }
                }
                double sgn = v[big * n + src] < 0 ? -1 : 1;
                for (int r = 0; r < n; r++) {
                    V[o + r * n + c] = sgn * v[r * n + src];
                }
            }
        }
        return new Tensor[] {result(w, a.dtype(), Arrays.copyOf(as, as.length - 1)), result(V, a.dtype(), as)};
    }

    /** Cyclic Jacobi rotations until the off-diagonal part vanishes; m becomes diagonal, v the rotation. */
    private static void jacobi(double[] m, double[] v, int n) {
        Arrays.fill(v, 0);
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double x = m[i * n + j] * m[i * n + j];
                    total += x;
                    if (i != j) {
                        off += x;
                    }
                }
            }
            if (off <= 1e-30 * total || off == 0) {
                return;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = m[p * n + q];
                    if (apq == 0) {
                        continue;
                    }
                    double app = m[p * n + p];
                    double aqq = m[q * n + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k * n + p];
                        double mkq = m[k * n + q];
                        m[k * n + p] = c * mkp - s * mkq;
                        m[k * n + q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p * n + k];
                        double mqk = m[q * n + k];
                        m[p * n + k] = c * mpk - s * mqk;
                        m[q * n + k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k * n + p];
                        double vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
    }
}
