package dev.hadron.io.root.compress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A Zstandard backward bit stream: the stream is a little-endian integer whose highest set bit (in its
 * last byte) marks the start; bits are consumed from just below that marker downward. Reads below
 * the first bit return zeros and make {@link #overflowed()} true, which the decoders check.
 */
final class BackwardBits {
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] buf;
    private int start;
    private int end;
    private long pos;

    void init(byte[] b, int start, int end) {
        if (end <= start) {
            throw new IllegalStateException("ZSTD: empty bit stream");
        }
        int last = b[end - 1] & 0xFF;
        if (last == 0) {
            throw new IllegalStateException("ZSTD: bit stream has no end marker");
        }
        this.buf = b;
        this.start = start;
        this.end = end;
        this.pos = (long) (end - start - 1) * 8 + (31 - Integer.numberOfLeadingZeros(last));
    }

    /** Reads {@code n} bits (0..56). */
    long read(int n) {
        if (n == 0) {
            return 0;
        }
        pos -= n;
        return get(pos, n);
    }

    /** The next {@code n} bits without consuming them. */
    long peek(int n) {
        return get(pos - n, n);
    }

    void skip(int n) {
        pos -= n;
    }

    boolean overflowed() {
        return pos < 0;
    }

    /** True when every bit has been consumed exactly. */
    boolean finished() {
        return pos == 0;
    }

    private long get(long p, int n) {
        if (p < 0) {
            long shift = -p;
            if (shift >= n) {
                return 0;
            }
            return get(0, (int) (n - shift)) << shift;
        }
        int idx = start + (int) (p >>> 3);
        long v;
        if (idx + 8 <= end) {
            v = (long) LE64.get(buf, idx);
        } else {
            v = 0;
            for (int i = end - 1; i >= idx; i--) {
                v = (v << 8) | (buf[i] & 0xFFL);
            }
        }
        return (v >>> (p & 7)) & ((1L << n) - 1);
    }
}
