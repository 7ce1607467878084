package dev.hadron.io.parquet;

import dev.hadron.io.Column;
import dev.hadron.io.FileFormatException;
import dev.hadron.io.FileSummary;
import dev.hadron.io.SharedData;
import dev.hadron.io.Table;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares every column with golden.json, written by the independent JavaScript reader hyparquet
 * ({@code make_golden.mjs}); the files were written by arrow-rs ({@code make_parquet.mjs}).
 */
class ParquetFileTest {
    static Path resource(String name) {
        try {
            return Path.of(ParquetFileTest.class.getResource("/dev/hadron/io/parquet/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> golden(String key) throws IOException {
        Map<String, Object> all = Json.parseObject(Files.readString(resource("golden.json"), StandardCharsets.UTF_8));
        return (Map<String, Object>) all.get(key);
    }

    /** The golden per-row values of Hadron column {@code name} ({@code a.b} reaches into structs). */
    @SuppressWarnings("unchecked")
    static List<Object> expectedRows(Map<String, Object> columns, String name) {
        String[] parts = name.split("\\.");
        List<Object> rows = (List<Object>) columns.get(parts[0]);
        if (rows == null) {
            fail("golden has no column " + parts[0]);
        }
        if (parts.length == 1) {
            return rows;
        }
        List<Object> out = new ArrayList<>();
        for (Object r : rows) {
            if (r instanceof List<?> l) {
                out.add(l.stream().map(o -> ((Map<String, Object>) o).get(parts[1])).toList());
            } else {
                out.add(r == null ? null : ((Map<String, Object>) r).get(parts[1]));
            }
        }
        return out;
    }

    static double expectedNumber(Object o) {
        if (o == null) {
            return Double.NaN;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof String s) {
            return Double.parseDouble(s);
        }
        return ((Number) o).doubleValue();
    }

    static void assertValue(Object expected, double got, DType dtype, String where) {
        double want = expectedNumber(expected);
        if (dtype == DType.FLOAT32 && !Double.isNaN(want)) {
            want = (float) want;
        }
        if (Double.isNaN(want)) {
            assertTrue(Double.isNaN(got), where + ": expected null/NaN, got " + got);
        } else {
            assertEquals(want, got, 0.0, where);
        }
    }

    static void assertColumn(String file, String name, Column col, List<Object> rows) {
        assertEquals(rows.size(), col.length(), file + " " + name + " rows");
        switch (col) {
            case Column.TensorColumn t -> {
                double[] v = t.values().toDoubleArray();
                long[] lv = t.values().dtype() == DType.INT64 ? t.values().toLongArray() : null;
                for (int i = 0; i < v.length; i++) {
                    if (lv != null && rows.get(i) instanceof String s) {
                        assertEquals(Long.parseLong(s), lv[i], file + " " + name + " row " + i);
                    } else {
                        assertValue(rows.get(i), v[i], t.values().dtype(), file + " " + name + " row " + i);
                    }
                }
            }
            case Column.JaggedColumn j -> {
                Jagged jg = j.values();
                long[] off = jg.offsetsArray();
                double[] v = jg.values().toDoubleArray();
                for (int i = 0; i < rows.size(); i++) {
                    List<?> list = rows.get(i) == null ? List.of() : (List<?>) rows.get(i);
                    assertEquals(list.size(), off[i + 1] - off[i], file + " " + name + " count of row " + i);
                    for (int k = 0; k < list.size(); k++) {
                        assertValue(list.get(k), v[(int) off[i] + k], jg.values().dtype(), file + " " + name + " row " + i
                                + " entry " + k);
                    }
                }
            }
            case Column.StringColumn s -> {
                for (int i = 0; i < rows.size(); i++) {
                    Object want = rows.get(i);
                    assertEquals(want == null ? "" : want, s.values().get(i), file + " " + name + " row " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1_snappy_dict.parquet", "v2_gzip_plain.parquet", "v2_zstd_dict.parquet",
            "v1_uncompressed.parquet", "lz4raw_encodings.parquet", "structs.parquet"})
    void everyColumnMatchesHyparquet(String file) throws IOException {
        Map<String, Object> g = golden(file);
        @SuppressWarnings("unchecked")
        Map<String, Object> columns = (Map<String, Object>) g.get("columns");
        try (ParquetFile f = ParquetFile.open(resource(file))) {
            assertEquals(((Number) g.get("rows")).longValue(), f.numRows());
            assertEquals(((Number) g.get("row_groups")).intValue(), f.numRowGroups());
            Table t = f.read();
            for (Map.Entry<String, Column> e : t.columns().entrySet()) {
                assertColumn(file, e.getKey(), e.getValue(), expectedRows(columns, e.getKey()));
            }
            if (!file.equals("structs.parquet")) {
                assertEquals(12, t.numColumns());
            }
        }
    }

    @Test
    void typesNullsAndNames() {
        Table t = ParquetFile.read(resource("v1_snappy_dict.parquet"));
        assertEquals(DType.FLOAT64, t.tensor("f64").dtype());
        assertEquals(DType.FLOAT32, t.tensor("f32").dtype());
        assertEquals(DType.FLOAT64, t.tensor("i32").dtype(), "int32 with nulls becomes float64 with NaN");
        assertEquals(DType.INT64, t.tensor("i64").dtype());
        assertEquals(DType.INT32, t.tensor("u8").dtype());
        assertEquals(DType.INT64, t.tensor("u32").dtype(), "uint32 is widened to int64");
        assertEquals(2654435761L, t.tensor("u32").toLongArray()[1]);
        assertEquals(DType.FLOAT64, t.tensor("flag").dtype());
        assertEquals(DType.FLOAT32, t.jagged("pt").values().dtype());
        assertEquals(DType.INT64, t.jagged("idx").values().dtype());
        Table s = ParquetFile.read(resource("structs.parquet"));
        assertEquals(List.of("met.pt", "met.phi", "Muon.pt", "Muon.charge", "req"), s.columnNames());
        assertEquals(DType.INT32, s.jagged("Muon.charge").values().dtype());
        assertTrue(Tensor.of(new long[] {0, 1, 2, 3}, 4).equal(s.jagged("Muon.pt").counts().narrow(0, 0, 4)));
    }

    @Test
    void columnSelectionAndRowGroups() {
        try (ParquetFile f = ParquetFile.open(resource("v1_snappy_dict.parquet"))) {
            Table t = f.read(List.of("pt", "f*"));
            assertEquals(List.of("pt", "f64", "f32", "flag"), t.columnNames());
            assertEquals(3, f.numRowGroups());
            Table g1 = f.readRowGroup(1, List.of("f32", "pt"));
            assertEquals(40, g1.numRows());
            assertEquals(t.tensor("f32").narrow(0, 40, 40).toDoubleArray()[5], g1.tensor("f32").toDoubleArray()[5]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.read(List.of("Pt")));
            assertTrue(e.getMessage().contains("'Pt'") && e.getMessage().contains("f64"), e.getMessage());
        }
    }

    @Test
    void refusesNestedListsByName() {
        try (ParquetFile f = ParquetFile.open(resource("list_of_lists.parquet"))) {
            ParquetColumn hits = f.columns().stream().filter(c -> c.name().equals("hits")).findFirst().orElseThrow();
            assertTrue(hits.unsupported().contains("nested lists"), hits.toString());
            FileFormatException e = assertThrows(FileFormatException.class, f::read);
            assertTrue(e.getMessage().contains("'hits'") && e.getMessage().contains("nested"), e.getMessage());
            assertEquals(100, f.read(List.of("x")).numRows());
        }
    }

    @Test
    void summaryListsColumnsWithTypes() {
        FileSummary s = ParquetFile.summary(resource("v2_zstd_dict.parquet"));
        assertEquals("parquet", s.format());
        assertEquals("100", s.properties().get("rows"));
        assertEquals("ZSTD", s.properties().get("compression"));
        FileSummary.Item pt = s.items().stream().filter(i -> i.name().equals("pt")).findFirst().orElseThrow();
        assertEquals("jagged float32", pt.dtype());
        assertEquals("UINT_32", s.items().stream().filter(i -> i.name().equals("u32")).findFirst().orElseThrow()
                .attributes().get("logical"));
        assertTrue(s.toText().contains("jagged float32"));
        assertTrue(Json.parseObject(s.toJson()).containsKey("items"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dimuon.parquet", "nano_dy.parquet"})
    void nanoAodFilesReadCompletelyAndMatchHyparquet(String file) throws IOException {
        Path p = SharedData.require("parquet/" + file);
        Map<String, Object> g = golden("shared:" + file);
        @SuppressWarnings("unchecked")
        Map<String, Object> columns = (Map<String, Object>) g.get("columns");
        try (ParquetFile f = ParquetFile.open(p)) {
            assertEquals(40, f.numRows());
            Table all = f.read();
            assertEquals(f.columnNames().size(), all.numColumns());
            assertTrue(all.numColumns() > 1400, "columns: " + all.numColumns());
            for (String name : columns.keySet()) {
                assertColumn(file, name, all.column(name), expectedRows(columns, name));
            }
            // NanoAOD's counter branch equals the jagged counts
            assertTrue(all.tensor("nMuon").to(DType.INT64).equal(all.jagged("Muon_pt").counts()));
            assertTrue(all.tensor("nJet").to(DType.INT64).equal(all.jagged("Jet_pt").counts()));
        }
    }

    @Test
    void malformedFilesGiveClearErrors() throws IOException {
        byte[] good = Files.readAllBytes(resource("v2_zstd_dict.parquet"));
        Path dir = Files.createTempDirectory("pq");
        assertBad(dir, "short.parquet", java.util.Arrays.copyOf(good, 8), "too short");
        assertBad(dir, "truncated.parquet", java.util.Arrays.copyOf(good, good.length - 100), "PAR1");
        byte[] footerLen = good.clone();
        footerLen[good.length - 5] = 0x7f;
        assertBad(dir, "footer.parquet", footerLen, "footer length");
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertBad(dir, "magic.parquet", magic, "PAR1");
    }

    private static void assertBad(Path dir, String name, byte[] bytes, String fragment) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        FileFormatException e = assertThrows(FileFormatException.class, () -> ParquetFile.read(p));
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(fragment), e.getMessage());
    }
}
