package dev.hadron.io;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One named column of a {@link Table}: a dense {@link Tensor} whose first dimension runs over rows
 * (a flat ROOT branch, a CSV column, an HDF5 dataset, a Parquet column), a {@link Jagged} with one
 * list of entries per row (a ROOT {@code std::vector} or counter-leaf branch, a Parquet list column),
 * or text (a CSV column such as the ATLAS {@code Label} with values {@code s}/{@code b}).
 */
public sealed interface Column permits Column.TensorColumn, Column.JaggedColumn, Column.StringColumn {

    /** Number of rows (events). */
    int length();

    /** The rows at {@code rows}, in that order. */
    Column take(long[] rows);

    /** A short type description: {@code float32}, {@code float32[3]}, {@code jagged float32}, {@code string}. */
    String typeName();

    /** A dense column; {@code values} has shape (rows, ...). */
    static Column of(Tensor values) {
        return new TensorColumn(values);
    }

    /** A jagged column: one list of entries per row. */
    static Column of(Jagged values) {
        return new JaggedColumn(values);
    }

    /** A text column. */
    static Column of(List<String> values) {
        return new StringColumn(values);
    }

    /** A dense column: a tensor of shape (rows, ...). */
    record TensorColumn(Tensor values) implements Column {
        /** Checks that the tensor has a row dimension. */
        public TensorColumn {
            Objects.requireNonNull(values, "values");
            if (values.dim() == 0) {
                throw new IllegalArgumentException("Column: a tensor column needs a row dimension, got a scalar");
            }
        }

        @Override
        public int length() {
            return values.size(0);
        }

        @Override
        public Column take(long[] rows) {
            return new TensorColumn(values.indexSelect(0, Tensor.of(rows, rows.length)));
        }

        @Override
        public String typeName() {
            int[] s = values.shape();
            if (s.length == 1) {
                return values.dtype().toString();
            }
            int[] inner = new int[s.length - 1];
            System.arraycopy(s, 1, inner, 0, inner.length);
            return values.dtype() + Shape.toString(inner);
        }
    }

    /** A jagged column: {@code values.numEvents()} rows, each a variable-length list. */
    record JaggedColumn(Jagged values) implements Column {
        /** Checks for null. */
        public JaggedColumn {
            Objects.requireNonNull(values, "values");
        }

        @Override
        public int length() {
            return values.numEvents();
        }

        @Override
        public Column take(long[] rows) {
            long[] off = values.offsetsArray();
            long[] counts = new long[rows.length];
            long total = 0;
            for (int i = 0; i < rows.length; i++) {
                int r = checkRow(rows[i], off.length - 1);
                counts[i] = off[r + 1] - off[r];
                total += counts[i];
            }
            long[] entries = new long[Math.toIntExact(total)];
            int k = 0;
            for (long row : rows) {
                for (long e = off[(int) row]; e < off[(int) row + 1]; e++) {
                    entries[k++] = e;
                }
            }
            Tensor v = values.values().indexSelect(0, Tensor.of(entries, entries.length));
            return new JaggedColumn(Jagged.fromCounts(v, counts));
        }

        @Override
        public String typeName() {
            Tensor v = values.values();
            int[] s = v.shape();
            String inner = "";
            if (s.length > 1) {
                int[] rest = new int[s.length - 1];
                System.arraycopy(s, 1, rest, 0, rest.length);
                inner = Shape.toString(rest);
            }
            return "jagged " + v.dtype() + inner;
        }
    }

    /** A text column (no nulls: a missing text value is the empty string). */
    record StringColumn(List<String> values) implements Column {
        /** Copies the list. */
        public StringColumn {
            values = List.copyOf(values);
        }

        @Override
        public int length() {
            return values.size();
        }

        @Override
        public Column take(long[] rows) {
            List<String> out = new ArrayList<>(rows.length);
            for (long r : rows) {
                out.add(values.get(checkRow(r, values.size())));
            }
            return new StringColumn(out);
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    private static int checkRow(long row, int n) {
        if (row < 0 || row >= n) {
            throw new IndexOutOfBoundsException("Column: row " + row + " is out of range for " + n + " rows");
        }
        return (int) row;
    }

    /** The dtype of a numeric column (tensor or jagged values), or null for text. */
    static DType dtypeOf(Column c) {
        return switch (c) {
            case TensorColumn t -> t.values().dtype();
            case JaggedColumn j -> j.values().values().dtype();
            case StringColumn s -> null;
        };
    }
}
