package dev.hadron.internal.kernel;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

/** Elementwise kernels: unary functions, broadcast binary functions, select, copy and cast. */
public final class Elementwise {
    private Elementwise() {
    }

    /** The dtype {@code fn} produces from an input of type {@code in}. */
    public static DType unaryResultType(UnaryFn fn, DType in) {
        if (fn.isPredicate()) {
            return DType.BOOL;
        }
        if (in.isFloatingPoint()) {
            return in;
        }
        if (fn.preservesIntegers()) {
            return in == DType.BOOL ? DType.INT64 : in;
        }
        return DType.FLOAT32;
    }

    /** Applies {@code fn} with parameters {@code p}, {@code q} to every element. */
    public static Tensor unary(UnaryFn fn, double p, double q, Tensor x) {
        DType outType = unaryResultType(fn, x.dtype());
        DType compute = fn.isPredicate() ? (x.dtype().isFloatingPoint() ? x.dtype() : DType.FLOAT64) : outType;
        if (compute == DType.INT32) {
            return unary(fn, p, q, K.as(x, DType.INT64)).to(DType.INT32);
        }
        Tensor src = K.as(x, compute);
        int[] shape = K.shape(src);
        Tensor out = K.alloc(outType, shape);
        if (src.isContiguous() && compute == outType && compute.isFloatingPoint()) {
            unaryContiguous(fn, p, q, src, out);
            return out;
        }
        int[][] strides = {K.strides(src), K.strides(out)};
        int[] offsets = {src.storageOffset(), 0};
        Storage s = src.storage();
        Storage o = out.storage();
        Loops.forEachRow(shape, offsets, strides, (n, offs, steps) -> {
            int xi = offs[0];
            int xs = steps[0];
            int oi = offs[1];
            switch (s) {
                case Storage.F32 f when o instanceof Storage.F32 g -> {
                    float[] a = f.data;
                    float[] r = g.data;
                    for (int j = 0; j < n; j++) {
                        r[oi + j] = (float) fn.apply(a[xi + j * xs], p, q);
                    }
                }
                case Storage.F64 f when o instanceof Storage.F64 g -> {
                    double[] a = f.data;
                    double[] r = g.data;
                    for (int j = 0; j < n; j++) {
                        r[oi + j] = fn.apply(a[xi + j * xs], p, q);
                    }
                }
                case Storage.I64 f when o instanceof Storage.I64 g -> {
                    long[] a = f.data;
                    long[] r = g.data;
                    for (int j = 0; j < n; j++) {
                        r[oi + j] = unaryLong(fn, a[xi + j * xs], p, q);
                    }
                }
                default -> {
                    for (int j = 0; j < n; j++) {
                        o.setDouble(oi + j, fn.apply(s.getDouble(xi + j * xs), p, q));
                    }
                }
            }
        });
        return out;
    }

    /** Elements per task when a large elementwise loop is split over threads. */
    static final int PARALLEL_GRAIN = 1 << 15;

    private static void unaryContiguous(UnaryFn fn, double p, double q, Tensor src, Tensor out) {
        int n = out.numel();
        int so = src.storageOffset();
        ElementKernels k = ElementKernels.INSTANCE;
        if (out.storage() instanceof Storage.F32 o) {
            float[] x = K.f32(src);
            Parallel.forRange(n, PARALLEL_GRAIN, (a, b) -> k.unary(fn, p, q, x, so + a, o.data, a, b - a));
        } else {
            double[] x = K.f64(src);
            double[] od = K.f64(out);
            Parallel.forRange(n, PARALLEL_GRAIN, (a, b) -> k.unary(fn, p, q, x, so + a, od, a, b - a));
        }
    }

