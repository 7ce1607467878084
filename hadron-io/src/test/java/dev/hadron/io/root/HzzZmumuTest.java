package dev.hadron.io.root;

import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HZZ and Zmumu trees in all their compression variants. */
class HzzZmumuTest {
    private static final String[] VARIANTS = {"", "-zlib", "-lz4", "-lzma", "-zstd", "-uncompressed"};

    @Test
    void hzzGivesIdenticalArraysInAllSixCompressions() {
        Map<String, Object> reference;
        List<String> names;
        try (RootFile f = RootFile.open(RootTestData.file("uproot-HZZ.root"))) {
            RootTree t = f.tree("events");
            names = t.branchNames();
            assertEquals(51, names.size());
            reference = t.arrays(0, t.numEntries(), names);
        }
        for (String v : VARIANTS) {
            try (RootFile f = RootFile.open(RootTestData.file("uproot-HZZ" + v + ".root"))) {
                RootTree t = f.tree("events");
                assertEquals(2421, t.numEntries());
                assertEquals(names, t.branchNames());
                Map<String, Object> all = t.arrays(0, t.numEntries(), names);
                for (String n : names) {
                    assertSameColumn("HZZ" + v + " " + n, reference.get(n), all.get(n));
                }
            }
        }
    }

    private static void assertSameColumn(String what, Object a, Object b) {
        if (a instanceof Jagged ja && b instanceof Jagged jb) {
            assertArrayEquals(ja.offsetsArray(), jb.offsetsArray(), what + " offsets");
            assertTrue(ja.values().equal(jb.values()), what + " values");
            assertEquals(ja.values().dtype(), jb.values().dtype(), what);
        } else {
            Tensor ta = (Tensor) a;
            Tensor tb = (Tensor) b;
            assertEquals(ta.dtype(), tb.dtype(), what);
            assertTrue(ta.equal(tb), what + " values");
        }
    }

    @Test
    void muonsAreJaggedWithTheRightCountsAndValues() {
        try (RootFile f = RootFile.open(RootTestData.file("uproot-HZZ.root"))) {
            RootTree t = f.tree("events");
            BranchInfo info = t.branch("Muon_Px");
            assertEquals("var * float", info.typeName());
            assertEquals("Muon_Px[NMuon]/F", info.title());
            Jagged px = t.jagged("Muon_Px");
            assertEquals(2421, px.numEvents());
            assertEquals(3825, px.numValues());
            Tensor n = t.array("NMuon");
            assertArrayEquals(n.toLongArray(), px.counts().toLongArray(), "counts agree with the counter branch");
            assertEquals(3825, (long) n.sum().item());
            // values of the first two events, as written (float32)
            assertArrayEquals(new float[] {-52.89945602416992f, 37.7377815246582f}, px.event(0).toFloatArray());
            assertArrayEquals(new float[] {-0.8164593577384949f}, px.event(1).toFloatArray());
            // entry ranges slice the same values
            Jagged mid = t.jagged("Muon_Px", 1000, 1010);
            assertEquals(10, mid.numEvents());
            for (int i = 0; i < 10; i++) {
                assertArrayEquals(px.event(1000 + i).toFloatArray(), mid.event(i).toFloatArray());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-zlib", "-lz4", "-lzma", "-zstd", "-uncompressed"})
    void dimuonMassPeaksAtTheZ(String variant) {
        try (RootFile f = RootFile.open(RootTestData.file("uproot-Zmumu" + variant + ".root"))) {
            RootTree t = f.tree("events");
            assertEquals(2304, t.numEntries());
            double[] m = t.array("M").toDoubleArray();
            int[] bins = new int[60];
            for (double x : m) {
                if (x >= 60 && x < 120) {
                    bins[(int) (x - 60)]++;
                }
            }
            int best = 0;
            for (int i = 1; i < bins.length; i++) {
                if (bins[i] > bins[best]) {
                    best = i;
                }
            }
            double peak = 60 + best + 0.5;
            assertTrue(peak > 88 && peak < 94, "Z peak at " + peak + " GeV");
            // the mass recomputed from the stored four-momenta agrees with M
            double[] e1 = t.array("E1").toDoubleArray();
            double[] e2 = t.array("E2").toDoubleArray();
            double[] px = t.array("px1").add(t.array("px2")).toDoubleArray();
            double[] py = t.array("py1").add(t.array("py2")).toDoubleArray();
            double[] pz = t.array("pz1").add(t.array("pz2")).toDoubleArray();
            for (int i = 0; i < 50; i++) {
                double e = e1[i] + e2[i];
                double mass = Math.sqrt(Math.max(0, e * e - px[i] * px[i] - py[i] * py[i] - pz[i] * pz[i]));
                assertEquals(m[i], mass, 1e-3 * m[i] + 1e-3, "M of entry " + i);
            }
            List<String> types = t.strings("Type");
            assertEquals(2304, types.size());
            assertTrue(types.stream().allMatch(x -> x.matches("[GT][GT]")), "muon types are GG, GT, TG or TT");
        }
    }
}
