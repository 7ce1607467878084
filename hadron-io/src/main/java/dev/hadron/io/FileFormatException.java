package dev.hadron.io;

import java.nio.file.Path;

/**
 * A file's content does not follow its format: a malformed header, a truncated page, a value that
 * is not a number, an unsupported type. The message names the file, the place (line and column,
 * array, dataset, column chunk or byte offset) and what was expected. I/O failures (missing file,
 * permission) are reported as {@link java.io.UncheckedIOException} instead.
 */
public final class FileFormatException extends RuntimeException {
    private final String file;

    /** An exception for {@code file}; {@code message} says where and what went wrong. */
    public FileFormatException(Path file, String message) {
        this(String.valueOf(file), message, null);
    }

    /** An exception for {@code file} caused by {@code cause}. */
    public FileFormatException(Path file, String message, Throwable cause) {
        this(String.valueOf(file), message, cause);
    }

    /** An exception for a named source (a file, or an entry inside an archive). */
    public FileFormatException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file (or archive entry) that was being read. */
    public String file() {
        return file;
    }
}
