package dev.hadron.ml.tree;

/**
 * Finds the best split of a node from its gradient histogram, as XGBoost's {@code hist} method does.
 * The quality of a set of rows with gradient sum {@code G} and hessian sum {@code H} is
 * {@code T(G)^2 / (H + l2)} where {@code T} shrinks {@code G} towards zero by {@code l1}; a split's
 * gain is the children's quality minus the parent's. A split is allowed when each child keeps a
 * hessian sum of at least {@code minChildWeight} and the gain exceeds {@code minSplitGain} (and
 * XGBoost's floor of 1e-6). Each bin boundary is tried twice when the node has missing values: with
 * them sent left and sent right; the better direction becomes the split's default. The split "all
 * values left, missing right" is tried too. Without missing values in the node, the default
 * direction is the child with the larger hessian sum (scikit-learn's choice).
 */
final class Splitting {
    /** XGBoost's smallest useful gain ({@code kRtEps}). */
    static final double MIN_GAIN = 1e-6;

    private final double l1;
    private final double l2;
    private final double minChildWeight;
    private final double minGain;

    Splitting(double l1, double l2, double minChildWeight, double minSplitGain) {
        this.l1 = l1;
        this.l2 = l2;
        this.minChildWeight = minChildWeight;
        this.minGain = Math.max(minSplitGain, MIN_GAIN);
    }

    /** {@code G} shrunk towards zero by {@code l1} (soft thresholding). */
    double shrink(double g) {
        if (l1 == 0) {
            return g;
        }
        return g > l1 ? g - l1 : g < -l1 ? g + l1 : 0;
    }

    /** The quality {@code T(G)^2 / (H + l2)} of a leaf. */
    double score(double g, double h) {
        double t = shrink(g);
        return t * t / (h + l2);
    }

    /** The optimal leaf value {@code -T(G) / (H + l2)} (0 when {@code H + l2 <= 0}). */
    double leafValue(double g, double h) {
        double d = h + l2;
        return d > 0 ? -shrink(g) / d : 0;
    }

    /** True if a child with hessian sum {@code h} is allowed. */
    private boolean allowed(double h) {
        return h >= minChildWeight && h + l2 > 0;
    }

    /** True if a node with hessian sum {@code h} can have two allowed children at all. */
    boolean splittable(double h) {
        return h >= 2 * minChildWeight && h + l2 > 0;
    }

    /**
     * Tries every boundary of feature {@code f} and stores the best split in {@code out[r]} if it
     * beats what is there.
     *
     * @param hist the node's histogram
     * @param off the feature's first slot
     * @param bins the feature's number of value bins (its missing slot, if any, follows)
     * @param missingSlot whether the feature has a missing slot
     * @param g the node's gradient sum
     * @param h the node's hessian sum
     */
    void best(double[] hist, int off, int bins, boolean missingSlot, double g, double h, int f, Candidates out,
              int r) {
        double parent = score(g, h);
        double gm = 0;
        double hm = 0;
        if (missingSlot) {
            gm = hist[2 * (off + bins)];
            hm = hist[2 * (off + bins) + 1];
        }
        boolean missing = gm != 0 || hm != 0;
        double bestGain = Math.max(out.gain[r], minGain);
        int bestBin = -1;
        boolean bestLeft = false;
        double bestGl = 0;
        double bestHl = 0;
        double gl = 0;
        double hl = 0;
        int s = 2 * off;
        for (int b = 0; b < bins - 1; b++, s += 2) {
            gl += hist[s];
            hl += hist[s + 1];
            double hr = h - hl;
            if (allowed(hl) && allowed(hr)) {
                double gain = score(gl, hl) + score(g - gl, hr) - parent;
                if (gain > bestGain) {
                    bestGain = gain;
                    bestBin = b;
                    bestLeft = false;
                    bestGl = gl;
                    bestHl = hl;
                }
            }
            if (missing) {
                double gl2 = gl + gm;
                double hl2 = hl + hm;
                double hr2 = h - hl2;
                if (allowed(hl2) && allowed(hr2)) {
                    double gain = score(gl2, hl2) + score(g - gl2, hr2) - parent;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestBin = b;
                        bestLeft = true;
                        bestGl = gl2;
                        bestHl = hl2;
                    }
                }
            }
        }
        if (missing) {
            // every value left, the missing ones right
            double hl3 = h - hm;
            if (allowed(hl3) && allowed(hm)) {
                double gain = score(g - gm, hl3) + score(gm, hm) - parent;
                if (gain > bestGain) {
                    bestGain = gain;
                    bestBin = bins - 1;
                    bestLeft = false;
                    bestGl = g - gm;
                    bestHl = hl3;
                }
            }
        }
        if (bestBin >= 0) {
            if (!missing) {
                bestLeft = bestHl >= h - bestHl;
            }
            out.gain[r] = bestGain;
            out.feature[r] = f;
            out.bin[r] = bestBin;
            out.defaultLeft[r] = bestLeft;
            out.gl[r] = bestGl;
            out.hl[r] = bestHl;
        }
    }

    /** Best splits found so far, one slot each (per node, or per feature before the reduction). */
    static final class Candidates {
        double[] gain;
        int[] feature;
        int[] bin;
        boolean[] defaultLeft;
        double[] gl;
        double[] hl;

        Candidates(int capacity) {
            gain = new double[capacity];
            feature = new int[capacity];
            bin = new int[capacity];
            defaultLeft = new boolean[capacity];
            gl = new double[capacity];
            hl = new double[capacity];
            clear(0, capacity);
        }

        int capacity() {
            return gain.length;
        }

        void ensure(int capacity) {
            if (capacity > gain.length) {
                int c = Math.max(capacity, 2 * gain.length);
                int old = gain.length;
                gain = java.util.Arrays.copyOf(gain, c);
                feature = java.util.Arrays.copyOf(feature, c);
                bin = java.util.Arrays.copyOf(bin, c);
                defaultLeft = java.util.Arrays.copyOf(defaultLeft, c);
                gl = java.util.Arrays.copyOf(gl, c);
                hl = java.util.Arrays.copyOf(hl, c);
                clear(old, c);
            }
        }

        /** Marks slots {@code [from, to)} as "no split". */
        void clear(int from, int to) {
            for (int i = from; i < to; i++) {
                gain[i] = Double.NEGATIVE_INFINITY;
                feature[i] = -1;
                bin[i] = -1;
            }
        }

        boolean found(int r) {
            return feature[r] >= 0;
        }

        /** Copies slot {@code from} of {@code src} into slot {@code to} if it has a larger gain. */
        void takeIfBetter(Candidates src, int from, int to) {
            if (src.found(from) && src.gain[from] > gain[to]) {
                gain[to] = src.gain[from];
                feature[to] = src.feature[from];
                bin[to] = src.bin[from];
                defaultLeft[to] = src.defaultLeft[from];
                gl[to] = src.gl[from];
                hl[to] = src.hl[from];
            }
        }
    }
}
