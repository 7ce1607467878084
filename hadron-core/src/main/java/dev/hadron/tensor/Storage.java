package dev.hadron.tensor;

import java.util.Arrays;

/**
 * The flat, typed memory behind one or more {@link Tensor} views.
 *
 * <p>This is the low-level layer: a tensor is a storage plus an offset, a shape and strides. Kernels
 * and readers use it to move data without copies; most code never needs it. The arrays are heap
 * arrays so that Vector API kernels, packed GEMM and a zero-copy native BLAS call (FFM heap segments)
 * can all work on them directly.
 *
 * <p>Every storage carries a version counter that in-place writes through {@link Tensor} bump.
 * Automatic differentiation remembers the version of each tensor it saves for the backward pass and
 * refuses to use one that was modified since. Code that writes into {@link #array()} directly must
 * call {@link #bumpVersion()} if the storage may have been saved by autodiff.
 */
public abstract sealed class Storage permits Storage.F32, Storage.F64, Storage.I64, Storage.I32, Storage.Bool {

    private int version;

    private Storage() {
    }

    /** The element type. */
    public abstract DType dtype();

    /** Number of elements. */
    public abstract int size();

    /** The backing Java array ({@code float[]}, {@code double[]}, {@code long[]}, {@code int[]} or {@code byte[]}). */
    public abstract Object array();

    /** Element {@code i} converted to double (booleans as 0 or 1). */
    public abstract double getDouble(int i);

    /** Stores {@code v} at {@code i}, converting to this storage's type (truncation towards zero for integers). */
    public abstract void setDouble(int i, double v);

    /** Element {@code i} converted to long (floats truncated towards zero). */
    public abstract long getLong(int i);

    /** Stores {@code v} at {@code i}, converting to this storage's type. */
    public abstract void setLong(int i, long v);

    /** The number of in-place modifications made so far. */
    public final int version() {
        return version;
    }

    /** Records an in-place modification. */
    public final void bumpVersion() {
        version++;
    }

    /** A zero-filled storage of {@code n} elements. */
    public static Storage allocate(DType dtype, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("storage size must be >= 0, got " + n);
        }
        return switch (dtype) {
            case FLOAT32 -> new F32(new float[n]);
            case FLOAT64 -> new F64(new double[n]);
            case INT64 -> new I64(new long[n]);
            case INT32 -> new I32(new int[n]);
            case BOOL -> new Bool(new byte[n]);
        };
    }

    /** float32 storage. */
    public static final class F32 extends Storage {
        /** The elements. */
        public final float[] data;

        /** Wraps {@code data} without copying. */
        public F32(float[] data) {
            this.data = data;
        }

        @Override public DType dtype() { return DType.FLOAT32; }
        @Override public int size() { return data.length; }
        @Override public Object array() { return data; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = (float) v; }
        @Override public long getLong(int i) { return (long) data[i]; }
        @Override public void setLong(int i, long v) { data[i] = v; }
    }

    /** float64 storage. */
    public static final class F64 extends Storage {
        /** The elements. */
        public final double[] data;

        /** Wraps {@code data} without copying. */
        public F64(double[] data) {
            this.data = data;
        }

        @Override public DType dtype() { return DType.FLOAT64; }
        @Override public int size() { return data.length; }
        @Override public Object array() { return data; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = v; }
        @Override public long getLong(int i) { return (long) data[i]; }
        @Override public void setLong(int i, long v) { data[i] = v; }
    }

    /** int64 storage. */
    public static final class I64 extends Storage {
        /** The elements. */
        public final long[] data;

        /** Wraps {@code data} without copying. */
        public I64(long[] data) {
            this.data = data;
        }

        @Override public DType dtype() { return DType.INT64; }
        @Override public int size() { return data.length; }
        @Override public Object array() { return data; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = (long) v; }
        @Override public long getLong(int i) { return data[i]; }
        @Override public void setLong(int i, long v) { data[i] = v; }
    }

    /** int32 storage. */
    public static final class I32 extends Storage {
        /** The elements. */
        public final int[] data;

        /** Wraps {@code data} without copying. */
        public I32(int[] data) {
            this.data = data;
        }

        @Override public DType dtype() { return DType.INT32; }
        @Override public int size() { return data.length; }
        @Override public Object array() { return data; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = (int) v; }
        @Override public long getLong(int i) { return data[i]; }
        @Override public void setLong(int i, long v) { data[i] = (int) v; }
    }

    /** Boolean storage, one byte (0 or 1) per element. */
    public static final class Bool extends Storage {
        /** The elements, 0 or 1. */
        public final byte[] data;

        /** Wraps {@code data} without copying; every byte must be 0 or 1. */
        public Bool(byte[] data) {
            this.data = data;
        }

        @Override public DType dtype() { return DType.BOOL; }
        @Override public int size() { return data.length; }
        @Override public Object array() { return data; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = v != 0 ? (byte) 1 : 0; }
        @Override public long getLong(int i) { return data[i]; }
        @Override public void setLong(int i, long v) { data[i] = v != 0 ? (byte) 1 : 0; }
    }

    @Override
    public String toString() {
        return "Storage[" + dtype() + ", " + size() + " elements]";
    }

    /** Copies {@code n} elements from {@code src} at {@code srcPos} into {@code dst} at {@code dstPos}; same dtype only. */
    static void copy(Storage src, int srcPos, Storage dst, int dstPos, int n) {
        System.arraycopy(src.array(), srcPos, dst.array(), dstPos, n);
    }

    static boolean sameContents(Storage a, Storage b) {
        return switch (a) {
            case F32 f -> b instanceof F32 g && Arrays.equals(f.data, g.data);
            case F64 f -> b instanceof F64 g && Arrays.equals(f.data, g.data);
            case I64 f -> b instanceof I64 g && Arrays.equals(f.data, g.data);
            case I32 f -> b instanceof I32 g && Arrays.equals(f.data, g.data);
            case Bool f -> b instanceof Bool g && Arrays.equals(f.data, g.data);
        };
    }
}
