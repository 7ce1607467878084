package dev.hadron.io;

import dev.hadron.data.Dataset;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Named columns of equal length: what every Hadron reader returns (CSV, NumPy, HDF5, Parquet, ROOT
 * trees) and what {@link DatasetSpec} turns into a training {@link Dataset}. A column is a dense
 * {@link Tensor} (rows, ...), a {@link Jagged} (one variable-length list per row) or text; see
 * {@link Column}. Tables are immutable: {@link #select}, {@link #take}, {@link #filter} and
 * {@link #withColumn} return new tables sharing the unchanged columns.
 *
 * <pre>{@code
 * Table t = CsvReader.read(Path.of("train_sml_sig.csv"));
 * Table jets = t.select(t.columnsMatching("PRI_jet_*"));
 * Tensor mass = t.tensor("DER_mass_MMC");                 // NaN where the file had -999
 * Dataset d = DatasetSpec.of(List.of("DER_mass_MMC", "DER_pt_h")).withLabel("Label").build(t);
 * }</pre>
 */
public final class Table {
    private final LinkedHashMap<String, Column> columns;
    private final int numRows;

    private Table(LinkedHashMap<String, Column> columns, int numRows) {
        this.columns = columns;
        this.numRows = numRows;
    }

    /** A table of the given columns, in map order; all must have the same number of rows. */
    public static Table of(Map<String, ? extends Column> columns) {
        LinkedHashMap<String, Column> copy = new LinkedHashMap<>();
        int n = -1;
        String first = null;
        for (Map.Entry<String, ? extends Column> e : columns.entrySet()) {
            String name = e.getKey();
            Column c = e.getValue();
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("Table: column names must be non-empty");
            }
            if (c == null) {
                throw new IllegalArgumentException("Table: column '" + name + "' is null");
            }
            if (n < 0) {
                n = c.length();
                first = name;
            } else if (c.length() != n) {
                throw new IllegalArgumentException("Table: column '" + name + "' has " + c.length() + " rows but column '"
                        + first + "' has " + n + "; all columns need the same number of rows");
            }
            copy.put(name, c);
        }
        return new Table(copy, Math.max(n, 0));
    }

    /** A table of dense columns, in map order. */
    public static Table ofTensors(Map<String, Tensor> columns) {
        LinkedHashMap<String, Column> m = new LinkedHashMap<>();
        columns.forEach((k, v) -> m.put(k, Column.of(v)));
        return of(m);
    }

    /** Number of rows (events). */
    public int numRows() {
        return numRows;
    }

    /** Number of columns. */
    public int numColumns() {
        return columns.size();
    }

    /** Column names in order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** The columns by name, in order (unmodifiable). */
    public Map<String, Column> columns() {
        return Collections.unmodifiableMap(columns);
    }

    /** True if a column of this name exists. */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /** The column {@code name}; an unknown name gives an exception listing the available ones. */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("Table: no column '" + name + "'" + suggestion(name) + "; available: "
                    + preview(columnNames()));
        }
        return c;
    }

    /** The dense column {@code name}. */
    public Tensor tensor(String name) {
        return switch (column(name)) {
            case Column.TensorColumn t -> t.values();
            case Column.JaggedColumn j -> throw new IllegalArgumentException("Table: column '" + name
                    + "' is jagged (" + j.typeName() + "); use jagged(\"" + name + "\")");
            case Column.StringColumn s -> throw new IllegalArgumentException("Table: column '" + name
                    + "' holds text; use strings(\"" + name + "\")");
        };
    }

    /** The jagged column {@code name}. */
    public Jagged jagged(String name) {
        return switch (column(name)) {
            case Column.JaggedColumn j -> j.values();
            case Column.TensorColumn t -> throw new IllegalArgumentException("Table: column '" + name + "' is dense ("
                    + t.typeName() + "); use tensor(\"" + name + "\")");
            case Column.StringColumn s -> throw new IllegalArgumentException("Table: column '" + name
                    + "' holds text; use strings(\"" + name + "\")");
        };
    }

    /** The text column {@code name}. */
    public List<String> strings(String name) {
        return switch (column(name)) {
            case Column.StringColumn s -> s.values();
            default -> throw new IllegalArgumentException("Table: column '" + name + "' is numeric ("
                    + column(name).typeName() + "), not text");
        };
    }

    /**
     * Names of the columns matching a glob ({@code *} any run of characters, {@code ?} one character),
     * e.g. {@code "Muon_*"}, in table order.
     */
    public List<String> columnsMatching(String glob) {
        return matching(glob, columns.keySet());
    }

    /**
     * The names among {@code names} that match a glob ({@code *} any run of characters, {@code ?} one
     * character), in the order given: how column and branch patterns such as {@code "Muon_*"} resolve.
     */
    public static List<String> matching(String glob, Iterable<String> names) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        Pattern p = Pattern.compile(re.toString());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (p.matcher(n).matches()) {
                out.add(n);
            }
        }
        return out;
    }

    /** True when a column or branch name is a glob pattern (contains {@code *} or {@code ?}). */
    public static boolean isPattern(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0;
    }

    /** A table of the named columns, in the order given. */
    public Table select(String... names) {
        return select(List.of(names));
    }

    /** A table of the named columns, in the order given. */
    public Table select(List<String> names) {
        LinkedHashMap<String, Column> m = new LinkedHashMap<>();
        for (String n : names) {
            if (m.put(n, column(n)) != null) {
                throw new IllegalArgumentException("Table.select: column '" + n + "' is named twice");
            }
        }
        return new Table(m, m.isEmpty() ? 0 : numRows);
    }

    /** This table without the named columns (each must exist). */
    public Table drop(String... names) {
        LinkedHashMap<String, Column> m = new LinkedHashMap<>(columns);
        for (String n : names) {
            column(n);
            m.remove(n);
        }
        return new Table(m, m.isEmpty() ? 0 : numRows);
    }

    /** This table with a column added, or replaced if the name exists. */
    public Table withColumn(String name, Column column) {
        LinkedHashMap<String, Column> m = new LinkedHashMap<>(columns);
        m.put(name, column);
        return of(m);
    }

    /** This table with a dense column added or replaced. */
    public Table withColumn(String name, Tensor values) {
        return withColumn(name, Column.of(values));
    }

    /** This table with a jagged column added or replaced. */
    public Table withColumn(String name, Jagged values) {
        return withColumn(name, Column.of(values));
    }

    /** This table with column {@code from} renamed to {@code to}, keeping its position. */
    public Table rename(String from, String to) {
        column(from);
        if (!from.equals(to) && columns.containsKey(to)) {
            throw new IllegalArgumentException("Table.rename: a column '" + to + "' already exists");
        }
        LinkedHashMap<String, Column> m = new LinkedHashMap<>();
        columns.forEach((k, v) -> m.put(k.equals(from) ? to : k, v));
        return new Table(m, numRows);
    }

    /** The rows at {@code rows}, in that order. */
    public Table take(long[] rows) {
        for (long r : rows) {
            if (r < 0 || r >= numRows) {
                throw new IndexOutOfBoundsException("Table.take: row " + r + " is out of range for " + numRows + " rows");
            }
        }
        LinkedHashMap<String, Column> m = new LinkedHashMap<>();
        columns.forEach((k, v) -> m.put(k, v.take(rows)));
        return new Table(m, rows.length);
    }

    /** The rows where the bool {@code mask} (rows) is true. */
    public Table filter(Tensor mask) {
        if (mask.dtype() != DType.BOOL || mask.dim() != 1 || mask.size(0) != numRows) {
            throw new IllegalArgumentException("Table.filter: expected a bool mask of shape [" + numRows + "], got "
                    + mask.dtype() + " " + Shape.toString(mask.shape()));
        }
        boolean[] keep = mask.toBooleanArray();
        int n = 0;
        for (boolean b : keep) {
            n += b ? 1 : 0;
        }
        long[] rows = new long[n];
        int k = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                rows[k++] = i;
            }
        }
        return take(rows);
    }

    /** Rows {@code start} (inclusive) to {@code end} (exclusive). */
    public Table slice(int start, int end) {
        if (start < 0 || end < start || end > numRows) {
            throw new IndexOutOfBoundsException("Table.slice: [" + start + ", " + end + ") is not inside [0, " + numRows + ")");
        }
        long[] rows = new long[end - start];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = start + i;
        }
        return take(rows);
    }

    /** The first {@code n} rows (fewer if the table is shorter). */
    public Table head(int n) {
        return slice(0, Math.min(Math.max(n, 0), numRows));
    }

    /**
     * The rows of several tables one after the other. All tables need the same column names (in any
     * order; the first table's order is kept) and the same kind and dtype per column.
     */
    public static Table concat(List<Table> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("Table.concat: no tables given");
        }
        Table first = tables.get(0);
        LinkedHashMap<String, Column> m = new LinkedHashMap<>();
        for (String name : first.columns.keySet()) {
            List<Column> parts = new ArrayList<>();
            for (int i = 0; i < tables.size(); i++) {
                Table t = tables.get(i);
                if (!t.has(name)) {
                    throw new IllegalArgumentException("Table.concat: table " + i + " has no column '" + name + "'");
                }
                parts.add(t.column(name));
            }
            m.put(name, concatColumns(name, parts));
        }
        for (int i = 1; i < tables.size(); i++) {
            for (String name : tables.get(i).columns.keySet()) {
                if (!first.has(name)) {
                    throw new IllegalArgumentException("Table.concat: table " + i + " has a column '" + name
                            + "' that table 0 lacks");
                }
            }
        }
        return of(m);
    }

    private static Column concatColumns(String name, List<Column> parts) {
        Column head = parts.get(0);
        for (Column c : parts) {
            if (c.getClass() != head.getClass() || !c.typeName().equals(head.typeName())) {
                throw new IllegalArgumentException("Table.concat: column '" + name + "' is " + head.typeName()
                        + " in one table and " + c.typeName() + " in another");
            }
        }
        return switch (head) {
            case Column.TensorColumn t -> Column.of(Tensor.cat(parts.stream()
                    .map(c -> ((Column.TensorColumn) c).values()).toList(), 0));
            case Column.JaggedColumn j -> {
                List<Tensor> values = new ArrayList<>();
                List<Long> counts = new ArrayList<>();
                for (Column c : parts) {
                    Jagged p = ((Column.JaggedColumn) c).values();
                    values.add(p.values());
                    for (long x : p.counts().toLongArray()) {
                        counts.add(x);
                    }
                }
                yield Column.of(Jagged.fromCounts(Tensor.cat(values, 0),
                        counts.stream().mapToLong(Long::longValue).toArray()));
            }
            case Column.StringColumn s -> {
                List<String> all = new ArrayList<>();
                for (Column c : parts) {
                    all.addAll(((Column.StringColumn) c).values());
                }
                yield Column.of(all);
            }
        };
    }

    /** Builds a training dataset; shorthand for {@code spec.build(this)}. */
    public Dataset toDataset(DatasetSpec spec) {
        return spec.build(this);
    }

    private String suggestion(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String n : columns.keySet()) {
            if (n.toLowerCase(java.util.Locale.ROOT).equals(lower)) {
                return " (did you mean '" + n + "'?)";
            }
        }
        return "";
    }

    static String preview(List<String> names) {
        if (names.size() <= 40) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 40)) + ", ... (" + names.size() + " columns)";
    }

    /** A few lines: row count and each column with its type. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Table(" + numRows + " rows, " + columns.size() + " columns");
        int shown = 0;
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            if (shown++ == 20) {
                sb.append("\n  ...");
                break;
            }
            sb.append("\n  ").append(e.getKey()).append(": ").append(e.getValue().typeName());
        }
        return sb.append(")").toString();
    }
}
