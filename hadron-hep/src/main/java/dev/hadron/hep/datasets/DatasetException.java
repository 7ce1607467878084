package dev.hadron.hep.datasets;

import java.io.IOException;

/**
 * A dataset file could not be provided: not cached while offline, a checksum or size mismatch, an HTTP
 * error, an unusable OpenML description. The message names the dataset, the file, the place and what to do.
 */
public final class DatasetException extends IOException {
    private static final long serialVersionUID = 1L;

    DatasetException(String message) {
        super(message);
    }

    DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
