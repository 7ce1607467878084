package dev.hadron.ml.neighbors;

import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.stream.IntStream;

/**
 * An index for Euclidean k-nearest-neighbour queries (scikit-learn's {@code NearestNeighbors}): a
 * k-d tree for low-dimensional data, brute force otherwise. Both return exactly the same neighbours:
 * the k smallest distances, ties broken by the lower training index, nearest first. Queries of many
 * rows run in parallel; results do not depend on the number of threads.
 *
 * <pre>{@code
 * NearestNeighbors index = NearestNeighbors.build(train, NearestNeighbors.Algorithm.AUTO, 30);
 * NearestNeighbors.Result r = index.query(test, 5);    // r.indices() (n, 5) int64, r.distances() (n, 5)
 * }</pre>
 */
public final class NearestNeighbors {
    /** Dimensions up to which {@link Algorithm#AUTO} builds a k-d tree (scikit-learn's threshold). */
    public static final int KD_TREE_MAX_FEATURES = 15;

    /** How neighbours are searched. */
    public enum Algorithm {
        /** A k-d tree up to {@link #KD_TREE_MAX_FEATURES} features, brute force above. */
        AUTO,
        /** A k-d tree. */
        KD_TREE,
        /** Distances to every training point. */
        BRUTE
    }

    /**
     * Neighbours of each query row.
     *
     * @param indices training-row indices (n, k), int64, nearest first
     * @param distances Euclidean distances (n, k), float64
     */
    public record Result(Tensor indices, Tensor distances) {
    }

    private final double[] x;
    private final int n;
    private final int f;
    private final Algorithm algorithm;
    private final KDTree tree;
    /** Brute force only: the points feature-major (f x n), so distance blocks vectorize. */
    private final double[] columns;
    /** Training points per brute-force block (f x BLOCK doubles stay in the L2 cache). */
    private static final int BLOCK = 256;

    private NearestNeighbors(double[] x, int n, int f, Algorithm algorithm, int leafSize) {
        this.x = x;
        this.n = n;
        this.f = f;
        this.algorithm = algorithm;
        this.tree = algorithm == Algorithm.KD_TREE ? new KDTree(x, n, f, leafSize) : null;
        if (tree == null) {
            columns = new double[n * f];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < f; j++) {
                    columns[j * n + i] = x[i * f + j];
                }
            }
        } else {
            columns = null;
        }
    }

    /** Indexes the rows of {@code x} (n, f). */
    public static NearestNeighbors build(Tensor x, Algorithm algorithm, int leafSize) {
        if (x.dim() != 2) {
            throw new IllegalArgumentException("NearestNeighbors: expected points of shape (events, features), got "
                    + Shape.toString(x.shape()));
        }
        return of(x.detach().toDoubleArray(), x.size(0), x.size(1), algorithm, leafSize);
    }

    /** Indexes row-major points (kept, not copied). */
    static NearestNeighbors of(double[] x, int n, int f, Algorithm algorithm, int leafSize) {
        if (leafSize < 1) {
            throw new IllegalArgumentException("Invalid leafSize: " + leafSize + " (must be >= 1)");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("NearestNeighbors: feature " + (i % f) + " of point " + (i / f) + " is "
                        + x[i] + "; points must be finite");
            }
        }
        Algorithm resolved = algorithm == Algorithm.AUTO
                ? (f <= KD_TREE_MAX_FEATURES ? Algorithm.KD_TREE : Algorithm.BRUTE) : algorithm;
        return new NearestNeighbors(x, n, f, resolved, leafSize);
    }

    /** The indexed points, row-major (not a copy). */
    double[] points() {
        return x;
    }

    /** The search method in use (AUTO resolved). */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** Number of indexed points. */
    public int size() {
        return n;
    }

    /** Number of features. */
    public int numFeatures() {
        return f;
    }

    /** The k nearest indexed points to each row of {@code q} (m, f). */
    public Result query(Tensor q, int k) {
        int m = q.size(0);
        int[] idx = new int[m * k];
        double[] dist = new double[m * k];
        query(Rows.matrix("NearestNeighbors.query", q, f), m, k, idx, dist);
        long[] li = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            li[i] = idx[i];
        }
        return new Result(Tensor.wrap(li, m, k), Tensor.wrap(dist, m, k));
    }

    /** Row-major query: fills {@code idx} and {@code dist} (m x k), nearest first. */
    void query(double[] q, int m, int k, int[] idx, double[] dist) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("NearestNeighbors: " + k + " neighbours requested from " + n
                    + " indexed points; k must be between 1 and the number of points");
        }
        for (int i = 0; i < q.length; i++) {
            if (!Double.isFinite(q[i])) {
                throw new IllegalArgumentException("NearestNeighbors: feature " + (i % f) + " of query row " + (i / f)
                        + " is " + q[i] + "; queries must be finite");
            }
        }
        int chunk = 64;
        int chunks = (m + chunk - 1) / chunk;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int start = c * chunk;
            int end = Math.min(m, start + chunk);
            if (tree == null) {
                bruteForce(q, start, end, k, idx, dist);
                return;
            }
            NeighborHeap heap = new NeighborHeap(k);
            for (int r = start; r < end; r++) {
                heap.clear();
                tree.query(q, r * f, heap);
                heap.drainSorted(idx, dist, r * k);
            }
        });
    }

    /**
     * Brute force for query rows {@code start .. end - 1}: blocks of training points (feature-major,
     * so the inner loop runs over points and vectorizes) against every query of the chunk while the
     * block is in cache. Each distance is summed over the features in order, exactly as
     * {@link NeighborHeap#distance} sums it.
     */
    private void bruteForce(double[] q, int start, int end, int k, int[] idx, double[] dist) {
        NeighborHeap[] heaps = new NeighborHeap[end - start];
        for (int r = start; r < end; r++) {
            heaps[r - start] = new NeighborHeap(k);
        }
        double[] d = new double[BLOCK];
        for (int t0 = 0; t0 < n; t0 += BLOCK) {
            int len = Math.min(BLOCK, n - t0);
            for (int r = start; r < end; r++) {
                java.util.Arrays.fill(d, 0, len, 0);
                int qo = r * f;
                for (int j = 0; j < f; j++) {
                    double qj = q[qo + j];
                    int co = j * n + t0;
                    for (int t = 0; t < len; t++) {
                        double diff = qj - columns[co + t];
                        d[t] += diff * diff;
                    }
                }
                NeighborHeap heap = heaps[r - start];
                for (int t = 0; t < len; t++) {
                    if (!heap.full() || d[t] <= heap.worstDistance()) {
                        heap.offer(d[t], t0 + t);
                    }
                }
            }
        }
        for (int r = start; r < end; r++) {
            heaps[r - start].drainSorted(idx, dist, r * k);
        }
    }
}
