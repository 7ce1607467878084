package dev.hadron.io;

import dev.hadron.io.csv.CsvWriter;
import dev.hadron.io.hdf5.Hdf5Writer;
import dev.hadron.io.npy.Npy;
import dev.hadron.io.npy.Npz;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFilesTest {
    @TempDir
    Path dir;

    @Test
    void detectsEveryFormatByContentNotName() throws IOException {
        Table t = Table.ofTensors(Map.of("x", Tensor.of(new double[] {1, 2, 3}, 3)));
        Path csv = dir.resolve("a.bin");
        CsvWriter.write(csv, t);
        Path npy = dir.resolve("b.data");
        Npy.write(npy, Tensor.of(new float[] {1, 2, 3, 4}, 2, 2));
        Path npz = dir.resolve("c.npz");
        Npz.write(npz, Map.of("x", Tensor.of(new double[] {1, 2, 3}, 3), "s", Tensor.scalar(1)), true);
        Path h5 = dir.resolve("d.h5");
        Hdf5Writer.write(h5, Map.of("x", Tensor.of(new double[] {1, 2, 3}, 3)));
        assertEquals(Format.CSV, DataFiles.detect(csv));
        assertEquals(Format.NPY, DataFiles.detect(npy));
        assertEquals(Format.NPZ, DataFiles.detect(npz));
        assertEquals(Format.HDF5, DataFiles.detect(h5));
        for (Path p : List.of(csv, npz, h5)) {
            Table r = DataFiles.read(p);
            assertEquals(List.of("x"), r.columnNames(), p.toString());
            assertEquals(3, r.numRows());
            assertEquals(6.0, r.tensor("x").sum().item(), 1e-12);
        }
        Table n = DataFiles.read(npy);
        assertEquals(List.of("b"), n.columnNames());
        assertEquals(2, n.numRows());
        Path junk = dir.resolve("junk.xyz");
        Files.write(junk, new byte[] {0, 1, 2, 3, 0, 0, 7});
        FileFormatException e = assertThrows(FileFormatException.class, () -> DataFiles.detect(junk));
        assertTrue(e.getMessage().contains("junk.xyz") && e.getMessage().contains("supported"), e.getMessage());
    }

    @Test
    void summariesOfRealFiles() {
        Path parquet = SharedData.require("parquet/nano_dimuon.parquet");
        FileSummary p = DataFiles.summary(parquet);
        assertEquals("parquet", p.format());
        assertEquals("40", p.properties().get("rows"));
        FileSummary.Item muon = p.items().stream().filter(i -> i.name().equals("Muon_pt")).findFirst().orElseThrow();
        assertEquals("jagged float32", muon.dtype());
        Map<String, Object> json = Json.parseObject(p.toJson());
        assertEquals("parquet", json.get("format"));
        Path csv = SharedData.require("csv/cms-opendata/4mu_2011.csv");
        FileSummary c = DataFiles.summary(csv);
        assertEquals("csv", c.format());
        assertEquals(41, c.items().size());
        assertTrue(c.toText().contains("M  "), c.toText());
        Table sel = DataFiles.read(parquet, List.of("nMuon", "Muon_p*"));
        assertEquals(List.of("nMuon", "Muon_pfRelIso03_all", "Muon_pfRelIso03_chg", "Muon_pfRelIso04_all", "Muon_phi",
                "Muon_pt", "Muon_ptErr", "Muon_pdgId", "Muon_pfIsoId"), sel.columnNames());
        assertEquals(List.of("M", "Run"), DataFiles.read(csv, List.of("M", "Run")).columnNames());
    }

    @Test
    void rootTreesReadAsTables() {
        Path hzz = SharedData.require("root/uproot-HZZ.root");
        assertEquals(Format.ROOT, DataFiles.detect(hzz));
        Table all = DataFiles.read(hzz);
        assertEquals(2421, all.numRows());
        assertTrue(all.has("Muon_Px") && all.has("NMuon") && all.has("MET_px"), all.columnNames().toString());
        assertEquals(3825, all.jagged("Muon_Px").numValues());
        assertEquals(3825.0, all.tensor("NMuon").sum().item(), 0);
        Table sel = DataFiles.read(hzz, "events", List.of("NMuon", "Muon_P*"));
        assertEquals(List.of("NMuon", "Muon_Px", "Muon_Py", "Muon_Pz"), sel.columnNames());
        assertEquals(all.jagged("Muon_Py").values().sum().item(), sel.jagged("Muon_Py").values().sum().item(), 0);
        assertEquals(sel.columnNames(), DataFiles.read(hzz, List.of("NMuon", "Muon_P*")).columnNames());

        FileSummary s = DataFiles.summary(hzz);
        assertEquals("root", s.format());
        FileSummary.Item tree = s.items().get(0);
        assertEquals("events", tree.name());
        assertEquals(List.of(2421L), tree.shape());
        FileSummary.Item px = s.items().stream().filter(i -> i.name().equals("events/Muon_Px")).findFirst().orElseThrow();
        assertEquals("branch", px.kind());
        assertTrue(px.dtype().contains("float"), px.dtype());

        IllegalArgumentException noBranch = assertThrows(IllegalArgumentException.class,
                () -> DataFiles.read(hzz, "events", List.of("Electron_Charge", "Nope")));
        assertTrue(noBranch.getMessage().contains("'Nope'") && noBranch.getMessage().contains("events"),
                noBranch.getMessage());
        IllegalArgumentException noMatch = assertThrows(IllegalArgumentException.class,
                () -> DataFiles.read(hzz, List.of("Tau_*")));
        assertTrue(noMatch.getMessage().contains("Tau_*"), noMatch.getMessage());
    }

    @Test
    void rootFileWithSeveralTreesNeedsTheTreeNamed() {
        Path nested = SharedData.require("root/uproot-nesteddirs.root");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFiles.read(nested));
        assertTrue(e.getMessage().contains("trees") && e.getMessage().contains("name the tree"), e.getMessage());
        Path leaflist = SharedData.require("root/uproot-leaflist.root");
        Table t = DataFiles.read(leaflist);
        assertTrue(t.columnNames().stream().anyMatch(n -> n.contains("/")), t.columnNames().toString());
        assertTrue(t.numRows() > 0);
    }
}
