package dev.hadron.eval.metrics;

import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfusionMatrixTest {
    private static final double TOL = 1e-12;

    private static void assertMatrix(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], TOL, "row " + i);
        }
    }

    @Test
    void multiClassEqualsScikitLearn() {
        Map<String, Object> c = Golden.obj("multiclass");
        int k = (int) Golden.num(c, "k");
        double[] p = Golden.arr(c, "scores");
        ConfusionMatrix cm = ConfusionMatrix.fromScores(Golden.labels(c, "labels"), Tensor.of(p, p.length / k, k), Golden.tensor(c, "weights"));
        assertMatrix(Golden.matrix(c, "confusion"), cm.counts());
        assertMatrix(Golden.matrix(c, "confusion_true"), cm.values(Normalization.TRUE));
        assertMatrix(Golden.matrix(c, "confusion_pred"), cm.values(Normalization.PREDICTED));
        assertMatrix(Golden.matrix(c, "confusion_all"), cm.values(Normalization.ALL));
        double[] pr = Golden.arr(c, "precision");
        double[] rc = Golden.arr(c, "recall");
        double[] f1 = Golden.arr(c, "f1");
        for (int j = 0; j < k; j++) {
            assertEquals(pr[j], cm.precision(j), TOL);
            assertEquals(rc[j], cm.recall(j), TOL);
            assertEquals(f1[j], cm.f1(j), TOL);
        }
        for (Average a : Average.values()) {
            String s = a.name().toLowerCase();
            assertEquals(Golden.num(c, "precision_" + s), cm.precision(a), TOL, s);
            assertEquals(Golden.num(c, "recall_" + s), cm.recall(a), TOL, s);
            assertEquals(Golden.num(c, "f1_" + s), cm.f1(a), TOL, s);
        }
        assertEquals(Golden.num(c, "accuracy"), cm.accuracy(), TOL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary_unweighted", "binary_weighted", "binary_negative_weights"})
    void binaryAtThresholdEqualsScikitLearn(String name) {
        Map<String, Object> c = Golden.obj(name);
        ConfusionMatrix cm = ConfusionMatrix.fromScores(Golden.labels(c, "labels"), Golden.tensor(c, "scores"), Golden.tensor(c, "weights"),
                Golden.num(c, "threshold"));
        assertMatrix(Golden.matrix(c, "confusion"), cm.counts());
        if (c.containsKey("precision")) {
            assertEquals(Golden.num(c, "precision"), cm.precision(1), TOL);
            assertEquals(Golden.num(c, "recall"), cm.recall(1), TOL);
            assertEquals(Golden.num(c, "f1"), cm.f1(1), TOL);
            assertEquals(Golden.num(c, "accuracy"), cm.accuracy(), TOL);
        }
    }

    @Test
    void zeroDivisionGivesZeroAsScikitLearn() {
        // Nothing predicted as class 2: its precision is 0 (sklearn's zero_division result), its column all zero.
        ConfusionMatrix cm = ConfusionMatrix.of(Tensor.of(new long[] {0, 1, 2}, 3), Tensor.of(new long[] {0, 1, 1}, 3), null, 3);
        assertEquals(0.0, cm.precision(2));
        assertEquals(0.0, cm.recall(2));
        assertEquals(0.0, cm.f1(2));
        double[][] byColumn = cm.values(Normalization.PREDICTED);
        for (double[] row : byColumn) {
            assertEquals(0.0, row[2], "empty predicted column stays zero");
        }
    }

    @Test
    void badInput() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(Tensor.of(new long[] {0, 1, 3}, 3), Tensor.of(new long[] {0, 1, 1}, 3), null, 3));
        assertTrue(e.getMessage().contains("label of event 2 is 3; expected a class index in 0..2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(Tensor.of(new long[] {0, 1}, 2), Tensor.of(new long[] {0, 1, 1}, 3), null, 3));
        assertTrue(e.getMessage().contains("3 events but 2 labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.fromScores(Tensor.of(new long[] {0, 1}, 2), Tensor.of(0.2, 0.8), null));
        assertTrue(e.getMessage().contains("need a threshold"), e.getMessage());
    }
}
