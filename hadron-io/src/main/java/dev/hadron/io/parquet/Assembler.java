package dev.hadron.io.parquet;

import dev.hadron.io.Column;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a leaf's definition/repetition levels and non-null values into a Hadron column. A flat leaf
 * gives one value per row; a leaf with one repetition level gives a {@link Jagged} (a new row starts
 * at repetition level 0; an empty or null list gives a row without entries). Null values become NaN:
 * floating columns keep their type, integer and boolean columns with nulls become float64; a null
 * string becomes the empty string.
 */
final class Assembler {
    private Assembler() {
    }

    static Column assemble(ChunkReader.LeafData d, long expectedRows) {
        Schema.Leaf leaf = d.leaf;
        int maxDef = leaf.maxDef();
        int slots = d.slots;
        // which slots hold an entry (jagged) and which entries hold a value
        int rows = 0;
        int entries = 0;
        boolean anyNull = false;
        for (int i = 0; i < slots; i++) {
            if (d.reps[i] == 0) {
                rows++;
            }
            if (leaf.maxRep() == 0 || d.defs[i] >= leaf.repeatedDef()) {
                entries++;
                anyNull |= d.defs[i] != maxDef;
            }
        }
        if (rows != expectedRows) {
            throw new ParquetFormatError("column " + leaf.name() + " holds " + rows + " rows but the row groups declare "
                    + expectedRows);
        }
        int present = d.values.size;
        int[] source = new int[entries]; // index into values, or -1 for null
        long[] counts = leaf.maxRep() == 1 ? new long[rows] : null;
        int e = 0;
        int v = 0;
        int row = -1;
        for (int i = 0; i < slots; i++) {
            if (d.reps[i] == 0) {
                row++;
            }
            if (leaf.maxRep() == 0 || d.defs[i] >= leaf.repeatedDef()) {
                if (d.defs[i] == maxDef) {
                    if (v >= present) {
                        throw new ParquetFormatError("column " + leaf.name() + " has fewer values than its levels announce");
                    }
                    source[e++] = v++;
                } else {
                    source[e++] = -1;
                }
                if (counts != null) {
                    counts[row]++;
                }
            }
        }
        if (v != present) {
            throw new ParquetFormatError("column " + leaf.name() + " has " + present + " values but its levels announce " + v);
        }
        if (leaf.kind() == Schema.Kind.STRING) {
            List<String> out = new ArrayList<>(entries);
            for (int s : source) {
                out.add(s < 0 ? "" : new String(d.values.bytes[s], StandardCharsets.UTF_8));
            }
            return Column.of(out);
        }
        Tensor values = tensor(d.values, leaf, source, anyNull);
        return counts == null ? Column.of(values) : Column.of(Jagged.fromCounts(values, counts));
    }

    private static Tensor tensor(ValueBuffer b, Schema.Leaf leaf, int[] src, boolean anyNull) {
        int n = src.length;
        Schema.Kind k = leaf.kind();
        if (anyNull && k != Schema.Kind.FLOAT && k != Schema.Kind.HALF && k != Schema.Kind.DOUBLE) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = src[i] < 0 ? Double.NaN : asDouble(b, k, src[i], leaf);
            }
            return Tensor.wrap(out, n);
        }
        switch (k) {
            case BOOL -> {
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = b.bools[src[i]];
                }
                return Tensor.wrap(new Storage.Bool(out), n);
            }
            case INT32 -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = b.ints[src[i]];
                }
                return Tensor.wrap(new Storage.I32(out), n);
            }
            case UINT32, INT64, UINT64 -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (long) asLong(b, k, src[i], leaf);
                }
                return Tensor.wrap(out, n);
            }
            case FLOAT, HALF -> {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = src[i] < 0 ? Float.NaN : k == Schema.Kind.FLOAT ? b.floats[src[i]] : half(b.bytes[src[i]]);
                }
                return Tensor.wrap(out, n);
            }
            case DOUBLE -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = src[i] < 0 ? Double.NaN : b.doubles[src[i]];
                }
                return Tensor.wrap(out, n);
            }
            default -> throw new ParquetFormatError("column " + leaf.name() + ": " + leaf.unsupported());
        }
    }

    private static float half(byte[] bytes) {
        return Float.float16ToFloat((short) ((bytes[0] & 0xff) | (bytes[1] & 0xff) << 8));
    }

    private static long asLong(ValueBuffer b, Schema.Kind k, int i, Schema.Leaf leaf) {
        return switch (k) {
            case UINT32 -> b.ints[i] & 0xffffffffL;
            case UINT64 -> {
                long v = b.longs[i];
                if (v < 0) {
                    throw new ParquetFormatError("column " + leaf.name() + ": uint64 value " + Long.toUnsignedString(v)
                            + " exceeds the int64 range Hadron holds");
                }
                yield v;
            }
            case INT32 -> b.ints[i];
            default -> b.longs[i];
        };
    }

    private static double asDouble(ValueBuffer b, Schema.Kind k, int i, Schema.Leaf leaf) {
        return switch (k) {
            case BOOL -> b.bools[i];
            default -> asLong(b, k, i, leaf);
        };
    }
}
