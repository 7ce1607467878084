package dev.hadron.io.parquet;

import java.util.List;

/**
 * One leaf column of a Parquet file, as Hadron reads it.
 *
 * @param name          the column name: the schema path joined with {@code .}, without the wrapper levels
 *                      of lists ({@code Muon.list.element.pt} becomes {@code Muon.pt})
 * @param path          the full schema path ({@code path_in_schema})
 * @param physicalType  Parquet's physical type ({@code INT32}, {@code FLOAT}, {@code BYTE_ARRAY}, ...)
 * @param logicalType   the annotation, if any ({@code UINT_32}, {@code STRING}, {@code DATE}, ...), else empty
 * @param dtype         what the column becomes: as {@link dev.hadron.io.Column#typeName()} writes it
 *                      ({@code float32}, {@code jagged int64}, {@code string}), or {@code unsupported}
 * @param jagged        true for a list column (one repetition level), read as a {@link dev.hadron.tensor.Jagged}
 * @param nullable      true if values or lists may be null
 * @param unsupported   why Hadron cannot read the column, or null if it can
 */
public record ParquetColumn(String name, List<String> path, String physicalType, String logicalType, String dtype,
                            boolean jagged, boolean nullable, String unsupported) {
    /** Copies the path. */
    public ParquetColumn {
        path = List.copyOf(path);
    }
}
