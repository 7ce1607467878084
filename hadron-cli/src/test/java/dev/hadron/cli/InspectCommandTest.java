package dev.hadron.cli;

import dev.hadron.io.npy.Npy;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hadron inspect} on real ROOT, CSV and Parquet files, an HDF5 file written by h5py and a NumPy file. */
class InspectCommandTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) {
        Cli.Run r = Cli.run("inspect", file.toString(), "--json");
        assertEquals(0, r.code(), r.toString());
        return Json.parseObject(r.out());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> items(Map<String, Object> summary) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Object o : (List<Object>) summary.get("items")) {
            Map<String, Object> m = (Map<String, Object>) o;
            out.put((String) m.get("name"), String.valueOf(m.get("dtype")));
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void rootJsonListsTreesEntriesAndTypedBranches() {
        Map<String, Object> j = json(Cli.data("root/uproot-HZZ.root"));
        List<Object> trees = (List<Object>) j.get("trees");
        assertEquals(1, trees.size());
        Map<String, Object> t = (Map<String, Object>) trees.get(0);
        assertEquals("events", t.get("name"));
        assertEquals(2421L, ((Number) t.get("entries")).longValue());
        Map<String, String> types = new java.util.HashMap<>();
        for (Object b : (List<Object>) t.get("branches")) {
            Map<String, Object> m = (Map<String, Object>) b;
            types.put((String) m.get("name"), (String) m.get("type"));
        }
        assertEquals(51, types.size(), "the 51 branches of the H->ZZ tree");
        assertEquals("int32", types.get("NJet"));
        assertEquals("var * float", types.get("Jet_Px"), "jagged branches say so");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rootWithTwoTreesAndTextOutput() {
        Map<String, Object> j = json(Cli.data("root/tmva-Higgs_data.root"));
        List<String> names = ((List<Object>) j.get("trees")).stream().map(t -> (String) ((Map<String, Object>) t).get("name")).toList();
        assertEquals(List.of("sig_tree", "bkg_tree"), names);
        Cli.Run r = Cli.run("inspect", Cli.data("root/uproot-Zmumu.root").toString());
        assertEquals(0, r.code());
        assertTrue(r.out().contains("events") && r.out().contains("(2304,)") && r.out().contains("events/M"), r.out());
        assertTrue(r.out().contains("events/Type") && r.out().contains("string"), "the text branch and its type");
    }

    @Test
    void csvColumnsWithInferredTypes() {
        Map<String, Object> j = json(Cli.data("csv/cms-opendata/Zmumu_Run2011A.csv"));
        assertEquals("csv", j.get("format"));
        Map<String, String> cols = items(j);
        assertEquals("int64", cols.get("Run"));
        assertEquals("float64", cols.get("pt1"));
        assertEquals(14, cols.size());
    }

    @Test
    void parquetColumnsIncludingJaggedCollections() {
        Map<String, String> cols = items(json(Cli.data("parquet/nano_dy.parquet")));
        assertEquals("float32", cols.get("MET_pt"));
        assertEquals("jagged float32", cols.get("Muon_pt"));
    }

    @Test
    void hdf5DatasetsWithShapes() throws URISyntaxException {
        Path h5 = Path.of(InspectCommandTest.class.getResource("small.h5").toURI());
        Map<String, String> ds = items(json(h5));
        assertEquals("float32", ds.get("/jets/pt"));
        assertEquals("int64", ds.get("/jets/label"));
        Cli.Run r = Cli.run("inspect", h5.toString());
        assertTrue(r.out().contains("/jets/constituents") && r.out().contains("(6, 10, 4)"), r.out());
    }

    @Test
    void numpyArray(@TempDir Path dir) {
        Path npy = dir.resolve("x.npy");
        Npy.write(npy, Tensor.zeros(5, 3));
        Cli.Run r = Cli.run("inspect", npy.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("float32") && r.out().contains("(5, 3)"), r.out());
    }

    @Test
    void missingOrUnreadableFile(@TempDir Path dir) throws java.io.IOException {
        Cli.Run r = Cli.run("inspect", dir.resolve("nope.root").toString());
        assertEquals(ExitCode.INPUT.code(), r.code());
        assertEquals(1, r.errors().size(), r.toString());
        Path junk = dir.resolve("junk.root");
        java.nio.file.Files.write(junk, new byte[] {'r', 'o', 'o', 't', 0, 1, 2, 3});
        Cli.Run j = Cli.run("inspect", junk.toString());
        assertEquals(ExitCode.INPUT.code(), j.code(), j.toString());
        assertTrue(j.errors().get(0).contains("junk.root"), j.toString());
        assertEquals(ExitCode.USAGE.code(), Cli.run("inspect").code());
    }
}
