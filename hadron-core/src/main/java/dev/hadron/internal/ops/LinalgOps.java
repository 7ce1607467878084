package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.autograd.Op;
import dev.hadron.internal.autograd.UnaryOp;
import dev.hadron.internal.kernel.LinalgKernels;
import dev.hadron.tensor.Linalg;
import dev.hadron.tensor.Tensor;

/**
 * Differentiable dense linear algebra. The derivative rules follow the standard matrix-calculus
 * results (Giles 2008; Murray 2016 for Cholesky) and are written with solves and products, so they
 * differentiate again. Functions of symmetric matrices (Cholesky, eigh) read the lower triangle;
 * their derivatives are those of the symmetric function, i.e. tangents and gradients are symmetrized.
 */
public final class LinalgOps {
    private LinalgOps() {
    }

    /** Lower Cholesky factor. */
    public static Tensor cholesky(Tensor a) {
        return Dispatch.apply1(new Cholesky(), a);
    }

    /** Triangular solve with batch dims already broadcast. */
    public static Tensor solveTriangular(Tensor a, Tensor b, boolean upper, boolean left, boolean unit) {
        return Dispatch.apply1(new SolveTriangular(upper, left, unit), a, b);
    }

    /** General solve {@code A X = B} with batch dims already broadcast. */
    public static Tensor solve(Tensor a, Tensor b) {
        return Dispatch.apply1(new Solve(), a, b);
    }

    /** Determinant. */
    public static Tensor det(Tensor a) {
        return Dispatch.apply1(new Det(), a);
    }

    /** {sign, log|det|}. */
    public static Tensor[] slogdet(Tensor a) {
        return Dispatch.apply(new SlogDet(), a);
    }

    /** {eigenvalues ascending, eigenvectors as columns} of a symmetric matrix. */
    public static Tensor[] eigh(Tensor a) {
        return Dispatch.apply(new Eigh(), a);
    }

    static Tensor sym(Tensor x) {
        return x.add(x.mT()).mul(0.5);
    }

    /** Lower triangle with the diagonal halved (Murray's Phi). */
    static Tensor phi(Tensor x) {
        return x.tril(-1).add(x.diagonal().mul(0.5).diagEmbed());
    }

    static final class Cholesky extends UnaryOp {
        @Override
        public String name() {
            return "cholesky";
        }

        @Override
        protected Tensor forward(Tensor a) {
            Tensor l = LinalgKernels.cholesky(a);
            save(l);
            return l;
        }

        @Override
        protected Tensor vjp(Tensor g) {
            Tensor l = saved(0);
            Tensor p = phi(l.mT().matmul(g.tril(0)));
            // S = L^{-T} P L^{-1}: first Z = P L^{-1} = (L^{-T} P^T)^T, then S = L^{-T} Z
            Tensor z = Linalg.solveTriangular(l.mT(), p.mT(), true).mT();
            return sym(Linalg.solveTriangular(l.mT(), z, true));
        }

        @Override
        protected Tensor jvp(Tensor t) {
            Tensor l = saved(0);
            Tensor ts = sym(t);
            // L^{-1} dA L^{-T}
            Tensor m = Linalg.solveTriangular(l, Linalg.solveTriangular(l, ts, false).mT(), false).mT();
            return l.matmul(phi(m));
        }
    }

    static final class SolveTriangular extends Op {
        private final boolean upper;
        private final boolean left;
        private final boolean unit;

        SolveTriangular(boolean upper, boolean left, boolean unit) {
            this.upper = upper;
            this.left = left;
            this.unit = unit;
        }

        @Override
        public String name() {
            return "solveTriangular";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            Tensor x = LinalgKernels.solveTriangular(in[0], in[1], upper, left, unit);
            save(in[0], x);
            return new Tensor[] {x};
        }

