package dev.hadron.io.internal.compress;

/** A decompressor for raw LZ4 blocks (Parquet's LZ4_RAW codec; the block inside ROOT's LZ4 records), in pure Java. */
public final class Lz4 {
    private Lz4() {
    }

    /** Decompresses the block {@code in[off, off + len)} into exactly {@code outSize} bytes. */
    public static byte[] decompress(byte[] in, int off, int len, int outSize) {
        byte[] out = new byte[outSize];
        int n = decompress(in, off, len, out, 0, outSize);
        if (n != outSize) {
            throw new CorruptDataException("lz4: decompressed " + n + " bytes, expected " + outSize);
        }
        return out;
    }

    /** Decompresses a block into {@code out[outOff, outOff + outLen)}; returns the number of bytes written. */
    public static int decompress(byte[] in, int off, int len, byte[] out, int outOff, int outLen) {
        int p = off;
        int end = off + len;
        int op = outOff;
        int outEnd = outOff + outLen;
        if (len == 0) {
            throw new CorruptDataException("lz4: empty block");
        }
        while (true) {
            if (p >= end) {
                throw new CorruptDataException("lz4: block cut short");
            }
            int token = in[p++] & 0xff;
            long literal = token >>> 4;
            if (literal == 15) {
                int b;
                do {
                    if (p >= end) {
                        throw new CorruptDataException("lz4: literal length cut short");
                    }
                    b = in[p++] & 0xff;
                    literal += b;
                } while (b == 255 && literal < Integer.MAX_VALUE);
            }
            if (literal > end - p || literal > outEnd - op) {
                throw new CorruptDataException("lz4: literal run of " + literal + " bytes does not fit");
            }
            System.arraycopy(in, p, out, op, (int) literal);
            p += (int) literal;
            op += (int) literal;
            if (p == end) {
                return op - outOff;
            }
            if (end - p < 2) {
                throw new CorruptDataException("lz4: match offset cut short");
            }
            int offset = (in[p] & 0xff) | (in[p + 1] & 0xff) << 8;
            p += 2;
            long match = (token & 15) + 4L;
            if ((token & 15) == 15) {
                int b;
                do {
                    if (p >= end) {
                        throw new CorruptDataException("lz4: match length cut short");
                    }
                    b = in[p++] & 0xff;
                    match += b;
                } while (b == 255 && match < Integer.MAX_VALUE);
            }
            if (offset == 0 || offset > op - outOff || match > outEnd - op) {
                throw new CorruptDataException("lz4: match (offset " + offset + ", length " + match + ") out of range");
            }
            int from = op - offset;
            for (int i = 0; i < match; i++) {
                out[op + i] = out[from + i];
            }
            op += (int) match;
        }
    }
}
