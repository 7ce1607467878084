package dev.hadron.ml.neighbors;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearestNeighborsTest {
    /** The k-d tree must return exactly what brute force returns, ties (duplicate points, a grid) included. */
    @Test
    void kdTreeEqualsBruteForce() {
        Generator g = new Generator(11);
        Tensor continuous = Tensor.normal(g, DType.FLOAT64, 0, 1, 700, 3);
        // integer grid points: many exactly equal distances and duplicate rows
        Tensor grid = Tensor.uniform(g, DType.FLOAT64, 0, 4, 500, 2).floor();
        for (Tensor x : new Tensor[] {continuous, grid}) {
            Tensor q = x.narrow(0, 0, 120).add(0.25);
            for (int leaf : new int[] {1, 5, 30}) {
                NearestNeighbors tree = NearestNeighbors.build(x, NearestNeighbors.Algorithm.KD_TREE, leaf);
                NearestNeighbors brute = NearestNeighbors.build(x, NearestNeighbors.Algorithm.BRUTE, leaf);
                assertEquals(NearestNeighbors.Algorithm.KD_TREE, tree.algorithm());
                for (int k : new int[] {1, 7, 40}) {
                    NearestNeighbors.Result a = tree.query(q, k);
                    NearestNeighbors.Result b = brute.query(q, k);
                    assertArrayEquals(b.indices().toLongArray(), a.indices().toLongArray(), "leaf " + leaf + ", k " + k);
                    assertArrayEquals(b.distances().toDoubleArray(), a.distances().toDoubleArray(), 0.0);
                }
            }
        }
    }

    @Test
    void nearestFirstWithExactDistances() {
        Tensor x = Tensor.of(new double[] {0, 0, 3, 4, 1, 0, 0, 2}, 4, 2);
        NearestNeighbors.Result r = NearestNeighbors.build(x, NearestNeighbors.Algorithm.AUTO, 30).query(
                Tensor.of(new double[] {0, 0}, 1, 2), 4);
        assertArrayEquals(new long[] {0, 2, 3, 1}, r.indices().toLongArray());
        assertArrayEquals(new double[] {0, 1, 2, 5}, r.distances().toDoubleArray(), 1e-15);
    }

    @Test
    void autoPicksTheTreeOnlyInLowDimensions() {
        Generator g = new Generator(2);
        assertEquals(NearestNeighbors.Algorithm.KD_TREE, NearestNeighbors.build(
                Tensor.normal(g, DType.FLOAT64, 0, 1, 50, NearestNeighbors.KD_TREE_MAX_FEATURES),
                NearestNeighbors.Algorithm.AUTO, 30).algorithm());
        assertEquals(NearestNeighbors.Algorithm.BRUTE, NearestNeighbors.build(
                Tensor.normal(g, DType.FLOAT64, 0, 1, 50, NearestNeighbors.KD_TREE_MAX_FEATURES + 1),
                NearestNeighbors.Algorithm.AUTO, 30).algorithm());
    }

    @Test
    void clearErrors() {
        Tensor x = Tensor.zeros(DType.FLOAT64, 5, 2);
        x.storage().setDouble(3, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbors.build(x, NearestNeighbors.Algorithm.AUTO, 30));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        NearestNeighbors ok = NearestNeighbors.build(Tensor.zeros(DType.FLOAT64, 5, 2), NearestNeighbors.Algorithm.AUTO, 30);
        assertThrows(IllegalArgumentException.class, () -> ok.query(Tensor.zeros(DType.FLOAT64, 1, 3), 1));
        assertThrows(IllegalArgumentException.class, () -> ok.query(Tensor.zeros(DType.FLOAT64, 1, 2), 6));
        assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbors.build(Tensor.zeros(DType.FLOAT64, 5, 2), NearestNeighbors.Algorithm.AUTO, 0));
    }
}
