package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.autograd.Op;
import dev.hadron.internal.autograd.UnaryOp;
import dev.hadron.internal.kernel.Reduce;
import dev.hadron.internal.kernel.ReduceFn;
import dev.hadron.tensor.Tensor;

/** Differentiable reductions: sum, product, max/min (values, and values with indices), softmax, cumsum, 2-norm. */
public final class Reductions {
    private Reductions() {
    }

    /** The input shape with reduced dimensions kept as size 1 (to broadcast a reduced gradient back). */
    static int[] keptShape(int[] shape, boolean[] reduced) {
        int[] k = shape.clone();
        for (int d = 0; d < k.length; d++) {
            if (reduced[d]) {
                k[d] = 1;
            }
        }
        return k;
    }

    /** Sum over the flagged dimensions. */
    public static Tensor sum(Tensor x, boolean[] dims, boolean keepdim) {
        return Dispatch.apply1(new Sum(dims, keepdim), x);
    }

    /** Product over the flagged dimensions. */
    public static Tensor prod(Tensor x, boolean[] dims, boolean keepdim) {
        return Dispatch.apply1(new Prod(dims, keepdim), x);
    }

    /** Maximum ({@code max}) or minimum over the flagged dimensions; ties share the gradient evenly. */
    public static Tensor extreme(Tensor x, boolean[] dims, boolean keepdim, boolean max) {
        return Dispatch.apply1(new Extreme(dims, keepdim, max), x);
    }

    /** {values, indices} of the maximum or minimum along one dimension; the gradient goes to the index. */
    public static Tensor[] extremeWithIndex(Tensor x, int dim, boolean keepdim, boolean max) {
        return Dispatch.apply(new ExtremeWithIndex(dim, keepdim, max), x);
    }

    /** Softmax ({@code log == false}) or log-softmax along {@code dim}. */
    public static Tensor softmax(Tensor x, int dim, boolean log) {
        return Dispatch.apply1(new Softmax(dim, log), x);
    }

    /** Cumulative sum along {@code dim}. */
    public static Tensor cumsum(Tensor x, int dim) {
        return Dispatch.apply1(new Cumsum(dim), x);
    }

    /** Euclidean norm over the flagged dimensions; its gradient at 0 is taken as 0. */
    public static Tensor norm2(Tensor x, boolean[] dims, boolean keepdim) {
        return Dispatch.apply1(new Norm2(dims, keepdim), x);
    }

    private static int[] reducedDims(boolean[] dims) {
        int n = 0;
        for (boolean b : dims) {
            if (b) {
                n++;
            }
        }
        int[] r = new int[n];
        int k = 0;
        for (int d = 0; d < dims.length; d++) {
            if (dims[d]) {
                r[k++] = d;
            }
        }
        return r;
    }

    abstract static class Reduction extends UnaryOp {
        final boolean[] dims;
        final boolean keepdim;
        int[] inShape;

        Reduction(boolean[] dims, boolean keepdim) {
            this.dims = dims;
            this.keepdim = keepdim;
        }

        /** A reduced tensor reshaped so it broadcasts against the input. */
        Tensor kept(Tensor reduced) {
            return keepdim ? reduced : reduced.reshape(keptShape(inShape, dims));
        }

        /** Reduces with this op's dims (tensor-level, differentiable). */
        Tensor sumLikeThis(Tensor t) {
            return t.sum(reducedDims(dims), keepdim);
        }
    }

    static final class Sum extends Reduction {
        Sum(boolean[] dims, boolean keepdim) {
            super(dims, keepdim);
        }

        @Override
        public String name() {
            return "sum";
        }

        @Override
        protected Tensor forward(Tensor x) {
            inShape = x.shape();
            return Reduce.reduce("sum", ReduceFn.SUM, x, dims, keepdim);
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return kept(g).expand(inShape);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return sumLikeThis(t);
        }
    }

    static final class Prod extends Reduction {
        Prod(boolean[] dims, boolean keepdim) {
            super(dims, keepdim);
        }

        @Override
        public String name() {
            return "prod";
        }

        @Override
        protected Tensor forward(Tensor x) {
            inShape = x.shape();
            Tensor out = Reduce.reduce("prod", ReduceFn.PROD, x, dims, keepdim);
            save(x, out);
            return out;
        }

        /** d prod / d x_i = product of the others: out / x_i where x_i != 0, else the product without it. */
        private Tensor partials() {
            Tensor x = saved(0);
            Tensor out = kept(saved(1));
            Tensor zero = x.eq(0);
            Tensor safeX = Tensor.where(zero, Tensor.onesLike(x), x);
            Tensor withoutZeros = Tensor.where(zero, Tensor.onesLike(x), x).prod(reducedDims(dims), true);
            Tensor zeroCount = zero.to(x.dtype()).sum(reducedDims(dims), true);
            // where x_i == 0: product of others = (product of non-zeros) if it is the only zero, else 0
            Tensor atZero = Tensor.where(zeroCount.eq(1), withoutZeros, Tensor.zerosLike(withoutZeros));
            return Tensor.where(zero, atZero.expand(x.shape()), out.div(safeX));
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return kept(g).mul(partials());
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return sumLikeThis(t.mul(partials()));
        }
    }

