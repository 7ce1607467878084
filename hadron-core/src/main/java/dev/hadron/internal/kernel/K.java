package dev.hadron.internal.kernel;

import dev.hadron.internal.autograd.TensorAccess;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

/** Small shared helpers for kernels: allocation and raw access to tensor layout. */
public final class K {
    static final TensorAccess A = TensorAccess.Holder.get();

    private K() {
    }

    /** A new zero-filled contiguous tensor. */
    public static Tensor alloc(DType dtype, int... shape) {
        int n = Shape.numel(shape);
        return A.make(Storage.allocate(dtype, n), 0, shape.clone(), Shape.contiguousStrides(shape));
    }

    /** A contiguous tensor over existing storage. */
    public static Tensor wrap(Storage storage, int... shape) {
        return A.make(storage, 0, shape.clone(), Shape.contiguousStrides(shape));
    }

    /** A strided view (no checks). */
    public static Tensor view(Tensor base, int offset, int[] shape, int[] strides) {
        return A.make(base.storage(), offset, shape, strides);
    }

    static int[] shape(Tensor t) {
        return A.shapeRef(t);
    }

    static int[] strides(Tensor t) {
        return A.stridesRef(t);
    }

    static float[] f32(Tensor t) {
        return ((Storage.F32) t.storage()).data;
    }

    static double[] f64(Tensor t) {
        return ((Storage.F64) t.storage()).data;
    }

    static long[] i64(Tensor t) {
        return ((Storage.I64) t.storage()).data;
    }

    static byte[] bool(Tensor t) {
        return ((Storage.Bool) t.storage()).data;
    }

    /** {@code t} itself if already of that dtype, else a converted contiguous copy. */
    static Tensor as(Tensor t, DType dtype) {
        return t.dtype() == dtype ? t : Elementwise.copy(t, dtype);
    }

    /** {@code t} itself if contiguous with offset 0 and exactly its storage's size, else a contiguous copy. */
    public static Tensor dense(Tensor t) {
        if (t.isContiguous() && t.storageOffset() == 0 && t.storage().size() == t.numel()) {
            return t;
        }
        return Elementwise.copy(t, t.dtype());
    }

    /** A view of {@code t} with dimensions reordered: new dimension i is old dimension {@code order[i]}. */
    public static Tensor permuted(Tensor t, int[] order) {
        int[] sh = shape(t);
        int[] st = strides(t);
        int[] nsh = new int[order.length];
        int[] nst = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            nsh[i] = sh[order[i]];
            nst[i] = st[order[i]];
        }
        return view(t, t.storageOffset(), nsh, nst);
    }

    /** The permutation that moves {@code dim} to the end. */
    public static int[] moveLastOrder(int rank, int dim) {
        int[] order = new int[rank];
        int k = 0;
        for (int i = 0; i < rank; i++) {
            if (i != dim) {
                order[k++] = i;
            }
        }
        order[rank - 1] = dim;
        return order;
    }

    /** The inverse of a permutation. */
    public static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inv[order[i]] = i;
        }
        return inv;
    }

    /** A contiguous copy of {@code t} with {@code dim} moved last (rows of length shape[dim]). */
    public static Tensor rowsAlong(Tensor t, int dim) {
        return dense(permuted(t, moveLastOrder(shape(t).length, dim)));
    }

    /** Undoes {@link #rowsAlong}: a contiguous tensor in the original dimension order. */
    public static Tensor fromRowsAlong(Tensor rows, int dim) {
        int rank = shape(rows).length;
        return dense(permuted(rows, inverse(moveLastOrder(rank, dim))));
    }
}
