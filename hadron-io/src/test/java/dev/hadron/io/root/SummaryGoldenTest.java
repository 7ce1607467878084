package dev.hadron.io.root;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Larger trees read completely: every branch of the NanoAOD files, HZZ, Zmumu and the TMVA tree has
 * the number of values, the float64 sum and the first entries that JSROOT reads.
 */
class SummaryGoldenTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "uproot-HZZ.root, events, HZZ-summary.json",
        "uproot-HZZ-zstd.root, events, HZZ-summary.json",
        "uproot-Zmumu.root, events, Zmumu-summary.json",
        "tmva-Higgs_data.root, sig_tree, tmva-sig-summary.json",
        "nanoAOD_2015_CMS_Open_Data_ttbar.root, Events, nanoAOD-ttbar-summary.json",
        "nano_dy.root, Events, nano_dy-summary.json",
        "nano_dimuon.root, Events, nano_dimuon-summary.json",
    })
    @SuppressWarnings("unchecked")
    void everyBranchMatchesJsrootSummary(String file, String tree, String golden) {
        Map<String, Object> g = RootTestData.golden(golden);
        Map<String, Object> branches = (Map<String, Object>) g.get("branches");
        try (RootFile f = RootFile.open(RootTestData.file(file))) {
            RootTree t = f.tree(tree);
            assertEquals(((Number) g.get("entries")).longValue(), t.numEntries());
            assertEquals(branches.size(), t.branchNames().size(), "every branch is a leaf branch here");
            Map<String, Object> all = t.arrays(0, t.numEntries(), t.branchNames());
            for (Map.Entry<String, Object> e : branches.entrySet()) {
                Map<String, Object> s = (Map<String, Object>) e.getValue();
                Object column = all.get(e.getKey());
                String what = file + " " + e.getKey();
                assertEquals(((Number) s.get("count")).longValue(), RootTestData.count(column), what + " value count");
                if (s.containsKey("sum")) {
                    double expected = s.get("sum") instanceof String str ? Double.parseDouble(str)
                            : ((Number) s.get("sum")).doubleValue();
                    double actual = RootTestData.sum(column);
                    if (Double.isNaN(expected)) {
                        assertTrue(Double.isNaN(actual), what + " sum: expected NaN (the branch holds NaN values)");
                    } else {
                        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what + " sum");
                    }
                }
                List<?> first = (List<?>) s.get("first");
                for (int i = 0; i < first.size(); i++) {
                    RootTestData.assertValue(what + " entry " + i, first.get(i), RootTestData.entry(column, i));
                }
            }
            assertTrue(branches.size() > 10);
        }
    }
}
