package dev.hadron.io.parquet;

import java.util.Arrays;

/**
 * Parquet's value and level encodings: PLAIN, the RLE/bit-packed hybrid (levels, dictionary indices,
 * booleans), dictionary indices, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and
 * BYTE_STREAM_SPLIT. Every read is bounds-checked against the page.
 */
final class Decoders {
    static final String[] ENCODINGS = {"PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED",
            "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"};

    private Decoders() {
    }

    static String encodingName(int e) {
        return e >= 0 && e < ENCODINGS.length ? ENCODINGS[e] : "encoding " + e;
    }

    /** Bits needed for values 0..max. */
    static int bitWidth(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    static int readIntLE(byte[] b, int pos, int end) {
        if (pos + 4 > end) {
            throw new ParquetFormatError("4-byte length cut short at byte " + pos);
        }
        return (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | (b[pos + 3] & 0xff) << 24;
    }

    /** A cursor over a byte range. */
    static final class Cursor {
        final byte[] b;
        int pos;
        final int end;

        Cursor(byte[] b, int pos, int end) {
            if (pos < 0 || end > b.length || pos > end) {
                throw new ParquetFormatError("byte range [" + pos + ", " + end + ") lies outside the page");
            }
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int u8() {
            if (pos >= end) {
                throw new ParquetFormatError("page data ends early");
            }
            return b[pos++] & 0xff;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int x = u8();
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw new ParquetFormatError("varint longer than 10 bytes");
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        void need(long n) {
            if (n < 0 || n > end - pos) {
                throw new ParquetFormatError("page needs " + n + " more bytes but " + (end - pos) + " remain");
            }
        }
    }

    /** Decodes {@code n} values of the RLE/bit-packed hybrid with {@code width} bits each into {@code out[off..]}. */
    static void rle(Cursor c, int width, int[] out, int off, int n) {
        if (width < 0 || width > 32) {
            throw new ParquetFormatError("RLE bit width " + width + " is outside 0..32");
        }
        int done = 0;
        int byteWidth = (width + 7) / 8;
        while (done < n) {
            long header = c.varint();
            if ((header & 1) == 0) {
                long run = header >>> 1;
                if (run == 0) {
                    throw new ParquetFormatError("RLE run of length 0");
                }
                c.need(byteWidth);
                int v = 0;
                for (int i = 0; i < byteWidth; i++) {
                    v |= (c.b[c.pos++] & 0xff) << (8 * i);
                }
                int k = (int) Math.min(run, n - done);
                Arrays.fill(out, off + done, off + done + k, v);
                done += k;
            } else {
                long groups = header >>> 1;
                long count = groups * 8;
                long bytes = groups * width;
                c.need(bytes);
                int k = (int) Math.min(count, n - done);
                unpack(c.b, c.pos, width, out, off + done, k);
                c.pos += (int) bytes;
                done += k;
            }
        }
    }

    /** Unpacks {@code n} little-endian bit-packed values of {@code width} bits starting at byte {@code pos}. */
    static void unpack(byte[] b, int pos, int width, int[] out, int off, int n) {
        if (width == 0) {
            Arrays.fill(out, off, off + n, 0);
            return;
        }
        long mask = width == 32 ? 0xffffffffL : (1L << width) - 1;
        long bit = (long) pos * 8;
        for (int i = 0; i < n; i++) {
            int byteIndex = (int) (bit >>> 3);
            int shift = (int) (bit & 7);
            long acc = 0;
            int needBytes = (shift + width + 7) / 8;
            for (int k = 0; k < needBytes; k++) {
                acc |= (long) (b[byteIndex + k] & 0xff) << (8 * k);
            }
            out[off + i] = (int) ((acc >>> shift) & mask);
            bit += width;
        }
    }

    /** PLAIN values: {@code n} of them appended to {@code out}. */
    static void plain(Cursor c, ValueBuffer out, int n, int typeLength) {
        out.reserve(n);
        switch (out.physical) {
            case 0 -> {
                c.need((n + 7L) / 8);
                for (int i = 0; i < n; i++) {
                    out.bools[out.size++] = (byte) ((c.b[c.pos + (i >>> 3)] >>> (i & 7)) & 1);
                }
                c.pos += (n + 7) / 8;
            }
            case 1 -> {
                c.need(4L * n);
                for (int i = 0; i < n; i++, c.pos += 4) {
                    out.ints[out.size++] = readIntLE(c.b, c.pos, c.end);
                }
            }
            case 2 -> {
                c.need(8L * n);
                for (int i = 0; i < n; i++, c.pos += 8) {
                    out.longs[out.size++] = readLongLE(c.b, c.pos);
                }
            }
            case 4 -> {
                c.need(4L * n);
                for (int i = 0; i < n; i++, c.pos += 4) {
                    out.floats[out.size++] = Float.intBitsToFloat(readIntLE(c.b, c.pos, c.end));
                }
            }
            case 5 -> {
                c.need(8L * n);
                for (int i = 0; i < n; i++, c.pos += 8) {
                    out.doubles[out.size++] = Double.longBitsToDouble(readLongLE(c.b, c.pos));
                }
            }
            case 6 -> {
                for (int i = 0; i < n; i++) {
                    c.need(4);
                    int len = readIntLE(c.b, c.pos, c.end);
                    c.pos += 4;
                    c.need(len);
                    out.bytes[out.size++] = Arrays.copyOfRange(c.b, c.pos, c.pos + len);
                    c.pos += len;
                }
            }
            case 7 -> {
                c.need((long) typeLength * n);
                for (int i = 0; i < n; i++) {
                    out.bytes[out.size++] = Arrays.copyOfRange(c.b, c.pos, c.pos + typeLength);
                    c.pos += typeLength;
                }
            }
            default -> throw new ParquetFormatError("PLAIN decoding of physical type " + out.physical + " is not supported");
        }
    }

    static long readLongLE(byte[] b, int pos) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) (b[pos + i] & 0xff) << (8 * i);
        }
        return v;
    }

    /** Dictionary indices (a bit-width byte, then the hybrid encoding) looked up in {@code dict}. */
    static void dictionary(Cursor c, ValueBuffer dict, ValueBuffer out, int n) {
        if (dict == null) {
            throw new ParquetFormatError("a dictionary-encoded page comes without a dictionary page");
        }
        int width = c.u8();
        int[] idx = new int[n];
        rle(c, width, idx, 0, n);
        out.reserve(n);
        for (int i = 0; i < n; i++) {
            if (idx[i] < 0 || idx[i] >= dict.size) {
                throw new ParquetFormatError("dictionary index " + idx[i] + " is outside the dictionary of " + dict.size
                        + " values");
            }
            out.appendFrom(dict, idx[i]);
        }
    }

    /** DELTA_BINARY_PACKED: {@code n} integers (the page must hold exactly that many). */
    static long[] deltaBinaryPacked(Cursor c, int expected) {
        long blockSize = c.varint();
        long miniblocks = c.varint();
        long total = c.varint();
        long value = c.zigzag();
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0 || blockSize > 1 << 20) {
            throw new ParquetFormatError("DELTA_BINARY_PACKED header with block size " + blockSize + " and " + miniblocks
                    + " miniblocks is invalid");
        }
        if (total < 0 || total > Integer.MAX_VALUE - 8 || (expected >= 0 && total != expected)) {
            throw new ParquetFormatError("DELTA_BINARY_PACKED holds " + total + " values, expected " + expected);
        }
        long[] out = new long[(int) total];
        if (total == 0) {
            return out;
        }
        out[0] = value;
        int done = 1;
        int perMini = (int) (blockSize / miniblocks);
        int[] widths = new int[(int) miniblocks];
        long[] deltas = new long[perMini];
        while (done < total) {
            long minDelta = c.zigzag();
            for (int i = 0; i < miniblocks; i++) {
                widths[i] = c.u8();
            }
            for (int m = 0; m < miniblocks && done < total; m++) {
                int w = widths[m];
                if (w > 64) {
                    throw new ParquetFormatError("DELTA_BINARY_PACKED miniblock bit width " + w + " exceeds 64");
                }
                long bytes = (long) perMini * w / 8;
                c.need(bytes);
                unpackLong(c.b, c.pos, w, deltas, perMini);
                c.pos += (int) bytes;
                int k = (int) Math.min(perMini, total - done);
                for (int i = 0; i < k; i++) {
                    value += minDelta + deltas[i];
                    out[done++] = value;
                }
            }
        }
        return out;
    }

