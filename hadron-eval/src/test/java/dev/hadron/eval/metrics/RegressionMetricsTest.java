package dev.hadron.eval.metrics;

import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegressionMetricsTest {
    private static final double TOL = 1e-12;

    @Test
    void equalsScikitLearn() {
        Map<String, Object> c = Golden.obj("regression");
        Tensor t = Golden.tensor(c, "targets");
        Tensor p = Golden.tensor(c, "predictions");
        Tensor w = Golden.tensor(c, "weights");
        RegressionMetrics m = RegressionMetrics.of(t, p, w);
        assertEquals(Golden.num(c, "r2"), m.r2(), TOL);
        assertEquals(Golden.num(c, "mae"), m.mae(), TOL);
        assertEquals(Golden.num(c, "mse"), m.mse(), TOL);
        assertEquals(Math.sqrt(Golden.num(c, "mse")), m.rmse(), TOL);
        assertEquals(Golden.num(c, "r2_unweighted"), RegressionMetrics.of(t, p, null).r2(), TOL);

        double[] t2 = Golden.arr(c, "targets2");
        double[] p2 = Golden.arr(c, "predictions2");
        RegressionMetrics m2 = RegressionMetrics.of(Tensor.of(t2, t2.length / 2, 2), Tensor.of(p2, p2.length / 2, 2), w);
        assertEquals(Golden.num(c, "r2_multi"), m2.r2(), TOL);
        assertArrayEquals(Golden.arr(c, "r2_multi_raw"), m2.r2PerOutput(), TOL);
        assertEquals(Golden.num(c, "mae_multi"), m2.mae(), TOL);
        assertEquals(Golden.num(c, "mse_multi"), m2.mse(), TOL);
        assertEquals(Golden.num(c, "rmse_multi"), m2.rmse(), TOL);
    }

    @Test
    void constantTargetsFollowForceFinite() {
        Tensor t = Tensor.of(2, 2, 2);
        assertEquals(1.0, RegressionMetrics.of(t, Tensor.of(2, 2, 2), null).r2());
        assertEquals(0.0, RegressionMetrics.of(t, Tensor.of(2, 3, 2), null).r2());
    }

    @Test
    void badInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.of(Tensor.of(1, 2, 3), Tensor.of(1, 2), null));
        assertTrue(e.getMessage().contains("expected equal shapes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.of(Tensor.of(1, 2), Tensor.of(1, Double.NaN), null));
        assertTrue(e.getMessage().contains("prediction of event 1 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.of(Tensor.of(1, 2), Tensor.of(1, 2), Tensor.of(1, -1)));
        assertTrue(e.getMessage().contains("total weight is 0.0"), e.getMessage());
    }
}