        private Tensor mask(Tensor m) {
            Tensor t = upper ? m.triu(unit ? 1 : 0) : m.tril(unit ? -1 : 0);
            return t;
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            Tensor a = saved(0);
            Tensor x = saved(1);
            Tensor at = a.mT();
            Tensor gb = left
                    ? Linalg.solveTriangular(at, g[0], !upper, true, unit)
                    : Linalg.solveTriangular(at, g[0], !upper, false, unit);
            Tensor ga = null;
            if (needsInputGrad(0)) {
                ga = mask(left ? gb.matmul(x.mT()).neg() : x.mT().matmul(gb).neg());
            }
            return new Tensor[] {ga, needsInputGrad(1) ? gb : null};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            Tensor a = saved(0);
            Tensor x = saved(1);
            Tensor rhs = t[1];
            if (t[0] != null) {
                Tensor da = mask(t[0]);
                Tensor term = left ? da.matmul(x) : x.matmul(da);
                rhs = rhs == null ? term.neg() : rhs.sub(term);
            }
            if (rhs == null) {
                return new Tensor[] {null};
            }
            return new Tensor[] {Linalg.solveTriangular(a, rhs, upper, left, unit)};
        }
    }

    static final class Solve extends Op {
        @Override
        public String name() {
            return "solve";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            Tensor x = LinalgKernels.solve(in[0], in[1]);
            save(in[0], x);
            return new Tensor[] {x};
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            Tensor a = saved(0);
            Tensor x = saved(1);
            Tensor gb = Linalg.solve(a.mT(), g[0]);
            return new Tensor[] {needsInputGrad(0) ? gb.matmul(x.mT()).neg() : null, needsInputGrad(1) ? gb : null};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            Tensor a = saved(0);
            Tensor x = saved(1);
            Tensor rhs = t[1];
            if (t[0] != null) {
                Tensor term = t[0].matmul(x);
                rhs = rhs == null ? term.neg() : rhs.sub(term);
            }
            return new Tensor[] {rhs == null ? null : Linalg.solve(a, rhs)};
        }
    }

    static final class Det extends UnaryOp {
        @Override
        public String name() {
            return "det";
        }

        @Override
        protected Tensor forward(Tensor a) {
            Tensor d = LinalgKernels.det(a);
            save(a, d);
            return d;
        }

        @Override
        protected Tensor vjp(Tensor g) {
            Tensor a = saved(0);
            Tensor d = saved(1);
            return g.mul(d).unsqueeze(-1).unsqueeze(-1).mul(Linalg.inv(a).mT());
        }

        @Override
        protected Tensor jvp(Tensor t) {
            Tensor a = saved(0);
            Tensor d = saved(1);
            return d.mul(Linalg.inv(a).mT().mul(t).sum(new int[] {-2, -1}, false));
        }
    }

    static final class SlogDet extends Op {
        @Override
        public String name() {
            return "slogdet";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            save(in[0]);
            return LinalgKernels.slogdet(in[0]);
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            Tensor a = saved(0);
            return new Tensor[] {g[1].unsqueeze(-1).unsqueeze(-1).mul(Linalg.inv(a).mT())};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            if (t[0] == null) {
                return new Tensor[] {null, null};
            }
            Tensor a = saved(0);
            return new Tensor[] {null, Linalg.inv(a).mT().mul(t[0]).sum(new int[] {-2, -1}, false)};
        }
    }

    static final class Eigh extends Op {
        @Override
        public String name() {
            return "eigh";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            Tensor[] r = LinalgKernels.eigh(in[0]);
            save(r[0], r[1]);
            return r;
        }

        /** F[i][j] = 1 / (w_j - w_i) off the diagonal, 0 on it. */
        private Tensor f(Tensor w) {
            Tensor e = w.unsqueeze(-2).sub(w.unsqueeze(-1));
            int n = w.shape()[w.shape().length - 1];
            Tensor eye = Tensor.eye(n).to(w.dtype()).to(dev.hadron.tensor.DType.BOOL);
            Tensor safe = Tensor.where(eye, Tensor.onesLike(e), e);
            return Tensor.where(eye, Tensor.zerosLike(e), safe.reciprocal());
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            Tensor w = saved(0);
            Tensor v = saved(1);
            Tensor inner = g[0].diagEmbed().add(f(w).mul(v.mT().matmul(g[1])));
            return new Tensor[] {sym(v.matmul(inner).matmul(v.mT()))};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            if (t[0] == null) {
                return new Tensor[] {null, null};
            }
            Tensor w = saved(0);
            Tensor v = saved(1);
            Tensor m = v.mT().matmul(sym(t[0])).matmul(v);
            return new Tensor[] {m.diagonal(), v.matmul(f(w).mul(m))};
        }
    }
}
