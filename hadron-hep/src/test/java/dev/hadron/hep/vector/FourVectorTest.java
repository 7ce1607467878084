package dev.hadron.hep.vector;

import dev.hadron.autodiff.GradCheck;
import dev.hadron.hep.TestResources;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FourVectorTest {
    private static final Map<String, Object> REF = TestResources.json(FourVectorTest.class, "fourvector_reference.json");

    private static Tensor t(String key) {
        double[] v = TestResources.doubles(REF.get(key));
        return Tensor.of(v, v.length);
    }

    private static void close(String what, String key, Tensor actual, double rtol) {
        double[] expected = TestResources.doubles(REF.get(key));
        double[] got = actual.toDoubleArray();
        assertEquals(expected.length, got.length, what);
        for (int i = 0; i < got.length; i++) {
            double tol = rtol * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], got[i], tol, what + "[" + i + "]");
        }
    }

    private static FourVector first() {
        return FourVector.fromPtEtaPhiM(t("pt"), t("eta"), t("phi"), t("m"));
    }

    private static FourVector second() {
        return FourVector.fromPtEtaPhiM(t("pt2"), t("eta2"), t("phi2"), t("m2"));
    }

    @Test
    void cylindricalToCartesianMatchesNumpy() {
        FourVector v = first();
        close("px", "px", v.px(), 1e-12);
        close("py", "py", v.py(), 1e-12);
        close("pz", "pz", v.pz(), 1e-12);
        close("E", "e", v.e(), 1e-12);
        close("p", "p", v.p(), 1e-12);
        close("mt", "mt", v.mt(), 1e-12);
        close("et", "et", v.et(), 1e-12);
        close("theta", "theta", v.theta(), 1e-12);
        close("rapidity", "rapidity", v.rapidity(), 1e-10);
    }

    @Test
    void cartesianToCylindricalRoundTrips() {
        FourVector c = FourVector.fromPxPyPzE(t("px"), t("py"), t("pz"), t("e"));
        close("pt", "pt", c.pt(), 1e-12);
        close("eta", "eta", c.eta(), 1e-10);
        close("phi", "phi", c.phi(), 1e-12);
        close("rapidity", "rapidity", c.rapidity(), 1e-8);
        // the mass comes back through E^2 - p^2, whose cancellation costs about sqrt(ulp(E^2)): 1e-4 GeV for
        // a massless particle with E ~ 5 TeV in float64; heavy masses come back to 1e-9 relative
        double[] m = c.mass().toDoubleArray();
        double[] mRef = TestResources.doubles(REF.get("m"));
        for (int i = 0; i < m.length; i++) {
            assertEquals(mRef[i], m[i], 1e-4 + 1e-9 * mRef[i], "mass[" + i + "]");
        }
        FourVector back = FourVector.fromPtEtaPhiMTensor(c.toPtEtaPhiMTensor());
        close("px after round trip", "px", back.px(), 1e-9);
        FourVector viaM = FourVector.fromPxPyPzM(t("px"), t("py"), t("pz"), t("m"));
        close("E from m", "e", viaM.e(), 1e-12);
        FourVector viaE = FourVector.fromPtEtaPhiE(t("pt"), t("eta"), t("phi"), t("e"));
        close("pz from (pt, eta, phi, E)", "pz", viaE.pz(), 1e-12);
    }

    @Test
    void distancesAndSumsMatchNumpy() {
        FourVector a = first();
        FourVector b = second();
        close("deltaPhi", "dphi", a.deltaPhi(b), 1e-12);
        close("deltaEta", "deta", a.deltaEta(b), 1e-12);
        close("deltaR", "dr", a.deltaR(b), 1e-12);
        close("mass of the sum", "sum_mass", a.add(b).mass(), 1e-9);
        FourVector pairs = FourVector.fromTensor(Tensor.stack(0, a.toTensor(), b.toTensor()));
        close("sum over dim 0", "sum_mass", pairs.sum(0).mass(), 1e-9);
    }

    @Test
    void boostToTheRestFrameOfThePairMatchesTLorentzVector() {
        FourVector a = first();
        FourVector s = a.add(second());
        FourVector cm = a.boostCMOfP4(s);
        close("px in CM", "cm_px", cm.px(), 1e-8);
        close("py in CM", "cm_py", cm.py(), 1e-8);
        close("pz in CM", "cm_pz", cm.pz(), 1e-8);
        close("E in CM", "cm_e", cm.e(), 1e-8);
        // the pair itself is at rest in its own frame, and boosting back restores the vector
        FourVector rest = s.boostCMOfP4(s);
        assertTrue(rest.p().abs().max().item() < 1e-8 * s.e().max().item(), "the pair is at rest in its CM frame");
        FourVector back = cm.boostP4(s);
        close("boost back", "px", back.px(), 1e-9);
    }

    @Test
    void deltaPhiIsWrappedIntoMinusPiPi() {
        Tensor phi1 = Tensor.of(3.1, -3.1, Math.PI, -Math.PI, 0.0, 6.0);
        Tensor phi2 = Tensor.of(-3.1, 3.1, 0.0, 0.0, Math.PI, -6.0);
        double[] d = Kinematics.deltaPhi(phi1, phi2).toDoubleArray();
        assertEquals(6.2 - 2 * Math.PI, d[0], 1e-12);
        assertEquals(2 * Math.PI - 6.2, d[1], 1e-12);
        assertEquals(Math.PI, d[2], 1e-15, "+pi stays +pi");
        assertEquals(Math.PI, d[3], 1e-15, "-pi maps to +pi");
        assertEquals(Math.PI, d[4], 1e-15, "-pi maps to +pi");
        assertEquals(12.0 - 4 * Math.PI, d[5], 1e-12);
        for (double x : d) {
            assertTrue(x > -Math.PI && x <= Math.PI, "in (-pi, pi]: " + x);
        }
    }

    @Test
    void spaceLikeVectorsHaveNegativeMassAndBeamParticlesInfiniteEta() {
        FourVector v = FourVector.of(3, 0, 4, 4);
        assertEquals(-3.0, v.mass().item(), 1e-12);
        FourVector beam = FourVector.of(0, 0, 10, 10);
        assertEquals(Double.POSITIVE_INFINITY, beam.eta().item());
        assertEquals(0.0, FourVector.of(1, 0, 0, 1).eta().item(), 0.0);
    }

    @Test
    void float32AndMixedDtypesArePromoted() {
        FourVector v = FourVector.fromPtEtaPhiM(Tensor.of(new float[] {10f}, 1), Tensor.of(new float[] {0.5f}, 1),
                Tensor.of(new float[] {0.1f}, 1), Tensor.of(new float[] {0f}, 1));
        assertEquals(DType.FLOAT32, v.dtype());
        FourVector w = FourVector.fromPtEtaPhiM(Tensor.of(new float[] {10f}, 1), Tensor.of(0.5), Tensor.of(0.1), Tensor.of(0.0));
        assertEquals(DType.FLOAT64, w.dtype());
        assertArrayEquals(new int[] {1}, w.shape());
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> FourVector.fromPxPyPzE(Tensor.zeros(3), Tensor.zeros(4), Tensor.zeros(3), Tensor.zeros(3)));
        assertTrue(shape.getMessage().contains("do not broadcast"), shape.getMessage());
        IllegalArgumentException fast = assertThrows(IllegalArgumentException.class,
                () -> FourVector.of(1, 0, 0, 2).boost(Tensor.of(0.8, 0.7, 0.0)));
        assertTrue(fast.getMessage().contains("|beta| must be < 1"), fast.getMessage());
        IllegalArgumentException last = assertThrows(IllegalArgumentException.class,
                () -> FourVector.fromTensor(Tensor.zeros(5, 3)));
        assertTrue(last.getMessage().contains("last dimension"), last.getMessage());
    }

    @Test
    void kinematicsAreDifferentiable() {
        // (pt, eta, phi, m) of two particles -> mass, rapidity and deltaR of the pair, all through autodiff
        Tensor x = Tensor.of(new double[] {40, 0.3, 0.5, 0.1, 25, -0.7, 2.9, 1.5}, 2, 4);
        GradCheck.checkAll((Tensor[] in) -> {
            FourVector v = FourVector.fromPtEtaPhiMTensor(in[0]).toCartesian();
            FourVector s = v.sum(0);
            return Tensor.stack(0, s.mass(), s.rapidity(), s.eta(), s.phi(), v.select(0).deltaR(v.select(1)),
                    v.select(0).deltaRapidityPhi(v.select(1)));
        }, x);
        // boosts, including a zero velocity, and the rest-frame boost
        Tensor p = Tensor.of(new double[] {10, -3, 25, 40, 1, 2, -8, 30}, 2, 4);
        Tensor beta = Tensor.of(new double[] {0.2, -0.4, 0.5, 0, 0, 0}, 2, 3);
        GradCheck.checkAll((Tensor[] in) -> FourVector.fromTensor(in[0]).boost(in[1]).toTensor(), p, beta);
        GradCheck.checkAll((Tensor[] in) -> {
            FourVector v = FourVector.fromTensor(in[0]);
            return v.select(0).boostCMOfP4(v.sum(0)).toTensor();
        }, p);
        // eta and the wrapped deltaPhi stay smooth at pz = 0 and across the +-pi seam
        GradCheck.checkAll((Tensor[] in) -> FourVector.fromTensor(in[0]).eta(), Tensor.of(new double[] {3, 4, 0, 6}, 1, 4));
        GradCheck.checkAll((Tensor[] in) -> Kinematics.deltaPhi(in[0], in[1]), Tensor.of(3.1, -3.1, 0.2), Tensor.of(-3.1, 3.1, 0.1));
    }

    @Test
    void jaggedCollectionsSumFilterAndBroadcast() {
        // two events: 2 muons, then 3
        FourVector flat = FourVector.fromPtEtaPhiM(Tensor.of(45.0, 38.0, 20.0, 10.0, 5.0), Tensor.of(0.3, -1.1, 0.0, 1.0, 2.0),
                Tensor.of(0.5, -2.6, 1.0, 2.0, -1.0), Tensor.of(0.1, 0.1, 0.1, 0.1, 0.1));
        JaggedFourVector j = JaggedFourVector.of(flat, dev.hadron.tensor.Jagged.fromCounts(Tensor.zeros(5), 2, 3));
        FourVector sums = j.sum();
        FourVector first = flat.map(t -> t.narrow(0, 0, 2)).sum(0);
        assertEquals(first.mass().item(), sums.mass().toDoubleArray()[0], 1e-9);
        assertEquals(2, j.numEvents());
        JaggedFourVector hard = j.filter(j.pt().values().gt(15));
        assertArrayEquals(new long[] {2, 1}, hard.counts().toLongArray());
        assertEquals(20.0, hard.event(1).pt().item(), 1e-12);
        double[] dr = j.deltaR(sums).values().toDoubleArray();
        assertEquals(5, dr.length);
        assertEquals(flat.select(0).deltaR(sums.select(0)).item(), dr[0], 1e-12);
        GradCheck.checkAll((Tensor[] in) -> JaggedFourVector.fromPtEtaPhiM(dev.hadron.tensor.Jagged.fromCounts(in[0], 2, 1)).sum().mass(),
                Tensor.of(new double[] {40, 0.3, 0.5, 0.1, 25, -0.7, 2.9, 1.5, 30, 1.0, 1.0, 2.0}, 3, 4));
    }
}
