package dev.hadron.io.parquet;

/**
 * An internal signal that Parquet bytes are malformed; {@link ParquetFile} catches it and rethrows a
 * {@link dev.hadron.io.FileFormatException} naming the file and the column chunk.
 */
final class ParquetFormatError extends RuntimeException {
    ParquetFormatError(String message) {
        super(message, null, false, false);
    }
}
