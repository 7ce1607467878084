package dev.hadron.data;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {
    private static Dataset data(int n) {
        Tensor x = Tensor.arange(DType.FLOAT64, 0, 2 * n, 1).reshape(n, 2);
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4 == 0 ? 1 : 0;
        }
        return Dataset.of(x, Tensor.of(y, n), Tensor.arange(DType.FLOAT64, 0, n, 1));
    }

    @Test
    void splitsPartitionTheEventsReproducibly() {
        Dataset d = data(100);
        Dataset.Split s = d.split(new Generator(1), 0.6, 0.2);
        assertEquals(60, s.train().size());
        assertEquals(20, s.validation().size());
        assertEquals(20, s.test().size());
        double total = s.train().weights().sum().item() + s.validation().weights().sum().item() + s.test().weights().sum().item();
        assertEquals(d.weights().sum().item(), total, "every event lands in exactly one part");
        Dataset.Split again = d.split(new Generator(1), 0.6, 0.2);
        assertTrue(s.train().features().equal(again.train().features()));
        // features, labels and weights stay aligned
        double[] f = s.test().features().select(1, 0).toDoubleArray();
        double[] w = s.test().weights().toDoubleArray();
        for (int i = 0; i < f.length; i++) {
            assertEquals(2 * w[i], f[i]);
        }
    }

    @Test
    void stratifiedSplitKeepsClassShares() {
        Dataset.Split s = data(400).splitStratified(new Generator(2), 0.5, 0.25);
        assertEquals(0.25, s.train().labels().to(DType.FLOAT64).mean().item(), 1e-12);
        assertEquals(0.25, s.validation().labels().to(DType.FLOAT64).mean().item(), 1e-12);
        assertEquals(0.25, s.test().labels().to(DType.FLOAT64).mean().item(), 1e-12);
    }

    @Test
    void jaggedSubsetKeepsWholeEvents() {
        Jagged j = Jagged.fromCounts(Tensor.arange(DType.FLOAT64, 0, 6, 1).reshape(6, 1), 2, 0, 3, 1);
        Dataset d = Dataset.ofJagged(j, Tensor.of(new long[] {0, 1, 0, 1}, 4), null);
        Dataset sub = d.subset(new long[] {3, 0});
        assertArrayEquals(new long[] {0, 1, 3}, sub.jaggedFeatures().offsetsArray());
        assertArrayEquals(new double[] {5, 0, 1}, sub.jaggedFeatures().values().toDoubleArray());
        assertArrayEquals(new long[] {1, 0}, sub.labels().toLongArray());
    }

    @Test
    void badInputsAreRefused() {
        Tensor x = Tensor.zeros(DType.FLOAT64, 5, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.of(x, Tensor.zeros(4))).getMessage()
                .contains("5 events"));
        Tensor nan = Tensor.of(0.0, 1.0, Double.NaN, 0.0, 1.0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.of(x, nan)).getMessage()
                .contains("label of event 2"));
        Tensor w = Tensor.of(1.0, Double.POSITIVE_INFINITY, 1.0, 1.0, 1.0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.of(x, Tensor.zeros(5), w)).getMessage()
                .contains("weight of event 1"));
        assertThrows(IllegalArgumentException.class, () -> data(10).split(new Generator(1), 0.8, 0.3));
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(x).withFeatureNames(List.of("a")));
    }

    @Test
    void standardizerUsesTrainingStatistics() {
        Tensor train = Tensor.of(new double[] {1, 10, 3, 10, 5, 10}, 3, 2);
        Standardizer s = Standardizer.fit(train);
        assertArrayEquals(new double[] {3, 10}, s.mean().toDoubleArray());
        assertArrayEquals(new double[] {Math.sqrt(8.0 / 3), 1}, s.scale().toDoubleArray(), 1e-12);
        Tensor z = s.transform(train);
        assertEquals(0.0, z.mean(0).get(0).item(), 1e-12);
        assertTrue(s.inverseTransform(z).allClose(train, 1e-12, 1e-12));
        assertThrows(IllegalArgumentException.class, () -> s.transform(Tensor.zeros(DType.FLOAT64, 2, 3)));
    }
}
