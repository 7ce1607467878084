package dev.hadron.io.parquet;

import java.util.Arrays;

/**
 * A growable array of one column's non-null values, in the Java type that holds the physical type
 * without loss: {@code byte} (booleans), {@code int}, {@code long}, {@code float}, {@code double} or
 * {@code byte[]} (byte arrays). Growth is by doubling from what was actually decoded, never from a
 * count declared in the file.
 */
final class ValueBuffer {
    final Schema.Kind kind;
    final int physical;
    byte[] bools = new byte[0];
    int[] ints = new int[0];
    long[] longs = new long[0];
    float[] floats = new float[0];
    double[] doubles = new double[0];
    byte[][] bytes = new byte[0][];
    int size;

    ValueBuffer(Schema.Kind kind, int physical) {
        this.kind = kind;
        this.physical = physical;
    }

    /** Makes room for {@code more} values. */
    void reserve(int more) {
        long need = (long) size + more;
        if (need > Integer.MAX_VALUE - 8) {
            throw new ParquetFormatError("more than 2^31 values in one column");
        }
        int cap = capacity();
        if (need <= cap) {
            return;
        }
        int n = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, Math.max(16, 2L * cap)));
        switch (physical) {
            case 0 -> bools = Arrays.copyOf(bools, n);
            case 1 -> ints = Arrays.copyOf(ints, n);
            case 2 -> longs = Arrays.copyOf(longs, n);
            case 4 -> floats = Arrays.copyOf(floats, n);
            case 5 -> doubles = Arrays.copyOf(doubles, n);
            default -> bytes = Arrays.copyOf(bytes, n);
        }
    }

    private int capacity() {
        return switch (physical) {
            case 0 -> bools.length;
            case 1 -> ints.length;
            case 2 -> longs.length;
            case 4 -> floats.length;
            case 5 -> doubles.length;
            default -> bytes.length;
        };
    }

    /** Appends value {@code i} of {@code dict} (a dictionary page's values). */
    void appendFrom(ValueBuffer dict, int i) {
        switch (physical) {
            case 0 -> bools[size++] = dict.bools[i];
            case 1 -> ints[size++] = dict.ints[i];
            case 2 -> longs[size++] = dict.longs[i];
            case 4 -> floats[size++] = dict.floats[i];
            case 5 -> doubles[size++] = dict.doubles[i];
            default -> bytes[size++] = dict.bytes[i];
        }
    }
}
