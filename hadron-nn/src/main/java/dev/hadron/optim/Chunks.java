package dev.hadron.optim;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

/**
 * In-place elementwise updates for the optimizers: walks parameter, gradient and state tensors in
 * chunks, loads each chunk into double buffers, lets the optimizer's update rule run on them and
 * stores the written ones back. Contiguous float tensors are read and written directly in their
 * storage (no copies); other layouts go through a contiguous copy that is written back at the end.
 */
final class Chunks {
    private static final int CHUNK = 512;

    private Chunks() {
    }

    /** The update rule over one chunk: {@code bufs[k][0..len)} holds tensor k's elements. */
    @FunctionalInterface
    interface Rule {
        void apply(double[][] bufs, int len);
    }

    private static final class Access {
        final Tensor target;
        final Tensor dense;
        final float[] f;
        final double[] d;
        final int off;

        Access(Tensor t) {
            if (t.dtype() != DType.FLOAT32 && t.dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("optimizer: expected a float32 or float64 tensor, got " + t.dtype());
            }
            this.target = t;
            this.dense = t.isContiguous() ? t : t.detach().contiguous();
            this.off = dense.storageOffset();
            Storage s = dense.storage();
            this.f = s instanceof Storage.F32 sf ? sf.data : null;
            this.d = s instanceof Storage.F64 sd ? sd.data : null;
        }

        void load(int start, int len, double[] buf) {
            int base = off + start;
            if (f != null) {
                for (int i = 0; i < len; i++) {
                    buf[i] = f[base + i];
                }
            } else {
                System.arraycopy(d, base, buf, 0, len);
            }
        }

        void store(int start, int len, double[] buf) {
            int base = off + start;
            if (f != null) {
                for (int i = 0; i < len; i++) {
                    f[base + i] = (float) buf[i];
                }
            } else {
                System.arraycopy(buf, 0, d, base, len);
            }
        }

        void commit() {
            if (dense != target) {
                target.copyFrom(dense);
            } else {
                target.storage().bumpVersion();
            }
        }
    }

    /**
     * Runs {@code rule} over all elements of {@code tensors} (all with the same number of elements);
     * tensors flagged in {@code write} are updated in place. Call inside {@code Autodiff.noGrad()}.
     */
    static void run(Tensor[] tensors, boolean[] write, Rule rule) {
        int n = tensors[0].numel();
        Access[] acc = new Access[tensors.length];
        for (int k = 0; k < tensors.length; k++) {
            if (tensors[k].numel() != n) {
                throw new IllegalStateException("optimizer: state tensor " + k + " has " + tensors[k].numel()
                        + " elements, the parameter " + n);
            }
            acc[k] = new Access(tensors[k]);
        }
        double[][] bufs = new double[tensors.length][Math.min(CHUNK, Math.max(n, 1))];
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            for (int k = 0; k < acc.length; k++) {
                acc[k].load(start, len, bufs[k]);
            }
            rule.apply(bufs, len);
            for (int k = 0; k < acc.length; k++) {
                if (write[k]) {
                    acc[k].store(start, len, bufs[k]);
                }
            }
        }
        for (int k = 0; k < acc.length; k++) {
            if (write[k]) {
                acc[k].commit();
            }
        }
    }
}
