package dev.hadron.io.root.internal;

import dev.hadron.io.internal.compress.Lz4;
import dev.hadron.io.internal.compress.XxHash64;
import dev.hadron.io.internal.compress.Zstd;
import dev.hadron.io.root.RootFormatException;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * ROOT's compressed-record framing: a sequence of blocks, each with a 9-byte header (two letters
 * naming the algorithm, a method byte, the compressed and uncompressed sizes as 3-byte little-endian
 * numbers), and for LZ4 an 8-byte big-endian XXH64 checksum of the compressed bytes.
 *
 * <p>Algorithms: {@code ZL} zlib ({@link Inflater}), {@code XZ} LZMA (org.tukaani:xz), {@code L4}
 * LZ4 and {@code ZS} Zstandard with the decoders Hadron shares with Parquet
 * ({@code dev.hadron.io.internal.compress}; the LZ4 checksum is verified). All block headers are
 * checked against the declared total sizes before any output is allocated.
 */
public final class RootDecompressor {
    private static final int HEADER = 9;
    private static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;

    private RootDecompressor() {
    }

    /**
     * Decompresses {@code src[off, off + compressedLength)} into a new array of exactly
     * {@code uncompressedLength} bytes. {@code file} and {@code what} name the record for errors.
     */
    public static byte[] decompress(byte[] src, int off, int compressedLength, int uncompressedLength,
                                    String file, String what) {
        checkFraming(src, off, compressedLength, uncompressedLength, file, what);
        byte[] out = new byte[uncompressedLength];
        int p = off;
        int end = off + compressedLength;
        int o = 0;
        int block = 0;
        while (p < end) {
            char a = (char) (src[p] & 0xFF);
            char b = (char) (src[p + 1] & 0xFF);
            int c = size3(src, p + 3);
            int u = size3(src, p + 6);
            int dataStart = p + HEADER;
            try {
                if (a == 'Z' && b == 'L') {
                    inflate(src, dataStart, c, out, o, u);
                } else if (a == 'X' && b == 'Z') {
                    unxz(src, dataStart, c, out, o, u);
                } else if (a == 'L' && b == '4') {
                    if (c < 8) {
                        throw new IllegalStateException("LZ4 block of " + c + " bytes has no room for its checksum");
                    }
                    long expected = 0;
                    for (int i = 0; i < 8; i++) {
                        expected = (expected << 8) | (src[dataStart + i] & 0xFFL);
                    }
                    long actual = XxHash64.hash(src, dataStart + 8, c - 8, 0);
                    if (actual != expected) {
                        throw new IllegalStateException(String.format(
                                "LZ4 checksum mismatch: block says %016x, data hashes to %016x", expected, actual));
                    }
                    int n = Lz4.decompress(src, dataStart + 8, c - 8, out, o, u);
                    if (n != u) {
                        throw new IllegalStateException("LZ4 block decoded to " + n + " bytes, expected " + u);
                    }
                } else if (a == 'Z' && b == 'S') {
                    System.arraycopy(Zstd.decompress(src, dataStart, c, u), 0, out, o, u);
                } else {
                    throw new IllegalStateException("unknown compression algorithm '" + printable(a) + printable(b)
                            + "' (expected ZL, XZ, L4 or ZS; the old 'CS' algorithm is not supported)");
                }
            } catch (RuntimeException | DataFormatException | IOException e) {
                throw new RootFormatException(file + ": " + what + ", compressed block " + block + " at byte "
                        + (p - off) + " (" + a + b + ", " + c + " -> " + u + " bytes): " + e.getMessage(), e);
            }
            p = dataStart + c;
            o += u;
            block++;
        }
        return out;
    }

    /** Validates the block headers: they must tile the input exactly and add up to the declared size. */
    private static void checkFraming(byte[] src, int off, int compressedLength, int uncompressedLength,
                                     String file, String what) {
        if (off < 0 || compressedLength < 0 || off > src.length - compressedLength || uncompressedLength < 0) {
            throw new RootFormatException(file + ": " + what + ": compressed region [" + off + ", +"
                    + compressedLength + ") outside the " + src.length + " bytes read");
        }
        int p = off;
        int end = off + compressedLength;
        long total = 0;
        int block = 0;
        while (p < end) {
            if (end - p < HEADER) {
                throw new RootFormatException(file + ": " + what + ": compressed block " + block
                        + " header cut off (" + (end - p) + " bytes left, 9 needed)");
            }
            int c = size3(src, p + 3);
            int u = size3(src, p + 6);
            if (c > end - p - HEADER) {
                throw new RootFormatException(file + ": " + what + ": compressed block " + block + " declares "
                        + c + " bytes but only " + (end - p - HEADER) + " remain");
            }
            total += u;
            if (total > uncompressedLength) {
                throw new RootFormatException(file + ": " + what + ": compressed blocks declare more than the "
                        + uncompressedLength + " uncompressed bytes of the record");
            }
            p += HEADER + c;
            block++;
        }
        if (total != uncompressedLength) {
            throw new RootFormatException(file + ": " + what + ": compressed blocks declare " + total
                    + " uncompressed bytes but the record declares " + uncompressedLength);
        }
    }

    private static int size3(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16;
    }

    private static String printable(char c) {
        return c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c);
    }

    private static void inflate(byte[] src, int off, int len, byte[] out, int o, int u) throws DataFormatException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(src, off, len);
            int n = 0;
            while (n < u) {
                int k = inf.inflate(out, o + n, u - n);
                if (k == 0) {
                    break;
                }
                n += k;
            }
            if (n != u) {
                throw new IllegalStateException("zlib block decoded to " + n + " bytes, expected " + u);
            }
        } finally {
            inf.end();
        }
    }

    private static void unxz(byte[] src, int off, int len, byte[] out, int o, int u) throws IOException {
        try (InputStream in = new XZInputStream(new ByteArrayInputStream(src, off, len), XZ_MEMORY_LIMIT_KIB)) {
            int n = 0;
            while (n < u) {
                int k = in.read(out, o + n, u - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            if (n != u) {
                throw new IllegalStateException("LZMA block decoded to " + n + " bytes, expected " + u);
            }
        }
    }
}
