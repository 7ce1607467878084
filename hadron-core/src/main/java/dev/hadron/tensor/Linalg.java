package dev.hadron.tensor;

import dev.hadron.internal.ops.LinalgOps;

import java.util.Arrays;

/**
 * Differentiable linear algebra on (batches of) matrices, like {@code torch.linalg}: Cholesky,
 * triangular and general solves, inverse, determinants and the symmetric eigendecomposition. Every
 * function accepts leading batch dimensions; all are differentiable in reverse and forward mode and
 * to any order. Computation is in double precision internally.
 */
public final class Linalg {
    private Linalg() {
    }

    /** Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix. */
    public record Eigh(Tensor eigenvalues, Tensor eigenvectors) {
    }

    /** Sign and log of the absolute value of a determinant. */
    public record SignLogDet(Tensor sign, Tensor logabsdet) {
    }

    private static void checkSquare(String op, Tensor a) {
        int[] s = a.shape();
        if (s.length < 2 || s[s.length - 1] != s[s.length - 2]) {
            throw new IllegalArgumentException(op + ": expects square matrices (..., n, n), got shape " + Shape.toString(s));
        }
        if (!a.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expects a floating-point matrix, got " + a.dtype());
        }
    }

    /** Lower-triangular L with {@code a = L L^T}; a must be symmetric positive definite (its lower triangle is read). */
    public static Tensor cholesky(Tensor a) {
        checkSquare("cholesky", a);
        return LinalgOps.cholesky(a);
    }

    /** Solves {@code a X = b} for triangular {@code a}. */
    public static Tensor solveTriangular(Tensor a, Tensor b, boolean upper) {
        return solveTriangular(a, b, upper, true, false);
    }

    /**
     * Solves {@code a X = b} ({@code left}) or {@code X a = b} for triangular {@code a}; with
     * {@code unitriangular} the diagonal is taken as ones. Batch dimensions broadcast.
     */
    public static Tensor solveTriangular(Tensor a, Tensor b, boolean upper, boolean left, boolean unitriangular) {
        checkSquare("solveTriangular", a);
        Tensor[] ab = broadcastBatch("solveTriangular", a, b, left);
        return LinalgOps.solveTriangular(ab[0], ab[1], upper, left, unitriangular);
    }

    /** Solves {@code a X = b}; {@code b} may be a vector (..., n) or matrices (..., n, k). Batch dimensions broadcast. */
    public static Tensor solve(Tensor a, Tensor b) {
        checkSquare("solve", a);
        boolean vector = b.dim() == 1 || (b.dim() == a.dim() - 1 && Arrays.equals(
                Arrays.copyOf(b.shape(), b.dim() - 1), Arrays.copyOf(a.shape(), a.dim() - 2)));
        Tensor bm = vector ? b.unsqueeze(-1) : b;
        Tensor[] ab = broadcastBatch("solve", a, bm, true);
        Tensor x = LinalgOps.solve(ab[0], ab[1]);
        return vector ? x.squeeze(-1) : x;
    }

    /** The inverse matrix. */
    public static Tensor inv(Tensor a) {
        checkSquare("inv", a);
        int n = a.size(-1);
        return solve(a, Tensor.eye(a.dtype(), n, n).expand(a.shape()));
    }

    /** The determinant (shape of the batch). */
    public static Tensor det(Tensor a) {
        checkSquare("det", a);
        return LinalgOps.det(a);
    }

    /** Sign and log |det|; differentiable through {@code logabsdet}. */
    public static SignLogDet slogdet(Tensor a) {
        checkSquare("slogdet", a);
        Tensor[] r = LinalgOps.slogdet(a);
        return new SignLogDet(r[0], r[1]);
    }

    /** log(det(a)): NaN where the determinant is negative, -inf where it is zero. */
    public static Tensor logdet(Tensor a) {
        SignLogDet s = slogdet(a);
        Tensor nan = Tensor.fullLike(s.logabsdet().detach(), Double.NaN);
        return Tensor.where(s.sign().lt(0), nan, s.logabsdet());
    }

    /**
     * Eigendecomposition of symmetric matrices (the lower triangle is read). Gradients assume distinct
     * eigenvalues and are those of the symmetric function.
     */
    public static Eigh eigh(Tensor a) {
        checkSquare("eigh", a);
        Tensor[] r = LinalgOps.eigh(a);
        return new Eigh(r[0], r[1]);
    }

    private static Tensor[] broadcastBatch(String op, Tensor a, Tensor b, boolean left) {
        int[] as = a.shape();
        int[] bs = b.shape();
        if (bs.length < 2) {
            throw new IllegalArgumentException(op + ": right-hand side must have at least 2 dimensions, got shape "
                    + Shape.toString(bs));
        }
        int n = as[as.length - 1];
        int rows = left ? bs[bs.length - 2] : bs[bs.length - 1];
        if (rows != n) {
            throw new IllegalArgumentException(op + ": matrix of shape " + Shape.toString(as) + " and right-hand side of shape "
                    + Shape.toString(bs) + " do not match (" + n + " vs " + rows + ")");
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": dtypes differ (" + a.dtype() + " and " + b.dtype() + ")");
        }
        int[] batch = Shape.broadcast(op, Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
        int[] ta = Arrays.copyOf(batch, batch.length + 2);
        ta[batch.length] = n;
        ta[batch.length + 1] = n;
        int[] tb = Arrays.copyOf(batch, batch.length + 2);
        tb[batch.length] = bs[bs.length - 2];
        tb[batch.length + 1] = bs[bs.length - 1];
        return new Tensor[] {Arrays.equals(ta, as) ? a : a.expand(ta), Arrays.equals(tb, bs) ? b : b.expand(tb)};
    }
}
