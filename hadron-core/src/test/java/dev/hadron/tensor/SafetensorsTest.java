package dev.hadron.tensor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Safetensors round trips and malformed files (the reader validates before it allocates). */
class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripEveryDtypeWithMetadata() throws IOException {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("w", Tensor.randn(new Generator(1), 3, 4));
        t.put("d", Tensor.of(1.5, -2.0));
        t.put("i", Tensor.of(new long[] {Long.MAX_VALUE, -7}, 2));
        t.put("j", Tensor.of(new int[] {3, 4, 5, 6}, 2, 2));
        t.put("b", Tensor.of(new boolean[] {true, false, true}, 3));
        t.put("s", Tensor.scalar(4));
        t.put("e", Tensor.zeros(0, 5));
        t.put("view", Tensor.arange(DType.FLOAT64, 0, 6, 1).reshape(2, 3).t());
        Path p = dir.resolve("m.safetensors");
        Safetensors.save(t, p, Map.of("framework", "hadron"));
        Safetensors.Contents c = Safetensors.read(p);
        assertEquals("hadron", c.metadata().get("framework"));
        assertEquals(t.keySet(), c.tensors().keySet());
        for (String k : t.keySet()) {
            assertEquals(t.get(k).dtype(), c.tensors().get(k).dtype(), k);
            assertArrayEquals(t.get(k).shape(), c.tensors().get(k).shape(), k);
            assertTrue(t.get(k).equal(c.tensors().get(k)), k);
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    private Path write(String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path p = dir.resolve("bad.safetensors");
        Files.write(p, b.array());
        return p;
    }

    private void refused(Path p, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Safetensors.load(p));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }

    @Test
    void malformedFilesFailClearly() throws IOException {
        refused(write("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[4]), "outside the data");
        refused(write("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]), "needs 12");
        refused(write("{\"a\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,1]}}", new byte[1]), "unsupported dtype");
        refused(write("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[2,6]}}", new byte[6]), "overlaps");
        refused(write("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[9]), "data section has 9");
        refused(write("{\"a\": [1, 2", new byte[0]), "malformed header");
        refused(write("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", new byte[0]), "invalid shape");
        refused(write("{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,4]}}", new byte[4]),
                "more than 2^31");
        Path huge = dir.resolve("huge.safetensors");
        Files.write(huge, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE).array());
        refused(huge, "declared header size");
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[3]);
        refused(tiny, "too short");
    }

    @Test
    void readsHalfPrecisionAsFloat32() throws IOException {
        // 1.0 and -2.0 as float16 (0x3C00, 0xC000) and bfloat16 (0x3F80, 0xC000)
        byte[] data = {0x00, 0x3C, 0x00, (byte) 0xC0, (byte) 0x80, 0x3F, 0x00, (byte) 0xC0};
        Path p = write("{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[4,8]}}", data);
        Map<String, Tensor> m = Safetensors.load(p);
        assertArrayEquals(new double[] {1, -2}, m.get("h").toDoubleArray());
        assertArrayEquals(new double[] {1, -2}, m.get("b").toDoubleArray());
        assertEquals(DType.FLOAT32, m.get("b").dtype());
    }
}
