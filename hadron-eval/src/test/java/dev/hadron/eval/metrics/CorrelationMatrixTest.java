package dev.hadron.eval.metrics;

import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelationMatrixTest {
    @Test
    void equalsNumpy() {
        Map<String, Object> c = Golden.obj("correlation");
        int n = (int) Golden.num(c, "n");
        int f = (int) Golden.num(c, "f");
        Tensor x = Tensor.of(Golden.arr(c, "x"), n, f);
        double[] weighted = Golden.arr(c, "weighted");
        double[] unweighted = Golden.arr(c, "unweighted");
        CorrelationMatrix w = CorrelationMatrix.of(x, Golden.tensor(c, "weights"), null);
        CorrelationMatrix u = CorrelationMatrix.of(x, null, List.of("a", "b", "c", "d"));
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < f; j++) {
                assertEquals(weighted[i * f + j], w.get(i, j), 1e-12);
                assertEquals(unweighted[i * f + j], u.get(i, j), 1e-12);
            }
        }
        assertEquals(List.of("f0", "f1", "f2", "f3"), w.names());
    }

    @Test
    void constantFeatureIsNamed() {
        Tensor x = Tensor.of(new double[] {1, 5, 2, 5, 3, 5}, 3, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> CorrelationMatrix.of(x, null, List.of("pt", "eta")));
        assertTrue(e.getMessage().contains("feature 'eta' has weighted variance 0.0"), e.getMessage());
    }
}
