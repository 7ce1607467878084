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
 * <p>Growth is depth-wise (a whole level per step, XGBoost's default) or leaf-wise (always the leaf
 * with the largest gain, LightGBM's and scikit-learn's). A step splits a batch of nodes (the level,
 * or the one best leaf) in three parallel phases: partition the rows (chunks), build and subtract the
 * children's histograms and find their best splits ((node, feature group) tasks), then reduce the
 * per-feature results in feature order. Every task writes its own slots, so trees are bit-identical
 * for any thread count, and the few synchronisations per level keep the threads busy.
 *
 * <p>One grower serves every tree of a fit: its buffers, node arrays and histogram pool are reused;
 * nothing is allocated per node or per bin.
 */
final class Grower {
    /** Below this many row-feature visits in a batch, histograms are built by one thread. */
    private static final int PARALLEL_WORK = 1 << 16;
    /** Rows per partition task. */
    private static final int CHUNK = 1 << 15;
    /** Features per histogram task (the kernel fills four at once). */
    private static final int GROUP = 4;

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
    private final int[] numBins;

    /** The rows of the current tree, grouped by node; {@code g}, {@code h} aligned with them. */
    final int[] rows;
    final float[] g;
    final float[] h;
    private final int[] rowsL;
    private final int[] rowsR;
    private final float[] gL;
    private final float[] gR;
    private final float[] hL;
    private final float[] hR;

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

    // the batch being split: parent, children, which child is built from rows
    private int[] batch = new int[8];
    private int[] smallOf = new int[8];
    private int[] largeOf = new int[8];
    private int[] parentOf = new int[8];
    private boolean[] smallIsLeft = new boolean[8];
    private boolean[][] masks;
    private int[] taskEntry = new int[8];
    private final Splitting.Candidates perFeature;
    // partition chunks
    private int[] chunkNode = new int[8];
    private int[] chunkStart = new int[8];
    private int[] chunkEnd = new int[8];
    private int[] chunkLeft = new int[8];
    private int[] chunkDestL = new int[8];
    private int[] chunkDestR = new int[8];
    private int[] batchMid = new int[8];

