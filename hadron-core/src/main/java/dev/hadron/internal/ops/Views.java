package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.autograd.TensorAccess;
import dev.hadron.internal.autograd.UnaryOp;
import dev.hadron.internal.kernel.Elementwise;
import dev.hadron.internal.kernel.K;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * Shape ops that return views sharing storage with their input (reshape falls back to a copy when
 * the strides do not allow a view, as PyTorch's {@code reshape} does).
 */
public final class Views {
    private static final TensorAccess ACCESS = TensorAccess.Holder.get();

    private Views() {
    }

    /** A view (or copy) of {@code x} with {@code shape}. */
    public static Tensor reshape(Tensor x, int[] shape) {
        return Dispatch.apply1(new Reshape(shape), x);
    }

    /** Dimensions reordered: output dimension i is input dimension {@code order[i]}. */
    public static Tensor permute(Tensor x, int[] order) {
        return Dispatch.apply1(new Permute(order), x);
    }

    /** Broadcast view to {@code shape}. */
    public static Tensor expand(Tensor x, int[] shape) {
        return Dispatch.apply1(new Expand(shape), x);
    }

    /** Every {@code step}-th index from {@code start} (inclusive) to {@code end} (exclusive) along {@code dim}. */
    public static Tensor slice(Tensor x, int dim, int start, int end, int step) {
        return Dispatch.apply1(new Slice(dim, start, end, step), x);
    }

    /** A new tensor object sharing storage, values and graph position (an identity op). */
    public static Tensor alias(Tensor x) {
        return Dispatch.apply1(new Alias(), x);
    }

    /** A contiguous copy (identity for differentiation). */
    public static Tensor copy(Tensor x) {
        return Dispatch.apply1(new Copy(), x);
    }

    /**
     * Strides for viewing a tensor of {@code shape}/{@code strides} as {@code newShape} without a copy,
     * or null if impossible (NumPy's attempt-no-copy reshape).
     */
    public static int[] viewStrides(int[] shape, int[] strides, int[] newShape) {
        int[] newStrides = new int[newShape.length];
        int[] os = Arrays.stream(shape).filter(d -> d != 1).toArray();
        int[] ost = new int[os.length];
        int k = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1) {
                ost[k++] = strides[d];
            }
        }
        if (Shape.numel(shape) == 0) {
            return Shape.contiguousStrides(newShape);
        }
        int oi = 0;
        int oj = 1;
        int ni = 0;
        int nj = 1;
        int on = os.length;
        int nn = newShape.length;
        while (ni < nn && oi < on) {
            int np = newShape[ni];
            int op = os[oi];
            while (np != op) {
                if (np < op) {
                    np *= newShape[nj++];
                } else {
                    op *= os[oj++];
                }
            }
            for (int ok = oi; ok < oj - 1; ok++) {
                if (ost[ok] != os[ok + 1] * ost[ok + 1]) {
                    return null;
                }
            }
            newStrides[nj - 1] = ost[oj - 1];
            for (int nk = nj - 1; nk > ni; nk--) {
                newStrides[nk - 1] = newStrides[nk] * newShape[nk];
            }
            ni = nj++;
            oi = oj++;
        }
        int last = ni > 0 ? newStrides[ni - 1] : 1;
        for (int nk = ni; nk < nn; nk++) {
            newStrides[nk] = last;
        }
        for (int d = 0; d < nn; d++) {
            if (newShape[d] == 1 && d + 1 < nn) {
                newStrides[d] = newStrides[d + 1] * newShape[d + 1];
            }
        }
        return newStrides;
    }

    static final class Reshape extends UnaryOp {
        private final int[] shape;
        private int[] inShape;

        Reshape(int[] shape) {
            this.shape = shape;
        }

        @Override
        public String name() {
            return "reshape";
        }

        @Override
        protected Tensor forward(Tensor x) {
            inShape = x.shape();
            int[] st = viewStrides(ACCESS.shapeRef(x), ACCESS.stridesRef(x), shape);
            if (st != null) {
                return ACCESS.make(x.storage(), x.storageOffset(), shape.clone(), st);
            }
            Tensor c = Elementwise.copy(x, x.dtype());
            return ACCESS.make(c.storage(), 0, shape.clone(), Shape.contiguousStrides(shape));
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return g.reshape(inShape);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return t.reshape(shape);
        }
    }

    static final class Permute extends UnaryOp {
        private final int[] order;

        Permute(int[] order) {
            this.order = order;
        }

        @Override
        public String name() {
            return "permute";
        }

        @Override
        protected Tensor forward(Tensor x) {
            return K.permuted(x, order);
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return g.permute(K.inverse(order));
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return t.permute(order);
        }
    }

    static final class Expand extends UnaryOp {
        private final int[] shape;
        private int[] inShape;

        Expand(int[] shape) {
            this.shape = shape;
        }

        @Override
        public String name() {
            return "expand";
        }

        @Override
        protected Tensor forward(Tensor x) {
            inShape = x.shape();
            int[] st = dev.hadron.internal.kernel.Loops.broadcastStrides(inShape, ACCESS.stridesRef(x), shape);
            return ACCESS.make(x.storage(), x.storageOffset(), shape.clone(), st);
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return g.sumToShape(inShape);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return t.expand(shape);
        }
    }

    static final class Slice extends UnaryOp {
        private final int dim;
        private final int start;
        private final int end;
        private final int step;
        private int[] inShape;

        Slice(int dim, int start, int end, int step) {
            this.dim = dim;
            this.start = start;
            this.end = end;
            this.step = step;
        }

        @Override
        public String name() {
            return "slice";
        }

        @Override
        protected Tensor forward(Tensor x) {
            inShape = x.shape();
            int[] shape = inShape.clone();
            int[] strides = ACCESS.stridesRef(x).clone();
            int len = end <= start ? 0 : (end - start + step - 1) / step;
            shape[dim] = len;
            int offset = x.storageOffset() + (len == 0 ? 0 : start * strides[dim]);
            strides[dim] *= step;
            return ACCESS.make(x.storage(), offset, shape, strides);
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return Dispatch.apply1(new SliceBackward(inShape, dim, start, end, step), g);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return t.slice(dim, start, end, step);
        }
    }

    /** Embeds a slice's gradient into zeros of the sliced tensor's shape; its own VJP is the slice. */
    static final class SliceBackward extends UnaryOp {
        private final int[] shape;
        private final int dim;
        private final int start;
        private final int end;
        private final int step;

        SliceBackward(int[] shape, int dim, int start, int end, int step) {
            this.shape = shape;
            this.dim = dim;
            this.start = start;
            this.end = end;
            this.step = step;
        }

        @Override
        public String name() {
            return "slice_backward";
        }

        @Override
        protected Tensor forward(Tensor g) {
            Tensor out = K.alloc(g.dtype(), shape);
            Tensor view = new Slice(dim, start, end, step).forward(out);
            Elementwise.copyInto(g, view);
            return out;
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return g.slice(dim, start, end, step);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return Dispatch.apply1(new SliceBackward(shape, dim, start, end, step), t);
        }
    }

    static final class Alias extends UnaryOp {
        @Override
        public String name() {
            return "alias";
        }

        @Override
        protected Tensor forward(Tensor x) {
            return ACCESS.make(x.storage(), x.storageOffset(), x.shape(), ACCESS.stridesRef(x).clone());
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return g;
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return t;
        }
    }

    static final class Copy extends UnaryOp {
        @Override
        public String name() {
            return "clone";
        }

        @Override
        protected Tensor forward(Tensor x) {
            return Elementwise.copy(x, x.dtype());
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return g;
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return t;
        }
    }
}
