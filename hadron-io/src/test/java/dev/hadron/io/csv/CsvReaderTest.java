package dev.hadron.io.csv;

import dev.hadron.io.FileFormatException;
import dev.hadron.io.FileSummary;
import dev.hadron.io.SharedData;
import dev.hadron.io.Table;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void higgsUciIsTabSeparatedWithoutHeader() {
        Path p = SharedData.require("csv/higgs-uci/binary.train");
        Table t = CsvReader.read(p);
        assertEquals(7000, t.numRows());
        assertEquals(29, t.numColumns());
        assertEquals("col0", t.columnNames().get(0));
        assertEquals(DType.INT64, t.tensor("col0").dtype());
        assertEquals(DType.FLOAT64, t.tensor("col1").dtype());
        // first line: 1 0.869 -0.635 ... 0.877
        assertEquals(1, t.tensor("col0").toLongArray()[0]);
        assertEquals(0.869, t.tensor("col1").toDoubleArray()[0]);
        assertEquals(0.877, t.tensor("col28").toDoubleArray()[0]);
        long signal = 0;
        for (long y : t.tensor("col0").toLongArray()) {
            assertTrue(y == 0 || y == 1);
            signal += y;
        }
        assertTrue(signal > 3000 && signal < 4000, "signal count " + signal);
        FileSummary s = CsvReader.summary(p);
        assertEquals("'\\t'", s.properties().get("delimiter"));
        assertEquals("false", s.properties().get("header"));
        assertEquals(29, s.items().size());
        assertEquals(List.of(7000L), s.items().get(5).shape());
    }

    @Test
    void atlasHiggsMlWithMissingMarker() {
        Path p = SharedData.require("csv/atlas-higgsml/train_sml_sig.csv");
        Table raw = CsvReader.read(p);
        Table t = CsvReader.read(p, CsvOptions.defaults().withMissingValues(-999));
        assertEquals(4999, t.numRows());
        assertEquals(35, t.numColumns());
        assertEquals(DType.INT64, t.tensor("EventId").dtype());
        assertEquals(100000, t.tensor("EventId").toLongArray()[0]);
        assertEquals(List.of("s"), t.strings("Label").stream().distinct().toList());
        assertEquals(DType.INT64, t.tensor("PRI_jet_num").dtype());
        // first row: DER_mass_MMC 138.47, and the jet columns are present (2 jets)
        assertEquals(138.47, t.tensor("DER_mass_MMC").toDoubleArray()[0]);
        double[] rawJet = raw.tensor("DER_deltaeta_jet_jet").toDoubleArray();
        double[] jet = t.tensor("DER_deltaeta_jet_jet").toDoubleArray();
        long[] njet = t.tensor("PRI_jet_num").toLongArray();
        int nan = 0;
        for (int i = 0; i < jet.length; i++) {
            assertEquals(rawJet[i] == -999.0, Double.isNaN(jet[i]));
            // DER_deltaeta_jet_jet is undefined exactly when fewer than two jets
            assertEquals(njet[i] < 2, Double.isNaN(jet[i]), "row " + i);
            nan += Double.isNaN(jet[i]) ? 1 : 0;
        }
        assertTrue(nan > 1000);
        FileSummary s = CsvReader.summary(p, CsvOptions.defaults().withMissingValues(-999));
        FileSummary.Item item = s.items().stream().filter(i -> i.name().equals("DER_deltaeta_jet_jet")).findFirst().orElseThrow();
        assertEquals(String.valueOf(nan), item.attributes().get("missing"));
        assertEquals("string", s.items().stream().filter(i -> i.name().equals("Label")).findFirst().orElseThrow().dtype());
    }

    @Test
    void cmsOpenDataWithHeaderAndColumnSelection() {
        Path p = SharedData.require("csv/cms-opendata/Zmumu_Run2011A.csv");
        Table t = CsvReader.read(p, CsvOptions.defaults().withColumns("pt1", "pt2", "Q1", "Run"));
        assertEquals(10583, t.numRows());
        assertEquals(List.of("Run", "pt1", "Q1", "pt2"), t.columnNames());
        assertEquals(54.7055, t.tensor("pt1").toDoubleArray()[0]);
        assertEquals(165617, t.tensor("Run").toLongArray()[0]);
        Table zee = CsvReader.read(SharedData.require("csv/cms-opendata/Zee_Run2011A.csv"));
        assertEquals(18885, zee.numRows());
        assertEquals("EE", zee.strings("type1").get(0));
        Table h4l = CsvReader.read(SharedData.require("csv/cms-opendata/4mu_2012.csv"));
        double[] m = h4l.tensor("M").toDoubleArray();
        assertEquals(140.124, m[0]);
    }

    @Test
    void inferenceAndMissingValues() throws IOException {
        Path p = file("t.csv", "a,b,c,d,e,f\n1,2.5,true,x,1,\n2,NA,FALSE,y,,\n-3,1e3,true,\"z,w\",4,\n");
        Table t = CsvReader.read(p);
        assertEquals(DType.INT64, t.tensor("a").dtype());
        assertEquals(DType.FLOAT64, t.tensor("b").dtype());
        assertTrue(Double.isNaN(t.tensor("b").toDoubleArray()[1]));
        assertEquals(1000.0, t.tensor("b").toDoubleArray()[2]);
        assertEquals(DType.BOOL, t.tensor("c").dtype());
        assertEquals(List.of(true, false, true), List.of(t.tensor("c").toBooleanArray()[0], t.tensor("c").toBooleanArray()[1],
                t.tensor("c").toBooleanArray()[2]));
        assertEquals(List.of("x", "y", "z,w"), t.strings("d"));
        assertEquals(DType.FLOAT64, t.tensor("e").dtype(), "an int column with a missing value becomes float64");
        assertTrue(Double.isNaN(t.tensor("f").toDoubleArray()[0]), "an all-empty column is float64 NaN");
    }

    @Test
    void whitespaceSemicolonCommentsQuotesAndCrlf() throws IOException {
        Table w = CsvReader.read(file("w.txt", "# comment\n  x    y\n  1   2.0\n\n  3   4.5  \n"),
                CsvOptions.defaults().withComment('#'));
        assertEquals(List.of("x", "y"), w.columnNames());
        assertEquals(2, w.numRows());
        assertEquals(4.5, w.tensor("y").toDoubleArray()[1]);
        Table s = CsvReader.read(file("s.csv", "p;q\r\n1;\"a \"\"quoted\"\"\r\nline\"\r\n2;b\r\n"));
        assertEquals(List.of("a \"quoted\"\nline", "b"), s.strings("q"));
        Table forced = CsvReader.read(file("f.csv", "a,b\n1,2\n3,4\n"), CsvOptions.defaults()
                .withTypes(Map.of("a", CsvType.FLOAT64, "b", CsvType.STRING)));
        assertEquals(DType.FLOAT64, forced.tensor("a").dtype());
        assertEquals(List.of("2", "4"), forced.strings("b"));
        Table named = CsvReader.read(file("n.csv", "1,2\n3,4\n"), CsvOptions.defaults().withColumnNames(List.of("u", "v")));
        assertEquals(3, named.tensor("u").toLongArray()[1]);
        Table limited = CsvReader.read(file("m.csv", "a\n1\n2\n3\n"), CsvOptions.defaults().withMaxRows(2));
        assertEquals(2, limited.numRows());
    }

    @Test
    void clearErrors() throws IOException {
        Path ragged = file("ragged.csv", "a,b\n1,2\n3\n");
        FileFormatException e = assertThrows(FileFormatException.class, () -> CsvReader.read(ragged));
        assertTrue(e.getMessage().contains("ragged.csv") && e.getMessage().contains("line 3")
                && e.getMessage().contains("1 fields, expected 2"), e.getMessage());
        Path quote = file("quote.csv", "a,b\n1,\"open\n2,3\n");
        e = assertThrows(FileFormatException.class, () -> CsvReader.read(quote));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("not closed"), e.getMessage());
        Path forced = file("forced.csv", "a,b\n1,2\nx,3\n");
        e = assertThrows(FileFormatException.class, () -> CsvReader.read(forced, CsvOptions.defaults()
                .withTypes(Map.of("a", CsvType.INT64))));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("column 'a'")
                && e.getMessage().contains("'x'"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read(forced, CsvOptions.defaults().withColumns("nope")));
        assertTrue(missing.getMessage().contains("'nope'") && missing.getMessage().contains("[a, b]"));
        Path empty = file("empty.csv", "\n# only\n");
        assertThrows(FileFormatException.class, () -> CsvReader.read(empty, CsvOptions.defaults().withComment('#')));
        assertThrows(java.io.UncheckedIOException.class, () -> CsvReader.read(dir.resolve("absent.csv")));
    }

    @Test
    void writeAndReadBack() throws IOException {
        Table t = Table.ofTensors(Map.of("i", Tensor.of(new long[] {1, -2, 3}, 3)))
                .withColumn("f", Tensor.of(new double[] {0.1, Double.NaN, 1e-300}, 3))
                .withColumn("g", Tensor.of(new float[] {0.1f, 2.5f, -1e30f}, 3))
                .withColumn("b", Tensor.of(new boolean[] {true, false, true}, 3))
                .withColumn("s", dev.hadron.io.Column.of(List.of("plain", "with,comma", "")))
                .withColumn("m", Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2));
        Path p = dir.resolve("out.csv");
        CsvWriter.write(p, t);
        Table r = CsvReader.read(p);
        assertEquals(List.of("i", "f", "g", "b", "s", "m[0]", "m[1]"), r.columnNames());
        assertTrue(Tensor.of(new long[] {1, -2, 3}, 3).equal(r.tensor("i")));
        assertEquals(0.1, r.tensor("f").toDoubleArray()[0]);
        assertTrue(Double.isNaN(r.tensor("f").toDoubleArray()[1]));
        assertEquals(1e-300, r.tensor("f").toDoubleArray()[2]);
        assertEquals(0.1f, (float) r.tensor("g").toDoubleArray()[0]);
        assertEquals(-1e30f, (float) r.tensor("g").toDoubleArray()[2]);
        assertEquals(DType.BOOL, r.tensor("b").dtype());
        assertEquals(List.of("plain", "with,comma", ""), r.strings("s"));
        assertEquals(6.0, r.tensor("m[1]").toDoubleArray()[2]);
        assertFalse(Files.exists(dir.resolve("out.csv.tmp")));
        Path tsv = dir.resolve("out.tsv");
        CsvWriter.write(tsv, t.select("i", "f"), '\t');
        assertEquals(3, CsvReader.read(tsv).numRows());
        assertThrows(IllegalArgumentException.class, () -> CsvWriter.write(dir.resolve("j.csv"),
                t.withColumn("j", dev.hadron.tensor.Jagged.fromCounts(Tensor.of(new double[] {1, 2}, 2), 1, 0, 1))));
    }
}
