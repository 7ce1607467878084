package dev.hadron.io;

/**
 * What {@link DatasetSpec} does with missing values (NaN) in feature, label and weight columns. The
 * readers already turn the files' own markers into NaN (e.g. the ATLAS Higgs ML {@code -999.0}, see
 * {@link dev.hadron.io.csv.CsvOptions#missingMarkers()}), so one policy covers every format.
 */
public enum MissingValues {
    /** Keep NaN in the features (for models that handle it, like gradient-boosted trees). */
    KEEP,
    /** Drop every row with a NaN in a feature, the label or the weight (for jagged features: any entry). */
    DROP,
    /** Replace NaN in the features by {@link DatasetSpec#fillValue()}. */
    FILL
}
