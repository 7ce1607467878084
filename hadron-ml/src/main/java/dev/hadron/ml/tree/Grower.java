package dev.hadron.ml.tree;

import dev.hadron.tensor.Generator;

import java.util.Arrays;

/**
 * Grows one regression tree on gradients and hessians from binned features (XGBoost {@code hist},
 * LightGBM, scikit-learn's {@code TreeGrower}). A node is a range of {@link #rows}; splitting a node
 * partitions its range stably (rows stay in increasing order, so column reads stay sequential), and
 * the gradients move with their rows so every node's gradients are contiguous. Only the smaller child
 * of a split gets its histogram built from rows; the larger one is its parent's minus its sibling's.
 *
 * <p>Growth is depth-wise (level by level, XGBoost's default) or leaf-wise (always the leaf with the
 * largest gain, LightGBM's and scikit-learn's). Work on a node is split by features across the
 * {@link Parallel} threads, every feature's histogram and best split written by exactly one task and
 * the per-feature results reduced in feature order, so trees are bit-identical for any thread count.
 *
 * <p>One grower serves every tree of a fit: its buffers, node arrays and histogram pool are reused,
 * nothing is allocated per node or per bin.
 */
final class Grower {
    /** Below this many row-feature visits a node's histograms are built by one thread. */
    private static final int PARALLEL_WORK = 1 << 16;
    /** Below this many rows a node is partitioned by one thread. */
    private static final int PARALLEL_ROWS = 1 << 15;

    private final Binning.Binned data;
    private final byte[] codes;
    private final int n;
    private final Histogram layout;
    private final Splitting splitting;
    private final int maxDepth;
    private final int maxLeaves;
    private final boolean leafWise;
    private final double learningRate;
    private final double colsampleByNode;
    private final Parallel par;
    private final int[] missingCode;

    /** The rows of the current tree, grouped by node; {@code g}, {@code h} aligned with them. */
    final int[] rows;
    final float[] g;
    final float[] h;
    private final int[] rowsTmpL;
    private final int[] rowsTmpR;
    private final float[] gTmpL;
    private final float[] gTmpR;
    private final float[] hTmpL;
    private final float[] hTmpR;

    // node arrays (grown on demand)
    private int nodes;
    int[] start;
    int[] end;
    private int[] depth;
    private int[] left;
    private int[] right;
    private int[] hist;
    private double[] sumG;
    private double[] sumH;
    private boolean[] expandable;
    private Splitting.Candidates best;

    // histogram pool
    private double[][] pool = new double[8][];
    private int[] free = new int[8];
    private int freeCount;
    private int allocated;

    // per-feature search results for the (up to) two children being evaluated
    private final Splitting.Candidates perFeature;
    private final boolean[][] nodeMask;
    private final int[] sampleIdx;
    private final int[] leftCount;
    private int[] features;
    private int active;

    Grower(Binning.Binned data, Splitting splitting, int maxDepth, int maxLeaves, boolean leafWise,
           double learningRate, double colsampleByNode, Parallel par) {
        this.data = data;
        this.codes = data.codes();
        this.n = data.n();
        this.layout = new Histogram(data.bins());
        this.splitting = splitting;
        this.maxDepth = maxDepth <= 0 ? Integer.MAX_VALUE : maxDepth;
        this.maxLeaves = maxLeaves <= 0 ? Integer.MAX_VALUE : maxLeaves;
        this.leafWise = leafWise;
        this.learningRate = learningRate;
        this.colsampleByNode = colsampleByNode;
        this.par = par;
        int f = data.bins().numFeatures();
        missingCode = new int[f];
        for (int j = 0; j < f; j++) {
            missingCode[j] = data.bins().hasMissing(j) ? data.bins().numBins(j) : -1;
        }
        rows = new int[n];
        g = new float[n];
        h = new float[n];
        rowsTmpL = new int[n];
        rowsTmpR = new int[n];
        gTmpL = new float[n];
        gTmpR = new float[n];
        hTmpL = new float[n];
        hTmpR = new float[n];
        int cap = 64;
        start = new int[cap];
        end = new int[cap];
        depth = new int[cap];
        left = new int[cap];
        right = new int[cap];
        hist = new int[cap];
        sumG = new double[cap];
        sumH = new double[cap];
        expandable = new boolean[cap];
        best = new Splitting.Candidates(cap);
        perFeature = new Splitting.Candidates(2 * f);
        nodeMask = new boolean[2][f];
        sampleIdx = new int[f];
        leftCount = new int[Math.max(1, par.threads())];
    }

