package dev.hadron.io.csv;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a CSV (or TSV, or whitespace-separated) file. Immutable; {@code withX} returns a copy.
 * {@link #defaults()} detects the delimiter and the header and infers every column's type.
 *
 * <pre>{@code
 * // ATLAS Higgs ML: comma-separated with a header, -999 marks a missing value
 * CsvOptions atlas = CsvOptions.defaults().withMissingValues(-999);
 * // UCI HIGGS (LightGBM sample): tab-separated, no header
 * CsvOptions higgs = CsvOptions.defaults().withHeader(false);
 * }</pre>
 *
 * @param delimiter     field separator; null to detect (comma, tab, semicolon, pipe, else runs of whitespace);
 *                      {@link #WHITESPACE} for runs of spaces and tabs
 * @param header        whether the first record holds column names; null to detect (the first record is a
 *                      header when none of its fields is a number)
 * @param columns       the columns to keep, by name, in file order; null for all
 * @param columnNames   names for a file without header; null for {@code col0, col1, ...}
 * @param missingMarkers text tokens that mean "missing" in numeric columns (exact match after trimming)
 * @param missingValues numbers that mean "missing" (compared numerically, so -999, -999.0 and -999.000 all match)
 * @param types         forced column types by name; others are inferred
 * @param comment       lines starting with this character are skipped; null for none
 * @param quote         the quote character (RFC 4180 doubling inside quotes)
 * @param maxRows       at most this many data rows are read; -1 for all
 */
public record CsvOptions(Character delimiter, Boolean header, List<String> columns, List<String> columnNames,
                         Set<String> missingMarkers, double[] missingValues, Map<String, CsvType> types,
                         Character comment, char quote, long maxRows) {

    /** The delimiter value that means "runs of spaces and tabs". */
    public static final char WHITESPACE = ' ';

    /** Missing-value markers recognised by default, as in pandas. */
    public static final Set<String> DEFAULT_MISSING_MARKERS = Set.of("", "NA", "N/A", "NaN", "nan", "NULL", "null",
            "None", "#N/A");

    /** Validates and copies the fields. */
    public CsvOptions {
        if (delimiter != null && (delimiter == '\n' || delimiter == '\r' || delimiter == quote)) {
            throw new IllegalArgumentException("CsvOptions: delimiter " + printable(delimiter)
                    + " cannot be a line break or the quote character");
        }
        if (comment != null && (comment == quote || (delimiter != null && comment.equals(delimiter)))) {
            throw new IllegalArgumentException("CsvOptions: comment character " + printable(comment)
                    + " clashes with the quote or delimiter");
        }
        if (maxRows < -1) {
            throw new IllegalArgumentException("CsvOptions: maxRows must be -1 (all) or >= 0, got " + maxRows);
        }
        columns = columns == null ? null : List.copyOf(columns);
        columnNames = columnNames == null ? null : List.copyOf(columnNames);
        missingMarkers = Set.copyOf(Objects.requireNonNull(missingMarkers, "missingMarkers"));
        missingValues = missingValues == null ? new double[0] : missingValues.clone();
        types = Map.copyOf(Objects.requireNonNull(types, "types"));
    }

    static String printable(char c) {
        return switch (c) {
            case '\t' -> "'\\t'";
            case '\n' -> "'\\n'";
            case '\r' -> "'\\r'";
            case ' ' -> "whitespace";
            default -> "'" + c + "'";
        };
    }

    /** Detect delimiter and header, infer types, pandas' missing markers, no comments, {@code "} quotes. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, null, null, null, DEFAULT_MISSING_MARKERS, new double[0], Map.of(), null, '"', -1);
    }

    /** The numeric missing-value markers (a copy). */
    @Override
    public double[] missingValues() {
        return missingValues.clone();
    }

    /** A copy with a fixed delimiter ({@link #WHITESPACE} for runs of spaces and tabs). */
    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(d, header, columns, columnNames, missingMarkers, missingValues, types, comment, quote, maxRows);
    }

    /** A copy stating whether the first record is a header. */
    public CsvOptions withHeader(boolean h) {
        return new CsvOptions(delimiter, h, columns, columnNames, missingMarkers, missingValues, types, comment, quote,
                maxRows);
    }

    /** A copy reading only the named columns. */
    public CsvOptions withColumns(List<String> keep) {
        return new CsvOptions(delimiter, header, keep, columnNames, missingMarkers, missingValues, types, comment, quote,
                maxRows);
    }

    /** A copy reading only the named columns. */
    public CsvOptions withColumns(String... keep) {
        return withColumns(List.of(keep));
    }

    /** A copy naming the columns of a file without header (implies no header). */
    public CsvOptions withColumnNames(List<String> names) {
        return new CsvOptions(delimiter, false, columns, names, missingMarkers, missingValues, types, comment, quote,
                maxRows);
    }

    /** A copy with other text markers for missing values. */
    public CsvOptions withMissingMarkers(Set<String> markers) {
        return new CsvOptions(delimiter, header, columns, columnNames, markers, missingValues, types, comment, quote,
                maxRows);
    }

    /** A copy where these numbers also mean "missing" (e.g. {@code -999} in the ATLAS Higgs ML data). */
    public CsvOptions withMissingValues(double... values) {
        return new CsvOptions(delimiter, header, columns, columnNames, missingMarkers, values, types, comment, quote,
                maxRows);
    }

    /** A copy forcing the type of some columns. */
    public CsvOptions withTypes(Map<String, CsvType> forced) {
        return new CsvOptions(delimiter, header, columns, columnNames, missingMarkers, missingValues, forced, comment, quote,
                maxRows);
    }

    /** A copy skipping lines that start with {@code c}. */
    public CsvOptions withComment(char c) {
        return new CsvOptions(delimiter, header, columns, columnNames, missingMarkers, missingValues, types, c, quote,
                maxRows);
    }

    /** A copy with another quote character. */
    public CsvOptions withQuote(char q) {
        return new CsvOptions(delimiter, header, columns, columnNames, missingMarkers, missingValues, types, comment, q,
                maxRows);
    }

    /** A copy reading at most {@code n} data rows. */
    public CsvOptions withMaxRows(long n) {
        return new CsvOptions(delimiter, header, columns, columnNames, missingMarkers, missingValues, types, comment, quote,
                n);
    }
}
