package dev.hadron.nn.graph;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.stream.IntStream;

/**
 * Builders of the graphs of a jagged batch, each event its own graph, as PyTorch Geometric's
 * {@code knn_graph} and {@code radius_graph} with a {@code batch} vector: fully connected events,
 * k nearest neighbours and fixed-radius neighbourhoods in a chosen coordinate space.
 *
 * <pre>{@code
 * Jagged etaPhi = particles.map(v -> v.narrow(1, 1, 2));    // columns 1, 2 hold (eta, phi)
 * Graph g = Graphs.knn(etaPhi, 16, false);                  // ParticleNet's first EdgeConv graph
 * }</pre>
 *
 * <p>Distances are Euclidean in float64 over all columns of the coordinates (no wrapping of angles:
 * pass differences to the jet axis, as ParticleNet does). Neighbours are chosen without recording
 * gradients (indices are not differentiable); layers differentiate through the coordinates where they
 * use them in the messages. Incoming edges of each node are ordered nearest first, ties broken by the
 * lower node index, so the graphs are deterministic. The work is plain loops over flat arrays, run in
 * parallel over events for large batches; the result does not depend on the thread count.
 */
public final class Graphs {
    private static final long PARALLEL_PAIRS = 1L << 16;

    private Graphs() {
    }

    /**
     * Every ordered pair of distinct particles of an event, plus the loops {@code i -> i} when
     * {@code selfLoops} is set. An event of n particles has n (n - 1) edges (n² with loops).
     */
    public static Graph fullyConnected(Jagged particles, boolean selfLoops) {
        return fullyConnected(particles.offsetsArray(), selfLoops);
    }

    /** {@link #fullyConnected(Jagged, boolean)} from node offsets. */
    public static Graph fullyConnected(long[] nodeOffsets, boolean selfLoops) {
        Graph.checkOffsets(nodeOffsets);
        long total = 0;
        for (int e = 0; e + 1 < nodeOffsets.length; e++) {
            long n = nodeOffsets[e + 1] - nodeOffsets[e];
            total += selfLoops ? n * n : n * (n - 1);
        }
        checkEdgeCount(total, "fullyConnected");
        long[] src = new long[(int) total];
        long[] dst = new long[(int) total];
        int k = 0;
        for (int e = 0; e + 1 < nodeOffsets.length; e++) {
            for (long i = nodeOffsets[e]; i < nodeOffsets[e + 1]; i++) {
                for (long j = nodeOffsets[e]; j < nodeOffsets[e + 1]; j++) {
                    if (j != i || selfLoops) {
                        src[k] = j;
                        dst[k] = i;
                        k++;
                    }
                }
            }
        }
        return Graph.sortedByTarget(nodeOffsets, src, dst);
    }

    /**
     * The k-nearest-neighbour graph of each event in the space of {@code coordinates} (values of shape
     * (particles, dims)): every particle receives edges from its k nearest particles of the same event
     * ({@code loop = true} counts the particle itself, at distance 0, as one of them, as PyG's
     * {@code knn_graph(loop=True)} and GravNet do).
     *
     * <p>Small events: a particle of an event with fewer than k + 1 particles (k with loops) is joined
     * to all the others of its event, so it has n - 1 (n with loops) incoming edges instead of k; a
     * single-particle event has no edges without loops, and its particle aggregates to zeros. Use
     * {@link #fullyConnected} to see what such events get.
     *
     * @throws IllegalArgumentException when k &lt; 1 or the coordinates are not (particles, dims) floats
     */
    public static Graph knn(Jagged coordinates, int k, boolean loop) {
        if (k < 1) {
            throw new IllegalArgumentException("Graphs.knn: k must be >= 1, got " + k);
        }
        double[] c = coordinateArray(coordinates, "Graphs.knn");
        int dims = coordinates.values().size(1);
        long[] off = coordinates.offsetsArray();
        long[][][] perEvent = new long[off.length - 1][][];
        long pairs = 0;
        for (int e = 0; e + 1 < off.length; e++) {
            long n = off[e + 1] - off[e];
            pairs += n * n;
        }
        IntStream events = IntStream.range(0, off.length - 1);
        (pairs > PARALLEL_PAIRS ? events.parallel() : events).forEach(e ->
                perEvent[e] = knnEvent(c, dims, (int) off[e], (int) off[e + 1], k, loop));
        return concat(off, perEvent, "knn");
    }

