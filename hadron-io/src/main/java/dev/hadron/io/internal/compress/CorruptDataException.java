package dev.hadron.io.internal.compress;

/** Compressed data that does not decode: the message says which format and what was wrong. */
public final class CorruptDataException extends RuntimeException {
    /** An exception with a message naming the format and the problem. */
    public CorruptDataException(String message) {
        super(message, null, false, false);
    }
}
