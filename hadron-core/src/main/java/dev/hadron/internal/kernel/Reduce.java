package dev.hadron.internal.kernel;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

/**
 * Reductions. The reduced dimensions are moved innermost (a view), the space is walked row by
 * row, and each row is split into the runs that belong to one output element, so a reduction over
 * a contiguous last dimension is one tight loop per output element.
 */
public final class Reduce {
    private Reduce() {
    }

    /** The result dtype of {@code fn} for an input of type {@code in}. */
    public static DType resultType(ReduceFn fn, DType in) {
        return switch (fn) {
            case SUM, PROD -> in.isFloatingPoint() ? in : DType.INT64;
            case MAX, MIN -> in;
            case ARGMAX, ARGMIN -> DType.INT64;
            case ANY, ALL -> DType.BOOL;
        };
    }

    /**
     * Reduces {@code x} over the dimensions flagged in {@code reduced}.
     *
     * @param opName named in errors (empty max/min)
     */
    public static Tensor reduce(String opName, ReduceFn fn, Tensor x, boolean[] reduced, boolean keepdim) {
        int[] shape = K.shape(x);
        int rank = shape.length;
        int kept = 0;
        int reducedCount = 1;
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                reducedCount *= shape[d];
            } else {
                kept++;
            }
        }
        int[] order = new int[rank];
        int[] outShape = new int[keepdim ? rank : kept];
        int k = 0;
        int o = 0;
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                order[k++] = d;
                if (!keepdim) {
                    outShape[o++] = shape[d];
                }
            }
            if (keepdim) {
                outShape[d] = reduced[d] ? 1 : shape[d];
            }
        }
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                order[k++] = d;
            }
        }
        int numOut = 1;
        for (int s : outShape) {
            numOut *= s;
        }
        if (reducedCount == 0 && numOut > 0 && (fn == ReduceFn.MAX || fn == ReduceFn.MIN || fn == ReduceFn.ARGMAX
                || fn == ReduceFn.ARGMIN)) {
            throw new IllegalArgumentException(opName + ": cannot reduce over an empty dimension (input shape "
                    + java.util.Arrays.toString(shape) + ")");
        }
        Tensor view = K.permuted(x, order);
        DType outType = resultType(fn, x.dtype());
        Tensor out = K.alloc(outType, outShape);
        if (numOut == 0) {
            return out;
        }
        boolean integral = !x.dtype().isFloatingPoint();
        double[] acc = new double[numOut];
        long[] lacc = integral ? new long[numOut] : null;
        long[] arg = fn == ReduceFn.ARGMAX || fn == ReduceFn.ARGMIN ? new long[numOut] : null;
        double init = switch (fn) {
            case SUM, ANY -> 0;
            case PROD, ALL -> 1;
            case MAX, ARGMAX -> Double.NEGATIVE_INFINITY;
            case MIN, ARGMIN -> Double.POSITIVE_INFINITY;
        };
        java.util.Arrays.fill(acc, init);
        if (lacc != null) {
            java.util.Arrays.fill(lacc, switch (fn) {
                case PROD, ALL -> 1L;
                case MAX, ARGMAX -> Long.MIN_VALUE;
                case MIN, ARGMIN -> Long.MAX_VALUE;
                default -> 0L;
            });
        }
        if (reducedCount > 0) {
            Storage s = view.storage();
            int rc = reducedCount;
            long[] position = {0};
            Loops.forEachRow(K.shape(view), new int[] {view.storageOffset()}, new int[][] {K.strides(view)}, (n, offs, steps) -> {
                int j = 0;
                long lin = position[0];
                while (j < n) {
                    int outIdx = (int) (lin / rc);
                    int within = (int) (lin % rc);
                    int seg = Math.min(n - j, rc - within);
                    int base = offs[0] + j * steps[0];
                    if (integral) {
                        reduceSegmentLong(fn, s, base, steps[0], seg, lacc, arg, outIdx, within);
                    } else {
                        reduceSegment(fn, s, base, steps[0], seg, acc, arg, outIdx, within);
                    }
                    j += seg;
                    lin += seg;
                }
                position[0] = lin;
            });
        }
        Storage os = out.storage();
        for (int i = 0; i < numOut; i++) {
            switch (fn) {
                case ARGMAX, ARGMIN -> os.setLong(i, arg[i]);
                case ANY, ALL -> os.setLong(i, integral ? lacc[i] : (long) acc[i]);
                default -> {
                    if (integral) {
                        os.setLong(i, lacc[i]);
                    } else {
                        os.setDouble(i, acc[i]);
                    }
                }
            }
        }
        return out;
    }

    private static void reduceSegment(ReduceFn fn, Storage s, int base, int step, int n, double[] acc, long[] arg,
                                      int outIdx, int within) {
        double a = acc[outIdx];
        switch (fn) {
            case SUM -> {
                if (s instanceof Storage.F32 f) {
                    float[] d = f.data;
                    if (step == 1) {
                        a += ElementKernels.INSTANCE.sum(d, base, n);
                    } else {
                        for (int j = 0; j < n; j++) {
                            a += d[base + j * step];
                        }
                    }
                } else {
                    double[] d = ((Storage.F64) s).data;
                    for (int j = 0; j < n; j++) {
                        a += d[base + j * step];
                    }
                }
            }
            case PROD -> {
                for (int j = 0; j < n; j++) {
                    a *= s.getDouble(base + j * step);
                }
            }
            case MAX, MIN -> {
                boolean max = fn == ReduceFn.MAX;
                if (max && step == 1 && s instanceof Storage.F32 f && n > 0 && !Double.isNaN(a)) {
                    double m = ElementKernels.INSTANCE.max(f.data, base, n);
                    a = Double.isNaN(m) ? m : Math.max(a, m);
                    break;
                }
                for (int j = 0; j < n; j++) {
                    double v = s.getDouble(base + j * step);
                    if (Double.isNaN(v) || (max ? v > a : v < a)) {
                        a = v;
                        if (Double.isNaN(v)) {
                            break;
                        }
                    }
                }
            }
            case ARGMAX, ARGMIN -> {
                boolean max = fn == ReduceFn.ARGMAX;
                long best = arg[outIdx];
                if (within == 0) {
                    best = -1;
                }
                for (int j = 0; j < n; j++) {
                    double v = s.getDouble(base + j * step);
                    if (Double.isNaN(a)) {
                        break;
                    }
                    if (best < 0 || Double.isNaN(v) || (max ? v > a : v < a)) {
                        a = v;
                        best = within + j;
                    }
                }
                arg[outIdx] = best;
            }
            case ANY -> {
                for (int j = 0; j < n && a == 0; j++) {
                    if (s.getDouble(base + j * step) != 0) {
                        a = 1;
                    }
                }
            }
            case ALL -> {
                for (int j = 0; j < n && a != 0; j++) {
                    if (s.getDouble(base + j * step) == 0) {
                        a = 0;
                    }
                }
            }
        }
        acc[outIdx] = a;
    }

    private static void reduceSegmentLong(ReduceFn fn, Storage s, int base, int step, int n, long[] acc, long[] arg,
                                          int outIdx, int within) {
        long a = acc[outIdx];
        switch (fn) {
            case SUM -> {
                for (int j = 0; j < n; j++) {
                    a += s.getLong(base + j * step);
                }
            }
            case PROD -> {
                for (int j = 0; j < n; j++) {
                    a *= s.getLong(base + j * step);
                }
            }
            case MAX -> {
                for (int j = 0; j < n; j++) {
                    a = Math.max(a, s.getLong(base + j * step));
                }
            }
            case MIN -> {
                for (int j = 0; j < n; j++) {
                    a = Math.min(a, s.getLong(base + j * step));
                }
            }
            case ARGMAX, ARGMIN -> {
                boolean max = fn == ReduceFn.ARGMAX;
                long best = within == 0 ? -1 : arg[outIdx];
                for (int j = 0; j < n; j++) {
                    long v = s.getLong(base + j * step);
                    if (best < 0 || (max ? v > a : v < a)) {
                        a = v;
                        best = within + j;
                    }
                }
                arg[outIdx] = best;
            }
            case ANY -> {
                for (int j = 0; j < n && a == 0; j++) {
                    if (s.getLong(base + j * step) != 0) {
                        a = 1;
                    }
                }
            }
            case ALL -> {
                for (int j = 0; j < n && a != 0; j++) {
                    if (s.getLong(base + j * step) == 0) {
                        a = 0;
                    }
                }
            }
        }
        acc[outIdx] = a;
    }

    /** Softmax (or log-softmax) along {@code dim}, computed stably (max subtracted) in double precision. */
    public static Tensor softmax(Tensor x, int dim, boolean log) {
        if (K.shape(x).length == 0) {
            Tensor r = softmax(K.view(x, x.storageOffset(), new int[] {1}, new int[] {1}), 0, log);
            return K.view(r, 0, new int[0], new int[0]);
        }
        Tensor rows = K.rowsAlong(x, dim);
        int[] shape = K.shape(rows);
        int len = shape[shape.length - 1];
        Tensor out = K.alloc(rows.dtype(), shape);
        int count = len == 0 ? 0 : rows.numel() / len;
        int grain = Math.max(1, Elementwise.PARALLEL_GRAIN / Math.max(len, 1));
        if (rows.storage() instanceof Storage.F32 f) {
            float[] src = f.data;
            float[] dst = K.f32(out);
            Parallel.forRange(count, grain, (r0, r1) -> {
                for (int r = r0; r < r1; r++) {
                    softmaxRow(src, dst, r * len, len, log);
                }
            });
        } else {
            double[] src = K.f64(rows);
            double[] dst = K.f64(out);
            Parallel.forRange(count, grain, (r0, r1) -> {
                for (int r = r0; r < r1; r++) {
                    softmaxRow(src, dst, r * len, len, log);
                }
            });
        }
        return K.fromRowsAlong(out, dim);
    }

    private static void softmaxRow(float[] x, float[] out, int start, int len, boolean log) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) {
            max = Math.max(max, x[start + j]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            max = 0;
        }
        double sum = 0;
        for (int j = 0; j < len; j++) {
            sum += Math.exp(x[start + j] - max);
        }
        if (log) {
            double lse = max + Math.log(sum);
            for (int j = 0; j < len; j++) {
                out[start + j] = (float) (x[start + j] - lse);
            }
        } else {
            double inv = 1.0 / sum;
            for (int j = 0; j < len; j++) {
                out[start + j] = (float) (Math.exp(x[start + j] - max) * inv);
            }
        }
    }

    private static void softmaxRow(double[] x, double[] out, int start, int len, boolean log) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) {
            max = Math.max(max, x[start + j]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            max = 0;
        }
        double sum = 0;
        for (int j = 0; j < len; j++) {
            sum += Math.exp(x[start + j] - max);
        }
        if (log) {
            double lse = max + Math.log(sum);
            for (int j = 0; j < len; j++) {
                out[start + j] = x[start + j] - lse;
            }
        } else {
            double inv = 1.0 / sum;
            for (int j = 0; j < len; j++) {
                out[start + j] = Math.exp(x[start + j] - max) * inv;
            }
        }
    }

    /** Cumulative sum ({@code prod == false}) or product along {@code dim}. */
    public static Tensor cumulative(Tensor x, int dim, boolean prod) {
        DType type = resultType(prod ? ReduceFn.PROD : ReduceFn.SUM, x.dtype());
        if (K.shape(x).length == 0) {
            return Elementwise.copy(x, type);
        }
        Tensor rows = K.rowsAlong(K.as(x, type), dim);
        int[] shape = K.shape(rows);
        int len = shape[shape.length - 1];
        Tensor out = K.alloc(type, shape);
        Storage s = rows.storage();
        Storage o = out.storage();
        int n = rows.numel();
        boolean integral = !type.isFloatingPoint();
        for (int start = 0; len > 0 && start < n; start += len) {
            if (integral) {
                long a = prod ? 1 : 0;
                for (int j = 0; j < len; j++) {
                    a = prod ? a * s.getLong(start + j) : a + s.getLong(start + j);
                    o.setLong(start + j, a);
                }
            } else {
                double a = prod ? 1 : 0;
                for (int j = 0; j < len; j++) {
                    a = prod ? a * s.getDouble(start + j) : a + s.getDouble(start + j);
                    o.setDouble(start + j, a);
                }
            }
        }
        return K.fromRowsAlong(out, dim);
    }
}
