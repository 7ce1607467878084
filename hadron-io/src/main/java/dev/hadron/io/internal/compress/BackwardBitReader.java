package dev.hadron.io.internal.compress;

/**
 * Reads a Zstandard backward bitstream: the stream is read from its last byte towards its first,
 * starting below the highest set bit of the last byte (the padding marker). Reading past the start
 * yields zero bits and is recorded, so callers can check that a stream was consumed exactly.
 */
final class BackwardBitReader {
    private final byte[] b;
    private final int start;
    private long pos; // bits not yet read: bits [0, pos) relative to start

    BackwardBitReader(byte[] b, int start, int end) {
        if (end <= start) {
            throw new CorruptDataException("zstd: empty bitstream");
        }
        int last = b[end - 1] & 0xff;
        if (last == 0) {
            throw new CorruptDataException("zstd: bitstream does not end with a padding marker");
        }
        this.b = b;
        this.start = start;
        this.pos = (long) (end - 1 - start) * 8 + (31 - Integer.numberOfLeadingZeros(last));
    }

    /** The next {@code n} (0..56) bits as a number, the first read bit being the most significant. */
    long read(int n) {
        if (n == 0) {
            return 0;
        }
        long v = peekAt(pos - n, n);
        pos -= n;
        return v;
    }

    /** The next {@code n} bits without consuming them (zeros past the start). */
    long peek(int n) {
        return peekAt(pos - n, n);
    }

    void skip(int n) {
        pos -= n;
    }

    /** Bits [from, from + n) with little-endian bit numbering; bits before the start read as zero. */
    private long peekAt(long from, int n) {
        long v = 0;
        long lo = from;
        int shift = 0;
        if (lo < 0) {
            shift = (int) Math.min(-lo, n);
            lo = 0;
        }
        int remaining = n - shift;
        if (remaining <= 0) {
            return 0;
        }
        int byteIndex = (int) (lo >>> 3);
        int bit = (int) (lo & 7);
        long acc = 0;
        int need = (bit + remaining + 7) >>> 3;
        for (int k = 0; k < need; k++) {
            acc |= (long) (b[start + byteIndex + k] & 0xff) << (8 * k);
        }
        v = (acc >>> bit) & (remaining == 64 ? -1L : (1L << remaining) - 1);
        return v << shift;
    }

    /** True when every bit was read and none past the start. */
    boolean finished() {
        return pos == 0;
    }

    /** True when more bits were read than the stream holds. */
    boolean overflowed() {
        return pos < 0;
    }
}
