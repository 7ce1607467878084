package dev.hadron.io.internal.compress;

/** A decompressor for raw Snappy blocks (the format Parquet's SNAPPY codec uses), in pure Java. */
public final class Snappy {
    private Snappy() {
    }

    /** Decompresses {@code in[off, off + len)} into exactly {@code outSize} bytes. */
    public static byte[] decompress(byte[] in, int off, int len, int outSize) {
        int end = off + len;
        int p = off;
        long declared = 0;
        for (int shift = 0; ; shift += 7) {
            if (p >= end || shift > 28) {
                throw new CorruptDataException("snappy: bad length preamble");
            }
            int b = in[p++] & 0xff;
            declared |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (declared != outSize) {
            throw new CorruptDataException("snappy: block holds " + declared + " bytes, expected " + outSize);
        }
        byte[] out = new byte[outSize];
        int op = 0;
        while (p < end) {
            int tag = in[p++] & 0xff;
            int kind = tag & 3;
            if (kind == 0) {
                int n = tag >>> 2;
                if (n >= 60) {
                    int bytes = n - 59;
                    if (end - p < bytes) {
                        throw new CorruptDataException("snappy: literal length cut short");
                    }
                    n = 0;
                    for (int i = 0; i < bytes; i++) {
                        n |= (in[p++] & 0xff) << (8 * i);
                    }
                }
                long length = (n & 0xffffffffL) + 1;
                if (length > end - p || length > outSize - op) {
                    throw new CorruptDataException("snappy: literal of " + length + " bytes does not fit");
                }
                System.arraycopy(in, p, out, op, (int) length);
                p += (int) length;
                op += (int) length;
                continue;
            }
            int length;
            long offset;
            if (kind == 1) {
                if (p >= end) {
                    throw new CorruptDataException("snappy: copy cut short");
                }
                length = ((tag >>> 2) & 7) + 4;
                offset = ((tag >>> 5) << 8) | (in[p++] & 0xff);
            } else if (kind == 2) {
                if (end - p < 2) {
                    throw new CorruptDataException("snappy: copy cut short");
                }
                length = (tag >>> 2) + 1;
                offset = (in[p] & 0xff) | (in[p + 1] & 0xff) << 8;
                p += 2;
            } else {
                if (end - p < 4) {
                    throw new CorruptDataException("snappy: copy cut short");
                }
                length = (tag >>> 2) + 1;
                offset = (in[p] & 0xffL) | (in[p + 1] & 0xffL) << 8 | (in[p + 2] & 0xffL) << 16 | (in[p + 3] & 0xffL) << 24;
                p += 4;
            }
            if (offset <= 0 || offset > op || length > outSize - op) {
                throw new CorruptDataException("snappy: copy (offset " + offset + ", length " + length + ") out of range");
            }
            int from = op - (int) offset;
            for (int i = 0; i < length; i++) {
                out[op + i] = out[from + i];
            }
            op += length;
        }
        if (op != outSize) {
            throw new CorruptDataException("snappy: decompressed " + op + " bytes, expected " + outSize);
        }
        return out;
    }
}