    private static long unaryLong(UnaryFn fn, long x, double p, double q) {
        return switch (fn) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SIGN -> Long.signum(x);
            case RELU -> Math.max(x, 0);
            case SQUARE -> x * x;
            case FLOOR, CEIL, ROUND, TRUNC -> x;
            case CLAMP -> {
                long r = x;
                if (!Double.isNaN(p) && r < p) {
                    r = (long) Math.ceil(p);
                }
                if (!Double.isNaN(q) && r > q) {
                    r = (long) Math.floor(q);
                }
                yield r;
            }
            default -> (long) fn.apply(x, p, q);
        };
    }

    /** The dtype in which {@code fn} computes for operands of types {@code a} and {@code b}. */
    public static DType binaryComputeType(BinaryFn fn, DType a, DType b) {
        if (fn.isLogical()) {
            return DType.BOOL;
        }
        DType t = DType.promote(a, b);
        if (t == DType.BOOL && !fn.isComparison()) {
            t = DType.INT64;
        }
        if (t == DType.INT32) {
            t = DType.INT64;
        }
        if ((fn == BinaryFn.DIV || fn == BinaryFn.ATAN2) && !t.isFloatingPoint()) {
            t = DType.FLOAT32;
        }
        return t;
    }

    /** The dtype {@code fn} produces for operands of types {@code a} and {@code b}. */
    public static DType binaryResultType(BinaryFn fn, DType a, DType b) {
        if (fn.isComparison() || fn.isLogical()) {
            return DType.BOOL;
        }
        DType c = binaryComputeType(fn, a, b);
        return c == DType.INT64 && DType.promote(a, b) == DType.INT32 ? DType.INT32 : c;
    }

    /** {@code fn(a, b)} with NumPy broadcasting. */
    public static Tensor binary(String opName, BinaryFn fn, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(opName, K.shape(a), K.shape(b));
        DType compute = binaryComputeType(fn, a.dtype(), b.dtype());
        DType result = binaryResultType(fn, a.dtype(), b.dtype());
        DType outType = fn.isComparison() || fn.isLogical() ? DType.BOOL : compute;
        Tensor x = K.as(a, compute);
        Tensor y = K.as(b, compute);
        Tensor out = K.alloc(outType, shape);
        int[][] strides = {
            Loops.broadcastStrides(K.shape(x), K.strides(x), shape),
            Loops.broadcastStrides(K.shape(y), K.strides(y), shape),
            K.strides(out)};
        int[] offsets = {x.storageOffset(), y.storageOffset(), 0};
        Storage sx = x.storage();
        Storage sy = y.storage();
        Storage so = out.storage();
        ElementKernels kern = ElementKernels.INSTANCE;
        Loops.Row row = (n, offs, steps) -> {
            boolean unitOrZero = (steps[0] == 0 || steps[0] == 1) && (steps[1] == 0 || steps[1] == 1);
            switch (sx) {
                case Storage.F32 f when so instanceof Storage.F32 g -> {
                    float[] bb = ((Storage.F32) sy).data;
                    if (!unitOrZero || !kern.binary(fn, f.data, offs[0], steps[0], bb, offs[1], steps[1], g.data, offs[2], n)) {
                        rowF32(fn, f.data, offs[0], steps[0], bb, offs[1], steps[1], g.data, offs[2], n);
                    }
                }
                case Storage.F64 f when so instanceof Storage.F64 g -> {
                    double[] bb = ((Storage.F64) sy).data;
                    if (!unitOrZero || !kern.binary(fn, f.data, offs[0], steps[0], bb, offs[1], steps[1], g.data, offs[2], n)) {
                        rowF64(fn, f.data, offs[0], steps[0], bb, offs[1], steps[1], g.data, offs[2], n);
                    }
                }
                case Storage.F32 f when so instanceof Storage.Bool g && fn.isComparison() ->
                        kern.compare(fn, f.data, offs[0], steps[0], ((Storage.F32) sy).data, offs[1], steps[1], g.data, offs[2], n);
                case Storage.F64 f when so instanceof Storage.Bool g && fn.isComparison() ->
                        kern.compare(fn, f.data, offs[0], steps[0], ((Storage.F64) sy).data, offs[1], steps[1], g.data, offs[2], n);
                case Storage.I64 f when so instanceof Storage.I64 g -> {
                    long[] bb = ((Storage.I64) sy).data;
                    for (int j = 0; j < n; j++) {
                        g.data[offs[2] + j] = fn.applyLong(f.data[offs[0] + j * steps[0]], bb[offs[1] + j * steps[1]]);
                    }
                }
                case Storage.I64 f -> {
                    long[] bb = ((Storage.I64) sy).data;
                    byte[] r = ((Storage.Bool) so).data;
                    for (int j = 0; j < n; j++) {
                        r[offs[2] + j] = (byte) fn.applyLong(f.data[offs[0] + j * steps[0]], bb[offs[1] + j * steps[1]]);
                    }
                }
                default -> {
                    for (int j = 0; j < n; j++) {
                        so.setDouble(offs[2] + j, fn.apply(sx.getDouble(offs[0] + j * steps[0]), sy.getDouble(offs[1] + j * steps[1])));
                    }
                }
            }
        };
        int total = out.numel();
        boolean flat = x.isContiguous() && y.isContiguous() && java.util.Arrays.equals(K.shape(x), shape)
                && java.util.Arrays.equals(K.shape(y), shape);
        if (flat && total >= 2 * PARALLEL_GRAIN) {
            int xo = x.storageOffset();
            int yo = y.storageOffset();
            Parallel.forRange(total, PARALLEL_GRAIN, (from, to) -> row.run(to - from, new int[] {xo + from, yo + from, from},
                    new int[] {1, 1, 1}));
        } else {
            Loops.forEachRow(shape, offsets, strides, row);
        }
        return result == outType ? out : Elementwise.copy(out, result);
    }

    private static void rowF32(BinaryFn fn, float[] a, int ai, int as, float[] b, int bi, int bs, float[] o, int oi, int n) {
        switch (fn) {
            case ADD -> {
                for (int j = 0; j < n; j++) {
                    o[oi + j] = a[ai + j * as] + b[bi + j * bs];
                }
            }
            case SUB -> {
                for (int j = 0; j < n; j++) {
                    o[oi + j] = a[ai + j * as] - b[bi + j * bs];
                }
            }
            case MUL -> {
                for (int j = 0; j < n; j++) {
                    o[oi + j] = a[ai + j * as] * b[bi + j * bs];
                }
            }
            case DIV -> {
                for (int j = 0; j < n; j++) {
                    o[oi + j] = a[ai + j * as] / b[bi + j * bs];
                }
            }
            default -> {
                for (int j = 0; j < n; j++) {
                    o[oi + j] = (float) fn.apply(a[ai + j * as], b[bi + j * bs]);
                }
            }
        }
    }

    private static void rowF64(BinaryFn fn, double[] a, int ai, int as, double[] b, int bi, int bs, double[] o, int oi, int n) {
        switch (fn) {
            case ADD -> {
                for (int j = 0; j < n; j++) {
                    o[oi + j] = a[ai + j * as] + b[bi + j * bs];
                }
            }
            case SUB -> {
                for (int j = 0; j < n; j++) {
                    o[oi + j] = a[ai + j * as] - b[bi + j * bs];
                }
            }
            case MUL -> {
                for (int j = 0; j < n; j++) {
                    o[oi + j] = a[ai + j * as] * b[bi + j * bs];
                }
            }
            case DIV -> {
                for (int j = 0; j < n; j++) {
                    o[oi + j] = a[ai + j * as] / b[bi + j * bs];
                }
            }
            default -> {
                for (int j = 0; j < n; j++) {
                    o[oi + j] = fn.apply(a[ai + j * as], b[bi + j * bs]);
                }
            }
        }
    }

    /** {@code cond ? a : b} elementwise with broadcasting; the result has the promoted type of a and b. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", K.shape(cond), K.shape(a)), K.shape(b));
        DType type = DType.promote(a.dtype(), b.dtype());
        Tensor c = K.as(cond, DType.BOOL);
        Tensor x = K.as(a, type);
        Tensor y = K.as(b, type);
        Tensor out = K.alloc(type, shape);
        int[][] strides = {
            Loops.broadcastStrides(K.shape(c), K.strides(c), shape),
            Loops.broadcastStrides(K.shape(x), K.strides(x), shape),
            Loops.broadcastStrides(K.shape(y), K.strides(y), shape),
            K.strides(out)};
        int[] offsets = {c.storageOffset(), x.storageOffset(), y.storageOffset(), 0};
        byte[] cd = K.bool(c);
        Storage sx = x.storage();
        Storage sy = y.storage();
        Storage so = out.storage();
        Loops.forEachRow(shape, offsets, strides, (n, offs, steps) -> {
            if (so instanceof Storage.F32 g) {
                float[] xa = ((Storage.F32) sx).data;
                float[] ya = ((Storage.F32) sy).data;
                for (int j = 0; j < n; j++) {
                    g.data[offs[3] + j] = cd[offs[0] + j * steps[0]] != 0 ? xa[offs[1] + j * steps[1]] : ya[offs[2] + j * steps[2]];
                }
            } else if (so instanceof Storage.F64 g) {
                double[] xa = ((Storage.F64) sx).data;
                double[] ya = ((Storage.F64) sy).data;
                for (int j = 0; j < n; j++) {
                    g.data[offs[3] + j] = cd[offs[0] + j * steps[0]] != 0 ? xa[offs[1] + j * steps[1]] : ya[offs[2] + j * steps[2]];
                }
            } else {
                for (int j = 0; j < n; j++) {
                    so.setLong(offs[3] + j, cd[offs[0] + j * steps[0]] != 0 ? sx.getLong(offs[1] + j * steps[1])
                            : sy.getLong(offs[2] + j * steps[2]));
                }
            }
        });
        return out;
    }

    /** A contiguous copy of {@code x} converted to {@code dtype}. */
    public static Tensor copy(Tensor x, DType dtype) {
        Tensor out = K.alloc(dtype, K.shape(x));
        copyInto(x, out);
        return out;
    }

    /** Writes {@code src} (broadcast to {@code dst}'s shape, converted to its type) into the strided {@code dst}. */
    public static void copyInto(Tensor src, Tensor dst) {
        int[] shape = K.shape(dst);
        int[][] strides = {Loops.broadcastStrides(K.shape(src), K.strides(src), shape), K.strides(dst)};
        int[] offsets = {src.storageOffset(), dst.storageOffset()};
        Storage s = src.storage();
        Storage d = dst.storage();
        boolean sameType = s.dtype() == d.dtype();
        boolean integral = !s.dtype().isFloatingPoint() && !d.dtype().isFloatingPoint();
        Object sa = s.array();
        Object da = d.array();
        Loops.forEachRow(shape, offsets, strides, (n, offs, steps) -> {
            if (sameType && steps[0] == 1 && steps[1] == 1) {
                System.arraycopy(sa, offs[0], da, offs[1], n);
            } else if (s instanceof Storage.F32 f && d instanceof Storage.F32 g) {
                for (int j = 0; j < n; j++) {
                    g.data[offs[1] + j * steps[1]] = f.data[offs[0] + j * steps[0]];
                }
            } else if (s instanceof Storage.F64 f && d instanceof Storage.F64 g) {
                for (int j = 0; j < n; j++) {
                    g.data[offs[1] + j * steps[1]] = f.data[offs[0] + j * steps[0]];
                }
            } else if (s instanceof Storage.F32 f && d instanceof Storage.F64 g) {
                for (int j = 0; j < n; j++) {
                    g.data[offs[1] + j * steps[1]] = f.data[offs[0] + j * steps[0]];
                }
            } else if (s instanceof Storage.F64 f && d instanceof Storage.F32 g) {
                for (int j = 0; j < n; j++) {
                    g.data[offs[1] + j * steps[1]] = (float) f.data[offs[0] + j * steps[0]];
                }
            } else if (integral) {
                for (int j = 0; j < n; j++) {
                    d.setLong(offs[1] + j * steps[1], s.getLong(offs[0] + j * steps[0]));
                }
            } else {
                for (int j = 0; j < n; j++) {
                    d.setDouble(offs[1] + j * steps[1], s.getDouble(offs[0] + j * steps[0]));
                }
            }
        });
    }

    /** A contiguous tensor of {@code shape} filled with {@code value}. */
    public static Tensor full(DType dtype, double value, int... shape) {
        Tensor out = K.alloc(dtype, shape);
        switch (out.storage()) {
            case Storage.F32 f -> java.util.Arrays.fill(f.data, (float) value);
            case Storage.F64 f -> java.util.Arrays.fill(f.data, value);
            case Storage.I64 f -> java.util.Arrays.fill(f.data, (long) value);
            case Storage.I32 f -> java.util.Arrays.fill(f.data, (int) value);
            case Storage.Bool f -> java.util.Arrays.fill(f.data, value != 0 ? (byte) 1 : 0);
        }
        return out;
    }
}