    private int[] features;
    private int active;
    private int[] groupFrom = new int[8];
    private int[] groupTo = new int[8];
    private int groups;
    private final int[] sampleIdx;

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
        numBins = new int[f];
        for (int j = 0; j < f; j++) {
            numBins[j] = data.bins().numBins(j);
            missingCode[j] = data.bins().hasMissing(j) ? numBins[j] : -1;
        }
        rows = new int[n];
        g = new float[n];
        h = new float[n];
        rowsL = new int[n];
        rowsR = new int[n];
        gL = new float[n];
        gR = new float[n];
        hL = new float[n];
        hR = new float[n];
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
        masks = new boolean[2][f];
        sampleIdx = new int[f];
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
        features = treeFeatures;
        active = treeFeatures.length;
        makeGroups();
        nodes = 0;
        double gs = 0;
        double hs = 0;
        for (int i = 0; i < m; i++) {
            gs += g[i];
            hs += h[i];
        }
        int root = newNode(0, m, 0, gs, hs);
        if (canSplit(root)) {
            ensureBatch(1);
            hist[root] = allocHist();
            smallOf[0] = root;
            largeOf[0] = -1;
            parentOf[0] = -1;
            smallIsLeft[0] = true;
            sampleMask(gen, masks[0]);
            evaluate(1, identity);
            take(root, 0);
        }
        int leaves = 1;
        while (leaves < maxLeaves) {
            int count = leafWise ? pickBest() : pickLevel(maxLeaves - leaves);
            if (count == 0) {
                break;
            }
            splitBatch(count, gen);
            leaves += count;
        }
        for (int i = 0; i < nodes; i++) {
            release(i);
        }
        return toTree();
    }

    /** Feature groups of {@link #GROUP} (some halved so the group count divides evenly among threads). */
    private void makeGroups() {
        int full = active / GROUP;
        int rest = active % GROUP;
        int count = full + (rest > 0 ? 1 : 0);
        int t = par.threads();
        int halve = 0;
        while (t > 1 && (count + halve) % t != 0 && halve < full) {
            halve++;
        }
        int total = count + halve;
        if (groupFrom.length < total) {
            groupFrom = new int[total];
            groupTo = new int[total];
        }
        int k = 0;
        int gi = 0;
        for (int q = 0; q < full; q++) {
            if (q >= full - halve) {
                groupFrom[gi] = k;
                groupTo[gi++] = k + GROUP / 2;
                groupFrom[gi] = k + GROUP / 2;
                groupTo[gi++] = k + GROUP;
            } else {
                groupFrom[gi] = k;
                groupTo[gi++] = k + GROUP;
            }
            k += GROUP;
        }
        if (rest > 0) {
            groupFrom[gi] = k;
            groupTo[gi++] = active;
        }
        groups = gi;
    }

    private boolean canSplit(int i) {
        return depth[i] < maxDepth && end[i] - start[i] >= 2 && splitting.splittable(sumH[i]);
    }

    /** Leaf-wise: the expandable node with the largest gain (lowest id on ties) as a batch of one. */
    private int pickBest() {
        int b = -1;
        for (int i = 0; i < nodes; i++) {
            if (expandable[i] && (b < 0 || best.gain[i] > best.gain[b])) {
                b = i;
            }
        }
        if (b < 0) {
            return 0;
        }
        ensureBatch(1);
        batch[0] = b;
        return 1;
    }

    /** Depth-wise: every expandable node (one level), at most {@code limit} of them in id order. */
    private int pickLevel(int limit) {
        int count = 0;
        for (int i = 0; i < nodes; i++) {
            if (expandable[i]) {
                if (count < limit) {
                    ensureBatch(count + 1);
                    batch[count++] = i;
                } else {
                    expandable[i] = false;
                    release(i);
                }
            }
        }
        return count;
    }

    private void ensureBatch(int count) {
        if (batch.length < count) {
            int c = Math.max(count, 2 * batch.length);
            batch = Arrays.copyOf(batch, c);
            smallOf = Arrays.copyOf(smallOf, c);
            largeOf = Arrays.copyOf(largeOf, c);
            parentOf = Arrays.copyOf(parentOf, c);
            smallIsLeft = Arrays.copyOf(smallIsLeft, c);
            batchMid = Arrays.copyOf(batchMid, c);
        }
        if (masks.length < 2 * count) {
            boolean[][] m = new boolean[Math.max(2 * count, 2 * masks.length)][];
            for (int i = 0; i < m.length; i++) {
                m[i] = i < masks.length ? masks[i] : new boolean[masks[0].length];
            }
            masks = m;
        }
        perFeature.ensure(2 * count * active);
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

    /** Which of the tree's features a node may split on (XGBoost's {@code colsample_bynode}). */
    private void sampleMask(Generator gen, boolean[] mask) {
        if (colsampleByNode >= 1) {
            Arrays.fill(mask, 0, active, true);
            return;
        }
        Arrays.fill(mask, 0, active, false);
        int keep = Math.max(1, (int) Math.round(colsampleByNode * active));
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

    /** Splits the nodes {@code batch[0 .. count)} at their best splits and evaluates their children. */
    private void splitBatch(int count, Generator gen) {
        partition(count);
        int withHist = 0;
        for (int j = 0; j < count; j++) {
            int p = batch[j];
            int s = start[p];
            int e = end[p];
            int mid = batchMid[j];
            double gl = best.gl[p];
            double hl = best.hl[p];
            int l = newNode(s, mid, depth[p] + 1, gl, hl);
            int r = newNode(mid, e, depth[p] + 1, sumG[p] - gl, sumH[p] - hl);
            left[p] = l;
            right[p] = r;
            expandable[p] = false;
            parentOf[j] = p;
            if (canSplit(l) || canSplit(r)) {
                boolean leftSmall = mid - s <= e - mid;
                int small = leftSmall ? l : r;
                int large = leftSmall ? r : l;
                hist[small] = allocHist();
                largeOf[j] = canSplit(large) ? large : -1;
                if (largeOf[j] >= 0) {
                    hist[large] = allocHist();
                }
                smallOf[j] = small;
                smallIsLeft[j] = leftSmall;
                sampleMask(gen, masks[2 * j]);
                sampleMask(gen, masks[2 * j + 1]);
                withHist++;
            } else {
                smallOf[j] = -1;
                largeOf[j] = -1;
            }
        }
        if (withHist > 0) {
            evaluate(count, false);
        }
        for (int j = 0; j < count; j++) {
            int small = smallOf[j];
            if (small >= 0) {
                if (canSplit(small)) {
                    take(small, 2 * j);
                } else {
                    release(small);
                }
                if (largeOf[j] >= 0) {
                    take(largeOf[j], 2 * j + 1);
                }
            }
            release(batch[j]);
        }
    }

    /**
     * For every batch entry {@code j} with {@code smallOf[j] >= 0}: builds the small child's histogram
     * from its rows, derives the large child's (if {@code largeOf[j] >= 0}) from the parent's, and finds
     * each feature's best split for both. Results: {@link #perFeature} slot {@code (2j) * active + k}
     * for the small child, {@code (2j + 1) * active + k} for the large one.
     */
    private void evaluate(int count, boolean identity) {
        perFeature.clear(0, 2 * count * active);
        int tasks = 0;
        long work = 0;
        if (taskEntry.length < count * groups) {
            taskEntry = new int[Math.max(count * groups, 2 * taskEntry.length)];
        }
        for (int j = 0; j < count; j++) {
            if (smallOf[j] >= 0) {
                for (int q = 0; q < groups; q++) {
                    taskEntry[tasks++] = j * groups + q;
                }
                work += (long) (end[smallOf[j]] - start[smallOf[j]]) * active;
            }
        }
        int nt = tasks;
        if (work < PARALLEL_WORK) {
            for (int t = 0; t < nt; t++) {
                evaluateTask(taskEntry[t], identity);
            }
        } else {
            par.forEachDynamic(nt, t -> evaluateTask(taskEntry[t], identity));
        }
    }

    private void evaluateTask(int code, boolean identity) {
        int j = code / groups;
        int q = code % groups;
        int from = groupFrom[q];
        int to = groupTo[q];
        int small = smallOf[j];
        int large = largeOf[j];
        double[] hs = pool[hist[small]];
        layout.build(codes, n, features, from, to, rows, g, h, start[small], end[small], identity, hs);
        double[] hl = null;
        if (large >= 0) {
            hl = pool[hist[large]];
            layout.subtract(pool[hist[parentOf[j]]], hs, hl, features, from, to);
        }
        boolean splitSmall = canSplit(small);
        boolean[] maskSmall = masks[smallIsLeft[j] ? 2 * j : 2 * j + 1];
        boolean[] maskLarge = masks[smallIsLeft[j] ? 2 * j + 1 : 2 * j];
        int baseSmall = 2 * j * active;
        int baseLarge = (2 * j + 1) * active;
        for (int k = from; k < to; k++) {
            int f = features[k];
            int off = layout.offset(f);
            boolean ms = missingCode[f] >= 0;
            if (splitSmall && maskSmall[k]) {
                splitting.best(hs, off, numBins[f], ms, sumG[small], sumH[small], f, perFeature, baseSmall + k);
            }
            if (hl != null && maskLarge[k]) {
                splitting.best(hl, off, numBins[f], ms, sumG[large], sumH[large], f, perFeature, baseLarge + k);
            }
        }
    }

    /** Reduces the per-feature results of slot group {@code slot} into node {@code node} (feature order). */
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

    /** Stable partition of every batch node's rows (with gradients) by its split; sets {@code batchMid}. */
    private void partition(int count) {
        int chunks = 0;
        for (int j = 0; j < count; j++) {
            int p = batch[j];
            int len = end[p] - start[p];
            int nc = Math.max(1, (len + CHUNK - 1) / CHUNK);
            if (chunkNode.length < chunks + nc) {
                int c = Math.max(chunks + nc, 2 * chunkNode.length);
                chunkNode = Arrays.copyOf(chunkNode, c);
                chunkStart = Arrays.copyOf(chunkStart, c);
                chunkEnd = Arrays.copyOf(chunkEnd, c);
                chunkLeft = Arrays.copyOf(chunkLeft, c);
                chunkDestL = Arrays.copyOf(chunkDestL, c);
                chunkDestR = Arrays.copyOf(chunkDestR, c);
            }
            for (int c = 0; c < nc; c++) {
                chunkNode[chunks] = p;
                chunkStart[chunks] = start[p] + (int) ((long) len * c / nc);
                chunkEnd[chunks] = start[p] + (int) ((long) len * (c + 1) / nc);
                chunks++;
            }
        }
        int nc = chunks;
        par.forEachDynamic(nc, this::partitionChunk);
        int c = 0;
        for (int j = 0; j < count; j++) {
            int p = batch[j];
            int totalLeft = 0;
            int c0 = c;
            while (c < nc && chunkNode[c] == p) {
                totalLeft += chunkLeft[c];
                c++;
            }
            int lw = start[p];
            int rw = start[p] + totalLeft;
            for (int q = c0; q < c; q++) {
                chunkDestL[q] = lw;
                chunkDestR[q] = rw;
                lw += chunkLeft[q];
                rw += chunkEnd[q] - chunkStart[q] - chunkLeft[q];
            }
            batchMid[j] = start[p] + totalLeft;
        }
        par.forEachDynamic(nc, q -> {
            int cs = chunkStart[q];
            int nl = chunkLeft[q];
            int nr = chunkEnd[q] - cs - nl;
            System.arraycopy(rowsL, cs, rows, chunkDestL[q], nl);
            System.arraycopy(gL, cs, g, chunkDestL[q], nl);
            System.arraycopy(hL, cs, h, chunkDestL[q], nl);
            System.arraycopy(rowsR, cs, rows, chunkDestR[q], nr);
            System.arraycopy(gR, cs, g, chunkDestR[q], nr);
            System.arraycopy(hR, cs, h, chunkDestR[q], nr);
        });
    }

    /** Splits one chunk into the left and right scratch arrays, without branches on the data. */
    private void partitionChunk(int q) {
        int p = chunkNode[q];
        int f = best.feature[p];
        int b = best.bin[p];
        int dl = best.defaultLeft[p] ? 1 : 0;
        int mc = missingCode[f] >= 0 ? missingCode[f] : 1 << 20;
        int base = f * n;
        int cs = chunkStart[q];
        int ce = chunkEnd[q];
        int nl = cs;
        int nr = cs;
        for (int i = cs; i < ce; i++) {
            int row = rows[i];
            int code = codes[base + row] & 0xFF;
            int le = ((b - code) >>> 31) ^ 1;          // code <= b (the missing code is always > b)
            int miss = ((code ^ mc) - 1) >>> 31;       // code == mc
            int goLeft = le | (miss & dl);
            float gi = g[i];
            float hi = h[i];
            rowsL[nl] = row;
            gL[nl] = gi;
            hL[nl] = hi;
            rowsR[nr] = row;
            gR[nr] = gi;
            hR[nr] = hi;
            nl += goLeft;
            nr += goLeft ^ 1;
        }
        chunkLeft[q] = nl - cs;
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
                thr[i] = b < numBins[f] - 1 ? data.bins().threshold(f, b) : Float.MAX_VALUE;
                dl[i] = best.defaultLeft[i];
                gain[i] = best.gain[i];
            }
        }
        return new Tree(l, r, feat, thr, dl, value, 1, gain, cover, bin);
    }
}
