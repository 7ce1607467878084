package dev.hadron.io.root;

import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys, cycles, nested directories, metadata, entry ranges and chunked iteration. */
class RootFileTest {

    @Test
    void keysClassesCyclesAndNestedDirectories() {
        try (RootFile f = RootFile.open(RootTestData.file("uproot-nesteddirs.root"))) {
            assertEquals(List.of("one;1", "one/two;1", "one/two/tree;1", "one/tree;1", "three;1", "three/tree;1"), f.keys());
            assertEquals("TDirectory", f.classNames().get("one/two;1"));
            assertEquals("TTree", f.classNames().get("one/two/tree;1"));
            assertTrue(f.keyInfos().get(0).isDirectory());
            assertEquals(100, f.tree("one/two/tree").numEntries());
            assertEquals(4, f.tree("one/tree;1").numEntries());
            assertEquals(1, f.key("three/tree").cycle());
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> f.tree("nothere"));
            assertTrue(ex.getMessage().contains("one/two/tree;1"), ex.getMessage());
            assertThrows(IllegalArgumentException.class, () -> f.tree("one"));
        }
    }

    @Test
    void branchMetadataForInspection() {
        try (RootFile f = RootFile.open(RootTestData.file("uproot-HZZ-zlib.root"))) {
            RootTree t = f.tree("events");
            BranchInfo met = t.branch("MET_px");
            assertEquals("float", met.typeName());
            assertEquals(2421, met.numEntries());
            assertTrue(met.numBaskets() >= 1 && met.compressedBytes() > 0 && met.uncompressedBytes() >= met.compressedBytes());
            assertEquals("bool", t.branch("triggerIsoMu24").typeName());
            assertEquals("var * int32", t.branch("Muon_Charge").typeName());
            FileSummary s = f.summary();
            assertEquals(1, s.trees().size());
            Map<String, Object> json = Json.parseObject(s.toJson());
            assertEquals("ROOT", json.get("format"));
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) ((List<Object>) json.get("trees")).get(0);
            assertEquals("events", tree.get("name"));
            assertEquals(2421L, ((Number) tree.get("entries")).longValue());
            assertEquals(51, ((List<?>) tree.get("branches")).size());
        }
        try (RootFile f = RootFile.open(RootTestData.file("uproot-small-evnt-tree-fullsplit.root"))) {
            RootTree t = f.tree("tree");
            assertEquals("std::vector<float>", t.branch("StlVecF32").typeName());
            assertEquals("std::vector<std::string>", t.branch("StlVecStr").typeName());
            assertEquals("std::string", t.branch("StdStr").typeName());
            assertEquals("TString", t.branch("Beg").typeName());
            assertEquals("10 * int16", t.branch("ArrayI16[10]").typeName());
            assertEquals("evt/P3/P3.Px", t.branch("P3.Px").path());
            assertEquals(false, t.branch("evt").readable());
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> t.array("StlVecF32"));
            assertTrue(ex.getMessage().contains("jagged()"), ex.getMessage());
            RootFormatException split = assertThrows(RootFormatException.class, () -> t.read("evt"));
            assertTrue(split.getMessage().contains("sub-branches"), split.getMessage());
            Jagged v = t.jagged("StlVecF32");
            assertArrayEquals(new float[] {3, 3, 3}, v.event(3).toFloatArray());
            assertEquals(List.of("vec-002", "vec-002"), t.stringLists("StlVecStr").get(2));
        }
    }

    @Test
    void entryRangesAndChunkedIterationAgreeWithWholeReads() {
        try (RootFile f = RootFile.open(RootTestData.file("uproot-sample-6.20.04-lz4.root"))) {
            RootTree t = f.tree("sample");
            // the sample tree's baskets hold a few entries each, so chunks cut through baskets
            List<String> names = List.of("i4", "ai8", "Af4", "str", "n");
            Map<String, Object> whole = t.arrays(0, t.numEntries(), names);
            for (int step : new int[] {1, 4, 7, 30, 100}) {
                List<Tensor> i4 = new ArrayList<>();
                List<Tensor> ai8 = new ArrayList<>();
                List<long[]> counts = new ArrayList<>();
                List<String> strs = new ArrayList<>();
                long expectStart = 0;
                for (TreeChunk c : t.iterate(step, names.toArray(String[]::new))) {
                    assertEquals(expectStart, c.entryStart());
                    assertEquals(Math.min(step, 30 - expectStart), c.numEntries());
                    i4.add(c.array("i4"));
                    ai8.add(c.array("ai8"));
                    counts.add(c.jagged("Af4").counts().toLongArray());
                    strs.addAll(c.strings("str"));
                    expectStart = c.entryStop();
                }
                assertEquals(30, expectStart);
                assertTrue(Tensor.cat(i4, 0).equal((Tensor) whole.get("i4")), "step " + step);
                assertTrue(Tensor.cat(ai8, 0).equal((Tensor) whole.get("ai8")), "step " + step);
                assertEquals(whole.get("str"), strs);
                long[] all = counts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
                assertArrayEquals(((Jagged) whole.get("Af4")).counts().toLongArray(), all);
            }
            Tensor part = t.array("f8", 7, 19);
            assertEquals(12, part.size(0));
            assertEquals(-7.9, part.toDoubleArray()[0], 1e-12);
            assertThrows(IllegalArgumentException.class, () -> t.array("f8", 5, 31));
            assertThrows(IllegalArgumentException.class, () -> t.iterate(0, "f8"));
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> t.array("nope"));
            assertTrue(ex.getMessage().contains("Af4"), "lists the branches: " + ex.getMessage());
            int chunks = 0;
            for (TreeChunk c : t.iterate(8)) {
                chunks++;
                assertEquals(35, c.columns().size(), "all branches when none are named");
            }
            assertEquals(4, chunks);
        }
    }

    @Test
    void parallelReadsAreDeterministic() {
        try (RootFile f = RootFile.open(RootTestData.file("nano_dimuon.root"))) {
            RootTree t = f.tree("Events");
            List<String> names = t.branchNames();
            Map<String, Object> a = t.arrays(0, t.numEntries(), names);
            Map<String, Object> b = t.arrays(0, t.numEntries(), names);
            for (String n : names) {
                Object x = a.get(n);
                Object y = b.get(n);
                if (x instanceof Tensor tx) {
                    assertArrayEquals(tx.toDoubleArray(), ((Tensor) y).toDoubleArray(), n);
                } else if (x instanceof Jagged jx) {
                    assertArrayEquals(jx.offsetsArray(), ((Jagged) y).offsetsArray(), n);
                    assertArrayEquals(jx.values().toDoubleArray(), ((Jagged) y).values().toDoubleArray(), n);
                }
            }
        }
    }
}