    /** Missing-value code of each feature (-1 if it has none). */
    int[] missingCodes() {
        return missingCode;
    }

    /** Number of nodes of the last tree. */
    int numNodes() {
        return nodes;
    }

    /** True if node {@code i} of the last tree is a leaf. */
    boolean isLeaf(int i) {
        return left[i] < 0;
    }

    /**
     * Grows a tree on the first {@code m} entries of {@link #rows}, {@link #g}, {@link #h} (rows in
     * increasing order; {@code identity} if {@code rows[i] == i} for all of them), splitting only on
     * {@code treeFeatures}. Leaves hold {@code learningRate} times the optimal value.
     */
    Tree grow(int m, boolean identity, int[] treeFeatures, Generator gen) {
        this.features = treeFeatures;
        this.active = treeFeatures.length;
        nodes = 0;
        double gs = 0;
        double hs = 0;
        for (int i = 0; i < m; i++) {
            gs += g[i];
            hs += h[i];
        }
        int root = newNode(0, m, 0, gs, hs);
        if (canSplit(root)) {
            int hr = allocHist();
            hist[root] = hr;
            sampleNodeFeatures(gen, 0);
            evaluate(root, -1, -1, identity, true);
            take(root, 0);
        }
        int leaves = 1;
        int cursor = 0;
        while (leaves < maxLeaves) {
            int p = leafWise ? bestPending() : nextPending(cursor);
            if (p < 0) {
                break;
            }
            cursor = p + 1;
            expandable[p] = false;
            if (!best.found(p)) {
                release(p);
                continue;
            }
            split(p, gen);
            leaves++;
        }
        for (int i = 0; i < nodes; i++) {
            release(i);
        }
        return toTree();
    }

    private boolean canSplit(int i) {
        return depth[i] < maxDepth && end[i] - start[i] >= 2 && splittable(i);
    }

    private boolean splittable(int i) {
        return splitting.splittable(sumH[i]);
    }

    private int nextPending(int from) {
        for (int i = from; i < nodes; i++) {
            if (expandable[i]) {
                return i;
            }
        }
        return -1;
    }

    private int bestPending() {
        int b = -1;
        for (int i = 0; i < nodes; i++) {
            if (expandable[i] && (b < 0 || best.gain[i] > best.gain[b])) {
                b = i;
            }
        }
        return b;
    }

    private int newNode(int s, int e, int d, double gs, double hs) {
        if (nodes == start.length) {
            int c = 2 * nodes;
            start = Arrays.copyOf(start, c);
            end = Arrays.copyOf(end, c);
            depth = Arrays.copyOf(depth, c);
            left = Arrays.copyOf(left, c);
            right = Arrays.copyOf(right, c);
            hist = Arrays.copyOf(hist, c);
            sumG = Arrays.copyOf(sumG, c);
            sumH = Arrays.copyOf(sumH, c);
            expandable = Arrays.copyOf(expandable, c);
            best.ensure(c);
        }
        int i = nodes++;
        start[i] = s;
        end[i] = e;
        depth[i] = d;
        left[i] = -1;
        right[i] = -1;
        hist[i] = -1;
        sumG[i] = gs;
        sumH[i] = hs;
        expandable[i] = false;
        best.clear(i, i + 1);
        return i;
    }

