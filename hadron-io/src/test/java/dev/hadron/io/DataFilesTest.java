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
}
