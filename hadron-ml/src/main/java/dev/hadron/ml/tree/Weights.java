package dev.hadron.ml.tree;

/**
 * The negative-weight treatments of {@link NegativeWeights}. Annihilation works class by class in
 * standardized feature space (each feature scaled by the class's standard deviation; missing values
 * placed at the class mean): every negative-weight event, in event order, absorbs the weight of its
 * nearest positive-weight neighbour; while the sum stays negative that neighbour drops to zero weight
 * and the next nearest one is taken, otherwise the neighbour keeps the (non-negative) sum and the
 * negative event drops to zero. Neighbours are found with a k-d tree whose emptied branches are
 * skipped. Total weight per class is conserved; if a class has more negative than positive weight,
 * the remaining negative events get zero weight (and the class's total becomes zero).
 */
final class Weights {
    private static final int LEAF = 8;

    private Weights() {
    }

    /** The training weights after {@code policy}; {@code classes} is 0 for regression (one group). */
    static double[] apply(NegativeWeights policy, double[] w, float[] x, int n, int f, double[] y, int classes) {
        boolean anyNegative = false;
        for (double v : w) {
            if (v < 0) {
                anyNegative = true;
                break;
            }
        }
        if (!anyNegative || policy == NegativeWeights.USE) {
            return w;
        }
        double[] out = w.clone();
        if (policy == NegativeWeights.IGNORE) {
            for (int i = 0; i < n; i++) {
                if (out[i] < 0) {
                    out[i] = 0;
                }
            }
            return out;
        }
        int groups = Math.max(1, classes);
        for (int c = 0; c < groups; c++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (classes == 0 || (int) y[i] == c) {
                    count++;
                }
            }
            int[] members = new int[count];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (classes == 0 || (int) y[i] == c) {
                    members[k++] = i;
                }
            }
            annihilate(members, out, x, f);
        }
        return out;
    }

    private static void annihilate(int[] members, double[] w, float[] x, int f) {
        int m = members.length;
        double[] mean = new double[f];
        double[] sd = new double[f];
        int[] cnt = new int[f];
        for (int i : members) {
            for (int j = 0; j < f; j++) {
                float v = x[i * f + j];
                if (!Float.isNaN(v)) {
                    mean[j] += v;
                    cnt[j]++;
                }
            }
        }
        for (int j = 0; j < f; j++) {
            mean[j] = cnt[j] > 0 ? mean[j] / cnt[j] : 0;
        }
        for (int i : members) {
            for (int j = 0; j < f; j++) {
                float v = x[i * f + j];
                if (!Float.isNaN(v)) {
                    sd[j] += (v - mean[j]) * (v - mean[j]);
                }
            }
        }
        for (int j = 0; j < f; j++) {
            sd[j] = cnt[j] > 1 ? Math.sqrt(sd[j] / (cnt[j] - 1)) : 0;
            if (!(sd[j] > 0)) {
                sd[j] = 1;
            }
        }
        int pos = 0;
        for (int i : members) {
            if (w[i] > 0) {
                pos++;
            }
        }
        double[] pts = new double[pos * f];
        int[] id = new int[pos];
        int p = 0;
        for (int i : members) {
            if (w[i] > 0) {
                id[p] = i;
                standardize(x, i, f, mean, sd, pts, p * f);
                p++;
            }
        }
        KdTree tree = pos > 0 ? new KdTree(pts, pos, f) : null;
        double[] q = new double[f];
        for (int i : members) {
            if (!(w[i] < 0)) {
                continue;
            }
            double need = w[i];
            standardize(x, i, f, mean, sd, q, 0);
            while (need < 0 && tree != null && tree.alive() > 0) {
                int nb = tree.nearest(q);
                int e = id[nb];
                double s = need + w[e];
                if (s >= 0) {
                    w[e] = s;
                    need = 0;
                    if (s == 0) {
                        tree.remove(nb);
                    }
                } else {
                    w[e] = 0;
                    need = s;
                    tree.remove(nb);
                }
            }
            w[i] = 0;
        }
    }

    private static void standardize(float[] x, int row, int f, double[] mean, double[] sd, double[] out, int off) {
        for (int j = 0; j < f; j++) {
            float v = x[row * f + j];
            out[off + j] = Float.isNaN(v) ? 0 : (v - mean[j]) / sd[j];
        }
    }

    /** A static k-d tree over points with removal; bounding boxes prune the nearest-neighbour search. */
    static final class KdTree {
        private final double[] pts;
        private final int f;
        private final int[] perm;
        private final int[] lo;
        private final int[] hi;
        private final int[] leftChild;
        private final int[] rightChild;
        private final int[] parent;
        private final int[] aliveCount;
        private final double[] boxMin;
        private final double[] boxMax;
        private final int[] leafOf;
        private final boolean[] removed;
        private int nodes;
        private final int[] stack;

        KdTree(double[] pts, int count, int f) {
            this.pts = pts;
            this.f = f;
            perm = new int[count];
            for (int i = 0; i < count; i++) {
                perm[i] = i;
            }
            int cap = 2 * Math.max(1, count / LEAF * 2 + 2);
            lo = new int[cap];
            hi = new int[cap];
            leftChild = new int[cap];
            rightChild = new int[cap];
            parent = new int[cap];
            aliveCount = new int[cap];
            boxMin = new double[cap * f];
            boxMax = new double[cap * f];
            leafOf = new int[count];
            removed = new boolean[count];
            stack = new int[cap];
            build(-1, 0, count);
        }

        int alive() {
            return aliveCount[0];
        }

        private int build(int par, int a, int b) {
            int node = nodes++;
            lo[node] = a;
            hi[node] = b;
            parent[node] = par;
            aliveCount[node] = b - a;
            leftChild[node] = -1;
            int widest = 0;
            double spread = -1;
            for (int j = 0; j < f; j++) {
                double mn = Double.POSITIVE_INFINITY;
                double mx = Double.NEGATIVE_INFINITY;
                for (int i = a; i < b; i++) {
                    double v = pts[perm[i] * f + j];
                    mn = Math.min(mn, v);
                    mx = Math.max(mx, v);
                }
                boxMin[node * f + j] = mn;
                boxMax[node * f + j] = mx;
                if (mx - mn > spread) {
                    spread = mx - mn;
                    widest = j;
                }
            }
            if (b - a <= LEAF || spread <= 0) {
                for (int i = a; i < b; i++) {
                    leafOf[perm[i]] = node;
                }
                return node;
            }
            int mid = (a + b) >>> 1;
            select(a, b - 1, mid, widest);
            int l = build(node, a, mid);
            int r = build(node, mid, b);
            leftChild[node] = l;
            rightChild[node] = r;
            return node;
        }

        /** Quickselect: puts the k-th smallest (by coordinate {@code d}) of {@code perm[a..b]} at {@code k}. */
        private void select(int a, int b, int k, int d) {
            while (a < b) {
                double pivot = pts[perm[(a + b) >>> 1] * f + d];
                int i = a;
                int j = b;
                while (i <= j) {
                    while (pts[perm[i] * f + d] < pivot) {
                        i++;
                    }
                    while (pts[perm[j] * f + d] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        int t = perm[i];
                        perm[i] = perm[j];
                        perm[j] = t;
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

        void remove(int point) {
            removed[point] = true;
            for (int node = leafOf[point]; node >= 0; node = parent[node]) {
                aliveCount[node]--;
            }
        }

        /** The nearest point not removed (ties: the lower index). */
        int nearest(double[] q) {
            int bestPoint = -1;
            double bestDist = Double.POSITIVE_INFINITY;
            int top = 0;
            stack[top++] = 0;
            while (top > 0) {
                int node = stack[--top];
                if (aliveCount[node] == 0 || boxDistance(node, q) > bestDist) {
                    continue;
                }
                if (leftChild[node] < 0) {
                    for (int i = lo[node]; i < hi[node]; i++) {
                        int pt = perm[i];
                        if (removed[pt]) {
                            continue;
                        }
                        double d = 0;
                        for (int j = 0; j < f; j++) {
                            double z = pts[pt * f + j] - q[j];
                            d += z * z;
                        }
                        if (d < bestDist || (d == bestDist && pt < bestPoint)) {
                            bestDist = d;
                            bestPoint = pt;
                        }
                    }
                    continue;
                }
                int l = leftChild[node];
                int r = rightChild[node];
                // visit the nearer child first (pushed last)
                double dl = boxDistance(l, q);
                double dr = boxDistance(r, q);
                if (dl <= dr) {
                    stack[top++] = r;
                    stack[top++] = l;
                } else {
                    stack[top++] = l;
                    stack[top++] = r;
                }
            }
            return bestPoint;
        }

        private double boxDistance(int node, double[] q) {
            double d = 0;
            int off = node * f;
            for (int j = 0; j < f; j++) {
                double v = q[j];
                double z = v < boxMin[off + j] ? boxMin[off + j] - v : v > boxMax[off + j] ? v - boxMax[off + j] : 0;
                d += z * z;
            }
            return d;
        }
    }
}
