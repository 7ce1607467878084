package dev.hadron.io.internal.compress;

import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hadron's Zstandard decoder against frames made by the reference implementation (the zstd command,
 * levels 1 to 19, with and without content checksum): see {@code zstd/make_frames.py}.
 */
class ZstdReferenceFramesTest {

    @Test
    void decodesReferenceFramesOfEveryLevel() throws Exception {
        List<Map<String, Object>> manifest = manifest();
        assertTrue(manifest.size() >= 30);
        for (Map<String, Object> m : manifest) {
            byte[] frame = resource((String) m.get("frame"));
            int size = ((Number) m.get("size")).intValue();
            byte[] out = Zstd.decompress(frame, 0, frame.length, size);
            assertEquals(m.get("sha256"), sha256(out), (String) m.get("frame"));
        }
    }

    @Test
    void rejectsDamagedFramesWithItsOwnException() throws Exception {
        byte[] frame = resource("text-19.zst");
        int size = 60000;
        assertThrows(CorruptDataException.class, () -> Zstd.decompress(frame, 0, frame.length, size - 1));
        byte[] badMagic = frame.clone();
        badMagic[0] ^= 1;
        assertThrows(CorruptDataException.class, () -> Zstd.decompress(badMagic, 0, badMagic.length, size));
        SplittableRandom rnd = new SplittableRandom(12);
        for (String name : new String[] {"text-19.zst", "floats-3.zst", "mixed-large-1.zst", "runs-9.zst"}) {
            byte[] good = resource(name);
            int n = sizeOf(name);
            for (int i = 0; i < 400; i++) {
                byte[] m = good.clone();
                m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
                try {
                    Zstd.decompress(m, 0, m.length, n);
                } catch (CorruptDataException expected) {
                    // damage is detected, or decodes to other bytes of the same length
                }
                byte[] cut = Arrays.copyOf(good, rnd.nextInt(good.length));
                assertThrows(CorruptDataException.class, () -> Zstd.decompress(cut, 0, cut.length, n),
                        "a frame cut to " + cut.length + " bytes cannot produce all " + n);
            }
        }
    }

    private static int sizeOf(String frame) throws IOException {
        for (Map<String, Object> m : manifest()) {
            if (m.get("frame").equals(frame)) {
                return ((Number) m.get("size")).intValue();
            }
        }
        throw new IllegalArgumentException(frame);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> manifest() throws IOException {
        return (List<Map<String, Object>>) Json.parse(new String(resource("manifest.json"), StandardCharsets.UTF_8));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ZstdReferenceFramesTest.class.getResourceAsStream("zstd/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource zstd/" + name);
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] b) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
