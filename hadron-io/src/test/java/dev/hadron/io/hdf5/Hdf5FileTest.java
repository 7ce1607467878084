package dev.hadron.io.hdf5;

import dev.hadron.io.FileFormatException;
import dev.hadron.io.FileSummary;
import dev.hadron.io.Table;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden file written by h5py 3.7 ({@code make_golden.py} next to it). */
class Hdf5FileTest {
    @TempDir
    Path dir;

    static Path golden() {
        try {
            return Path.of(Hdf5FileTest.class.getResource("/dev/hadron/io/hdf5/golden.h5").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> expected(String key) throws IOException {
        Path p = golden().resolveSibling("expected.json");
        return (Map<String, Object>) Json.parseObject(Files.readString(p, StandardCharsets.UTF_8)).get(key);
    }

    static double[] values(Map<String, Object> e) {
        return ((List<?>) e.get("values")).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }

    static int[] shape(Map<String, Object> e) {
        return ((List<?>) e.get("shape")).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
            "float64", "bool", "big_endian"})
    void numericTypesMatchH5py(String name) throws IOException {
        Map<String, Object> e = expected("/types/" + name);
        try (Hdf5File f = Hdf5File.open(golden())) {
            Tensor t = f.tensor("/types/" + name);
            assertArrayEquals(shape(e), t.shape());
            DType want = switch (name) {
                case "int8", "int16", "int32", "uint8", "uint16" -> DType.INT32;
                case "int64", "uint32", "uint64" -> DType.INT64;
                case "float16", "float32" -> DType.FLOAT32;
                case "bool" -> DType.BOOL;
                default -> DType.FLOAT64;
            };
            assertEquals(want, t.dtype(), name);
            if (want == DType.INT64) {
                long[] got = t.toLongArray();
                double[] w = values(e);
                for (int i = 0; i < w.length; i++) {
                    assertEquals(w[i], (double) got[i], name + " " + i);
                }
            } else {
                assertArrayEquals(values(e), t.toDoubleArray(), name);
            }
        }
    }

    @Test
    void chunkedCompressedDatasetsAndTables() throws IOException {
        try (Hdf5File f = Hdf5File.open(golden())) {
            assertArrayEquals(values(expected("/events/pt")), f.tensor("/events/pt").toDoubleArray());
            assertArrayEquals(values(expected("/events/eta")), f.tensor("events/eta").toDoubleArray());
            Table t = f.table("/events");
            assertEquals(List.of("eta", "label", "p4", "pt"), t.columnNames().stream().sorted().toList());
            assertEquals(50, t.numRows());
            assertArrayEquals(new int[] {50, 4}, t.tensor("p4").shape());
            assertEquals(DType.INT64, t.tensor("label").dtype());
            Table particles = f.table("/particles");
            assertEquals(List.of("px", "q"), particles.columnNames());
            assertArrayEquals(values(expected("/particles.px")), particles.tensor("px").toDoubleArray());
            assertArrayEquals(values(expected("/particles.q")), particles.tensor("q").toDoubleArray());
            Jagged c = f.jagged("/constituents");
            assertArrayEquals(new long[] {2, 0, 3, 1}, c.counts().toLongArray());
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, c.values().toDoubleArray());
            assertEquals(List.of("mu", "e", "tau"), f.strings("/names"));
            assertEquals(91.1876, f.tensor("/scalar").item());
            assertArrayEquals(new int[] {0, 3}, f.tensor("/empty").shape());
        }
    }

    @Test
    void lz4FilteredDatasetsDecodeWithoutNativeCode() {
        Path p = golden().resolveSibling("lz4.h5");
        try (Hdf5File f = Hdf5File.open(p)) {
            double[] x = f.tensor("/x").toDoubleArray();
            assertEquals(1000, x.length);
            for (int i = 0; i < 998; i++) {
                assertEquals(1.5, x[i], "element " + i);
            }
            assertEquals(7.0, x[998]);
            assertEquals(8.0, x[999]);
            assertTrue(f.summary().items().get(0).attributes().get("filters").contains("lz4"));
        }
    }

    @Test
    void attributes() {
        try (Hdf5File f = Hdf5File.open(golden())) {
            Map<String, Object> a = f.attributes("/");
            assertEquals("Hadron HDF5 golden file", a.get("title"));
            assertEquals(3L, a.get("version"));
            assertEquals(59.7, a.get("lumi"));
            assertArrayEquals(new double[] {0, 0.5, 1}, ((Tensor) a.get("bins")).toDoubleArray());
            assertEquals("toy", f.attributes("/events").get("generator"));
        }
    }

    @Test
    void summary() {
        FileSummary s = Hdf5File.summary(golden());
        assertEquals("hdf5", s.format());
        FileSummary.Item pt = s.items().stream().filter(i -> i.name().equals("/events/pt")).findFirst().orElseThrow();
        assertEquals("float32", pt.dtype());
        assertEquals(List.of(50L), pt.shape());
        assertTrue(pt.attributes().get("filters").contains("deflate"), pt.toString());
        assertEquals("uint16", s.items().stream().filter(i -> i.name().equals("/types/uint16")).findFirst().orElseThrow()
                .dtype());
        assertEquals("compound{px: float32, q: int32}", s.items().stream().filter(i -> i.name().equals("/particles"))
                .findFirst().orElseThrow().dtype());
        assertEquals("Hadron HDF5 golden file", s.properties().get("@title"));
        assertTrue(s.toText().contains("/types/float16"));
    }

    @Test
    void clearErrors() throws IOException {
        try (Hdf5File f = Hdf5File.open(golden())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.tensor("/events/ptt"));
            assertTrue(e.getMessage().contains("'/events/ptt'") && e.getMessage().contains("/events/pt"), e.getMessage());
            FileFormatException s = assertThrows(FileFormatException.class, () -> f.tensor("/names"));
            assertTrue(s.getMessage().contains("/names") && s.getMessage().contains("not numeric"), s.getMessage());
            assertThrows(IllegalArgumentException.class, () -> f.tensor("/events"));
            IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> f.table("/"));
            assertTrue(rows.getMessage().contains("rows"), rows.getMessage());
        }
        Path junk = dir.resolve("junk.h5");
        Files.writeString(junk, "this is not an HDF5 file at all, just some text long enough to be looked at");
        FileFormatException e = assertThrows(FileFormatException.class, () -> Hdf5File.open(junk));
        assertTrue(e.getMessage().contains("junk.h5"), e.getMessage());
        byte[] good = Files.readAllBytes(golden());
        Path cut = dir.resolve("cut.h5");
        Files.write(cut, java.util.Arrays.copyOf(good, 3000));
        RuntimeException r = assertThrows(RuntimeException.class, () -> {
            try (Hdf5File f = Hdf5File.open(cut)) {
                for (String d : f.datasetPaths()) {
                    f.tensor(d);
                }
            }
        });
        assertTrue(r instanceof FileFormatException || r instanceof IllegalArgumentException, r.toString());
        assertTrue(r.getMessage().contains("cut.h5"), r.getMessage());
    }

    @Test
    void writeAndReadBack() {
        Map<String, Tensor> data = new LinkedHashMap<>();
        data.put("x", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        data.put("events/label", Tensor.of(new long[] {0, 1, 1}, 3));
        data.put("events/w", Tensor.of(new double[] {0.5, -1.25, 2}, 3));
        data.put("events/n", Tensor.of(new int[] {3, 4, 5}, 3));
        data.put("events/pass", Tensor.of(new boolean[] {true, false, true}, 3));
        data.put("deep/er/s", Tensor.scalar(DType.FLOAT64, 2.5));
        for (boolean compress : new boolean[] {false, true}) {
            Path p = dir.resolve("rt" + compress + ".h5");
            Hdf5Writer.write(p, data, Map.of("lumi", 59.7, "name", "run2", "n", 3, "edges",
                    Tensor.of(new double[] {0, 1, 2}, 3)), compress);
            try (Hdf5File f = Hdf5File.open(p)) {
                for (Map.Entry<String, Tensor> e : data.entrySet()) {
                    Tensor back = f.tensor("/" + e.getKey());
                    assertEquals(e.getValue().dtype(), back.dtype(), e.getKey());
                    assertTrue(e.getValue().equal(back), e.getKey());
                }
                assertEquals(59.7, f.attributes("/").get("lumi"));
                assertEquals("run2", f.attributes("/").get("name"));
                assertEquals(3L, f.attributes("/").get("n"));
                assertEquals(3, f.table("events").numRows());
            }
        }
        Table t = Table.ofTensors(Map.of("pt", Tensor.of(new float[] {1, 2}, 2)))
                .withColumn("kind", dev.hadron.io.Column.of(List.of("a", "b")));
        Path p = dir.resolve("table.h5");
        Hdf5Writer.write(p, t, "/events", false);
        Table back = Hdf5File.read(p, "/events");
        assertEquals(List.of("a", "b"), back.strings("kind"));
        assertTrue(t.tensor("pt").equal(back.tensor("pt")));
        assertThrows(IllegalArgumentException.class, () -> Hdf5Writer.write(dir.resolve("bad.h5"), Map.of("a/", Tensor.zeros(2))));
    }
}