    static final class Extreme extends Reduction {
        private final boolean max;

        Extreme(boolean[] dims, boolean keepdim, boolean max) {
            super(dims, keepdim);
            this.max = max;
        }

        @Override
        public String name() {
            return max ? "amax" : "amin";
        }

        @Override
        protected Tensor forward(Tensor x) {
            inShape = x.shape();
            Tensor out = Reduce.reduce(name(), max ? ReduceFn.MAX : ReduceFn.MIN, x, dims, keepdim);
            save(x, out);
            return out;
        }

        private Tensor share() {
            Tensor x = saved(0);
            Tensor mask = x.eq(kept(saved(1))).to(x.dtype());
            return mask.div(mask.sum(reducedDims(dims), true));
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return kept(g).mul(share());
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return sumLikeThis(t.mul(share()));
        }
    }

    static final class ExtremeWithIndex extends Op {
        private final int dim;
        private final boolean keepdim;
        private final boolean max;
        private int[] inShape;

        ExtremeWithIndex(int dim, boolean keepdim, boolean max) {
            this.dim = dim;
            this.keepdim = keepdim;
            this.max = max;
        }

        @Override
        public String name() {
            return max ? "max" : "min";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            Tensor x = in[0];
            inShape = x.shape();
            boolean[] flags = new boolean[inShape.length];
            if (inShape.length > 0) {
                flags[dim] = true;
            }
            Tensor values = Reduce.reduce(name(), max ? ReduceFn.MAX : ReduceFn.MIN, x, flags, keepdim);
            Tensor idx = Reduce.reduce(name(), max ? ReduceFn.ARGMAX : ReduceFn.ARGMIN, x, flags, keepdim);
            save(idx);
            return new Tensor[] {values, idx};
        }

        private Tensor keptIndex() {
            Tensor idx = saved(0);
            return keepdim || inShape.length == 0 ? idx : idx.unsqueeze(dim);
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            if (inShape.length == 0) {
                return new Tensor[] {g[0]};
            }
            Tensor gk = keepdim ? g[0] : g[0].unsqueeze(dim);
            return new Tensor[] {Tensor.zeros(g[0].dtype(), inShape).scatterAdd(dim, keptIndex(), gk)};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            if (t[0] == null) {
                return new Tensor[] {null, null};
            }
            if (inShape.length == 0) {
                return new Tensor[] {t[0], null};
            }
            Tensor r = t[0].gather(dim, keptIndex());
            return new Tensor[] {keepdim ? r : r.squeeze(dim), null};
        }
    }

    static final class Softmax extends UnaryOp {
        private final int dim;
        private final boolean log;

        Softmax(int dim, boolean log) {
            this.dim = dim;
            this.log = log;
        }

        @Override
        public String name() {
            return log ? "logSoftmax" : "softmax";
        }

        @Override
        protected Tensor forward(Tensor x) {
            Tensor out = Reduce.softmax(x, dim, log);
            save(out);
            return out;
        }

        @Override
        protected Tensor vjp(Tensor g) {
            Tensor y = saved(0);
            if (log) {
                return g.sub(y.exp().mul(g.sum(new int[] {dim}, true)));
            }
            return y.mul(g.sub(g.mul(y).sum(new int[] {dim}, true)));
        }

        @Override
        protected Tensor jvp(Tensor t) {
            Tensor y = saved(0);
            if (log) {
                return t.sub(y.exp().mul(t).sum(new int[] {dim}, true));
            }
            return y.mul(t.sub(t.mul(y).sum(new int[] {dim}, true)));
        }
    }

    static final class Cumsum extends UnaryOp {
        private final int dim;

        Cumsum(int dim) {
            this.dim = dim;
        }

        @Override
        public String name() {
            return "cumsum";
        }

        @Override
        protected Tensor forward(Tensor x) {
            return Reduce.cumulative(x, dim, false);
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return g.flip(dim).cumsum(dim).flip(dim);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return t.cumsum(dim);
        }
    }

    static final class Norm2 extends Reduction {
        Norm2(boolean[] dims, boolean keepdim) {
            super(dims, keepdim);
        }

        @Override
        public String name() {
            return "norm";
        }

        @Override
        protected Tensor forward(Tensor x) {
            inShape = x.shape();
            Tensor sq = dev.hadron.internal.kernel.Elementwise.unary(dev.hadron.internal.kernel.UnaryFn.SQUARE, 0, 0, x);
            Tensor s = Reduce.reduce("norm", ReduceFn.SUM, sq, dims, keepdim);
            Tensor out = dev.hadron.internal.kernel.Elementwise.unary(dev.hadron.internal.kernel.UnaryFn.SQRT, 0, 0, s);
            save(x, out);
            return out;
        }

        /** x / ||x||, and 0 where the norm is 0. */
        private Tensor direction() {
            Tensor x = saved(0);
            Tensor n = kept(saved(1));
            Tensor safe = Tensor.where(n.eq(0), Tensor.onesLike(n), n);
            return Tensor.where(n.eq(0), Tensor.zerosLike(x), x.div(safe));
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return kept(g).mul(direction());
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return sumLikeThis(t.mul(direction()));
        }
    }
}
