package dev.hadron.internal.kernel;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

/**
 * Sliding-window kernels over 1, 2 or 3 spatial dimensions: unfold (im2col), fold (col2im) and
 * max pooling. A window geometry is precomputed as a table: for kernel position {@code kk} and
 * output position {@code l}, the flat offset inside one channel plane of the input, or -1 where the
 * window reaches into the padding.
 */
public final class Spatial {
    /** Elements of work below which a kernel runs on the calling thread alone. */
    private static final int GRAIN = 1 << 15;

    private Spatial() {
    }

    /** Geometry of a sliding window over spatial size {@code in}. */
    public record Window(int[] in, int[] kernel, int[] stride, int[] padding, int[] dilation, int[] out) {
        /** Number of kernel positions. */
        public int kernelSize() {
            return Shape.numel(kernel);
        }

        /** Number of output positions. */
        public int outSize() {
            return Shape.numel(out);
        }

        /** Number of elements of one input plane. */
        public int planeSize() {
            return Shape.numel(in);
        }

        /** Offsets table [kk * L + l]. */
        int[] table() {
            int s = in.length;
            int k = kernelSize();
            int l = outSize();
            int[] t = new int[k * l];
            int[] kk = new int[s];
            int[] ll = new int[s];
            for (int a = 0; a < k; a++) {
                unravel(a, kernel, kk);
                for (int b = 0; b < l; b++) {
                    unravel(b, out, ll);
                    int off = 0;
                    boolean inside = true;
                    for (int d = 0; d < s; d++) {
                        int c = ll[d] * stride[d] - padding[d] + kk[d] * dilation[d];
                        if (c < 0 || c >= in[d]) {
                            inside = false;
                            break;
                        }
                        off = off * in[d] + c;
                    }
                    t[a * l + b] = inside ? off : -1;
                }
            }
            return t;
        }

        private static void unravel(int flat, int[] shape, int[] idx) {
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = flat % shape[d];
                flat /= shape[d];
            }
        }

