package dev.hadron.io.root;

/**
 * A ROOT file could not be read because it is malformed, truncated, corrupted or uses a feature this
 * reader does not support. The message names the file and the place (object, branch, basket, byte
 * position) where the problem was found, and what was expected there.
 *
 * <p>This is the only exception type the ROOT reader throws for bad file contents; a damaged file
 * never causes an out-of-memory error, an endless loop or a silently wrong array.
 */
public final class RootFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a complete message (file and place already included). */
    public RootFormatException(String message) {
        super(message);
    }

    /** An exception with a complete message and the low-level cause (a decompressor's error, say). */
    public RootFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
