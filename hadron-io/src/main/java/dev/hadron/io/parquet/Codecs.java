package dev.hadron.io.parquet;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Page decompression: UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW. GZIP uses the JDK's zlib; SNAPPY,
 * ZSTD and LZ4_RAW use aircompressor's pure-Java decoders. The output size is the page's declared
 * uncompressed size, which is checked exactly.
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
        byte[] out = new byte[outSize];
        int n;
        try {
            n = switch (codec) {
                case 1 -> new SnappyDecompressor().decompress(in, off, len, out, 0, outSize);
                case 6 -> new ZstdDecompressor().decompress(in, off, len, out, 0, outSize);
                case 7 -> new Lz4Decompressor().decompress(in, off, len, out, 0, outSize);
                case 2 -> gunzip(in, off, len, out);
                default -> throw new ParquetFormatError("compression " + name(codec) + " is not supported; Hadron reads "
                        + "UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW");
            };
        } catch (MalformedInputException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ParquetFormatError(name(codec) + " data is corrupt: " + e.getMessage());
        }
        if (n != outSize) {
            throw new ParquetFormatError(name(codec) + " page decompressed to " + n + " bytes, but " + outSize
                    + " were declared");
        }
        return out;
    }

    private static int gunzip(byte[] in, int off, int len, byte[] out) {
        try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in, off, len))) {
            int n = z.readNBytes(out, 0, out.length);
            if (z.read() >= 0) {
                throw new ParquetFormatError("GZIP page holds more than the " + out.length + " bytes declared");
            }
            return n;
        } catch (IOException e) {
            throw new ParquetFormatError("GZIP data is corrupt: " + e.getMessage());
        }
    }
}