    private static void unpackLong(byte[] b, int pos, int width, long[] out, int n) {
        if (width == 0) {
            Arrays.fill(out, 0, n, 0L);
            return;
        }
        long bit = (long) pos * 8;
        for (int i = 0; i < n; i++) {
            long v = 0;
            for (int k = 0; k < width; ) {
                int byteIndex = (int) ((bit + k) >>> 3);
                int shift = (int) ((bit + k) & 7);
                int take = Math.min(8 - shift, width - k);
                long chunk = ((b[byteIndex] & 0xff) >>> shift) & ((1L << take) - 1);
                v |= chunk << k;
                k += take;
            }
            out[i] = v;
            bit += width;
        }
    }

    /** DELTA_BINARY_PACKED into the buffer's integer type. */
    static void delta(Cursor c, ValueBuffer out, int n) {
        long[] v = deltaBinaryPacked(c, n);
        out.reserve(n);
        if (out.physical == 1) {
            for (int i = 0; i < n; i++) {
                out.ints[out.size++] = (int) v[i];
            }
        } else if (out.physical == 2) {
            System.arraycopy(v, 0, out.longs, out.size, n);
            out.size += n;
        } else {
            throw new ParquetFormatError("DELTA_BINARY_PACKED is only defined for INT32 and INT64");
        }
    }

