package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.autograd.Op;
import dev.hadron.internal.autograd.UnaryOp;
import dev.hadron.internal.kernel.Spatial;
import dev.hadron.tensor.Tensor;

/** Sliding-window primitives: unfold (im2col) and fold (col2im) are each other's adjoint; max pooling routes gradients to the argmax. */
public final class SpatialOps {
    private SpatialOps() {
    }

    /** (N, C, *in) -> (N, C*K, L). */
    public static Tensor unfold(Tensor x, Spatial.Window w) {
        return Dispatch.apply1(new Unfold(w), x);
    }

    /** (N, C*K, L) -> (N, C, *in). */
    public static Tensor fold(Tensor cols, Spatial.Window w) {
        return Dispatch.apply1(new Fold(w), cols);
    }

    /** {values, flat argmax indices per plane}. */
    public static Tensor[] maxPool(Tensor x, Spatial.Window w) {
        return Dispatch.apply(new MaxPool(w), x);
    }

    static final class Unfold extends UnaryOp {
        private final Spatial.Window w;

        Unfold(Spatial.Window w) {
            this.w = w;
        }

        @Override
        public String name() {
            return "unfold";
        }

        @Override
        protected Tensor forward(Tensor x) {
            return Spatial.unfold(x, w);
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return fold(g, w);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return unfold(t, w);
        }
    }

    static final class Fold extends UnaryOp {
        private final Spatial.Window w;

        Fold(Spatial.Window w) {
            this.w = w;
        }

        @Override
        public String name() {
            return "fold";
        }

        @Override
        protected Tensor forward(Tensor cols) {
            return Spatial.fold(cols, w);
        }

        @Override
        protected Tensor vjp(Tensor g) {
            return unfold(g, w);
        }

        @Override
        protected Tensor jvp(Tensor t) {
            return fold(t, w);
        }
    }

    static final class MaxPool extends Op {
        private final Spatial.Window w;
        private int[] inShape;
        private int[] outShape;

        MaxPool(Spatial.Window w) {
            this.w = w;
        }

        @Override
        public String name() {
            return "maxPool";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            inShape = in[0].shape();
            Tensor[] r = Spatial.maxPool(in[0], w);
            outShape = r[0].shape();
            save(r[1]);
            return r;
        }

        private Tensor planeIndex() {
            return saved(0).reshape(inShape[0] * inShape[1], w.outSize());
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            int planes = inShape[0] * inShape[1];
            Tensor flat = Tensor.zeros(g[0].dtype(), planes, w.planeSize())
                    .scatterAdd(1, planeIndex(), g[0].reshape(planes, w.outSize()));
            return new Tensor[] {flat.reshape(inShape)};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            if (t[0] == null) {
                return new Tensor[] {null, null};
            }
            int planes = inShape[0] * inShape[1];
            return new Tensor[] {t[0].reshape(planes, w.planeSize()).gather(1, planeIndex()).reshape(outShape), null};
        }
    }
}