        /**
         * The geometry for an input of spatial size {@code in}; {@code ceilMode} rounds the output size up
         * (pooling), keeping only windows that start inside the input or its left padding.
         */
        public static Window of(String op, int[] in, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                boolean ceilMode) {
            int s = in.length;
            int[] out = new int[s];
            for (int d = 0; d < s; d++) {
                if (kernel[d] <= 0 || stride[d] <= 0 || dilation[d] <= 0 || padding[d] < 0) {
                    throw new IllegalArgumentException(op + ": kernel size, stride and dilation must be positive and padding"
                            + " non-negative; got kernel " + Shape.toString(kernel) + ", stride " + Shape.toString(stride)
                            + ", padding " + Shape.toString(padding) + ", dilation " + Shape.toString(dilation));
                }
                int span = dilation[d] * (kernel[d] - 1) + 1;
                int avail = in[d] + 2 * padding[d] - span;
                if (avail < 0) {
                    throw new IllegalArgumentException(op + ": input spatial size " + Shape.toString(in) + " (padded by "
                            + Shape.toString(padding) + ") is smaller than the kernel extent in dimension " + d + " ("
                            + span + ")");
                }
                int o = ceilMode ? (avail + stride[d] - 1) / stride[d] + 1 : avail / stride[d] + 1;
                if (ceilMode && (o - 1) * stride[d] >= in[d] + padding[d]) {
                    o--;
                }
                out[d] = o;
            }
            return new Window(in.clone(), kernel.clone(), stride.clone(), padding.clone(), dilation.clone(), out);
        }
    }

    /** im2col: (N, C, *in) -> (N, C * K, L). */
    public static Tensor unfold(Tensor x, Window w) {
        Tensor xc = K.dense(x);
        int[] xs = K.shape(xc);
        int n = xs[0];
        int c = xs[1];
        int k = w.kernelSize();
        int l = w.outSize();
        int plane = w.planeSize();
        int[] table = w.table();
        Tensor out = K.alloc(x.dtype(), n, c * k, l);
        Storage s = xc.storage();
        Storage o = out.storage();
        int kl = k * l;
        int grain = Math.max(1, GRAIN / Math.max(1, kl));
        // Each (image, channel) plane writes its own block of the output: planes run in parallel.
        Parallel.forRange(n * c, grain, (from, to) -> {
            switch (o) {
                case Storage.F32 f -> {
                    float[] src = ((Storage.F32) s).data;
                    float[] dst = f.data;
                    for (int pl = from; pl < to; pl++) {
                        int si = pl * plane;
                        int di = pl * kl;
                        for (int t = 0; t < kl; t++) {
                            int off = table[t];
                            if (off >= 0) {
                                dst[di + t] = src[si + off];
                            }
                        }
                    }
                }
                case Storage.F64 f -> {
                    double[] src = ((Storage.F64) s).data;
                    double[] dst = f.data;
                    for (int pl = from; pl < to; pl++) {
                        int si = pl * plane;
                        int di = pl * kl;
                        for (int t = 0; t < kl; t++) {
                            int off = table[t];
                            if (off >= 0) {
                                dst[di + t] = src[si + off];
                            }
                        }
                    }
                }
                default -> {
                    for (int pl = from; pl < to; pl++) {
                        for (int t = 0; t < kl; t++) {
                            int off = table[t];
                            if (off >= 0) {
                                copy(s, pl * plane + off, o, pl * kl + t);
                            }
                        }
                    }
                }
            }
        });
        return out;
    }

    /** col2im: (N, C * K, L) -> (N, C, *in), summing overlapping windows. */
    public static Tensor fold(Tensor cols, Window w) {
        Tensor cc = K.dense(cols);
        int[] cs = K.shape(cc);
        int n = cs[0];
        int k = w.kernelSize();
        int l = w.outSize();
        if (cs[1] % k != 0 || cs[2] != l) {
            throw new IllegalArgumentException("fold: input shape " + Shape.toString(cs) + " does not match kernel size " + k
                    + " and " + l + " window positions");
        }
        int c = cs[1] / k;
        int plane = w.planeSize();
        int[] table = w.table();
        int[] outShape = new int[2 + w.in().length];
        outShape[0] = n;
        outShape[1] = c;
        System.arraycopy(w.in(), 0, outShape, 2, w.in().length);
        Tensor out = K.alloc(cols.dtype(), outShape);
        Storage s = cc.storage();
        Storage o = out.storage();
        int kl = k * l;
        int grain = Math.max(1, GRAIN / Math.max(1, kl));
        // Each (image, channel) plane sums into its own output plane: planes run in parallel.
        Parallel.forRange(n * c, grain, (from, to) -> {
            switch (o) {
                case Storage.F32 f -> {
                    float[] src = ((Storage.F32) s).data;
                    float[] dst = f.data;
                    for (int pl = from; pl < to; pl++) {
                        int di = pl * plane;
                        int si = pl * kl;
                        for (int t = 0; t < kl; t++) {
                            int off = table[t];
                            if (off >= 0) {
                                dst[di + off] += src[si + t];
                            }
                        }
                    }
                }
                case Storage.F64 f -> {
                    double[] src = ((Storage.F64) s).data;
                    double[] dst = f.data;
                    for (int pl = from; pl < to; pl++) {
                        int di = pl * plane;
                        int si = pl * kl;
                        for (int t = 0; t < kl; t++) {
                            int off = table[t];
                            if (off >= 0) {
                                dst[di + off] += src[si + t];
                            }
                        }
                    }
                }
                default -> {
                    for (int pl = from; pl < to; pl++) {
                        for (int t = 0; t < kl; t++) {
                            int off = table[t];
                            if (off >= 0) {
                                add(s, pl * kl + t, o, pl * plane + off);
                            }
                        }
                    }
                }
            }
        });
        return out;
    }

    /** Max pooling: returns {values (N, C, *out), indices (N, C, *out) as flat positions in each input plane}. */
    public static Tensor[] maxPool(Tensor x, Window w) {
        Tensor xc = K.dense(x);
        int[] xs = K.shape(xc);
        int planes = xs[0] * xs[1];
        int k = w.kernelSize();
        int l = w.outSize();
        int plane = w.planeSize();
        int[] table = w.table();
        int[] outShape = new int[2 + w.out().length];
        outShape[0] = xs[0];
        outShape[1] = xs[1];
        System.arraycopy(w.out(), 0, outShape, 2, w.out().length);
        Tensor out = K.alloc(x.dtype(), outShape);
        Tensor idx = K.alloc(DType.INT64, outShape);
        Storage s = xc.storage();
        Storage o = out.storage();
        long[] ix = K.i64(idx);
        int grain = Math.max(1, GRAIN / Math.max(1, k * l));
        Parallel.forRange(planes, grain, (from, to) -> {
            if (s instanceof Storage.F32 sf && o instanceof Storage.F32 of) {
                maxPoolF32(sf.data, of.data, ix, table, from, to, plane, k, l);
                return;
            }
            for (int p = from; p < to; p++) {
                int base = p * plane;
                for (int b = 0; b < l; b++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int arg = -1;
                    for (int a = 0; a < k; a++) {
                        int off = table[a * l + b];
                        if (off < 0) {
                            continue;
                        }
                        double v = s.getDouble(base + off);
                        if (arg < 0 || v > best || Double.isNaN(v)) {
                            best = v;
                            arg = off;
                            if (Double.isNaN(v)) {
                                break;
                            }
                        }
                    }
                    o.setDouble(p * l + b, best);
                    ix[p * l + b] = arg;
                }
            }
        });
        return new Tensor[] {out, idx};
    }

    /**
     * Max pooling of float planes [from, to): a branch-free scan per window (the comparison is a coin flip
     * on real data, and a mispredicted branch per element cost more than the loads), then, only for
     * windows holding a NaN, a second pass that returns the first NaN, as PyTorch does.
     */
    private static void maxPoolF32(float[] src, float[] dst, long[] ix, int[] table, int from, int to, int plane, int k,
                                   int l) {
        for (int p = from; p < to; p++) {
            int base = p * plane;
            int ob = p * l;
            for (int b = 0; b < l; b++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = -1;
                boolean nan = false;
                for (int a = 0; a < k; a++) {
                    int off = table[a * l + b];
                    if (off < 0) {
                        continue;
                    }
                    float v = src[base + off];
                    boolean take = v > best | arg < 0;
                    best = take ? v : best;
                    arg = take ? off : arg;
                    nan |= v != v;
                }
                if (nan) {
                    for (int a = 0; a < k; a++) {
                        int off = table[a * l + b];
                        if (off >= 0 && src[base + off] != src[base + off]) {
                            best = src[base + off];
                            arg = off;
                            break;
                        }
                    }
                }
                dst[ob + b] = best;
                ix[ob + b] = arg;
            }
        }
    }

    private static void copy(Storage s, int from, Storage o, int to) {
        switch (o) {
            case Storage.F32 f -> f.data[to] = ((Storage.F32) s).data[from];
            case Storage.F64 f -> f.data[to] = ((Storage.F64) s).data[from];
            default -> o.setDouble(to, s.getDouble(from));
        }
    }

    private static void add(Storage s, int from, Storage o, int to) {
        switch (o) {
            case Storage.F32 f -> f.data[to] += ((Storage.F32) s).data[from];
            case Storage.F64 f -> f.data[to] += ((Storage.F64) s).data[from];
            default -> o.setDouble(to, o.getDouble(to) + s.getDouble(from));
        }
    }
}
