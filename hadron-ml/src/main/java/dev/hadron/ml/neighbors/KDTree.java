package dev.hadron.ml.neighbors;

/**
 * A k-d tree over row-major points (Bentley 1975; Friedman, Bentley and Finkel 1977): each node
 * splits its points at the median of the dimension with the largest spread and keeps the bounding
 * box of its points, so a query skips every node whose box lies farther than the current k-th
 * neighbour. Leaves hold up to {@code leafSize} points. Queries return exactly the neighbours brute
 * force returns, ties included (ordered by distance, then index).
 */
final class KDTree {
    private final double[] x;
    private final int f;
    private final int[] index;
    private final int leafSize;
    // node arrays, grown during the build
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private double[] lo = new double[0];
    private double[] hi = new double[0];
    private int nodes;

    KDTree(double[] x, int n, int f, int leafSize) {
        this.x = x;
        this.f = f;
        this.leafSize = leafSize;
        this.index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        lo = new double[16 * f];
        hi = new double[16 * f];
        if (n > 0) {
            build(0, n);
        }
    }

    private int newNode(int s, int e) {
        if (nodes == start.length) {
            int cap = nodes * 2;
            start = java.util.Arrays.copyOf(start, cap);
            end = java.util.Arrays.copyOf(end, cap);
            left = java.util.Arrays.copyOf(left, cap);
            right = java.util.Arrays.copyOf(right, cap);
            lo = java.util.Arrays.copyOf(lo, cap * f);
            hi = java.util.Arrays.copyOf(hi, cap * f);
        }
        int id = nodes++;
        start[id] = s;
        end[id] = e;
        left[id] = -1;
        right[id] = -1;
        for (int j = 0; j < f; j++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int p = s; p < e; p++) {
                double v = x[index[p] * f + j];
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            lo[id * f + j] = mn;
            hi[id * f + j] = mx;
        }
        return id;
    }

    private int build(int s, int e) {
        int id = newNode(s, e);
        if (e - s <= leafSize) {
            return id;
        }
        int dim = 0;
        double spread = -1;
        for (int j = 0; j < f; j++) {
            double sp = hi[id * f + j] - lo[id * f + j];
            if (sp > spread) {
                spread = sp;
                dim = j;
            }
        }
        if (spread <= 0) {
            return id; // all points equal: keep them in one leaf
        }
        int mid = (s + e) >>> 1;
        select(s, e - 1, mid, dim);
        int l = build(s, mid);
        int r = build(mid, e);
        left[id] = l;
        right[id] = r;
        return id;
    }

    /** Quickselect: puts the point of rank {@code k} along {@code dim} at position k of index[a..b]. */
    private void select(int a, int b, int k, int dim) {
        while (b > a) {
            double pivot = x[index[(a + b) >>> 1] * f + dim];
            int i = a;
            int j = b;
            while (i <= j) {
                while (x[index[i] * f + dim] < pivot) {
                    i++;
                }
                while (x[index[j] * f + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = index[i];
                    index[i] = index[j];
                    index[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                b = j;
            } else if (k >= i) {
                a = i;
            } else {
                return;
            }
        }
    }

    /** Fills {@code heap} with the k nearest points to {@code q[qo .. qo+f)}. */
    void query(double[] q, int qo, NeighborHeap heap) {
        if (nodes > 0) {
            visit(0, q, qo, heap);
        }
    }

    private void visit(int node, double[] q, int qo, NeighborHeap heap) {
        if (heap.full() && boxDistance(node, q, qo) > heap.worstDistance()) {
            return;
        }
        if (left[node] < 0) {
            for (int p = start[node]; p < end[node]; p++) {
                int i = index[p];
                heap.offer(NeighborHeap.distance(q, qo, x, i * f, f), i);
            }
            return;
        }
        int a = left[node];
        int b = right[node];
        if (boxDistance(b, q, qo) < boxDistance(a, q, qo)) {
            int t = a;
            a = b;
            b = t;
        }
        visit(a, q, qo, heap);
        visit(b, q, qo, heap);
    }

    /** Squared distance from the query to the node's bounding box (0 inside). */
    private double boxDistance(int node, double[] q, int qo) {
        double s = 0;
        int o = node * f;
        for (int j = 0; j < f; j++) {
            double v = q[qo + j];
            double d = v < lo[o + j] ? lo[o + j] - v : (v > hi[o + j] ? v - hi[o + j] : 0);
            s += d * d;
        }
        return s;
    }
}
