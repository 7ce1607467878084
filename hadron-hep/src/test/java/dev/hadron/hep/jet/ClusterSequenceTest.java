package dev.hadron.hep.jet;

import dev.hadron.hep.TestResources;
import dev.hadron.hep.vector.FourVector;
import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compares the O(N²) clustering with the naive O(N³) Python reference in make_reference.py. */
class ClusterSequenceTest {
    private static final Map<String, Object> REF = TestResources.json(ClusterSequenceTest.class, "jets_reference.json");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) REF.get("events");
    }

    static double[][] particles(Map<String, Object> event) {
        List<?> parts = (List<?>) event.get("particles");
        double[][] out = new double[4][parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            double[] p = TestResources.doubles(parts.get(i));
            for (int c = 0; c < 4; c++) {
                out[c][i] = p[c];
            }
        }
        return out;
    }

    private static JetAlgorithm algorithm(String name) {
        return switch (name) {
            case "kt" -> JetAlgorithm.KT;
            case "cambridge" -> JetAlgorithm.CAMBRIDGE_AACHEN;
            case "antikt" -> JetAlgorithm.ANTI_KT;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @SuppressWarnings("unchecked")
    private static void assertSameJets(String what, List<?> expected, List<PseudoJet> actual) {
        assertEquals(expected.size(), actual.size(), what + ": number of jets");
        for (int k = 0; k < actual.size(); k++) {
            Map<String, Object> e = (Map<String, Object>) expected.get(k);
            PseudoJet j = actual.get(k);
            String w = what + " jet " + k;
            assertEquals(((Number) e.get("px")).doubleValue(), j.px(), 1e-9 * j.e(), w + " px");
            assertEquals(((Number) e.get("py")).doubleValue(), j.py(), 1e-9 * j.e(), w + " py");
            assertEquals(((Number) e.get("pz")).doubleValue(), j.pz(), 1e-9 * j.e(), w + " pz");
            assertEquals(((Number) e.get("e")).doubleValue(), j.e(), 1e-9 * j.e(), w + " E");
            assertArrayEquals(TestResources.ints(e.get("constituents")), j.constituents(), w + " constituents");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void inclusiveExclusiveAndMergingScalesMatchTheReference() {
        int checked = 0;
        for (Map<String, Object> event : events()) {
            double[][] p = particles(event);
            for (Object o : (List<?>) event.get("results")) {
                Map<String, Object> r = (Map<String, Object>) o;
                JetDefinition def = new JetDefinition(algorithm((String) r.get("algorithm")), ((Number) r.get("R")).doubleValue());
                ClusterSequence cs = ClusterSequence.cluster(p[0], p[1], p[2], p[3], def);
                String what = def + " on " + p[0].length + " particles";
                assertSameJets(what + " inclusive", (List<?>) r.get("inclusive"), cs.inclusiveJets(5.0));
                double[] dmerge = TestResources.doubles(r.get("dmerge"));
                for (int k = 1; k <= dmerge.length; k++) {
                    assertEquals(dmerge[k - 1], cs.exclusiveDmerge(k), 1e-9 * Math.max(1, Math.abs(dmerge[k - 1])),
                            what + " dmerge(" + k + ")");
                }
                if (r.containsKey("exclusive")) {
                    Map<String, Object> ex = (Map<String, Object>) r.get("exclusive");
                    for (Map.Entry<String, Object> en : ex.entrySet()) {
                        int nj = Integer.parseInt(en.getKey());
                        assertSameJets(what + " exclusive(" + nj + ")", (List<?>) en.getValue(), cs.exclusiveJets(nj));
                    }
                    double dcut = ((Number) r.get("dcut")).doubleValue();
                    assertEquals(((Number) r.get("n_exclusive_dcut")).intValue(), cs.numExclusiveJets(dcut), what + " n(dcut)");
                    assertEquals(cs.numExclusiveJets(dcut), cs.exclusiveJetsDcut(dcut).size());
                }
                checked++;
            }
        }
        assertEquals(64, checked);
    }

    @Test
    void everyParticleEndsInExactlyOneInclusiveJetAndMomentumIsConserved() {
        for (Map<String, Object> event : events()) {
            double[][] p = particles(event);
            for (JetAlgorithm a : JetAlgorithm.values()) {
                ClusterSequence cs = ClusterSequence.cluster(p[0], p[1], p[2], p[3], new JetDefinition(a, 0.7));
                List<PseudoJet> jets = cs.inclusiveJets(0);
                boolean[] seen = new boolean[p[0].length];
                double sumPx = 0;
                for (PseudoJet j : jets) {
                    sumPx += j.px();
                    for (int c : j.constituents()) {
                        assertTrue(!seen[c], "particle " + c + " in two jets");
                        seen[c] = true;
                    }
                }
                double ref = 0;
                for (double x : p[0]) {
                    ref += x;
                }
                assertEquals(ref, sumPx, 1e-9 * Math.abs(ref) + 1e-9);
                for (boolean s : seen) {
                    assertTrue(s, "every particle is in a jet");
                }
            }
        }
    }

    @Test
    void exclusiveLabelsFollowTheExclusiveJets() {
        double[][] p = particles(events().get(1));
        ClusterSequence cs = ClusterSequence.cluster(p[0], p[1], p[2], p[3], JetDefinition.kt(JetDefinition.MAX_ALLOWABLE_R));
        List<PseudoJet> jets = cs.exclusiveJets(3);
        int[] labels = cs.exclusiveLabels(3);
        for (int k = 0; k < 3; k++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == k) {
                    members.add(i);
                }
            }
            assertArrayEquals(jets.get(k).constituents(), members.stream().mapToInt(Integer::intValue).toArray());
        }
        // with R this large nothing leaves early: all particles are labelled
        for (int l : labels) {
            assertTrue(l >= 0);
        }
    }

    @Test
    void batchClusteringGivesTheSameJetsPerEvent() {
        List<double[]> cols = new ArrayList<>();
        long[] counts = new long[3];
        List<List<PseudoJet>> expected = new ArrayList<>();
        for (int ev = 0; ev < 3; ev++) {
            double[][] p = particles(events().get(ev));
            counts[ev] = p[0].length;
            for (int i = 0; i < p[0].length; i++) {
                cols.add(new double[] {p[0][i], p[1][i], p[2][i], p[3][i]});
            }
            expected.add(ClusterSequence.cluster(p[0], p[1], p[2], p[3], JetDefinition.antiKt(0.4)).inclusiveJets(10));
        }
        double[] flat = new double[cols.size() * 4];
        for (int i = 0; i < cols.size(); i++) {
            System.arraycopy(cols.get(i), 0, flat, 4 * i, 4);
        }
        JaggedFourVector events = JaggedFourVector.fromPxPyPzE(Jagged.fromCounts(Tensor.of(flat, cols.size(), 4), counts));
        ClusteredJets out = JetClustering.inclusiveJets(events, JetDefinition.antiKt(0.4), 10);
        assertEquals(3, out.jets().numEvents());
        long[] perEvent = out.jets().counts().toLongArray();
        double[] pts = out.jets().pt().values().toDoubleArray();
        int k = 0;
        for (int ev = 0; ev < 3; ev++) {
            assertEquals(expected.get(ev).size(), perEvent[ev]);
            for (PseudoJet j : expected.get(ev)) {
                assertEquals(j.pt(), pts[k++], 1e-9 * j.pt());
            }
        }
        // the constituents re-summed through tensors give the jets back, with gradients available
        FourVector resummed = out.constituentsOf(events).sum();
        assertArrayEquals(out.jets().flat().px().toDoubleArray(), resummed.px().toDoubleArray(), 1e-9);
    }

    @Test
    void badRequestsFailClearly() {
        double[][] p = particles(events().get(0));
        ClusterSequence anti = ClusterSequence.cluster(p[0], p[1], p[2], p[3], JetDefinition.antiKt(0.4));
        IllegalStateException e1 = assertThrows(IllegalStateException.class, () -> anti.exclusiveJets(2));
        assertTrue(e1.getMessage().contains("kT and Cambridge/Aachen"), e1.getMessage());
        ClusterSequence kt = ClusterSequence.cluster(p[0], p[1], p[2], p[3], JetDefinition.kt(0.4));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> kt.exclusiveJets(p[0].length + 1));
        assertTrue(e2.getMessage().contains("exclusive jets"), e2.getMessage());
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
                () -> ClusterSequence.cluster(new double[] {1, Double.NaN}, new double[2], new double[2], new double[] {2, 2},
                        JetDefinition.kt(0.4)));
        assertTrue(e3.getMessage().contains("particle 1"), e3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JetDefinition.antiKt(-0.4));
        assertEquals(0, ClusterSequence.cluster(new double[0], new double[0], new double[0], new double[0],
                JetDefinition.antiKt(0.4)).inclusiveJets(0).size());
    }
}