    /**
     * The graph joining each particle to the particles of its event closer than {@code radius}
     * (Euclidean distance &lt; radius, as PyG's {@code radius_graph}), keeping at most
     * {@code maxNeighbours} incoming edges per particle: the nearest ones (PyG keeps the first found).
     * With {@code loop = true} the particle itself counts as a neighbour.
     */
    public static Graph radius(Jagged coordinates, double radius, int maxNeighbours, boolean loop) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("Graphs.radius: radius must be a positive finite number, got " + radius);
        }
        if (maxNeighbours < 1) {
            throw new IllegalArgumentException("Graphs.radius: maxNeighbours must be >= 1, got " + maxNeighbours);
        }
        double[] c = coordinateArray(coordinates, "Graphs.radius");
        int dims = coordinates.values().size(1);
        long[] off = coordinates.offsetsArray();
        long[][][] perEvent = new long[off.length - 1][][];
        double r2 = radius * radius;
        long pairs = 0;
        for (int e = 0; e + 1 < off.length; e++) {
            long n = off[e + 1] - off[e];
            pairs += n * n;
        }
        IntStream events = IntStream.range(0, off.length - 1);
        (pairs > PARALLEL_PAIRS ? events.parallel() : events).forEach(e -> {
            long[][] knn = knnEvent(c, dims, (int) off[e], (int) off[e + 1], maxNeighbours, loop);
            perEvent[e] = withinRadius(c, dims, knn, r2);
        });
        return concat(off, perEvent, "radius");
    }

    private static double[] coordinateArray(Jagged coordinates, String who) {
        Tensor v = coordinates.values();
        if (v.dim() != 2 || !v.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(who + ": coordinates must be floating-point values of shape (particles,"
                    + " dims), got shape " + Shape.toString(v.shape()) + " (" + v.dtype() + ")");
        }
        if (v.size(1) < 1) {
            throw new IllegalArgumentException(who + ": coordinates need at least one dimension, got shape "
                    + Shape.toString(v.shape()));
        }
        double[] c = v.detach().to(DType.FLOAT64).contiguous().toDoubleArray();
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(c[i])) {
                throw new IllegalArgumentException(who + ": coordinate " + (i % v.size(1)) + " of particle "
                        + (i / v.size(1)) + " is " + c[i] + "; neighbours need finite coordinates");
            }
        }
        return c;
    }

    /** {sources, targets} of one event's kNN edges, targets ascending, nearest source first. */
    private static long[][] knnEvent(double[] c, int dims, int from, int to, int k, boolean loop) {
        int n = to - from;
        int kk = Math.min(k, loop ? n : n - 1);
        if (kk <= 0) {
            return new long[][] {new long[0], new long[0]};
        }
        long[] src = new long[n * kk];
        long[] dst = new long[n * kk];
        double[] bestD = new double[kk];
        int[] bestJ = new int[kk];
        for (int i = 0; i < n; i++) {
            int filled = 0;
            int ci = (from + i) * dims;
            for (int j = 0; j < n; j++) {
                if (j == i && !loop) {
                    continue;
                }
                int cj = (from + j) * dims;
                double d = 0;
                for (int a = 0; a < dims; a++) {
                    double diff = c[ci + a] - c[cj + a];
                    d += diff * diff;
                }
                // insertion into the sorted top-kk (j ascending, so a tie keeps the earlier index first)
                if (filled == kk && d >= bestD[kk - 1]) {
                    continue;
                }
                int p = filled == kk ? kk - 1 : filled++;
                while (p > 0 && bestD[p - 1] > d) {
                    bestD[p] = bestD[p - 1];
                    bestJ[p] = bestJ[p - 1];
                    p--;
                }
                bestD[p] = d;
                bestJ[p] = j;
            }
            for (int q = 0; q < kk; q++) {
                src[i * kk + q] = from + bestJ[q];
                dst[i * kk + q] = from + i;
            }
        }
        return new long[][] {src, dst};
    }

    private static long[][] withinRadius(double[] c, int dims, long[][] edges, double r2) {
        long[] src = edges[0];
        long[] dst = edges[1];
        int keep = 0;
        boolean[] in = new boolean[src.length];
        for (int e = 0; e < src.length; e++) {
            int ci = (int) dst[e] * dims;
            int cj = (int) src[e] * dims;
            double d = 0;
            for (int a = 0; a < dims; a++) {
                double diff = c[ci + a] - c[cj + a];
                d += diff * diff;
            }
            in[e] = d < r2;
            if (in[e]) {
                keep++;
            }
        }
        long[] s = new long[keep];
        long[] t = new long[keep];
        int k = 0;
        for (int e = 0; e < src.length; e++) {
            if (in[e]) {
                s[k] = src[e];
                t[k] = dst[e];
                k++;
            }
        }
        return new long[][] {s, t};
    }

    private static Graph concat(long[] offsets, long[][][] perEvent, String who) {
        long total = 0;
        for (long[][] p : perEvent) {
            total += p[0].length;
        }
        checkEdgeCount(total, who);
        long[] src = new long[(int) total];
        long[] dst = new long[(int) total];
        int k = 0;
        for (long[][] p : perEvent) {
            System.arraycopy(p[0], 0, src, k, p[0].length);
            System.arraycopy(p[1], 0, dst, k, p[1].length);
            k += p[0].length;
        }
        return Graph.sortedByTarget(offsets, src, dst);
    }

    private static void checkEdgeCount(long total, String who) {
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Graphs." + who + ": the batch would have " + total
                    + " edges, more than one array holds; use smaller batches or fewer neighbours");
        }
    }
}
