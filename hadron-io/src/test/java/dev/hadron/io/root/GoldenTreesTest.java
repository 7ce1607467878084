package dev.hadron.io.root;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every branch of the format-test trees read to the values JSROOT (an independent reader) gives:
 * see {@code golden/make_golden.mjs}. The sample-6.20.04 tree (every basic type as scalar, fixed
 * array, counter-leaf array, and strings) is checked in all four of its compression variants.
 */
class GoldenTreesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "uproot-sample-6.20.04-uncompressed.root, sample, sample-6.20.04.json",
        "uproot-sample-6.20.04-zlib.root, sample, sample-6.20.04.json",
        "uproot-sample-6.20.04-lz4.root, sample, sample-6.20.04.json",
        "uproot-sample-6.20.04-lzma.root, sample, sample-6.20.04.json",
        "uproot-small-evnt-tree-fullsplit.root, tree, small-evnt-tree-fullsplit.json",
        "uproot-small-flat-tree.root, tree, small-flat-tree.json",
        "uproot-simple.root, tree, simple.json",
        "uproot-nesteddirs.root, one/two/tree, small-flat-tree.json",
        "uproot-nesteddirs.root, one/tree, simple.json",
        "uproot-nesteddirs.root, three/tree, small-evnt-tree-fullsplit.json",
    })
    @SuppressWarnings("unchecked")
    void everyBranchMatchesJsroot(String file, String tree, String golden) {
        Map<String, Object> g = RootTestData.golden(golden);
        try (RootFile f = RootFile.open(RootTestData.file(file))) {
            RootTree t = f.tree(tree);
            assertEquals(((Number) g.get("entries")).longValue(), t.numEntries());
            Map<String, Object> branches = (Map<String, Object>) g.get("branches");
            assertTrue(branches.size() >= 3, "golden has branches");
            for (Map.Entry<String, Object> e : branches.entrySet()) {
                Object column = t.read(e.getKey());
                RootTestData.assertColumn(file + " " + e.getKey(), (List<?>) e.getValue(), column);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"uproot-leaflist.root"})
    @SuppressWarnings("unchecked")
    void leafListMatchesJsroot(String file) {
        Map<String, Object> g = RootTestData.golden("leaflist.json");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) g.get("branches")).get("leaflist");
        try (RootFile f = RootFile.open(RootTestData.file(file))) {
            RootTree t = f.tree("tree");
            assertEquals("{x: double, y: int32, z: int8}", t.branch("leaflist").typeName());
            Map<String, dev.hadron.tensor.Tensor> leaves = t.leaves("leaflist");
            assertEquals(List.of("x", "y", "z"), List.copyOf(leaves.keySet()));
            for (String leaf : leaves.keySet()) {
                double[] v = leaves.get(leaf).toDoubleArray();
                assertEquals(rows.size(), v.length);
                for (int i = 0; i < rows.size(); i++) {
                    assertEquals(((Number) rows.get(i).get(leaf)).doubleValue(), v[i], leaf + " entry " + i);
                }
            }
            assertEquals(leaves.get("y").dtype(), t.array("leaflist/y").dtype());
            assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), RootTestData.toList(t.array("leaflist/y")));
        }
    }
}
