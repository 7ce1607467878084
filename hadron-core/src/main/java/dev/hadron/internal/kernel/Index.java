package dev.hadron.internal.kernel;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/** Indexing kernels: gather/scatter along a dimension, select/add rows, masks, sorting, one-hot. */
public final class Index {
    private Index() {
    }

    private static long checked(String op, long v, int size, int dim) {
        if (v < 0 || v >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + v + " is out of range for dimension " + dim
                    + " of size " + size + " (expected 0 to " + (size - 1) + ")");
        }
        return v;
    }

    private static void checkIndexShape(String op, int[] index, int[] other, int dim, String otherName) {
        if (index.length != other.length) {
            throw new IllegalArgumentException(op + ": index of rank " + index.length + " for " + otherName + " of rank "
                    + other.length + " (shapes " + Shape.toString(index) + " and " + Shape.toString(other) + ")");
        }
        for (int d = 0; d < index.length; d++) {
            if (d != dim && index[d] > other[d]) {
                throw new IllegalArgumentException(op + ": index shape " + Shape.toString(index) + " is larger than "
                        + otherName + " shape " + Shape.toString(other) + " in dimension " + d);
            }
        }
    }

    /** {@code out[..i..] = x[..index[..i..]..]} along {@code dim}; out has the index's shape. */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        int[] xs = K.shape(x);
        int[] is = K.shape(index);
        checkIndexShape("gather", is, xs, dim, "input");
        Tensor out = K.alloc(x.dtype(), is);
        int[] xst = K.strides(x).clone();
        int dimStride = xst[dim];
        int dimSize = xs[dim];
        xst[dim] = 0;
        Storage idx = index.storage();
        Storage src = x.storage();
        Storage dst = out.storage();
        Loops.forEachRow(is, new int[] {index.storageOffset(), x.storageOffset(), 0},
                new int[][] {K.strides(index), xst, K.strides(out)}, (n, offs, steps) -> {
                    for (int j = 0; j < n; j++) {
                        long v = checked("gather", idx.getLong(offs[0] + j * steps[0]), dimSize, dim);
                        int from = offs[1] + j * steps[1] + (int) v * dimStride;
                        copyElement(src, from, dst, offs[2] + j);
                    }
                });
        return out;
    }

    /** A copy of {@code base} with {@code src} added at {@code base[..index[..i..]..] += src[..i..]} along {@code dim}. */
    public static Tensor scatterAdd(Tensor base, int dim, Tensor index, Tensor src) {
        int[] bs = K.shape(base);
        int[] is = K.shape(index);
        checkIndexShape("scatterAdd", is, bs, dim, "self");
        checkIndexShape("scatterAdd", is, K.shape(src), -1, "src");
        Tensor out = Elementwise.copy(base, base.dtype());
        int[] ost = K.strides(out).clone();
        int dimStride = ost[dim];
        int dimSize = bs[dim];
        ost[dim] = 0;
        Storage idx = index.storage();
        Tensor srcT = K.as(src, base.dtype());
        Storage s = srcT.storage();
        Storage dst = out.storage();
        Loops.forEachRow(is, new int[] {index.storageOffset(), srcT.storageOffset(), 0},
                new int[][] {K.strides(index), K.strides(srcT), ost}, (n, offs, steps) -> {
                    for (int j = 0; j < n; j++) {
                        long v = checked("scatterAdd", idx.getLong(offs[0] + j * steps[0]), dimSize, dim);
                        int to = offs[2] + j * steps[2] + (int) v * dimStride;
                        addElement(s, offs[1] + j * steps[1], dst, to);
                    }
                });
        return out;
    }

    private static void copyElement(Storage src, int from, Storage dst, int to) {
        switch (dst) {
            case Storage.F32 d -> d.data[to] = ((Storage.F32) src).data[from];
            case Storage.F64 d -> d.data[to] = ((Storage.F64) src).data[from];
            default -> dst.setLong(to, src.getLong(from));
        }
    }

    private static void addElement(Storage src, int from, Storage dst, int to) {
        switch (dst) {
            case Storage.F32 d -> d.data[to] += ((Storage.F32) src).data[from];
            case Storage.F64 d -> d.data[to] += ((Storage.F64) src).data[from];
            default -> dst.setLong(to, dst.getLong(to) + src.getLong(from));
        }
    }

    /** Rows (slices along {@code dim}) of {@code x} picked by the 1-D {@code index}. */
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        Tensor xc = K.dense(x);
        int[] xs = K.shape(xc);
        long[] idx = longs(index);
        int[] outShape = xs.clone();
        outShape[dim] = idx.length;
        Tensor out = K.alloc(x.dtype(), outShape);
        int outer = 1;
        for (int d = 0; d < dim; d++) {
            outer *= xs[d];
        }
        int size = xs[dim];
        int inner = 1;
        for (int d = dim + 1; d < xs.length; d++) {
            inner *= xs[d];
        }
        Object src = xc.storage().array();
        Object dst = out.storage().array();
        for (int i = 0; i < idx.length; i++) {
            checked("indexSelect", idx[i], size, dim);
        }
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < idx.length; i++) {
                System.arraycopy(src, (o * size + (int) idx[i]) * inner, dst, (o * idx.length + i) * inner, inner);
            }
        }
        return out;
    }

    /** A copy of {@code base} with row {@code i} of {@code src} added to row {@code index[i]} along {@code dim}. */
    public static Tensor indexAdd(Tensor base, int dim, Tensor index, Tensor src) {
        Tensor out = Elementwise.copy(base, base.dtype());
        Tensor sc = K.dense(K.as(src, base.dtype()));
        int[] bs = K.shape(out);
        long[] idx = longs(index);
        int[] ss = K.shape(sc);
        int outer = 1;
        for (int d = 0; d < dim; d++) {
            outer *= bs[d];
        }
        int size = bs[dim];
        int inner = 1;
        for (int d = dim + 1; d < bs.length; d++) {
            inner *= bs[d];
        }
        if (ss.length != bs.length || ss[dim] != idx.length || Shape.numel(ss) != outer * idx.length * inner) {
            throw new IllegalArgumentException("indexAdd: source shape " + Shape.toString(ss) + " does not match self shape "
                    + Shape.toString(bs) + " with " + idx.length + " indices along dimension " + dim);
        }
        for (long v : idx) {
            checked("indexAdd", v, size, dim);
        }
        Storage s = sc.storage();
        Storage d = out.storage();
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < idx.length; i++) {
                int to = (o * size + (int) idx[i]) * inner;
                int from = (o * idx.length + i) * inner;
                switch (d) {
                    case Storage.F32 f -> {
                        float[] a = ((Storage.F32) s).data;
                        for (int j = 0; j < inner; j++) {
                            f.data[to + j] += a[from + j];
                        }
                    }
                    case Storage.F64 f -> {
                        double[] a = ((Storage.F64) s).data;
                        for (int j = 0; j < inner; j++) {
                            f.data[to + j] += a[from + j];
                        }
                    }
                    default -> {
                        for (int j = 0; j < inner; j++) {
                            d.setLong(to + j, d.getLong(to + j) + s.getLong(from + j));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The elements of an integer (or bool) tensor as a long array, in row-major order. */
    public static long[] longs(Tensor index) {
        if (index.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("indices must be int64, int32 or bool, got " + index.dtype());
        }
        Tensor c = K.dense(K.as(index, DType.INT64));
        return c.storage() instanceof Storage.I64 s && s.data.length == c.numel() ? s.data : Arrays.copyOf(K.i64(c), c.numel());
    }

    /** Row-major flat positions of the non-zero elements. */
    public static Tensor nonzeroFlat(Tensor x) {
        Tensor c = K.dense(x);
        Storage s = c.storage();
        int n = c.numel();
        long[] buf = new long[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (s.getDouble(i) != 0) {
                buf[count++] = i;
            }
        }
        return K.wrap(new Storage.I64(Arrays.copyOf(buf, count)), count);
    }

    /** Coordinates of the non-zero elements, shape (count, rank). */
    public static Tensor nonzero(Tensor x) {
        long[] flat = longs(nonzeroFlat(x));
        int[] shape = K.shape(x);
        int rank = shape.length;
        long[] coords = new long[flat.length * rank];
        for (int i = 0; i < flat.length; i++) {
            long rem = flat[i];
            for (int d = rank - 1; d >= 0; d--) {
                coords[i * rank + d] = rem % shape[d];
                rem /= shape[d];
            }
        }
        return K.wrap(new Storage.I64(coords), flat.length, rank);
    }

    /** Indices that sort {@code x} along {@code dim} (stable; NaN sorts as the largest value). */
    public static Tensor argsort(Tensor x, int dim, boolean descending) {
        Tensor rows = K.rowsAlong(x, dim);
        int[] shape = K.shape(rows);
        int len = shape[shape.length - 1];
        Tensor out = K.alloc(DType.INT64, shape);
        long[] o = K.i64(out);
        Storage s = rows.storage();
        int n = rows.numel();
        Integer[] order = new Integer[len];
        double[] vals = new double[len];
        boolean integral = !x.dtype().isFloatingPoint();
        long[] lvals = integral ? new long[len] : null;
        for (int start = 0; len > 0 && start < n; start += len) {
            for (int j = 0; j < len; j++) {
                order[j] = j;
                if (integral) {
                    lvals[j] = s.getLong(start + j);
                } else {
                    vals[j] = s.getDouble(start + j);
                }
            }
            java.util.Comparator<Integer> cmp = integral
                    ? (p, q) -> Long.compare(lvals[p], lvals[q])
                    : (p, q) -> Double.compare(vals[p], vals[q]);
            Arrays.sort(order, descending ? (p, q) -> cmp.compare(q, p) : cmp);
            for (int j = 0; j < len; j++) {
                o[start + j] = order[j];
            }
        }
        return K.fromRowsAlong(out, dim);
    }

    /** One-hot encoding: int64 of shape index.shape + [numClasses]. */
    public static Tensor oneHot(Tensor index, int numClasses) {
        long[] idx = longs(index);
        int[] shape = Arrays.copyOf(K.shape(index), K.shape(index).length + 1);
        shape[shape.length - 1] = numClasses;
        Tensor out = K.alloc(DType.INT64, shape);
        long[] o = K.i64(out);
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= numClasses) {
                throw new IndexOutOfBoundsException("oneHot: class index " + idx[i] + " is out of range for " + numClasses
                        + " classes (expected 0 to " + (numClasses - 1) + ")");
            }
            o[i * numClasses + (int) idx[i]] = 1;
        }
        return out;
    }

    /**
     * Per-segment maximum ({@code max}) or minimum of the rows of {@code values} (shape (total, f...)),
     * segments given by {@code offsets}. Returns {values (segments, f...), argIndex (segments, f...)}; an
     * empty segment gives value 0 and index -1.
     */
    public static Tensor[] segmentExtreme(Tensor values, long[] offsets, boolean max) {
        Tensor v = K.dense(values);
        int[] vs = K.shape(v);
        int segments = offsets.length - 1;
        int inner = vs.length == 0 ? 1 : Shape.numel(Arrays.copyOfRange(vs, 1, vs.length));
        int[] outShape = vs.clone();
        outShape[0] = segments;
        Tensor out = K.alloc(v.dtype(), outShape);
        Tensor arg = K.alloc(DType.INT64, outShape);
        Storage s = v.storage();
        Storage o = out.storage();
        long[] a = K.i64(arg);
        for (int seg = 0; seg < segments; seg++) {
            int lo = (int) offsets[seg];
            int hi = (int) offsets[seg + 1];
            for (int f = 0; f < inner; f++) {
                int best = -1;
                double bv = 0;
                for (int r = lo; r < hi; r++) {
                    double x = s.getDouble(r * inner + f);
                    if (best < 0 || Double.isNaN(x) || (max ? x > bv : x < bv)) {
                        if (best >= 0 && Double.isNaN(bv)) {
                            break;
                        }
                        bv = x;
                        best = r;
                    }
                }
                o.setDouble(seg * inner + f, best < 0 ? 0 : bv);
                a[seg * inner + f] = best;
            }
        }
        return new Tensor[] {out, arg};
    }
}