    private void sampleNodeFeatures(Generator gen, int slot) {
        boolean[] mask = nodeMask[slot];
        if (colsampleByNode >= 1) {
            for (int k = 0; k < active; k++) {
                mask[k] = true;
            }
            return;
        }
        Arrays.fill(mask, 0, active, false);
        int keep = Math.max(1, (int) Math.round(colsampleByNode * active));
        // partial Fisher-Yates over positions 0 .. active - 1
        int[] idx = sampleIdx;
        for (int k = 0; k < active; k++) {
            idx[k] = k;
        }
        for (int k = 0; k < keep; k++) {
            int j = k + gen.nextInt(active - k);
            int t = idx[k];
            idx[k] = idx[j];
            idx[j] = t;
            mask[idx[k]] = true;
        }
    }

    /** Splits node {@code p} at its best split and evaluates the children. */
    private void split(int p, Generator gen) {
        int f = best.feature[p];
        int b = best.bin[p];
        boolean dl = best.defaultLeft[p];
        int s = start[p];
        int e = end[p];
        int mid = partition(s, e, f, b, dl);
        double gl = best.gl[p];
        double hl = best.hl[p];
        int l = newNode(s, mid, depth[p] + 1, gl, hl);
        int r = newNode(mid, e, depth[p] + 1, sumG[p] - gl, sumH[p] - hl);
        left[p] = l;
        right[p] = r;
        if (canSplit(l) || canSplit(r)) {
            boolean leftSmall = mid - s <= e - mid;
            int small = leftSmall ? l : r;
            int large = leftSmall ? r : l;
            hist[small] = allocHist();
            if (canSplit(large)) {
                hist[large] = allocHist();
            }
            // mask slot 0 belongs to the left child, slot 1 to the right one
            sampleNodeFeatures(gen, 0);
            sampleNodeFeatures(gen, 1);
            evaluate(small, canSplit(large) ? large : -1, p, false, leftSmall);
            if (canSplit(small)) {
                take(small, 0);
            } else {
                release(small);
            }
            if (canSplit(large)) {
                take(large, 1);
            }
        }
        release(p);
    }

    /**
     * Builds the histogram of {@code small} from its rows (and, if {@code large >= 0}, the one of
     * {@code large} by subtraction from {@code parent}) and finds each feature's best split for them.
     * Per-feature results go to {@link #perFeature} slots {@code k} (small) and {@code active + k} (large).
     */
    private void evaluate(int small, int large, int parent, boolean identity, boolean smallIsLeft) {
        perFeature.clear(0, 2 * active);
        double[] hs = pool[hist[small]];
        double[] hl = large >= 0 ? pool[hist[large]] : null;
        double[] hp = parent >= 0 ? pool[hist[parent]] : null;
        boolean splitSmall = canSplit(small);
        boolean splitLarge = large >= 0 && canSplit(large);
        boolean[] maskSmall = nodeMask[smallIsLeft ? 0 : 1];
        boolean[] maskLarge = nodeMask[smallIsLeft ? 1 : 0];
        int s = start[small];
        int e = end[small];
        long work = (long) (e - s) * active;
        int groups = work < PARALLEL_WORK ? 1 : Math.min(par.threads(), active);
        Parallel.RangeBody body = (from, to) -> {
            layout.build(codes, n, features, from, to, rows, g, h, s, e, identity, hs);
            if (hl != null) {
                layout.subtract(hp, hs, hl, features, from, to);
            }
            for (int k = from; k < to; k++) {
                int f = features[k];
                int off = layout.offset(f);
                int bins = data.bins().numBins(f);
                boolean ms = missingCode[f] >= 0;
                if (splitSmall && maskSmall[k]) {
                    splitting.best(hs, off, bins, ms, sumG[small], sumH[small], f, perFeature, k);
                }
                if (splitLarge && maskLarge[k]) {
                    splitting.best(hl, off, bins, ms, sumG[large], sumH[large], f, perFeature, active + k);
                }
            }
        };
        if (groups == 1) {
            body.run(0, active);
        } else {
            par.forEach(groups, t -> body.run((int) ((long) active * t / groups),
                    (int) ((long) active * (t + 1) / groups)));
        }
    }

