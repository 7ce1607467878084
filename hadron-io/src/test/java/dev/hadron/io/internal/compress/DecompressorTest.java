package dev.hadron.io.internal.compress;

import io.airlift.compress.Compressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hadron's ZSTD, Snappy and LZ4 decoders: against files made by the reference zstd 1.5.4 tool
 * ({@code make_golden.sh}: sizes and SHA-256 of the inputs), against aircompressor's compressors on
 * many seeded inputs, and on damaged input, which must end in {@link CorruptDataException} only.
 */
class DecompressorTest {
    static Path resource(String name) {
        try {
            return Path.of(DecompressorTest.class.getResource("/dev/hadron/io/compress/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String[]> expected() throws IOException {
        Map<String, String[]> m = new HashMap<>();
        for (String line : Files.readAllLines(resource("expected.txt"), StandardCharsets.US_ASCII)) {
            String[] parts = line.split(" ");
            m.put(parts[0], new String[] {parts[1], parts[2]});
        }
        return m;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text.1", "text.19", "text.22", "floats.1", "floats.19", "floats.nosize", "random.1",
            "random.19", "tiny.1", "tiny.19", "empty.1", "empty.19", "runs.1", "runs.19", "multi"})
    void decodesWhatTheReferenceZstdWrote(String name) throws IOException {
        byte[] in = Files.readAllBytes(resource(name + ".zst"));
        String[] want = expected().get(name.replaceAll("\\..*", ""));
        byte[] out = Zstd.decompress(in, 0, in.length, Integer.parseInt(want[0]));
        assertEquals(want[1], sha256(out), name);
    }

    static List<byte[]> inputs() {
        SplittableRandom r = new SplittableRandom(42);
        List<byte[]> list = new java.util.ArrayList<>();
        for (int size : new int[] {0, 1, 7, 64, 1000, 4096, 65536, 200_000, 300_001}) {
            byte[] random = new byte[size];
            byte[] skewed = new byte[size];
            byte[] floats = new byte[size];
            byte[] runs = new byte[size];
            for (int i = 0; i < size; i++) {
                random[i] = (byte) r.nextInt(256);
                skewed[i] = (byte) Math.min(255, (int) (-Math.log(1 - r.nextDouble()) * 8));
                runs[i] = (byte) ((i / (1 + r.nextInt(50))) % 3);
            }
            java.nio.ByteBuffer fb = java.nio.ByteBuffer.wrap(floats).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (fb.remaining() >= 4) {
                fb.putFloat((float) Math.round(r.nextDouble() * 1000) / 8f);
            }
            list.addAll(List.of(random, skewed, floats, runs));
        }
        return list;
    }

    @Test
    void roundTripsWithAircompressor() {
        Compressor[] compressors = {new ZstdCompressor(), new SnappyCompressor(), new Lz4Compressor()};
        for (byte[] data : inputs()) {
            for (Compressor c : compressors) {
                byte[] buf = new byte[c.maxCompressedLength(data.length)];
                int n = c.compress(data, 0, data.length, buf, 0, buf.length);
                byte[] back = switch (c) {
                    case ZstdCompressor z -> Zstd.decompress(buf, 0, n, data.length);
                    case SnappyCompressor s -> Snappy.decompress(buf, 0, n, data.length);
                    default -> data.length == 0 ? new byte[0] : Lz4.decompress(buf, 0, n, data.length);
                };
                assertArrayEquals(data, back, c.getClass().getSimpleName() + " " + data.length);
            }
        }
    }

    @Test
    void damagedInputFailsCleanly() throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        byte[] text = Files.readAllBytes(resource("text.19.zst"));
        byte[] data = new byte[20000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ((i * 31) % 97);
        }
        byte[] snappy = compress(new SnappyCompressor(), data);
        byte[] lz4 = compress(new Lz4Compressor(), data);
        int detected = 0;
        for (int t = 0; t < 1500; t++) {
            int which = t % 3;
            byte[] src = which == 0 ? text : which == 1 ? snappy : lz4;
            byte[] b = src.clone();
            int at = r.nextInt(b.length);
            b[at] ^= (byte) (1 + r.nextInt(255));
            if (t % 5 == 0) {
                b = Arrays.copyOf(b, at);
            }
            int size = which == 0 ? 49866 : data.length;
            try {
                switch (which) {
                    case 0 -> Zstd.decompress(b, 0, b.length, size);
                    case 1 -> Snappy.decompress(b, 0, b.length, size);
                    default -> Lz4.decompress(b, 0, b.length, size);
                }
            } catch (CorruptDataException e) {
                detected++;
            } catch (RuntimeException e) {
                throw new AssertionError("trial " + t + " (codec " + which + ", byte " + at + ") threw " + e, e);
            }
        }
        assertTrue(detected > 500, "only " + detected + " damaged inputs detected");
    }

    @Test
    void checksumAndSizeAreEnforced() throws IOException {
        byte[] in = Files.readAllBytes(resource("text.19.zst"));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> Zstd.decompress(in, 0, in.length, 100));
        assertTrue(e.getMessage().contains("49866"), e.getMessage());
        byte[] bad = in.clone();
        bad[bad.length - 1] ^= 1; // the XXH64 checksum
        e = assertThrows(CorruptDataException.class, () -> Zstd.decompress(bad, 0, bad.length, 49866));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertThrows(CorruptDataException.class, () -> Zstd.decompress(new byte[] {1, 2, 3, 4, 5}, 0, 5, 1));
    }

    private static byte[] compress(Compressor c, byte[] data) {
        byte[] buf = new byte[c.maxCompressedLength(data.length)];
        int n = c.compress(data, 0, data.length, buf, 0, buf.length);
        return Arrays.copyOf(buf, n);
    }
}