    /** DELTA_LENGTH_BYTE_ARRAY: lengths (delta-packed), then the concatenated bytes. */
    static byte[][] deltaLength(Cursor c, int n) {
        long[] lengths = deltaBinaryPacked(c, n);
        byte[][] out = new byte[n][];
        for (int i = 0; i < n; i++) {
            long len = lengths[i];
            c.need(len);
            out[i] = Arrays.copyOfRange(c.b, c.pos, c.pos + (int) len);
            c.pos += (int) len;
        }
        return out;
    }

    /** DELTA_BYTE_ARRAY: prefix lengths shared with the previous value, then suffixes. */
    static void deltaByteArray(Cursor c, ValueBuffer out, int n) {
        long[] prefix = deltaBinaryPacked(c, n);
        byte[][] suffix = deltaLength(c, n);
        out.reserve(n);
        byte[] prev = new byte[0];
        for (int i = 0; i < n; i++) {
            if (prefix[i] < 0 || prefix[i] > prev.length) {
                throw new ParquetFormatError("DELTA_BYTE_ARRAY prefix " + prefix[i] + " is longer than the previous value ("
                        + prev.length + " bytes)");
            }
            byte[] v = Arrays.copyOf(prev, (int) prefix[i] + suffix[i].length);
            System.arraycopy(suffix[i], 0, v, (int) prefix[i], suffix[i].length);
            out.bytes[out.size++] = v;
            prev = v;
        }
    }

    /** BYTE_STREAM_SPLIT: byte k of every value stored together. */
    static void byteStreamSplit(Cursor c, ValueBuffer out, int n, int typeLength) {
        int width = switch (out.physical) {
            case 1, 4 -> 4;
            case 2, 5 -> 8;
            case 7 -> typeLength;
            default -> throw new ParquetFormatError("BYTE_STREAM_SPLIT is not defined for physical type " + out.physical);
        };
        long bytes = (long) width * n;
        c.need(bytes);
        byte[] joined = new byte[(int) bytes];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < width; k++) {
                joined[i * width + k] = c.b[c.pos + k * n + i];
            }
        }
        c.pos += (int) bytes;
        plain(new Cursor(joined, 0, joined.length), out, n, typeLength);
    }
}
