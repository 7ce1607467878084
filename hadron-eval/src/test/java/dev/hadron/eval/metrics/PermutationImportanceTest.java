package dev.hadron.eval.metrics;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermutationImportanceTest {
    @Test
    void informativeFeatureRanksFirst() {
        Generator g = new Generator(9);
        int n = 2000;
        double[] x = new double[n * 3];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i * 3] = g.nextGaussian() + 1.5 * y[i];      // strong
            x[i * 3 + 1] = g.nextGaussian();                // noise
            x[i * 3 + 2] = g.nextGaussian() + 0.4 * y[i];  // weak
        }
        Tensor xt = Tensor.of(x, n, 3);
        Tensor yt = Tensor.of(y, n);
        // "Model": a fixed linear discriminant.
        java.util.function.ToDoubleFunction<Tensor> auc = f -> {
            double[] v = f.toDoubleArray();
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = 1.5 * v[i * 3] + 0.4 * v[i * 3 + 2];
            }
            return Roc.auc(yt, Tensor.of(s), null);
        };
        PermutationImportance imp = PermutationImportance.compute(xt, List.of("strong", "noise", "weak"), auc, 4, new Generator(1));
        assertArrayEquals(new int[] {0, 2, 1}, imp.ranking());
        assertEquals(0.0, imp.mean()[1], 0.0, "the model ignores the noise column");
        assertTrue(imp.mean()[0] > 0.2, "strong: " + imp.mean()[0]);
        assertEquals(4, imp.importances()[0].length);
        PermutationImportance again = PermutationImportance.compute(xt, List.of("strong", "noise", "weak"), auc, 4, new Generator(1));
        assertEquals(imp, again, "seeded");
    }

    @Test
    void badInput() {
        Tensor x = Tensor.zeros(4, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> PermutationImportance.compute(x, List.of("a"), f -> 1.0, 1, new Generator(1)));
        assertTrue(e.getMessage().contains("1 feature names for 2 columns"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PermutationImportance.compute(x, null, f -> Double.NaN, 1, new Generator(1)));
        assertTrue(e.getMessage().contains("returned NaN"), e.getMessage());
    }
}
