package dev.hadron.eval.metrics;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RocTest {
    private static final double TOL = 1e-12;

    private static RocCurve curveOf(Map<String, Object> c) {
        return Roc.curve(Golden.labels(c, "labels"), Golden.tensor(c, "scores"), Golden.tensor(c, "weights"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary_unweighted", "binary_weighted", "binary_negative_weights", "binary_no_ties"})
    void curveEqualsScikitLearn(String name) {
        Map<String, Object> c = Golden.obj(name);
        RocCurve full = curveOf(c);
        Map<String, Object> ref = Golden.obj(c, "roc_full");
        assertArrayEquals(Golden.arr(ref, "fpr"), full.fpr(), TOL, "fpr, drop_intermediate=False");
        assertArrayEquals(Golden.arr(ref, "tpr"), full.tpr(), TOL, "tpr, drop_intermediate=False");
        assertArrayEquals(Golden.arr(ref, "thresholds"), Arrays.copyOfRange(full.thresholds(), 1, full.size()), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, full.thresholds()[0]);

        RocCurve dropped = full.dropIntermediate();
        Map<String, Object> refDrop = Golden.obj(c, "roc");
        assertArrayEquals(Golden.arr(refDrop, "fpr"), dropped.fpr(), TOL, "fpr, drop_intermediate=True");
        assertArrayEquals(Golden.arr(refDrop, "tpr"), dropped.tpr(), TOL, "tpr, drop_intermediate=True");
        assertArrayEquals(Golden.arr(refDrop, "thresholds"), Arrays.copyOfRange(dropped.thresholds(), 1, dropped.size()), 0.0);
        assertEquals(full.auc(), dropped.auc(), TOL, "dropping collinear points keeps the area");
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary_unweighted", "binary_weighted", "binary_negative_weights", "binary_no_ties"})
    void aucEqualsScikitLearn(String name) {
        Map<String, Object> c = Golden.obj(name);
        assertEquals(Golden.num(c, "auc"), curveOf(c).auc(), TOL);
        assertEquals(Golden.num(c, "auc"), Roc.auc(Golden.labels(c, "labels"), Golden.tensor(c, "scores"), Golden.tensor(c, "weights")), TOL);
    }

    @Test
    void negativeWeightsGiveANonMonotoneCurveWhoseAreaIsTheMannWhitneyStatistic() {
        Map<String, Object> c = Golden.obj("binary_negative_weights");
        RocCurve roc = curveOf(c);
        assertFalse(roc.isMonotone(), "this sample's negative weights make the cumulative sums step back");
        assertEquals(Golden.num(c, "auc_trapz"), roc.auc(), TOL, "signed trapezoid (np.trapz without sklearn's monotonic check)");
        // The policies that make it monotone.
        Tensor y = Golden.labels(c, "labels");
        Tensor s = Golden.tensor(c, "scores");
        Tensor w = Golden.tensor(c, "weights");
        assertTrue(Roc.curve(y, s, w, NegativeWeights.IGNORE).isMonotone());
        assertTrue(Roc.curve(y, s, w, NegativeWeights.ABSOLUTE).isMonotone());
        // First-crossing rule: the reported efficiency is reached by the curve and lies between neighbours.
        double eb = roc.backgroundEfficiencyAt(0.5);
        double[] tpr = roc.tpr();
        double[] fpr = roc.fpr();
        int k = 0;
        while (tpr[k] < 0.5) {
            k++;
        }
        assertTrue(eb >= Math.min(fpr[k - 1], fpr[k]) - TOL && eb <= Math.max(fpr[k - 1], fpr[k]) + TOL);
    }

    @Test
    void tiesCountHalf() {
        // One signal and one background event with the same score: AUC 0.5; sklearn gives the same.
        Tensor y = Tensor.of(new long[] {1, 0}, 2);
        assertEquals(0.5, Roc.auc(y, Tensor.of(0.3, 0.3), null), 0.0);
        assertEquals(1.0, Roc.auc(y, Tensor.of(0.9, 0.3), null), 0.0);
        assertEquals(0.0, Roc.auc(y, Tensor.of(0.1, 0.3), null), 0.0);
    }

    @Test
    void workingPointsInterpolateLinearly() {
        // Scores S=4, S=3, a signal-background tie at 2, B=1 -> points (0,0) (0,1/3) (0,2/3) (1/2,1) (1,1).
        Tensor y = Tensor.of(new long[] {1, 1, 1, 0, 0}, 5);
        Tensor s = Tensor.of(4, 3, 2, 2, 1);
        RocCurve roc = Roc.curve(y, s, null);
        assertEquals(5, roc.size());
        assertEquals(0.25, roc.backgroundEfficiencyAt(5.0 / 6.0), 1e-15, "halfway along the tie's diagonal");
        assertEquals(4.0, roc.backgroundRejectionAt(5.0 / 6.0), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, roc.backgroundRejectionAt(0.5), "ε_S = 50 % is reached with no background");
        assertEquals(5.0 / 6.0, roc.signalEfficiencyAt(0.25), 1e-15);
        assertEquals(1.0, roc.signalEfficiencyAt(0.75), 1e-15);
        assertEquals(3.0, roc.thresholdAtSignalEfficiency(0.6), 0.0);
        assertEquals(11.0 / 12.0, roc.auc(), 1e-15);
    }

    @Test
    void oneVsRestEqualsScikitLearn() {
        Map<String, Object> c = Golden.obj("multiclass");
        int k = (int) Golden.num(c, "k");
        double[] p = Golden.arr(c, "scores");
        Tensor scores = Tensor.of(p, p.length / k, k);
        Tensor y = Golden.labels(c, "labels");
        Tensor w = Golden.tensor(c, "weights");
        assertEquals(Golden.num(c, "auc_ovr_macro"), Roc.aucOneVsRest(y, scores, w, Average.MACRO), TOL);
        assertEquals(Golden.num(c, "auc_ovr_weighted"), Roc.aucOneVsRest(y, scores, w, Average.WEIGHTED), TOL);
        assertEquals(Golden.num(c, "auc_ovr_macro_unweighted"), Roc.aucOneVsRest(y, scores, null, Average.MACRO), TOL);
        List<RocCurve> curves = Roc.oneVsRest(y, scores, w);
        assertEquals(k, curves.size());
        assertThrows(IllegalArgumentException.class, () -> Roc.aucOneVsRest(y, scores, w, Average.MICRO));
    }

    @Test
    void bootstrapIsSeededAndCoversTheSpread() {
        Generator g = new Generator(5);
        int n = 4000;
        long[] y = new long[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            s[i] = g.nextGaussian() + 0.8 * y[i];
        }
        Tensor yt = Tensor.of(y, n);
        Tensor st = Tensor.of(s);
        AucEstimate a = Roc.aucBootstrap(yt, st, null, 300, new Generator(42));
        AucEstimate b = Roc.aucBootstrap(yt, st, null, 300, new Generator(42));
        assertEquals(a, b, "same seed, same answer");
        assertEquals(Roc.auc(yt, st, null), a.auc(), 0.0);
        assertEquals(300, a.replicas());
        // Hanley & McNeil's analytic standard error for this AUC and sample size.
        double auc = a.auc();
        double q1 = auc / (2 - auc);
        double q2 = 2 * auc * auc / (1 + auc);
        double se = Math.sqrt((auc * (1 - auc) + (n / 2.0 - 1) * (q1 - auc * auc) + (n / 2.0 - 1) * (q2 - auc * auc)) / (n / 2.0 * n / 2.0));
        assertEquals(se, a.standardError(), 0.2 * se);
        assertTrue(a.lower() < auc && auc < a.upper());
    }

    @Test
    void badInputFailsWithClearMessages() {
        Tensor y = Tensor.of(new long[] {0, 1, 1}, 3);
        Tensor s = Tensor.of(0.1, 0.5, 0.7);
        var e = assertThrows(IllegalArgumentException.class, () -> Roc.curve(Tensor.of(new long[] {0, 1}, 2), s, null));
        assertTrue(e.getMessage().contains("3 events but 2 labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Roc.curve(Tensor.of(new long[] {1, 1, 1}, 3), s, null));
        assertTrue(e.getMessage().contains("needs events of both classes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Roc.curve(y, Tensor.of(0.1, Double.NaN, 0.7), null));
        assertTrue(e.getMessage().contains("score of event 1 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Roc.curve(y, s, Tensor.of(1, 1, -1)));
        assertTrue(e.getMessage().contains("total signal weight is 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Roc.curve(y, s, Tensor.of(1, 1)));
        assertTrue(e.getMessage().contains("3 events but 2 weights"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Roc.curve(Tensor.of(new long[] {0, 2, 1}, 3), s, null));
        assertTrue(e.getMessage().contains("label of event 1 is 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Roc.curve(y, s, null).backgroundRejectionAt(0));
        assertTrue(e.getMessage().contains("expected a value in (0, 1]"), e.getMessage());
    }
}
