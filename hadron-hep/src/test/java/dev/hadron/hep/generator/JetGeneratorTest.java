package dev.hadron.hep.generator;

import dev.hadron.data.Dataset;
import dev.hadron.hep.substructure.EnergyCorrelation;
import dev.hadron.hep.substructure.NSubjettiness;
import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JetGeneratorTest {
    @Test
    void outputsHaveTheDocumentedShapesAndConventions() {
        GeneratedJets jets = JetGenerator.defaults().generateMixture(40, new Generator(5), JetType.QCD, JetType.W, JetType.TOP);
        assertEquals(120, jets.size());
        assertArrayEquals(new int[] {120, GeneratedJets.FEATURE_NAMES.size()}, jets.features().shape());
        assertArrayEquals(new int[] {120, 20, 20}, jets.images().shape());
        assertArrayEquals(new int[] {120, 4}, jets.truth().shape());
        long[] labels = jets.labels().toLongArray();
        int[] perClass = new int[3];
        for (long l : labels) {
            perClass[(int) l]++;
        }
        assertArrayEquals(new int[] {40, 40, 40}, perClass, "balanced classes");
        double[] c = jets.constituents().values().toDoubleArray();
        long[] off = jets.constituents().offsetsArray();
        for (int j = 0; j < jets.size(); j++) {
            assertTrue(off[j + 1] > off[j], "every jet has constituents");
            for (long i = off[j]; i < off[j + 1]; i++) {
                double pt = c[(int) (4 * i)];
                double eta = c[(int) (4 * i + 1)];
                double phi = c[(int) (4 * i + 2)];
                double e = c[(int) (4 * i + 3)];
                assertTrue(pt >= 0.5 && Math.abs(eta) <= 2.5 && phi > -Math.PI && phi <= Math.PI, "constituent in acceptance");
                assertEquals(pt * Math.cosh(eta), e, 1e-3 * e, "massless constituent");
                if (i > off[j]) {
                    assertTrue(c[(int) (4 * (i - 1))] >= pt, "constituents sorted by pt");
                }
            }
        }
        for (double v : jets.features().toDoubleArray()) {
            assertTrue(Double.isFinite(v), "finite features");
        }
        double[] img = jets.images().toDoubleArray();
        for (int j = 0; j < jets.size(); j++) {
            double s = 0;
            for (int p = 0; p < 400; p++) {
                s += img[400 * j + p];
            }
            assertTrue(s == 0 || Math.abs(s - 1) < 1e-4, "image " + j + " sums to 1, got " + s);
        }
        double[] jetPt = jets.feature("pt").toDoubleArray();
        for (double pt : jetPt) {
            assertTrue(pt > 300 && pt < 800, "jet pt near the generated window: " + pt);
        }
    }

    @Test
    void sameSeedSameJetsOtherSeedOtherJets() {
        JetGenerator g = JetGenerator.defaults();
        GeneratedJets a = g.generateMixture(30, new Generator(9), JetType.QCD, JetType.TOP);
        GeneratedJets b = g.generateMixture(30, new Generator(9), JetType.QCD, JetType.TOP);
        GeneratedJets c = g.generateMixture(30, new Generator(10), JetType.QCD, JetType.TOP);
        assertTrue(a.constituents().values().equal(b.constituents().values()));
        assertTrue(a.features().equal(b.features()));
        assertTrue(a.labels().equal(b.labels()));
        assertTrue(a.images().equal(b.images()));
        assertFalse(a.features().equal(c.features()));
    }

    @Test
    void featuresAgreeWithTheDifferentiableObservables() {
        GeneratedJets jets = JetGenerator.defaults().generateMixture(25, new Generator(3), JetType.W, JetType.TOP);
        JaggedFourVector v = jets.constituentVectors();
        JaggedFourVector v64 = JaggedFourVector.of(v.flat().to(dev.hadron.tensor.DType.FLOAT64), jets.constituents());
        Tensor taus = NSubjettiness.defaults().compute(v64);
        assertTrue(NSubjettiness.ratio(taus, 2).allClose(jets.feature("tau21").to(dev.hadron.tensor.DType.FLOAT64), 1e-3, 1e-4));
        assertTrue(EnergyCorrelation.defaults().c2(v64).allClose(jets.feature("c2_b1").to(dev.hadron.tensor.DType.FLOAT64), 1e-3,
                1e-4));
        assertTrue(v64.sum().mass().allClose(jets.feature("mass").to(dev.hadron.tensor.DType.FLOAT64), 1e-4, 1e-2));
    }

    @Test
    void datasetsAndSubsets() {
        GeneratedJets jets = JetGenerator.defaults().generateMixture(10, new Generator(1), JetType.QCD, JetType.W);
        Dataset d = jets.toDataset();
        assertEquals(20, d.size());
        assertEquals(GeneratedJets.FEATURE_NAMES, d.featureNames());
        assertTrue(jets.toConstituentDataset().isJagged());
        GeneratedJets sub = jets.subset(new long[] {3, 1});
        assertEquals(2, sub.size());
        assertTrue(sub.features().select(0, 0).equal(jets.features().select(0, 3)));
        assertTrue(sub.constituents().event(1).equal(jets.constituents().event(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> jets.feature("nope"));
        assertTrue(e.getMessage().contains("tau21"), e.getMessage());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> JetGenerator.defaults().withPtRange(600, 500));
        assertThrows(IllegalArgumentException.class, () -> JetGenerator.defaults().withCutoffMass(0));
        assertThrows(IllegalArgumentException.class, () -> JetGenerator.defaults().withGluonFraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> Detector.defaults().withPtThreshold(-1));
        assertThrows(IllegalArgumentException.class, () -> JetGenerator.defaults().generate(JetType.W, -1, new Generator(1)));
        IllegalStateException tight = assertThrows(IllegalStateException.class, () -> JetGenerator.defaults()
                .withDetector(Detector.defaults().withPtThreshold(5000)).generate(JetType.W, 1, new Generator(1)));
        assertTrue(tight.getMessage().contains("too tight"), tight.getMessage());
        assertEquals(0, JetGenerator.defaults().generate(JetType.QCD, 0, new Generator(1)).size());
    }
}
