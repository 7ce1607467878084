package dev.hadron.hep.substructure;

import dev.hadron.autodiff.GradCheck;
import dev.hadron.hep.TestResources;
import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.tensor.DType;
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

/** τ_N and the ECFs against the naive Python reference in ../jet/make_reference.py. */
class SubstructureTest {
    private static final Map<String, Object> REF = TestResources.json(dev.hadron.hep.jet.ClusterSequence.class,
            "jets_reference.json");

    private record Jets(JaggedFourVector constituents, List<double[]> tau, List<double[]> ecf1, List<double[]> ecf2) {
    }

    @SuppressWarnings("unchecked")
    private static Jets referenceJets() {
        List<double[]> rows = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<double[]> tau = new ArrayList<>();
        List<double[]> ecf1 = new ArrayList<>();
        List<double[]> ecf2 = new ArrayList<>();
        for (Object e : (List<?>) REF.get("events")) {
            Map<String, Object> event = (Map<String, Object>) e;
            List<?> parts = (List<?>) event.get("particles");
            for (Object s : (List<?>) event.get("substructure")) {
                Map<String, Object> sub = (Map<String, Object>) s;
                int[] idx = TestResources.ints(sub.get("constituents"));
                for (int i : idx) {
                    rows.add(TestResources.doubles(parts.get(i)));
                }
                counts.add((long) idx.length);
                tau.add(TestResources.doubles(sub.get("tau")));
                ecf1.add(TestResources.doubles(sub.get("ecf_b1")));
                ecf2.add(TestResources.doubles(sub.get("ecf_b2")));
            }
        }
        double[] flat = new double[rows.size() * 4];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, 4 * i, 4);
        }
        long[] c = counts.stream().mapToLong(Long::longValue).toArray();
        return new Jets(JaggedFourVector.fromPxPyPzE(Jagged.fromCounts(Tensor.of(flat, rows.size(), 4), c)), tau, ecf1, ecf2);
    }

    @Test
    void nSubjettinessMatchesTheReference() {
        Jets jets = referenceJets();
        assertTrue(jets.tau().size() >= 8, "the reference has enough jets: " + jets.tau().size());
        double[] taus = NSubjettiness.defaults().compute(jets.constituents()).toDoubleArray();
        for (int j = 0; j < jets.tau().size(); j++) {
            for (int n = 0; n < 3; n++) {
                double ref = jets.tau().get(j)[n];
                assertEquals(ref, taus[3 * j + n], 1e-9 * Math.max(1, ref), "jet " + j + " tau" + (n + 1));
            }
        }
    }

    @Test
    void energyCorrelationsMatchTheReference() {
        Jets jets = referenceJets();
        for (double beta : new double[] {1, 2}) {
            EnergyCorrelation ec = new EnergyCorrelation(beta);
            double[] ecf = ec.ecf(jets.constituents()).toDoubleArray();
            double[] c2 = ec.c2(jets.constituents()).toDoubleArray();
            double[] d2 = ec.d2(jets.constituents()).toDoubleArray();
            List<double[]> ref = beta == 1 ? jets.ecf1() : jets.ecf2();
            for (int j = 0; j < ref.size(); j++) {
                double[] r = ref.get(j);
                for (int k = 0; k < 3; k++) {
                    assertEquals(r[k], ecf[3 * j + k], 1e-9 * Math.abs(r[k]) + 1e-12, "beta " + beta + " jet " + j + " ECF" + (k + 1));
                }
                // a one-particle jet has ECF(2) = 0: C2 and D2 are 0 by convention instead of NaN
                assertEquals(r[1] == 0 ? 0 : r[2] * r[0] / (r[1] * r[1]), c2[j], 1e-9, "C2");
                assertEquals(r[1] == 0 ? 0 : r[2] * Math.pow(r[0], 3) / Math.pow(r[1], 3), d2[j], 1e-9, "D2");
            }
        }
    }

    @Test
    void fastValuePathsEqualTheDifferentiableOnes() {
        Jets jets = referenceJets();
        for (NSubjettiness ns : new NSubjettiness[] {NSubjettiness.defaults(), NSubjettiness.defaults().withBeta(2).withMaxN(4),
            NSubjettiness.defaults().withNormalized(false)}) {
            Tensor fast = ns.computeValues(jets.constituents());
            Tensor slow = ns.compute(jets.constituents());
            assertTrue(fast.allClose(slow, 1e-10, 1e-10), ns + ": " + fast.sub(slow).abs().max().item() + " " + fast + slow);
        }
        for (double beta : new double[] {0.5, 1, 2}) {
            EnergyCorrelation ec = new EnergyCorrelation(beta);
            assertTrue(ec.ecfValues(jets.constituents()).allClose(ec.ecf(jets.constituents()), 1e-10, 1e-9), "beta " + beta);
        }
    }

    @Test
    void tinyJetsGiveZeroInsteadOfNaN() {
        // a one-particle jet, a two-particle jet and an empty one
        double[] flat = {10, 0, 5, 12, 20, 1, 0, 21, 18, -1, 2, 19};
        JaggedFourVector jets = JaggedFourVector.fromPxPyPzE(Jagged.fromCounts(Tensor.of(flat, 3, 4), 1, 2, 0));
        Tensor taus = NSubjettiness.defaults().compute(jets);
        double[] t = taus.toDoubleArray();
        assertEquals(0.0, t[0]);
        assertTrue(t[3] > 0, "tau1 of a 2-particle jet");
        assertEquals(0.0, t[4], "tau2 of a 2-particle jet");
        assertArrayEquals(new double[] {0, 0, 0}, java.util.Arrays.copyOfRange(t, 6, 9));
        double[] ratio = NSubjettiness.ratio(taus, 2).toDoubleArray();
        assertArrayEquals(new double[] {0, 0, 0}, ratio);
        assertTrue(taus.allClose(NSubjettiness.defaults().computeValues(jets), 1e-12, 1e-12));
        assertTrue(EnergyCorrelation.defaults().ecf(jets).allClose(EnergyCorrelation.defaults().ecfValues(jets), 1e-12, 1e-12));
        double[] c2 = EnergyCorrelation.defaults().c2(jets).toDoubleArray();
        for (double v : c2) {
            assertTrue(Double.isFinite(v));
        }
        assertThrows(IllegalArgumentException.class, () -> new NSubjettiness(0, 1, 0.8, true));
        assertThrows(IllegalArgumentException.class, () -> new EnergyCorrelation(-1));
    }

    @Test
    void observablesAreDifferentiableInTheConstituents() {
        // one 6-particle jet with two clear prongs (pt, eta, phi, m); masses are pion-like rather than 0, where the
        // clamp of a (rounding-)negative mass² makes finite differences one-sided
        Tensor x = Tensor.of(new double[] {
            50, 0.10, 0.20, 0.14, 30, 0.15, 0.25, 0.14, 10, 0.05, 0.12, 0.5,
            40, -0.20, -0.15, 0.14, 12, -0.25, -0.10, 0.14, 5, 0.30, -0.30, 0.14}, 6, 4);
        GradCheck.Options opts = GradCheck.Options.defaults().withTolerance(1e-5, 1e-3);
        GradCheck.checkAll((Tensor[] in) -> NSubjettiness.defaults().compute(
                JaggedFourVector.fromPtEtaPhiM(Jagged.fromCounts(in[0], 6))).reshape(-1), opts, x);
        GradCheck.checkAll((Tensor[] in) -> {
            JaggedFourVector j = JaggedFourVector.fromPtEtaPhiM(Jagged.fromCounts(in[0], 6));
            return Tensor.cat(0, new EnergyCorrelation(1).ecf(j).reshape(-1), EnergyCorrelation.defaults().c2(j),
                    new EnergyCorrelation(2).d2(j), JetObservables.girth(j), JetObservables.mass(j));
        }, opts, x);
        assertEquals(DType.FLOAT64, NSubjettiness.defaults().compute(JaggedFourVector.fromPtEtaPhiM(Jagged.fromCounts(x, 6))).dtype());
    }
}
