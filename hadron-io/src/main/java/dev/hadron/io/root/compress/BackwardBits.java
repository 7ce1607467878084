package dev.hadron.io.root.compress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A Zstandard backward bit stream: the stream is a little-endian integer whose highest set bit (in its
 * last byte) marks the start; bits are consumed from just below that marker downward. Up to 64 bits
 * are held in a register that is refilled from lower addresses as bits are consumed. Reads below the
 * first bit return zeros and make {@link #overflowed()} true, which the decoders check.
 */
final class BackwardBits {
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] buf;
    private int start;
    private int ptr;
    private long container;
    /** Bits of the register already consumed, counted from its top. */
    private int consumed;

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
        int size = end - start;
        int marker = 8 - (31 - Integer.numberOfLeadingZeros(last));
        if (size >= 8) {
            ptr = end - 8;
            container = (long) LE64.get(b, ptr);
            consumed = marker;
        } else {
            ptr = start;
            long v = 0;
            for (int i = end - 1; i >= start; i--) {
                v = (v << 8) | (b[i] & 0xFFL);
            }
            container = v;
            consumed = marker + (8 - size) * 8;
        }
    }

    private void reload() {
        if (consumed > 64) {
            return;
        }
        int bytes = consumed >>> 3;
        if (ptr - bytes >= start) {
            ptr -= bytes;
            consumed &= 7;
        } else if (ptr > start) {
            int back = ptr - start;
            ptr = start;
            consumed -= back * 8;
        } else {
            return;
        }
        if (buf.length - ptr >= 8) {
            container = (long) LE64.get(buf, ptr);
        } else {
            long v = 0;
            for (int i = Math.min(buf.length, ptr + 8) - 1; i >= ptr; i--) {
                v = (v << 8) | (buf[i] & 0xFFL);
            }
            container = v;
        }
    }

    /** The next {@code n} bits (0..56) without consuming them. */
    long peek(int n) {
        if (consumed + n > 64) {
            reload();
            if (consumed >= 64) {
                return 0;
            }
        }
        return ((container << consumed) >>> 1) >>> (63 - n);
    }

    /** Reads {@code n} bits (0..56). */
    long read(int n) {
        long v = peek(n);
        consumed += n;
        return v;
    }

    void skip(int n) {
        consumed += n;
    }

    /** True when more bits were read than the stream holds. */
    boolean overflowed() {
        return ptr == start && consumed > 64 || consumed > 64 + 64;
    }

    /** True when every bit has been consumed exactly. */
    boolean finished() {
        if (consumed < 64) {
            reload();
        }
        return ptr == start && consumed == 64;
    }
}
