package dev.hadron.ml.tree;

import dev.hadron.tensor.Generator;

import java.util.Arrays;

/**
 * Builds one CART tree with exact splits (scikit-learn's {@code BestSplitter}): at each node, for a
 * random order of the features, every boundary between distinct values is tried; the split with the
 * largest weighted impurity decrease wins (the first one found on ties). Features are drawn until
 * {@code maxFeatures} non-constant ones have been searched, or all of them. Nodes are grown
 * depth-first, or best-first when {@code maxLeafNodes} is set.
 *
 * <p>Nothing is sorted while a tree grows: every feature is sorted once per fit ({@link #presort}),
 * a tree starts from those orders restricted to its rows, and splitting a node stably partitions
 * each feature's segment, so every node holds its rows in sorted order for every feature (the
 * classic SPRINT layout). One builder (its scratch arrays) serves many trees in one thread.
 */
final class CartBuilder {
    /** Values closer than this are one value (scikit-learn's {@code FEATURE_THRESHOLD}). */
    private static final float FEATURE_THRESHOLD = 1e-7f;
    /** Impurities below this make a node pure (scikit-learn's {@code EPSILON}). */
    private static final double PURE = 1e-7;

    /** Tree-shape limits (absolute values). */
    record Settings(Criterion criterion, int maxDepth, int minSamplesSplit, int minSamplesLeaf,
                    double minWeightFractionLeaf, int maxLeafNodes, double minImpurityDecrease, int maxFeatures) {
    }

    private final float[] xc;
    private final int n;
    private final int nf;
    private final int[] yc;
    private final double[] yr;
    private final int classes;
    private final int width;
    private final Settings s;
    private final boolean classification;

    private final int[] presorted;
    /** Per feature {@code f}, the tree's rows sorted by that feature at {@code [f * n + start, f * n + end)} of each node. */
    private final int[] seg;
    private final int[] scratch;
    private final byte[] goLeft;
    /** Smallest leaf weight for the current tree: the fraction times the tree's total weight (scikit-learn). */
    private double minWeightLeaf;
    private final int[] featureOrder;
    private final double[] total;
    private final double[] leftStats;

    // growing tree
    private int nodes;
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int[] feature = new int[64];
    private float[] threshold = new float[64];
    private double[] value = new double[64];
    private double[] gain = new double[64];
    private double[] cover = new double[64];
    // node work queue: start, end, depth, node id; candidate split (best-first)
    private int[] qStart = new int[64];
    private int[] qEnd = new int[64];
    private int[] qDepth = new int[64];
    private int[] qNode = new int[64];
    private double[] qImpurity = new double[64];

    /**
     * @param xc features column-major ({@code xc[f * n + i]})
     * @param yc class labels (classification) or null
     * @param yr targets (regression) or null
     */
    CartBuilder(float[] xc, int[] presorted, int n, int nf, int[] yc, double[] yr, int classes, Settings s) {
        this.xc = xc;
        this.presorted = presorted;
        this.n = n;
        this.nf = nf;
        this.yc = yc;
        this.yr = yr;
        this.classes = classes;
        this.s = s;
        this.classification = s.criterion().isClassification();
        this.width = classification ? classes : 1;
        int stats = classification ? classes : 3;
        seg = new int[nf * n];
        scratch = new int[n];
        goLeft = new byte[n];
        featureOrder = new int[nf];
        total = new double[stats];
        leftStats = new double[stats];
    }

