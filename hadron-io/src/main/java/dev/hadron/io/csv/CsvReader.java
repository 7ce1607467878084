package dev.hadron.io.csv;

import dev.hadron.io.Column;
import dev.hadron.io.FileFormatException;
import dev.hadron.io.FileSummary;
import dev.hadron.io.Table;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads delimited text files (CSV, TSV, whitespace-separated) into a {@link Table}, one typed column
 * per field: int64, float64, bool or string, inferred from all values (see {@link CsvType}). Missing
 * values ({@link CsvOptions#missingMarkers()}, {@link CsvOptions#missingValues()}) become NaN, which
 * turns an integer column into float64, as in pandas.
 *
 * <p>The file is read twice: a first pass finds the delimiter, header, row count and column types, a
 * second fills arrays of exactly the right size. Memory is therefore the size of the numbers, not of
 * the text, and nothing is guessed from a prefix of the file.
 *
 * <pre>{@code
 * Table sig = CsvReader.read(Path.of("train_sml_sig.csv"), CsvOptions.defaults().withMissingValues(-999));
 * Table higgs = CsvReader.read(Path.of("binary.train"));     // tab-separated, no header: col0, col1, ...
 * }</pre>
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** Reads a file with {@link CsvOptions#defaults()}. */
    public static Table read(Path path) {
        return read(path, CsvOptions.defaults());
    }

    /** Reads a file. */
    public static Table read(Path path, CsvOptions options) {
        Layout layout = scan(path, options);
        return parse(path, options, layout);
    }

    /** The columns (with inferred types and missing-value counts) and row count, from one pass over the file. */
    public static FileSummary summary(Path path, CsvOptions options) {
        Layout l = scan(path, options);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("rows", String.valueOf(l.rows));
        props.put("columns", String.valueOf(l.names.size()));
        props.put("delimiter", CsvOptions.printable(l.delimiter));
        props.put("header", String.valueOf(l.header));
        List<FileSummary.Item> items = new ArrayList<>();
        for (int k = 0; k < l.selected.length; k++) {
            int c = l.selected[k];
            Map<String, String> attrs = new LinkedHashMap<>();
            if (l.missing[c] > 0) {
                attrs.put("missing", String.valueOf(l.missing[c]));
            }
            items.add(new FileSummary.Item(l.names.get(c), "column", dtypeName(l.types[c]), List.of(l.rows), attrs));
        }
        return new FileSummary(path.toString(), "csv", size(path), props, items);
    }

    /** The summary with {@link CsvOptions#defaults()}. */
    public static FileSummary summary(Path path) {
        return summary(path, CsvOptions.defaults());
    }

    private static String dtypeName(CsvType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("CSV: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ pass 1

    /** What the first pass learned. */
    private record Layout(char delimiter, boolean header, List<String> names, int[] selected, CsvType[] types,
                          long[] missing, long rows) {
    }

    static Reader open(Path path) {
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8),
                    1 << 16);
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("CSV: cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    private static final int BOOL = 1;
    private static final int INT = 2;
    private static final int FLOAT = 4;
    private static final int STRING = 8;
    private static final int MISSING = 16;

    private static Layout scan(Path path, CsvOptions o) {
        char delimiter = o.delimiter() != null ? o.delimiter() : CsvSniffer.detectDelimiter(path, o);
        try (Reader r = open(path)) {
            CsvTokenizer tok = new CsvTokenizer(r, path, delimiter, o.quote(), o.comment());
            List<String> first = tok.next();
            if (first == null) {
                throw new FileFormatException(path, "the file holds no records (empty, or only blank or comment lines)");
            }
            boolean header = o.header() != null ? o.header() : looksLikeHeader(first, o);
            int width = first.size();
            long headerLine = tok.recordLine();
            List<String> names = header ? headerNames(first) : generatedNames(width, o, path);
            if (!header && o.columnNames() != null && o.columnNames().size() != width) {
                throw new FileFormatException(path, o.columnNames().size() + " column names given but line " + headerLine
                        + " has " + width + " fields");
            }
            int[] selected = select(names, o, path);
            int[] seen = new int[width];
            long[] missing = new long[width];
            long rows = 0;
            List<String> rec = header ? tok.next() : first;
            Set<String> markers = o.missingMarkers();
            double[] missingValues = o.missingValues();
            while (rec != null && (o.maxRows() < 0 || rows < o.maxRows())) {
                if (rec.size() != width) {
                    throw new FileFormatException(path, "line " + tok.recordLine() + ": " + rec.size() + " fields, expected "
                            + width + " (as on line " + headerLine + ")");
                }
                for (int c : selected) {
                    int k = classify(rec.get(c), markers, missingValues);
                    seen[c] |= k;
                    if (k == MISSING) {
                        missing[c]++;
                    }
                }
                rows++;
                rec = tok.next();
            }
            CsvType[] types = new CsvType[width];
            for (int c : selected) {
                CsvType forced = o.types().get(names.get(c));
                types[c] = forced != null ? forced : infer(seen[c]);
            }
            for (String n : o.types().keySet()) {
                if (!names.contains(n)) {
                    throw new IllegalArgumentException("CSV " + path + ": a type is given for column '" + n
                            + "', which the file does not have; columns: " + names);
                }
            }
            return new Layout(delimiter, header, names, selected, types, missing, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("CSV: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static CsvType infer(int seen) {
        boolean missing = (seen & MISSING) != 0;
        if ((seen & STRING) != 0 || ((seen & BOOL) != 0 && (seen & (INT | FLOAT)) != 0)) {
            return CsvType.STRING;
        }
        if ((seen & FLOAT) != 0) {
            return CsvType.FLOAT64;
        }
        if ((seen & INT) != 0) {
            return missing ? CsvType.FLOAT64 : CsvType.INT64;
        }
        if ((seen & BOOL) != 0) {
            return missing ? CsvType.FLOAT64 : CsvType.BOOL;
        }
        return CsvType.FLOAT64;
    }

    private static boolean looksLikeHeader(List<String> first, CsvOptions o) {
        for (String f : first) {
            int k = classify(f, Set.of(), new double[0]);
            if (k == INT || k == FLOAT) {
                return false;
            }
        }
        return true;
    }

    private static List<String> headerNames(List<String> first) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            String n = first.get(i).strip();
            if (n.isEmpty()) {
                n = "col" + i;
            }
            String unique = n;
            for (int k = 1; used.contains(unique); k++) {
                unique = n + "." + k;
            }
            used.add(unique);
            names.add(unique);
        }
        return names;
    }

    private static List<String> generatedNames(int width, CsvOptions o, Path path) {
        if (o.columnNames() != null) {
            if (new HashSet<>(o.columnNames()).size() != o.columnNames().size()) {
                throw new IllegalArgumentException("CSV " + path + ": column names must be distinct, got " + o.columnNames());
            }
            return o.columnNames();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            names.add("col" + i);
        }
        return names;
    }

    private static int[] select(List<String> names, CsvOptions o, Path path) {
        if (o.columns() == null) {
            int[] all = new int[names.size()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int[] sel = new int[o.columns().size()];
        for (int k = 0; k < sel.length; k++) {
            Integer i = index.get(o.columns().get(k));
            if (i == null) {
                throw new IllegalArgumentException("CSV " + path + ": no column '" + o.columns().get(k) + "'; columns: "
                        + names);
            }
            sel[k] = i;
        }
        int[] sorted = sel.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1]) {
                throw new IllegalArgumentException("CSV " + path + ": column '" + names.get(sorted[k]) + "' selected twice");
            }
        }
        return sorted;
    }

    /** The kind of one token: MISSING, BOOL, INT, FLOAT or STRING. */
    static int classify(String s, Set<String> markers, double[] missingValues) {
        if (markers.contains(s)) {
            return MISSING;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return BOOL;
        }
        int kind = numberKind(s);
        if (kind == STRING) {
            return STRING;
        }
        if (missingValues.length > 0) {
            double v = parseNumber(s);
            for (double m : missingValues) {
                if (v == m) {
                    return MISSING;
                }
            }
        }
        if (kind == INT && s.length() >= 18) {
            try {
                Long.parseLong(s);
            } catch (NumberFormatException e) {
                return FLOAT;
            }
        }
        return kind;
    }

    /** INT for an optionally signed run of digits, FLOAT for a decimal or special number, else STRING. */
    private static int numberKind(String s) {
        int n = s.length();
        int i = 0;
        if (n == 0) {
            return STRING;
        }
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        if (i == n) {
            return STRING;
        }
        String rest = s.substring(i);
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity") || rest.equalsIgnoreCase("nan")) {
            return FLOAT;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return STRING;
        }
        if (i == n) {
            return dot ? FLOAT : INT;
        }
        char e = s.charAt(i);
        if (e != 'e' && e != 'E') {
            return STRING;
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int expDigits = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return STRING;
            }
            expDigits++;
        }
        return expDigits > 0 ? FLOAT : STRING;
    }

    /** Parses a token already classified as a number. */
    static double parseNumber(String s) {
        String t = s.startsWith("+") ? s.substring(1) : s;
        String bare = t.startsWith("-") ? t.substring(1) : t;
        if (bare.equalsIgnoreCase("inf") || bare.equalsIgnoreCase("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (bare.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(t);
    }

    // ------------------------------------------------------------------ pass 2

    private static Table parse(Path path, CsvOptions o, Layout l) {
        if (l.rows > Integer.MAX_VALUE - 8) {
            throw new FileFormatException(path, l.rows + " rows exceed the 2^31 rows a column can hold; read it in parts"
                    + " with withMaxRows");
        }
        int rows = (int) l.rows;
        int width = l.names.size();
        Object[] data = new Object[width];
        for (int c : l.selected) {
            data[c] = switch (l.types[c]) {
                case INT64 -> new long[rows];
                case FLOAT64 -> new double[rows];
                case BOOL -> new byte[rows];
                case STRING -> new String[rows];
            };
        }
        Set<String> markers = o.missingMarkers();
        double[] missingValues = o.missingValues();
        try (Reader r = open(path)) {
            CsvTokenizer tok = new CsvTokenizer(r, path, l.delimiter, o.quote(), o.comment());
            if (l.header) {
                tok.next();
            }
            for (int row = 0; row < rows; row++) {
                List<String> rec = tok.next();
                if (rec == null || rec.size() != width) {
                    throw new FileFormatException(path, "the file changed while it was being read (line "
                            + tok.recordLine() + ")");
                }
                for (int c : l.selected) {
                    String s = rec.get(c);
                    switch (l.types[c]) {
                        case STRING -> ((String[]) data[c])[row] = s;
                        case FLOAT64 -> ((double[]) data[c])[row] = toDouble(s, markers, missingValues, path, tok, l, c);
                        case INT64 -> ((long[]) data[c])[row] = toLong(s, path, tok, l, c);
                        case BOOL -> ((byte[]) data[c])[row] = toBool(s, path, tok, l, c);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSV: cannot read " + path + ": " + e.getMessage(), e);
        }
        LinkedHashMap<String, Column> cols = new LinkedHashMap<>();
        for (int c : l.selected) {
            Column col = switch (l.types[c]) {
                case INT64 -> Column.of(Tensor.wrap((long[]) data[c], rows));
                case FLOAT64 -> Column.of(Tensor.wrap((double[]) data[c], rows));
                case BOOL -> Column.of(Tensor.wrap(new Storage.Bool((byte[]) data[c]), rows));
                case STRING -> Column.of(Arrays.asList((String[]) data[c]));
            };
            cols.put(l.names.get(c), col);
        }
        return Table.of(cols);
    }

    private static FileFormatException badValue(Path path, CsvTokenizer tok, Layout l, int c, String s, String expected) {
        return new FileFormatException(path, "line " + tok.recordLine() + ", column '" + l.names.get(c) + "' (field "
                + (c + 1) + "): '" + s + "' is not " + expected);
    }

    private static double toDouble(String s, Set<String> markers, double[] missingValues, Path path, CsvTokenizer tok,
                                   Layout l, int c) {
        int k = classify(s, markers, missingValues);
        return switch (k) {
            case MISSING -> Double.NaN;
            case INT, FLOAT -> Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith(".") ? Double.parseDouble(s)
                    : parseNumber(s);
            case BOOL -> s.equalsIgnoreCase("true") ? 1 : 0;
            default -> throw badValue(path, tok, l, c, s, "a number");
        };
    }

    private static long toLong(String s, Path path, CsvTokenizer tok, Layout l, int c) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw badValue(path, tok, l, c, s, "a whole number fitting in int64 (column forced to int64)");
        }
    }

    private static byte toBool(String s, Path path, CsvTokenizer tok, Layout l, int c) {
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
            return 1;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
            return 0;
        }
        throw badValue(path, tok, l, c, s, "true or false (column forced to bool)");
    }
}
