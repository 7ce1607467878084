package dev.hadron.io.npy;

import dev.hadron.io.FileFormatException;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden files written by numpy 1.24 ({@code make_golden.py} next to them). */
class NpyTest {
    @TempDir
    Path dir;

    static Path golden(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/dev/hadron/io/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> expected(String key) throws IOException {
        String text = Files.readString(golden("expected.json"), StandardCharsets.UTF_8);
        return (Map<String, Object>) Json.parseObject(text).get(key);
    }

    static double[] values(Map<String, Object> e) {
        List<?> v = (List<?>) e.get("values");
        double[] d = new double[v.size()];
        for (int i = 0; i < d.length; i++) {
            Object o = v.get(i);
            d[i] = o instanceof String s ? switch (s) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                default -> Double.NEGATIVE_INFINITY;
            } : ((Number) o).doubleValue();
        }
        return d;
    }

    static int[] shape(Map<String, Object> e) {
        return ((List<?>) e.get("shape")).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    static DType hadronType(String numpy) {
        return switch (numpy) {
            case "bool" -> DType.BOOL;
            case "int8", "int16", "int32", "uint8", "uint16" -> DType.INT32;
            case "uint32", "int64", "uint64" -> DType.INT64;
            case "float16", "float32" -> DType.FLOAT32;
            default -> DType.FLOAT64;
        };
    }

    static void assertMatches(String key, Tensor t) throws IOException {
        Map<String, Object> e = expected(key);
        assertArrayEquals(shape(e), t.shape(), key);
        assertEquals(hadronType((String) e.get("dtype")), t.dtype(), key);
        double[] want = values(e);
        double[] got = t.toDoubleArray();
        if (t.dtype() == DType.INT64) {
            // compare exactly through longs where doubles would round
            long[] gl = t.toLongArray();
            for (int i = 0; i < want.length; i++) {
                assertEquals((double) gl[i], want[i], key + " element " + i);
            }
        } else {
            assertArrayEquals(want, got, key);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16",
            "float32", "float64", "int16_be", "int32_be", "int64_be", "uint16_be", "uint32_be", "uint64_be", "float16_be",
            "float32_be", "float64_be", "fortran", "fortran_int32", "special", "scalar", "empty"})
    void readsWhatNumpyWrote(String name) throws IOException {
        Tensor t = Npy.read(golden(name + ".npy"));
        assertMatches(name + ".npy", t);
        assertTrue(t.isContiguous());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bool", "int32", "int64", "float32", "float64"})
    void writesTheBytesNumpyWrites(String dtype) throws IOException {
        Tensor t = Npy.read(golden(dtype + ".npy"));
        byte[] numpy = Files.readAllBytes(golden("write_" + dtype + ".npy"));
        assertArrayEquals(numpy, Npy.toBytes(t));
        Path p = dir.resolve(dtype + ".npy");
        Npy.write(p, t);
        assertArrayEquals(numpy, Files.readAllBytes(p));
    }

    @Test
    void writesOneDimensionalAndScalarLikeNumpy() throws IOException {
        assertArrayEquals(Files.readAllBytes(golden("write_1d.npy")), Npy.toBytes(Tensor.arange(0.0, 5.0, 1.0)
                .to(DType.FLOAT64)));
        assertArrayEquals(Files.readAllBytes(golden("write_scalar.npy")), Npy.toBytes(Tensor.scalar(DType.FLOAT32, 1.5)));
        // a strided view is written in logical order
        Tensor m = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).t();
        Path p = dir.resolve("t.npy");
        Npy.write(p, m);
        assertTrue(m.equal(Npy.read(p)));
    }

    @Test
    void headerAndSummary() {
        NpyHeader h = Npy.header(golden("float16_be.npy"));
        assertEquals(">f2", h.descr());
        assertEquals(List.of(2L, 3L, 4L), h.shapeList());
        assertEquals("float16", h.dtypeName());
        assertEquals("uint16", Npy.summary(golden("uint16.npy")).items().get(0).dtype());
    }

    @Test
    void refusesWhatItCannotRepresent() {
        assertMessage("object.npy", "object arrays");
        assertMessage("structured.npy", "structured arrays");
        assertMessage("unicode.npy", "strings");
        assertMessage("complex.npy", "complex");
        assertMessage("uint64_big.npy", "9223372036854775813");
    }

    private static void assertMessage(String file, String fragment) {
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npy.read(golden(file)));
        assertTrue(e.getMessage().contains(file) && e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void malformedFilesGiveClearErrors() throws IOException {
        byte[] good = Files.readAllBytes(golden("float64.npy"));
        assertBad("truncated.npy", Arrays.copyOf(good, good.length - 5), "truncated");
        assertBad("extra.npy", Arrays.copyOf(good, good.length + 3), "bytes follow the header");
        byte[] magic = good.clone();
        magic[1] = 'X';
        assertBad("magic.npy", magic, "magic");
        assertBad("short.npy", Arrays.copyOf(good, 7), "too short");
        byte[] version = good.clone();
        version[6] = 9;
        assertBad("version.npy", version, "version 9");
        assertBad("headercut.npy", Arrays.copyOf(good, 40), "header");
        String h = new String(good, 10, 118, StandardCharsets.ISO_8859_1);
        assertBad("shape.npy", withHeader(good, h.replace("(2, 3, 4)", "(2, -3, 4)")), "non-negative");
        assertBad("huge.npy", withHeader(good, h.replace("(2, 3, 4)", "(99999, 99999, 99999)")), "elements");
        assertBad("garbage.npy", withHeader(good, h.replace("'shape'", "'shape!").replace("{", "[")), "malformed");
        assertBad("nokey.npy", withHeader(good, h.replace("'shape'", "'shapf'")), "'shape'");
        assertBad("dtype.npy", withHeader(good, h.replace("<f8", "<f3")), "unsupported dtype");
    }

    private static byte[] withHeader(byte[] good, String header) {
        byte[] b = good.clone();
        String body = header.strip();
        byte[] hb = (body + " ".repeat(117 - body.length()) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(hb, 0, b, 10, hb.length);
        return b;
    }

    private void assertBad(String name, byte[] bytes, String fragment) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void npzStoredAndDeflated() throws IOException {
        for (String file : List.of("stored.npz", "deflated.npz")) {
            Map<String, Tensor> m = Npz.read(golden(file));
            assertTrue(m.keySet().containsAll(List.of("pt", "eta", "label")), file + " " + m.keySet());
            for (Map.Entry<String, Tensor> e : m.entrySet()) {
                assertMatches("npz:" + e.getKey(), e.getValue());
            }
        }
        assertEquals(List.of(2L, 3L, 4L), Npz.headers(golden("deflated.npz")).get("image").shapeList());
        assertEquals(4, Npz.summary(golden("deflated.npz")).items().size());
    }

    @Test
    void npzRoundTrip() {
        Map<String, Tensor> arrays = new java.util.LinkedHashMap<>();
        arrays.put("x", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2));
        arrays.put("y", Tensor.of(new long[] {0, 1}, 2));
        arrays.put("mask", Tensor.of(new boolean[] {true, false}, 2));
        for (boolean compress : new boolean[] {false, true}) {
            Path p = dir.resolve("rt" + compress + ".npz");
            Npz.write(p, arrays, compress);
            Map<String, Tensor> back = Npz.read(p);
            assertEquals(arrays.keySet(), back.keySet());
            arrays.forEach((k, v) -> {
                assertEquals(v.dtype(), back.get(k).dtype());
                assertTrue(v.equal(back.get(k)), k);
            });
        }
    }

    @Test
    void corruptNpz() throws IOException {
        byte[] good = Files.readAllBytes(golden("deflated.npz"));
        Path p = dir.resolve("bad.npz");
        Files.write(p, Arrays.copyOf(good, good.length / 2));
        assertThrows(FileFormatException.class, () -> Npz.read(p));
        byte[] flipped = good.clone();
        for (int i = 60; i < 200; i++) {
            flipped[i] ^= 0x5a;
        }
        Files.write(p, flipped);
        RuntimeException e = assertThrows(RuntimeException.class, () -> Npz.read(p));
        assertTrue(e instanceof FileFormatException, e.toString());
        assertTrue(e.getMessage().contains("bad.npz"), e.getMessage());
    }

}
