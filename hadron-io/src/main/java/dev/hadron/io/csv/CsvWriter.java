package dev.hadron.io.csv;

import dev.hadron.io.Column;
import dev.hadron.io.Table;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Table} as delimited text with a header line. Numbers are written in the shortest form
 * that reads back to the same value (float32 columns as floats, so {@code 0.1f} is written {@code 0.1});
 * NaN is written as an empty field, which {@link CsvReader} (and pandas) read back as missing. Text is
 * quoted when it holds the delimiter, a quote, a line break, leading or trailing blanks, or is empty or
 * a missing-value marker. A dense column of shape (n, k) becomes k columns {@code name[0]}..{@code name[k-1]};
 * jagged columns cannot be written as CSV (use Parquet, HDF5 or NumPy). The file is written to a
 * temporary file and moved into place.
 *
 * <pre>{@code
 * CsvWriter.write(Path.of("scores.csv"), table);
 * }</pre>
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** Writes comma-separated values. */
    public static void write(Path path, Table table) {
        write(path, table, ',');
    }

    /** Writes values separated by {@code delimiter} (e.g. {@code '\t'}). */
    public static void write(Path path, Table table, char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("CsvWriter: delimiter " + CsvOptions.printable(delimiter) + " is not allowed");
        }
        List<String> names = new ArrayList<>();
        List<Object> cols = new ArrayList<>();
        List<DType> dtypes = new ArrayList<>();
        for (Map.Entry<String, Column> e : table.columns().entrySet()) {
            switch (e.getValue()) {
                case Column.TensorColumn t -> {
                    Tensor v = t.values();
                    int n = v.size(0);
                    int inner = n == 0 ? 0 : v.numel() / n;
                    Tensor m = v.reshape(n, v.dim() == 1 ? 1 : inner);
                    for (int k = 0; k < m.size(1); k++) {
                        names.add(v.dim() == 1 ? e.getKey() : e.getKey() + "[" + k + "]");
                        Tensor col = m.select(1, k);
                        cols.add(v.dtype().isFloatingPoint() ? col.toDoubleArray() : col.toLongArray());
                        dtypes.add(v.dtype());
                    }
                }
                case Column.StringColumn s -> {
                    names.add(e.getKey());
                    cols.add(s.values());
                    dtypes.add(null);
                }
                case Column.JaggedColumn j -> throw new IllegalArgumentException("CsvWriter: column '" + e.getKey()
                        + "' is jagged (" + j.typeName() + "); CSV holds one value per field: reduce it per event first, or"
                        + " write its values and offsets with Hdf5Writer or Npz");
            }
        }
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
            for (int k = 0; k < names.size(); k++) {
                if (k > 0) {
                    w.write(delimiter);
                }
                w.write(quoteIfNeeded(names.get(k), delimiter));
            }
            w.write('\n');
            StringBuilder line = new StringBuilder();
            for (int row = 0; row < table.numRows(); row++) {
                line.setLength(0);
                for (int k = 0; k < names.size(); k++) {
                    if (k > 0) {
                        line.append(delimiter);
                    }
                    appendValue(line, cols.get(k), dtypes.get(k), row, delimiter);
                }
                line.append('\n');
                w.write(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CsvWriter: cannot write " + path + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("CsvWriter: cannot move " + tmp + " to " + path + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void appendValue(StringBuilder sb, Object col, DType dtype, int row, char delimiter) {
        if (dtype == null) {
            sb.append(quoteIfNeeded(((List<String>) col).get(row), delimiter));
        } else if (dtype == DType.FLOAT32) {
            double v = ((double[]) col)[row];
            if (!Double.isNaN(v)) {
                sb.append(special(v, Float.toString((float) v)));
            }
        } else if (dtype == DType.FLOAT64) {
            double v = ((double[]) col)[row];
            if (!Double.isNaN(v)) {
                sb.append(special(v, Double.toString(v)));
            }
        } else if (dtype == DType.BOOL) {
            sb.append(((long[]) col)[row] != 0 ? "true" : "false");
        } else {
            sb.append(((long[]) col)[row]);
        }
    }

    private static String special(double v, String text) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        return text;
    }

    private static String quoteIfNeeded(String s, char delimiter) {
        boolean needs = s.isEmpty() || CsvOptions.DEFAULT_MISSING_MARKERS.contains(s) || !s.strip().equals(s);
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