    /** Reduces the per-feature results of {@code slot} (0: small / root, 1: large) into the node. */
    private void take(int node, int slot) {
        int base = slot * active;
        for (int k = 0; k < active; k++) {
            best.takeIfBetter(perFeature, base + k, node);
        }
        expandable[node] = best.found(node);
        if (!expandable[node]) {
            release(node);
        }
    }

    /**
     * Stable partition of {@code rows[s .. e)} (with their gradients) by the split; returns the first
     * index of the right child.
     */
    private int partition(int s, int e, int f, int b, boolean defaultLeft) {
        int len = e - s;
        int chunks = len < PARALLEL_ROWS ? 1 : par.threads();
        int base = f * n;
        int mc = missingCode[f];
        par.forEach(chunks, c -> {
            int cs = s + (int) ((long) len * c / chunks);
            int ce = s + (int) ((long) len * (c + 1) / chunks);
            int nl = cs;
            int nr = cs;
            for (int i = cs; i < ce; i++) {
                int row = rows[i];
                int code = codes[base + row] & 0xFF;
                boolean goLeft = code == mc ? defaultLeft : code <= b;
                if (goLeft) {
                    rowsTmpL[nl] = row;
                    gTmpL[nl] = g[i];
                    hTmpL[nl] = h[i];
                    nl++;
                } else {
                    rowsTmpR[nr] = row;
                    gTmpR[nr] = g[i];
                    hTmpR[nr] = h[i];
                    nr++;
                }
            }
            leftCount[c] = nl - cs;
        });
        int totalLeft = 0;
        for (int c = 0; c < chunks; c++) {
            totalLeft += leftCount[c];
        }
        int lw = s;
        int rw = s + totalLeft;
        for (int c = 0; c < chunks; c++) {
            int cs = s + (int) ((long) len * c / chunks);
            int ce = s + (int) ((long) len * (c + 1) / chunks);
            int nl = leftCount[c];
            int nr = ce - cs - nl;
            System.arraycopy(rowsTmpL, cs, rows, lw, nl);
            System.arraycopy(gTmpL, cs, g, lw, nl);
            System.arraycopy(hTmpL, cs, h, lw, nl);
            System.arraycopy(rowsTmpR, cs, rows, rw, nr);
            System.arraycopy(gTmpR, cs, g, rw, nr);
            System.arraycopy(hTmpR, cs, h, rw, nr);
            lw += nl;
            rw += nr;
        }
        return s + totalLeft;
    }

    private int allocHist() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (allocated == pool.length) {
            pool = Arrays.copyOf(pool, 2 * allocated);
            free = Arrays.copyOf(free, 2 * allocated);
        }
        pool[allocated] = new double[layout.length()];
        return allocated++;
    }

    private void release(int node) {
        if (hist[node] >= 0) {
            free[freeCount++] = hist[node];
            hist[node] = -1;
        }
    }

    private Tree toTree() {
        int k = nodes;
        int[] l = Arrays.copyOf(left, k);
        int[] r = Arrays.copyOf(right, k);
        int[] feat = new int[k];
        float[] thr = new float[k];
        boolean[] dl = new boolean[k];
        double[] value = new double[k];
        double[] gain = new double[k];
        double[] cover = Arrays.copyOf(sumH, k);
        int[] bin = new int[k];
        for (int i = 0; i < k; i++) {
            value[i] = learningRate * splitting.leafValue(sumG[i], sumH[i]);
            if (l[i] >= 0) {
                int f = best.feature[i];
                int b = best.bin[i];
                feat[i] = f;
                bin[i] = b;
                thr[i] = b < data.bins().numBins(f) - 1 ? data.bins().threshold(f, b) : Float.MAX_VALUE;
                dl[i] = best.defaultLeft[i];
                gain[i] = best.gain[i];
            }
        }
        return new Tree(l, r, feat, thr, dl, value, 1, gain, cover, bin);
    }
}
