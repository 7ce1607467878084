package dev.hadron.nn.graph;

import dev.hadron.nn.Golden;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphsTest {

    /** Brute force: per event, every other particle sorted by (distance, index), the first k kept. */
    private static List<long[]> bruteKnn(Jagged coords, int k, boolean loop, double radius) {
        long[] off = coords.offsetsArray();
        double[] c = coords.values().toDoubleArray();
        int d = coords.values().size(1);
        List<long[]> edges = new ArrayList<>();
        for (int e = 0; e + 1 < off.length; e++) {
            for (long i = off[e]; i < off[e + 1]; i++) {
                List<long[]> cand = new ArrayList<>();   // {j, distance bits}
                for (long j = off[e]; j < off[e + 1]; j++) {
                    if (j == i && !loop) {
                        continue;
                    }
                    double dist = 0;
                    for (int a = 0; a < d; a++) {
                        double diff = c[(int) i * d + a] - c[(int) j * d + a];
                        dist += diff * diff;
                    }
                    if (dist < radius * radius) {
                        cand.add(new long[] {j, Double.doubleToLongBits(dist)});
                    }
                }
                cand.sort(Comparator.<long[]>comparingDouble(x -> Double.longBitsToDouble(x[1]))
                        .thenComparingLong(x -> x[0]));
                for (int q = 0; q < Math.min(k, cand.size()); q++) {
                    edges.add(new long[] {cand.get(q)[0], i});
                }
            }
        }
        return edges;
    }

    private static List<long[]> edgesOf(Graph g) {
        List<long[]> out = new ArrayList<>();
        for (int e = 0; e < g.numEdges(); e++) {
            out.add(new long[] {g.source(e), g.target(e)});
        }
        return out;
    }

    private static void assertSameEdges(List<long[]> expected, Graph g) {
        List<long[]> actual = edgesOf(g);
        assertEquals(expected.size(), actual.size(), "number of edges");
        for (int e = 0; e < expected.size(); e++) {
            assertArrayEquals(expected.get(e), actual.get(e), "edge " + e);
        }
    }

    @Test
    void knnMatchesBruteForceIncludingSmallEventsAndTies() {
        Generator gen = new Generator(3);
        for (int k : new int[] {1, 3, 6}) {
            for (boolean loop : new boolean[] {false, true}) {
                // coordinates rounded to a coarse grid so that distances tie often
                Jagged coords = GraphTesting.randomBatch(gen, GraphTesting.COUNTS, 2);
                coords = coords.withValues(coords.values().mul(2).round().div(2));
                Graph g = Graphs.knn(coords, k, loop);
                assertSameEdges(bruteKnn(coords, k, loop, Double.POSITIVE_INFINITY), g);
                assertEquals(loop, g.hasSelfLoops() || k == 0);
            }
        }
    }

    @Test
    void knnSmallEventsConnectAllOthersAndSingletonsGetNoEdges() {
        Jagged coords = Jagged.fromCounts(Tensor.of(new double[] {0, 1, 2, 5, 7}, 5, 1), 2, 1, 0, 2);
        Graph g = Graphs.knn(coords, 4, false);
        assertArrayEquals(new long[] {1, 1, 0, 1, 1}, g.inDegree().toLongArray());
        Graph loops = Graphs.knn(coords, 4, true);
        assertArrayEquals(new long[] {2, 2, 1, 2, 2}, loops.inDegree().toLongArray());
        assertArrayEquals(new long[] {0, 2, 2, 2, 4}, g.edgeOffsets());
    }

    @Test
    void knnMatchesNumpyGolden() {
        Map<String, Tensor> gold = Golden.load("graph/graph_layers");
        Jagged coords = Jagged.of(gold.get("knn.coords"), gold.get("offsets"));
        Graph g = Graphs.knn(coords, 2, false);
        assertTrue(g.edgeIndex().equal(gold.get("knn.k2")), "kNN edges differ from the NumPy reference:\n"
                + g.edgeIndex() + "\n" + gold.get("knn.k2"));
    }

    @Test
    void radiusGraphMatchesBruteForce() {
        Generator gen = new Generator(5);
        Jagged coords = GraphTesting.randomBatch(gen, GraphTesting.COUNTS, 3);
        for (int max : new int[] {2, 100}) {
            Graph g = Graphs.radius(coords, 1.2, max, false);
            assertSameEdges(bruteKnn(coords, max, false, 1.2), g);
        }
        assertSameEdges(bruteKnn(coords, 100, true, 0.9), Graphs.radius(coords, 0.9, 100, true));
    }

    @Test
    void fullyConnectedHasAllOrderedPairs() {
        Graph g = Graphs.fullyConnected(new long[] {0, 3, 3, 4}, false);
        assertEquals(6, g.numEdges());
        assertArrayEquals(new long[] {2, 2, 2, 0}, g.inDegree().toLongArray());
        Graph withLoops = Graphs.fullyConnected(new long[] {0, 3, 3, 4}, true);
        assertEquals(10, withLoops.numEdges());
        assertTrue(withLoops.hasSelfLoops());
        assertFalse(g.hasSelfLoops());
    }

    @Test
    void userEdgeListsAreSortedByTargetAndEdgeFeaturesFollow() {
        long[] offsets = {0, 3, 5};
        Graph g = Graph.of(offsets, new long[] {0, 2, 4, 1, 3}, new long[] {1, 0, 3, 0, 4});
        assertArrayEquals(new long[] {2, 1, 0, 4, 3}, g.source().toLongArray());
        assertArrayEquals(new long[] {0, 0, 1, 3, 4}, g.target().toLongArray());
        assertArrayEquals(new long[] {1, 3, 0, 2, 4}, g.edgeOrder().toLongArray());
        Tensor feature = Tensor.of(new double[] {10, 11, 12, 13, 14}, 5);
        assertArrayEquals(new double[] {11, 13, 10, 12, 14}, g.reorderEdges(feature).toDoubleArray());
        Graph fromIndex = Graph.fromEdgeIndex(offsets, Tensor.of(new long[] {0, 2, 4, 1, 3, 1, 0, 3, 0, 4}, 2, 5));
        assertTrue(fromIndex.edgeIndex().equal(g.edgeIndex()));
    }

    @Test
    void selfLoopsAreReplacedByExactlyOnePerNode() {
        Graph g = Graph.of(new long[] {0, 3}, new long[] {1, 1, 2, 0}, new long[] {1, 0, 0, 2});
        Graph looped = g.withSelfLoops();
        assertEquals(3 + 3, looped.numEdges());
        assertArrayEquals(new long[] {3, 1, 2}, looped.inDegree().toLongArray());
        assertEquals(3, g.withoutSelfLoops().numEdges());
    }

    @Test
    void aggregationOverIncomingEdgesGivesZerosForIsolatedNodes() {
        Graph g = Graph.of(new long[] {0, 3}, new long[] {1, 2}, new long[] {0, 0});
        Tensor msg = Tensor.of(new double[] {1, -4, 3, 2}, 2, 2);
        assertArrayEquals(new double[] {4, -2, 0, 0, 0, 0}, g.aggregate(msg, Aggregation.SUM).toDoubleArray());
        assertArrayEquals(new double[] {2, -1, 0, 0, 0, 0}, g.aggregate(msg, Aggregation.MEAN).toDoubleArray());
        assertArrayEquals(new double[] {3, 2, 0, 0, 0, 0}, g.aggregate(msg, Aggregation.MAX).toDoubleArray());
        assertArrayEquals(new double[] {1, -4, 0, 0, 0, 0}, g.aggregate(msg, Aggregation.MIN).toDoubleArray());
    }

    @Test
    void clearErrors() {
        Jagged coords = Jagged.fromCounts(Tensor.zeros(DType.FLOAT64, 4, 2), 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Graphs.knn(coords, 0, false));
        assertTrue(e.getMessage().contains("k must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Graphs.knn(Jagged.fromCounts(Tensor.zeros(4), 2, 2), 2, false));
        assertTrue(e.getMessage().contains("(particles, dims)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Graphs.knn(
                coords.withValues(Tensor.of(new double[] {0, 0, Double.NaN, 1, 2, 2, 3, 3}, 4, 2)), 1, false));
        assertTrue(e.getMessage().contains("coordinate 0 of particle 1 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Graphs.radius(coords, -1, 4, false));
        assertTrue(e.getMessage().contains("radius must be a positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Graph.of(new long[] {0, 2, 4}, new long[] {1}, new long[] {2}));
        assertTrue(e.getMessage().contains("joins event 0 to event 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Graph.of(new long[] {0, 2, 4}, new long[] {1}, new long[] {7}));
        assertTrue(e.getMessage().contains("outside 0..3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Graph.of(new long[] {0, 2, 1}, new long[0], new long[0]));
        assertTrue(e.getMessage().contains("must not decrease"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Graph.fromEdgeIndex(new long[] {0, 2}, Tensor.of(new long[] {0, 1, 1}, 3)));
        assertTrue(e.getMessage().contains("(2, edges)"), e.getMessage());
        Graph g = Graphs.knn(coords, 1, false);
        e = assertThrows(IllegalArgumentException.class, () -> g.gatherSource(Tensor.zeros(5, 3)));
        assertTrue(e.getMessage().contains("one row per node (4 nodes in 2 events), got shape [5, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> g.checkSameEvents(Jagged.fromCounts(Tensor.zeros(4, 1), 1, 3), "test"));
        assertTrue(e.getMessage().contains("does not have the graph's events"), e.getMessage());
        assertEquals(Arrays.toString(new long[] {0, 2, 4}), Arrays.toString(g.nodeOffsets()));
    }
}
