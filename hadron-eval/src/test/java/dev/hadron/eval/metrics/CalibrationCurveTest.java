package dev.hadron.eval.metrics;

import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationCurveTest {
    @Test
    void equalsScikitLearn() {
        Map<String, Object> c = Golden.obj("calibration");
        Tensor y = Golden.labels(c, "labels");
        Tensor p = Golden.tensor(c, "probs");
        CalibrationCurve u = CalibrationCurve.compute(y, p, null, 5, CalibrationCurve.Strategy.UNIFORM);
        assertArrayEquals(Golden.arr(Golden.obj(c, "uniform"), "prob_true"), u.fractionPositive(), 1e-12);
        assertArrayEquals(Golden.arr(Golden.obj(c, "uniform"), "prob_pred"), u.meanPredicted(), 1e-12);
        CalibrationCurve q = CalibrationCurve.compute(y, p, null, 7, CalibrationCurve.Strategy.QUANTILE);
        assertArrayEquals(Golden.arr(Golden.obj(c, "quantile"), "prob_true"), q.fractionPositive(), 1e-12);
        assertArrayEquals(Golden.arr(Golden.obj(c, "quantile"), "prob_pred"), q.meanPredicted(), 1e-12);
    }

    @Test
    void weightsEnterTheMeans() {
        Tensor y = Tensor.of(new long[] {1, 0, 1, 0}, 4);
        Tensor p = Tensor.of(0.1, 0.15, 0.9, 0.95);
        CalibrationCurve c = CalibrationCurve.compute(y, p, Tensor.of(3, 1, 1, 1), 2, CalibrationCurve.Strategy.UNIFORM);
        assertArrayEquals(new double[] {0.75, 0.5}, c.fractionPositive(), 1e-15);
        assertArrayEquals(new double[] {(0.3 + 0.15) / 4, 0.925}, c.meanPredicted(), 1e-15);
        assertArrayEquals(new int[] {2, 2}, c.binCount());
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> CalibrationCurve.compute(Tensor.of(new long[] {0, 1}, 2), Tensor.of(0.5, 1.5), null, 5, CalibrationCurve.Strategy.UNIFORM));
        assertTrue(e.getMessage().contains("probability of event 1 is 1.5"), e.getMessage());
    }
}