    /**
     * Every feature's rows in increasing order of value ({@code [f * n, (f + 1) * n)}), sorted once per
     * fit by packing an order-preserving key with the row into a {@code long}.
     */
    static int[] presort(float[] xc, int n, int nf, Parallel par) {
        int[] out = new int[nf * n];
        par.forEach(nf, f -> {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) sortable(xc[f * n + i]) << 32) | i;
            }
            java.util.Arrays.sort(keys);
            for (int i = 0; i < n; i++) {
                out[f * n + i] = (int) keys[i];
            }
        });
        return out;
    }

    /** Column-major copy of row-major features. */
    static float[] columns(float[] x, int n, int nf) {
        float[] c = new float[n * nf];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < nf; f++) {
                c[f * n + i] = x[i * nf + f];
            }
        }
        return c;
    }

    /**
     * Builds a tree on the rows with {@code count[i] > 0} (all rows if {@code count} is null), row
     * {@code i} weighing {@code w[i] * count[i]}.
     */
    Tree build(double[] w, int[] count, Generator gen) {
        double[] weight = w;
        int m = n;
        if (count != null) {
            weight = new double[n];
            m = 0;
            for (int i = 0; i < n; i++) {
                if (count[i] > 0) {
                    weight[i] = w[i] * count[i];
                    m++;
                }
            }
        }
        for (int f = 0; f < nf; f++) {
            int base = f * n;
            if (count == null) {
                System.arraycopy(presorted, base, seg, base, n);
            } else {
                int k = base;
                for (int j = base; j < base + n; j++) {
                    int row = presorted[j];
                    if (count[row] > 0) {
                        seg[k++] = row;
                    }
                }
            }
        }
        nodes = 0;
        int root = newNode();
        stats(weight, 0, m, total);
        double totalWeight = weightOf(total);
        minWeightLeaf = s.minWeightFractionLeaf() * totalWeight;
        setValue(root, total, totalWeight);
        int queue = 0;
        qStart[0] = 0;
        qEnd[0] = m;
        qDepth[0] = 0;
        qNode[0] = root;
        qImpurity[0] = impurity(total, totalWeight);
        queue = 1;
        int leaves = 1;
        int maxLeaves = s.maxLeafNodes() > 0 ? s.maxLeafNodes() : Integer.MAX_VALUE;
        boolean bestFirst = s.maxLeafNodes() > 0;
        // best-first needs each node's best split before choosing; depth-first takes the newest node
        Split[] pending = bestFirst ? new Split[64] : null;
        Split cur = new Split();
        if (bestFirst) {
            pending[0] = findSplit(weight, 0, m, 0, qImpurity[0], gen, new Split());
        }
        while (queue > 0 && leaves < maxLeaves) {
            int pick;
            Split sp;
            if (bestFirst) {
                pick = -1;
                for (int q = 0; q < queue; q++) {
                    if (pending[q] != null && pending[q].found && (pick < 0 || pending[q].improvement
                            > pending[pick].improvement)) {
                        pick = q;
                    }
                }
                if (pick < 0) {
                    break;
                }
                sp = pending[pick];
            } else {
                pick = queue - 1;
                sp = findSplit(weight, qStart[pick], qEnd[pick], qDepth[pick], qImpurity[pick], gen, cur);
            }
            int st = qStart[pick];
            int en = qEnd[pick];
            int d = qDepth[pick];
            int node = qNode[pick];
            // remove from the queue (keep order for depth-first: it is the last one)
            queue--;
            for (int q = pick; q < queue; q++) {
                qStart[q] = qStart[q + 1];
                qEnd[q] = qEnd[q + 1];
                qDepth[q] = qDepth[q + 1];
                qNode[q] = qNode[q + 1];
                qImpurity[q] = qImpurity[q + 1];
                if (bestFirst) {
                    pending[q] = pending[q + 1];
                }
            }
            if (!sp.found) {
                continue;
            }
            int mid = partition(st, en, sp.feature, sp.threshold);
            int l = newNode();
            int r = newNode();
            left[node] = l;
            right[node] = r;
            feature[node] = sp.feature;
            threshold[node] = sp.threshold;
            gain[node] = sp.decrease;
            leaves++;
            // children: right pushed first so the left one is expanded first (depth-first order)
            int[] child = {r, l};
            int[] cs = {mid, st};
            int[] ce = {en, mid};
            for (int c = 0; c < 2; c++) {
                stats(weight, cs[c], ce[c], total);
                double cw = weightOf(total);
                setValue(child[c], total, cw);
                double imp = impurity(total, cw);
                if (queue == qStart.length) {
                    growQueue();
                    if (bestFirst) {
                        pending = Arrays.copyOf(pending, qStart.length);
                    }
                }
                qStart[queue] = cs[c];
                qEnd[queue] = ce[c];
                qDepth[queue] = d + 1;
                qNode[queue] = child[c];
                qImpurity[queue] = imp;
                if (bestFirst) {
                    pending[queue] = findSplit(weight, cs[c], ce[c], d + 1, imp, gen, new Split());
                }
                queue++;
            }
        }
        return toTree();
    }

    /** A candidate split. */
    static final class Split {
        boolean found;
        int feature;
        float threshold;
        double improvement;
        double decrease;

    }

    /** The best split of the node {@code [st, en)} (its statistics are left in {@link #total}). */
    private Split findSplit(double[] w, int st, int en, int depth, double impurity, Generator gen, Split out) {
        out.found = false;
        int m = en - st;
        stats(w, st, en, total);
        double nodeWeight = weightOf(total);
        if ((s.maxDepth() > 0 && depth >= s.maxDepth()) || m < s.minSamplesSplit() || m < 2 * s.minSamplesLeaf()
                || nodeWeight < 2 * minWeightLeaf || impurity <= PURE || !(nodeWeight > 0)) {
            return out;
        }
        for (int f = 0; f < nf; f++) {
            featureOrder[f] = f;
        }
        double nodePart = nodeTerm(total, nodeWeight);
        int visited = 0;
        double bestImprovement = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nf && visited < s.maxFeatures(); k++) {
            int j = k + gen.nextInt(nf - k);
            int f = featureOrder[j];
            featureOrder[j] = featureOrder[k];
            featureOrder[k] = f;
            int base = f * n;
            float lo = xc[base + seg[base + st]];
            float hi = xc[base + seg[base + en - 1]];
            if (hi <= lo + FEATURE_THRESHOLD) {
                continue;
            }
            visited++;
            Arrays.fill(leftStats, 0);
            double wl = 0;
            float next = lo;
            for (int p = st; p < en - 1; p++) {
                int row = seg[base + p];
                double wi = w[row];
                if (classification) {
                    leftStats[yc[row]] += wi;
                } else {
                    double y = yr[row];
                    leftStats[0] += wi;
                    leftStats[1] += wi * y;
                    leftStats[2] += wi * y * y;
                }
                wl += wi;
                float prev = next;
                next = xc[base + seg[base + p + 1]];
                if (next <= prev + FEATURE_THRESHOLD) {
                    continue;
                }
                int nl = p + 1 - st;
                int nr = en - p - 1;
                double wr = nodeWeight - wl;
                if (nl < s.minSamplesLeaf() || nr < s.minSamplesLeaf() || wl < minWeightLeaf
                        || wr < minWeightLeaf || !(wl > 0) || !(wr > 0)) {
                    continue;
                }
                double improvement = nodePart - childPart(wl, wr);
                if (improvement > bestImprovement) {
                    bestImprovement = improvement;
                    out.found = true;
                    out.feature = f;
                    out.threshold = between(prev, next);
                }
            }
        }
        if (out.found) {
            out.decrease = bestImprovement;
            out.improvement = bestImprovement;
            // scikit-learn's min_impurity_decrease compares the decrease weighted by the node's share
            double rootWeight = cover[0];
            if (bestImprovement / rootWeight < s.minImpurityDecrease() || !(bestImprovement > 0)) {
                out.found = false;
            }
        }
        return out;
    }

    /**
     * The node's share of the weighted impurity decrease: {@code W imp(node) - W_L imp(L) - W_R imp(R)}
     * equals {@code nodeTerm - childPart} with these forms of {@code W imp}: Gini {@code W - sum c_k^2 / W},
     * entropy {@code (W ln W - sum c_k ln c_k) / ln 2}, squared error {@code sum w y^2 - (sum w y)^2 / W}
     * (the terms common to parent and children cancel).
     */
    private double nodeTerm(double[] st, double wsum) {
        switch (s.criterion()) {
            case GINI -> {
                double q = 0;
                for (int k = 0; k < classes; k++) {
                    q += st[k] * st[k];
                }
                return -q / wsum;
            }
            case ENTROPY -> {
                double e = xlogx(wsum);
                for (int k = 0; k < classes; k++) {
                    e -= xlogx(st[k]);
                }
                return e / LN2;
            }
            default -> {
                return -st[1] * st[1] / wsum;
            }
        }
    }

    private static final double LN2 = Math.log(2);

    private static double xlogx(double v) {
        return v > 0 ? v * Math.log(v) : 0;
    }

    /** {@code W_L imp(L) + W_R imp(R)} (in the same reduced form) for the left statistics in {@link #leftStats}. */
    private double childPart(double wl, double wr) {
        switch (s.criterion()) {
            case GINI -> {
                double ql = 0;
                double qr = 0;
                for (int k = 0; k < classes; k++) {
                    double l = leftStats[k];
                    double r = total[k] - l;
                    ql += l * l;
                    qr += r * r;
                }
                return -ql / wl - qr / wr;
            }
            case ENTROPY -> {
                double e = xlogx(wl) + xlogx(wr);
                for (int k = 0; k < classes; k++) {
                    double l = leftStats[k];
                    e -= xlogx(l) + xlogx(total[k] - l);
                }
                return e / LN2;
            }
            default -> {
                double sl = leftStats[1];
                double sr = total[1] - sl;
                return -sl * sl / wl - sr * sr / wr;
            }
        }
    }

    /** Impurity of a node with sufficient statistics {@code st} and weight {@code wsum}. */
    private double impurity(double[] st, double wsum) {
        if (!(wsum > 0)) {
            return 0;
        }
        switch (s.criterion()) {
            case GINI -> {
                double q = 0;
                for (int k = 0; k < classes; k++) {
                    double p = st[k] / wsum;
                    q += p * p;
                }
                return 1 - q;
            }
            case ENTROPY -> {
                double e = 0;
                for (int k = 0; k < classes; k++) {
                    double p = st[k] / wsum;
                    if (p > 0) {
                        e -= p * Math.log(p) / Math.log(2);
                    }
                }
                return e;
            }
            default -> {
                double mean = st[1] / wsum;
                return Math.max(0, st[2] / wsum - mean * mean);
            }
        }
    }

    private void stats(double[] w, int st, int en, double[] out) {
        Arrays.fill(out, 0);
        for (int i = st; i < en; i++) {
            int row = seg[i];
            double wi = w[row];
            if (classification) {
                out[yc[row]] += wi;
            } else {
                out[0] += wi;
                out[1] += wi * yr[row];
                out[2] += wi * yr[row] * yr[row];
            }
        }
    }

    private double weightOf(double[] st) {
        if (!classification) {
            return st[0];
        }
        double t = 0;
        for (int k = 0; k < classes; k++) {
            t += st[k];
        }
        return t;
    }

    private void setValue(int node, double[] st, double wsum) {
        cover[node] = wsum;
        if (classification) {
            double pos = 0;
            for (int k = 0; k < classes; k++) {
                pos += Math.max(0, st[k]);
            }
            for (int k = 0; k < classes; k++) {
                value[node * width + k] = pos > 0 ? Math.max(0, st[k]) / pos : 1.0 / classes;
            }
        } else {
            value[node] = wsum != 0 ? st[1] / wsum : 0;
        }
    }

    /** Stably partitions every feature's segment {@code [st, en)}: rows with values below {@code t} first. */
    private int partition(int st, int en, int f, float t) {
        int base = f * n;
        int nl = 0;
        for (int i = st; i < en; i++) {
            int row = seg[base + i];
            byte l = xc[base + row] < t ? (byte) 1 : 0;
            goLeft[row] = l;
            nl += l;
        }
        for (int g = 0; g < nf; g++) {
            int b = g * n;
            int l = b + st;
            int r = 0;
            for (int i = b + st; i < b + en; i++) {
                int row = seg[i];
                int go = goLeft[row];
                seg[l] = row;          // l <= i: never overwrites a row not yet read
                scratch[r] = row;
                l += go;
                r += go ^ 1;
            }
            System.arraycopy(scratch, 0, seg, l, r);
        }
        return st + nl;
    }

    private int newNode() {
        if (nodes == left.length) {
            int c = 2 * nodes;
            left = Arrays.copyOf(left, c);
            right = Arrays.copyOf(right, c);
            feature = Arrays.copyOf(feature, c);
            threshold = Arrays.copyOf(threshold, c);
            gain = Arrays.copyOf(gain, c);
            cover = Arrays.copyOf(cover, c);
        }
        if (value.length < (nodes + 1) * width) {
            value = Arrays.copyOf(value, Math.max(2 * value.length, (nodes + 1) * width));
        }
        int i = nodes++;
        left[i] = -1;
        right[i] = -1;
        feature[i] = 0;
        threshold[i] = 0;
        gain[i] = 0;
        return i;
    }

    private void growQueue() {
        int c = 2 * qStart.length;
        qStart = Arrays.copyOf(qStart, c);
        qEnd = Arrays.copyOf(qEnd, c);
        qDepth = Arrays.copyOf(qDepth, c);
        qNode = Arrays.copyOf(qNode, c);
        qImpurity = Arrays.copyOf(qImpurity, c);
    }

    private Tree toTree() {
        int k = nodes;
        boolean[] dl = new boolean[k];
        return new Tree(Arrays.copyOf(left, k), Arrays.copyOf(right, k), Arrays.copyOf(feature, k),
                Arrays.copyOf(threshold, k), dl, Arrays.copyOf(value, k * width), width, Arrays.copyOf(gain, k),
                Arrays.copyOf(cover, k), null);
    }

    /** An int whose signed order is the float order ({@code -0.0} and {@code 0.0} made equal). */
    static int sortable(float v) {
        int bits = Float.floatToRawIntBits(v == 0f ? 0f : v);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    /** A float {@code c} with {@code a < c <= b}: the midpoint, or {@code b} when rounding reaches {@code a}. */
    static float between(float a, float b) {
        float c = (float) (((double) a + (double) b) / 2);
        return c > a ? c : b;
    }
}
