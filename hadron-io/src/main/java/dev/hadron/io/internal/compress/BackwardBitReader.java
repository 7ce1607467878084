package dev.hadron.io.internal.compress;

/**
 * Reads a Zstandard backward bitstream: the stream is read from its last byte towards its first,
 * starting below the highest set bit of the last byte (the padding marker). Reading past the start
 * yields zero bits and is recorded, so callers can check that a stream was consumed exactly.
 */
final class BackwardBitReader {
    private static final java.lang.invoke.VarHandle LONG_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
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
        if (from >= 0) {
            int index = start + (int) (from >>> 3);
            if (index + 8 <= b.length) {
                long word = (long) LONG_LE.get(b, index);
                return (word >>> (from & 7)) & ((1L << n) - 1);
            }
        }
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

    /** Decodes {@code n} Huffman symbols into {@code out[off..]} with a table of {@code maxBits} bits. */
    void decodeHuffman(byte[] symbol, byte[] nbBits, int maxBits, byte[] out, int off, int n) {
        long p = pos;
        long mask = (1L << maxBits) - 1;
        int limit = b.length - 8;
        for (int i = 0; i < n; i++) {
            long from = p - maxBits;
            int index;
            int byteIndex = start + (int) (from >> 3);
            if (from >= 0 && byteIndex <= limit) {
                index = (int) ((((long) LONG_LE.get(b, byteIndex)) >>> (from & 7)) & mask);
            } else {
                index = (int) peekAt(from, maxBits);
            }
            out[off + i] = symbol[index];
            p -= nbBits[index];
        }
        pos = p;
    }

    /**
     * Decodes four Huffman streams side by side (their bit positions are independent, so the CPU
     * overlaps the table look-ups): {@code count} symbols from each, stream k writing to {@code out[offs[k]..]}.
     */
    static void decodeHuffman4(BackwardBitReader[] r, byte[] symbol, byte[] nbBits, int maxBits, byte[] out, int[] offs,
                               int count) {
        long mask = (1L << maxBits) - 1;
        long p0 = r[0].pos;
        long p1 = r[1].pos;
        long p2 = r[2].pos;
        long p3 = r[3].pos;
        for (int i = 0; i < count; i++) {
            int i0 = r[0].index(p0 - maxBits, mask, maxBits);
            int i1 = r[1].index(p1 - maxBits, mask, maxBits);
            int i2 = r[2].index(p2 - maxBits, mask, maxBits);
            int i3 = r[3].index(p3 - maxBits, mask, maxBits);
            out[offs[0] + i] = symbol[i0];
            out[offs[1] + i] = symbol[i1];
            out[offs[2] + i] = symbol[i2];
            out[offs[3] + i] = symbol[i3];
            p0 -= nbBits[i0];
            p1 -= nbBits[i1];
            p2 -= nbBits[i2];
            p3 -= nbBits[i3];
        }
        r[0].pos = p0;
        r[1].pos = p1;
        r[2].pos = p2;
        r[3].pos = p3;
    }

    private int index(long from, long mask, int n) {
        int byteIndex = start + (int) (from >> 3);
        if (from >= 0 && byteIndex <= b.length - 8) {
            return (int) ((((long) LONG_LE.get(b, byteIndex)) >>> (from & 7)) & mask);
        }
        return (int) peekAt(from, n);
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
