package dev.hadron.io.parquet;

import dev.hadron.io.internal.compress.CorruptDataException;
import dev.hadron.io.internal.compress.Lz4;
import dev.hadron.io.internal.compress.Snappy;
import dev.hadron.io.internal.compress.Zstd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Page decompression: UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW. GZIP uses the JDK's zlib; SNAPPY,
 * ZSTD and LZ4_RAW use Hadron's own pure-Java decoders ({@code dev.hadron.io.internal.compress}). The
 * output size is the page's declared uncompressed size, which is checked exactly.
 */
final class Codecs {
    static final String[] NAMES = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"};

    private Codecs() {
    }

    static String name(int codec) {
        return codec >= 0 && codec < NAMES.length ? NAMES[codec] : "codec " + codec;
    }

    /** Whether Hadron can decompress {@code codec}. */
    static boolean supported(int codec) {
        return codec == 0 || codec == 1 || codec == 2 || codec == 6 || codec == 7;
    }

    static byte[] decompress(int codec, byte[] in, int off, int len, int outSize) {
        if (outSize < 0) {
            throw new ParquetFormatError("negative uncompressed page size " + outSize);
        }
        if (codec == 0) {
            if (len != outSize) {
                throw new ParquetFormatError("uncompressed page of " + len + " bytes declares " + outSize + " bytes");
            }
            return java.util.Arrays.copyOfRange(in, off, off + len);
        }
        long ratio = switch (codec) {
            case 1 -> 64;       // a 2-byte Snappy copy yields at most 64 bytes
            case 2 -> 1100;     // deflate's limit is about 1032:1
            case 7 -> 256;      // each extra LZ4 length byte adds at most 255
            default -> 32768;   // a zstd RLE block: 128 KiB from 4 bytes
        };
        if (outSize > Math.min(1L << 30, ratio * len + 1024)) {
            throw new ParquetFormatError("page declares " + outSize + " uncompressed bytes from " + len + " "
                    + name(codec) + " bytes, more than the codec can produce");
        }
        try {
            return switch (codec) {
                case 1 -> Snappy.decompress(in, off, len, outSize);
                case 6 -> Zstd.decompress(in, off, len, outSize);
                case 7 -> Lz4.decompress(in, off, len, outSize);
                case 2 -> gunzip(in, off, len, outSize);
                default -> throw new ParquetFormatError("compression " + name(codec) + " is not supported; Hadron reads "
                        + "UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW");
            };
        } catch (CorruptDataException e) {
            throw new ParquetFormatError(name(codec) + " data is corrupt: " + e.getMessage());
        }
    }

    private static byte[] gunzip(byte[] in, int off, int len, int outSize) {
        byte[] out = new byte[outSize];
        try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in, off, len))) {
            int n = z.readNBytes(out, 0, out.length);
            if (z.read() >= 0) {
                throw new ParquetFormatError("GZIP page holds more than the " + out.length + " bytes declared");
            }
            if (n != outSize) {
                throw new ParquetFormatError("GZIP page decompressed to " + n + " bytes, but " + outSize + " were declared");
            }
            return out;
        } catch (IOException e) {
            throw new ParquetFormatError("GZIP data is corrupt: " + e.getMessage());
        }
    }
}
