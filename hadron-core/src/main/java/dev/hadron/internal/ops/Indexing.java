package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.autograd.Op;
import dev.hadron.internal.autograd.UnaryOp;
import dev.hadron.internal.kernel.Elementwise;
import dev.hadron.internal.kernel.Index;
import dev.hadron.internal.kernel.K;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * Differentiable indexing. Each op's VJP is its adjoint: gather and scatter-add are adjoint to each
 * other, as are index-select and index-add, so gradients of any order are exact.
 */
public final class Indexing {
    private Indexing() {
    }

    /** {@code x.gather(dim, index)}. */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        return Dispatch.apply1(new Gather(dim, index), x);
    }

    /** A copy of {@code base} with {@code src} scattered and added at {@code index} along {@code dim}. */
    public static Tensor scatterAdd(Tensor base, int dim, Tensor index, Tensor src) {
        return Dispatch.apply1(new ScatterAdd(dim, index), base, src);
    }

    /** Slices of {@code x} along {@code dim} at the 1-D {@code index}. */
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        return Dispatch.apply1(new IndexSelect(dim, index), x);
    }

    /** A copy of {@code base} with slice i of {@code src} added at slice {@code index[i]} along {@code dim}. */
    public static Tensor indexAdd(Tensor base, int dim, Tensor index, Tensor src) {
        return Dispatch.apply1(new IndexAdd(dim, index), base, src);
    }

    /** Concatenation along {@code dim}. */
    public static Tensor cat(Tensor[] parts, int dim) {
        return Dispatch.apply1(new Cat(dim), parts);
    }

    /** Constant padding: {@code pads[2i], pads[2i+1]} before/after dimension {@code rank-1-i} (PyTorch order). */
    public static Tensor padConstant(Tensor x, int[] pads, double value) {
        return Dispatch.apply1(new PadConstant(pads, value), x);
    }

    /** {values, argIndex} of per-segment max/min over the rows of {@code values}. */
    public static Tensor[] segmentExtreme(Tensor values, long[] offsets, boolean max) {
        return Dispatch.apply(new SegmentExtreme(offsets, max), values);
    }

    static final class Gather extends UnaryOp {
        private final int dim;
        private final Tensor index;
        private int[] inShape;

        Gather(int dim, Tensor index) {
            this.dim = dim;
            this.index = index;
        }

        @Override
        public String name() {
            return "gather";
        }

        @Override
        protected Tensor forward(Tensor x) {
            inShape = x.shape();
            return Index.gather(x, dim, index);
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return Tensor.zeros(g.dtype(), inShape).scatterAdd(dim, index, g);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return t.gather(dim, index);
        }
    }

    static final class ScatterAdd extends Op {
        private final int dim;
        private final Tensor index;
        private int[] baseShape;

        ScatterAdd(int dim, Tensor index) {
            this.dim = dim;
            this.index = index;
        }

        @Override
        public String name() {
            return "scatterAdd";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            baseShape = in[0].shape();
            return new Tensor[] {Index.scatterAdd(in[0], dim, index, in[1])};
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            return new Tensor[] {g[0], needsInputGrad(1) ? g[0].gather(dim, index) : null};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            if (t[0] == null && t[1] == null) {
                return new Tensor[] {null};
            }
            Tensor base = t[0] == null ? Tensor.zeros(t[1].dtype(), baseShape) : t[0];
            return new Tensor[] {t[1] == null ? base : base.scatterAdd(dim, index, t[1])};
        }
    }

    static final class IndexSelect extends UnaryOp {
        private final int dim;
        private final Tensor index;
        private int[] inShape;

        IndexSelect(int dim, Tensor index) {
            this.dim = dim;
            this.index = index;
        }

        @Override
        public String name() {
            return "indexSelect";
        }

        @Override
        protected Tensor forward(Tensor x) {
            inShape = x.shape();
            return Index.indexSelect(x, dim, index);
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return Tensor.zeros(g.dtype(), inShape).indexAdd(dim, index, g);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return t.indexSelect(dim, index);
        }
    }

    static final class IndexAdd extends Op {
        private final int dim;
        private final Tensor index;
        private int[] baseShape;

        IndexAdd(int dim, Tensor index) {
            this.dim = dim;
            this.index = index;
        }

        @Override
        public String name() {
            return "indexAdd";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            baseShape = in[0].shape();
            return new Tensor[] {Index.indexAdd(in[0], dim, index, in[1])};
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            return new Tensor[] {g[0], needsInputGrad(1) ? g[0].indexSelect(dim, index) : null};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            if (t[0] == null && t[1] == null) {
                return new Tensor[] {null};
            }
            Tensor base = t[0] == null ? Tensor.zeros(t[1].dtype(), baseShape) : t[0];
            return new Tensor[] {t[1] == null ? base : base.indexAdd(dim, index, t[1])};
        }
    }

    static final class Cat extends Op {
        private final int dim;
        private int[][] shapes;

        Cat(int dim) {
            this.dim = dim;
        }

        @Override
        public String name() {
            return "cat";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            shapes = new int[in.length][];
            int[] first = in[0].shape();
            int total = 0;
            var dtype = in[0].dtype();
            for (int i = 0; i < in.length; i++) {
                int[] s = in[i].shape();
                shapes[i] = s;
                if (s.length != first.length) {
                    throw new IllegalArgumentException("cat: tensor " + i + " has shape " + Shape.toString(s)
                            + " but tensor 0 has shape " + Shape.toString(first) + " (ranks differ)");
                }
                for (int d = 0; d < s.length; d++) {
                    if (d != dim && s[d] != first[d]) {
                        throw new IllegalArgumentException("cat: tensor " + i + " has shape " + Shape.toString(s)
                                + " but tensor 0 has shape " + Shape.toString(first) + "; sizes must match except in dimension "
                                + dim);
                    }
                }
                total += s[dim];
                dtype = dev.hadron.tensor.DType.promote(dtype, in[i].dtype());
            }
            int[] outShape = first.clone();
            outShape[dim] = total;
            Tensor out = K.alloc(dtype, outShape);
            int at = 0;
            for (int i = 0; i < in.length; i++) {
                int len = shapes[i][dim];
                if (len > 0) {
                    Tensor view = new Views.Slice(dim, at, at + len, 1).forward(out);
                    Elementwise.copyInto(in[i], view);
                }
                at += len;
            }
            return new Tensor[] {out};
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            Tensor[] r = new Tensor[shapes.length];
            int at = 0;
            for (int i = 0; i < shapes.length; i++) {
                int len = shapes[i][dim];
                if (needsInputGrad(i)) {
                    r[i] = g[0].narrow(dim, at, len);
                }
                at += len;
            }
            return r;
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            Tensor[] parts = new Tensor[t.length];
            Tensor any = null;
            for (Tensor ti : t) {
                if (ti != null) {
                    any = ti;
                }
            }
            if (any == null) {
                return new Tensor[] {null};
            }
            for (int i = 0; i < t.length; i++) {
                parts[i] = t[i] != null ? t[i] : Tensor.zeros(any.dtype(), shapes[i]);
            }
            return new Tensor[] {Tensor.cat(dim, parts)};
        }
    }

    static final class PadConstant extends UnaryOp {
        private final int[] pads;
        private final double value;
        private int[] inShape;

        PadConstant(int[] pads, double value) {
            this.pads = pads;
            this.value = value;
        }

        @Override
        public String name() {
            return "pad";
        }

        @Override
        protected Tensor forward(Tensor x) {
            inShape = x.shape();
            int rank = inShape.length;
            if (pads.length % 2 != 0 || pads.length / 2 > rank) {
                throw new IllegalArgumentException("pad: expected an even number of padding sizes, at most 2 per dimension ("
                        + 2 * rank + " for shape " + Shape.toString(inShape) + "), got " + Arrays.toString(pads));
            }
            int[] outShape = inShape.clone();
            for (int i = 0; i < pads.length / 2; i++) {
                int d = rank - 1 - i;
                outShape[d] += pads[2 * i] + pads[2 * i + 1];
                if (pads[2 * i] < 0 || pads[2 * i + 1] < 0) {
                    throw new IllegalArgumentException("pad: constant padding sizes must be >= 0, got " + Arrays.toString(pads));
                }
            }
            Tensor out = Elementwise.full(x.dtype(), value, outShape);
            Tensor view = out;
            for (int i = 0; i < pads.length / 2; i++) {
                int d = rank - 1 - i;
                view = new Views.Slice(d, pads[2 * i], pads[2 * i] + inShape[d], 1).forward(view);
            }
            Elementwise.copyInto(x, view);
            return out;
        }

        private Tensor unpad(Tensor g) {
            int rank = inShape.length;
            Tensor r = g;
            for (int i = 0; i < pads.length / 2; i++) {
                int d = rank - 1 - i;
                r = r.narrow(d, pads[2 * i], inShape[d]);
            }
            return r;
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return unpad(g);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return t.pad(pads, 0.0);
        }
    }

    static final class SegmentExtreme extends Op {
        private final long[] offsets;
        private final boolean max;
        private int[] inShape;

        SegmentExtreme(long[] offsets, boolean max) {
            this.offsets = offsets;
            this.max = max;
        }

        @Override
        public String name() {
            return max ? "segmentMax" : "segmentMin";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            inShape = in[0].shape();
            Tensor[] r = Index.segmentExtreme(in[0], offsets, max);
            save(r[1]);
            return r;
        }

        /** Arg indices with empty segments pointed at row 0, and a mask that zeroes them. */
        private Tensor[] safeIndex() {
            Tensor arg = saved(0);
            Tensor empty = arg.lt(0);
            return new Tensor[] {Tensor.where(empty, Tensor.zerosLike(arg), arg), empty};
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            Tensor[] si = safeIndex();
            Tensor gm = Tensor.where(si[1], Tensor.zerosLike(g[0]), g[0]);
            return new Tensor[] {Tensor.zeros(g[0].dtype(), inShape).scatterAdd(0, si[0], gm)};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            if (t[0] == null) {
                return new Tensor[] {null, null};
            }
            Tensor[] si = safeIndex();
            Tensor r = t[0].gather(0, si[0]);
            return new Tensor[] {Tensor.where(si[1], Tensor.zerosLike(r), r), null};
        }
    }
}
