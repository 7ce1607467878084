package dev.hadron.hep.image;

import dev.hadron.autodiff.GradCheck;
import dev.hadron.hep.TestResources;
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

class JetImagesTest {
    private static final Map<String, Object> REF = TestResources.json(JetImagesTest.class, "images_reference.json");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jets() {
        return (List<Map<String, Object>>) REF.get("jets");
    }

    private static JaggedFourVector constituents() {
        List<double[]> rows = new ArrayList<>();
        long[] counts = new long[jets().size()];
        for (int j = 0; j < counts.length; j++) {
            Map<String, Object> jet = jets().get(j);
            double[] pt = TestResources.doubles(jet.get("pt"));
            double[] eta = TestResources.doubles(jet.get("eta"));
            double[] phi = TestResources.doubles(jet.get("phi"));
            counts[j] = pt.length;
            for (int i = 0; i < pt.length; i++) {
                rows.add(new double[] {pt[i], eta[i], phi[i], 0});
            }
        }
        double[] flat = new double[rows.size() * 4];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, 4 * i, 4);
        }
        return JaggedFourVector.fromPtEtaPhiM(Jagged.fromCounts(Tensor.of(flat, rows.size(), 4), counts));
    }

    private static void assertImages(String key, Tensor images) {
        assertArrayEquals(new int[] {jets().size(), 20, 20}, images.shape());
        double[] got = images.toDoubleArray();
        for (int j = 0; j < jets().size(); j++) {
            double[] ref = TestResources.doubles(jets().get(j).get(key));
            for (int p = 0; p < ref.length; p++) {
                assertEquals(ref[p], got[j * 400 + p], 1e-9 * Math.max(1, ref[p]), key + " jet " + j + " pixel " + p);
            }
        }
    }

    @Test
    void preprocessedImagesMatchTheNumpyReference() {
        assertImages("image", JetImages.defaults().compute(constituents()));
    }

    @Test
    void rawImagesMatchTheNumpyReference() {
        JetImages raw = JetImages.defaults().withCenter(false).withRotate(false).withFlip(false)
                .withNormalization(JetImages.Normalization.NONE);
        assertImages("raw", raw.compute(constituents()));
    }

    @Test
    void twoProngsEndUpVerticalWithTheHarderOneOnTop() {
        // prongs at equal eta, separated in phi by 0.4 -> after rotation they lie along phi' (one column)
        Tensor x = Tensor.of(new double[] {100, 0.0, 0.0, 0, 40, 0.3, 0.2, 0, 60, 0.3, -0.2, 0}, 3, 4);
        JaggedFourVector jet = JaggedFourVector.fromPtEtaPhiM(Jagged.fromCounts(x.narrow(0, 1, 2), 2));
        double[] img = JetImages.defaults().compute(jet).toDoubleArray();
        int hardRow = -1;
        int softRow = -1;
        int col = -1;
        for (int p = 0; p < 400; p++) {
            if (Math.abs(img[p] - 0.6) < 1e-9) {
                hardRow = p / 20;
                col = p % 20;
            } else if (Math.abs(img[p] - 0.4) < 1e-9) {
                softRow = p / 20;
                assertEquals(col == -1 ? p % 20 : col, p % 20, "both prongs in one column");
            }
        }
        assertTrue(hardRow > softRow && softRow >= 0, "harder prong on top: rows " + hardRow + " and " + softRow);
        assertEquals(1.0, java.util.Arrays.stream(img).sum(), 1e-12);
        JetImages l2 = JetImages.defaults().withNormalization(JetImages.Normalization.L2);
        Tensor norm = l2.compute(jet).square().sum();
        assertEquals(1.0, norm.item(), 1e-12);
    }

    @Test
    void intensitiesAreDifferentiableAndEmptyJetsStayZero() {
        Tensor x = Tensor.of(new double[] {40, 0.3, 0.2, 0, 60, 0.3, -0.2, 0, 10, 0.1, 0.0, 0}, 3, 4);
        GradCheck.checkAll((Tensor[] in) -> JetImages.defaults().withPixels(8)
                .compute(JaggedFourVector.fromPtEtaPhiM(Jagged.fromCounts(in[0], 3))).reshape(-1), x);
        JaggedFourVector withEmpty = JaggedFourVector.fromPtEtaPhiM(Jagged.fromCounts(x, 3, 0));
        double[] img = JetImages.defaults().compute(withEmpty).toDoubleArray();
        for (int p = 400; p < 800; p++) {
            assertEquals(0.0, img[p]);
        }
        assertThrows(IllegalArgumentException.class, () -> JetImages.defaults().withPixels(0));
        assertThrows(IllegalArgumentException.class, () -> JetImages.defaults().withHalfWidth(Double.NaN));
    }
}
