package dev.hadron.io.csv;

/** The type of a CSV column, inferred from its values or forced through {@link CsvOptions#types()}. */
public enum CsvType {
    /** Whole numbers: an int64 tensor (a column with a missing value becomes {@link #FLOAT64}). */
    INT64,
    /** Numbers: a float64 tensor, missing values as NaN. */
    FLOAT64,
    /** {@code true}/{@code false} (any case): a bool tensor (with a missing value: float64 0/1/NaN). */
    BOOL,
    /** Text: a string column. */
    STRING
}
