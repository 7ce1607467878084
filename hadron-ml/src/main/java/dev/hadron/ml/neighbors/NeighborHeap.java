package dev.hadron.ml.neighbors;

/**
 * The k best candidates of one query, as a max-heap on (squared distance, index): the worst kept
 * candidate sits on top, so a better one replaces it in O(log k). Ordering on the index as well
 * makes the result independent of the order in which candidates are offered.
 */
final class NeighborHeap {
    private final double[] dist;
    private final int[] idx;
    private int size;

    NeighborHeap(int k) {
        dist = new double[k];
        idx = new int[k];
    }

    void clear() {
        size = 0;
    }

    boolean full() {
        return size == dist.length;
    }

    /** Squared distance of the worst candidate kept (only meaningful when full). */
    double worstDistance() {
        return dist[0];
    }

    private boolean worse(double d1, int i1, double d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }

    void offer(double d, int i) {
        if (size < dist.length) {
            int c = size++;
            while (c > 0) {
                int parent = (c - 1) >>> 1;
                if (!worse(d, i, dist[parent], idx[parent])) {
                    break;
                }
                dist[c] = dist[parent];
                idx[c] = idx[parent];
                c = parent;
            }
            dist[c] = d;
            idx[c] = i;
            return;
        }
        if (!worse(dist[0], idx[0], d, i)) {
            return;
        }
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int big = r < size && worse(dist[r], idx[r], dist[l], idx[l]) ? r : l;
            if (!worse(dist[big], idx[big], d, i)) {
                break;
            }
            dist[c] = dist[big];
            idx[c] = idx[big];
            c = big;
        }
        dist[c] = d;
        idx[c] = i;
    }

    /** Writes the candidates nearest first: indices and (Euclidean, not squared) distances. */
    void drainSorted(int[] outIdx, double[] outDist, int offset) {
        int n = size;
        for (int p = n - 1; p >= 0; p--) {
            outIdx[offset + p] = idx[0];
            outDist[offset + p] = Math.sqrt(dist[0]);
            // pop the top
            size--;
            double d = dist[size];
            int i = idx[size];
            int c = 0;
            while (true) {
                int l = 2 * c + 1;
                if (l >= size) {
                    break;
                }
                int r = l + 1;
                int big = r < size && worse(dist[r], idx[r], dist[l], idx[l]) ? r : l;
                if (!worse(dist[big], idx[big], d, i)) {
                    break;
                }
                dist[c] = dist[big];
                idx[c] = idx[big];
                c = big;
            }
            if (size > 0) {
                dist[c] = d;
                idx[c] = i;
            }
        }
    }

    /** The squared Euclidean distance, summed over the features in order (as the brute-force blocks do). */
    static double distance(double[] a, int ao, double[] b, int bo, int f) {
        double s = 0;
        for (int j = 0; j < f; j++) {
            double d = a[ao + j] - b[bo + j];
            s += d * d;
        }
        return s;
    }
}
