package dev.hadron.ml.tree;

/**
 * Gradient histograms of one tree node: for every feature and bin, the sums of the gradients and
 * hessians of the node's rows. Stored as one {@code double[]} with the pair {@code (G, H)} of slot
 * {@code s} at {@code [2s, 2s + 1]}; feature {@code f} owns the slots from {@link #offset(int)}, one
 * per value bin plus one for missing values when the feature has them.
 *
 * <p>Building reads the binned features column by column (column-major bytes) for the node's rows,
 * in blocks of rows so the node's gradients stay in cache while several features are filled. A
 * child's histogram is its parent's minus its sibling's ({@link #subtract}), so only the smaller
 * child of each split is ever built from rows.
 */
final class Histogram {
    /** Rows per block when filling several features (keeps gradients and hessians in L1/L2). */
    static final int BLOCK = 4096;

    private final int[] offset;
    private final int[] slots;
    private final int size;

    Histogram(Binning bins) {
        int f = bins.numFeatures();
        offset = new int[f];
        slots = new int[f];
        int s = 0;
        for (int j = 0; j < f; j++) {
            offset[j] = s;
            slots[j] = bins.numBins(j) + (bins.hasMissing(j) ? 1 : 0);
            s += slots[j];
        }
        size = s;
    }

    /** First slot of feature {@code f}. */
    int offset(int f) {
        return offset[f];
    }

    /** Slots of feature {@code f}. */
    int slots(int f) {
        return slots[f];
    }

    /** Length of a histogram array (two doubles per slot). */
    int length() {
        return 2 * size;
    }

    /**
     * Fills the histograms of the features {@code features[from .. to)} from the node's rows
     * {@code rows[start .. end)}, whose gradients and hessians are {@code g[start .. end)} and
     * {@code h[start .. end)} (kept in the same order as the rows). Clears those features' slots
     * first. {@code identity} says {@code rows[i] == i} (the root without row sampling): the codes
     * are then read in sequence.
     */
    void build(byte[] codes, int n, int[] features, int from, int to, int[] rows, float[] g, float[] h,
               int start, int end, boolean identity, double[] hist) {
        for (int k = from; k < to; k++) {
            int f = features[k];
            java.util.Arrays.fill(hist, 2 * offset[f], 2 * (offset[f] + slots[f]), 0.0);
        }
        for (int b0 = start; b0 < end; b0 += BLOCK) {
            int b1 = Math.min(end, b0 + BLOCK);
            int k = from;
            // four features per pass: their read-modify-write chains are independent, so the CPU overlaps
            // them instead of waiting on one bin's store when consecutive rows share it
            for (; k + 4 <= to; k += 4) {
                int f0 = features[k];
                int f1 = features[k + 1];
                int f2 = features[k + 2];
                int f3 = features[k + 3];
                if (identity) {
                    fill4Sequential(codes, f0 * n, f1 * n, f2 * n, f3 * n, 2 * offset[f0], 2 * offset[f1],
                            2 * offset[f2], 2 * offset[f3], g, h, b0, b1, hist);
                } else {
                    fill4Gathered(codes, f0 * n, f1 * n, f2 * n, f3 * n, 2 * offset[f0], 2 * offset[f1],
                            2 * offset[f2], 2 * offset[f3], rows, g, h, b0, b1, hist);
                }
            }
            for (; k < to; k++) {
                int f = features[k];
                if (identity) {
                    fillSequential(codes, f * n, 2 * offset[f], g, h, b0, b1, hist);
                } else {
                    fillGathered(codes, f * n, 2 * offset[f], rows, g, h, b0, b1, hist);
                }
            }
        }
    }

    private static void fill4Sequential(byte[] codes, int c0, int c1, int c2, int c3, int o0, int o1, int o2, int o3,
                                        float[] g, float[] h, int from, int to, double[] hist) {
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double hi = h[i];
            int s0 = o0 + 2 * (codes[c0 + i] & 0xFF);
            int s1 = o1 + 2 * (codes[c1 + i] & 0xFF);
            int s2 = o2 + 2 * (codes[c2 + i] & 0xFF);
            int s3 = o3 + 2 * (codes[c3 + i] & 0xFF);
            hist[s0] += gi;
            hist[s0 + 1] += hi;
            hist[s1] += gi;
            hist[s1 + 1] += hi;
            hist[s2] += gi;
            hist[s2 + 1] += hi;
            hist[s3] += gi;
            hist[s3 + 1] += hi;
        }
    }

    private static void fill4Gathered(byte[] codes, int c0, int c1, int c2, int c3, int o0, int o1, int o2, int o3,
                                      int[] rows, float[] g, float[] h, int from, int to, double[] hist) {
        for (int i = from; i < to; i++) {
            int r = rows[i];
            double gi = g[i];
            double hi = h[i];
            int s0 = o0 + 2 * (codes[c0 + r] & 0xFF);
            int s1 = o1 + 2 * (codes[c1 + r] & 0xFF);
            int s2 = o2 + 2 * (codes[c2 + r] & 0xFF);
            int s3 = o3 + 2 * (codes[c3 + r] & 0xFF);
            hist[s0] += gi;
            hist[s0 + 1] += hi;
            hist[s1] += gi;
            hist[s1 + 1] += hi;
            hist[s2] += gi;
            hist[s2 + 1] += hi;
            hist[s3] += gi;
            hist[s3 + 1] += hi;
        }
    }

    private static void fillSequential(byte[] codes, int base, int off, float[] g, float[] h, int from, int to,
                                       double[] hist) {
        for (int i = from; i < to; i++) {
            int s = off + 2 * (codes[base + i] & 0xFF);
            hist[s] += g[i];
            hist[s + 1] += h[i];
        }
    }

    private static void fillGathered(byte[] codes, int base, int off, int[] rows, float[] g, float[] h, int from,
                                     int to, double[] hist) {
        for (int i = from; i < to; i++) {
            int s = off + 2 * (codes[base + rows[i]] & 0xFF);
            hist[s] += g[i];
            hist[s + 1] += h[i];
        }
    }

    /** {@code out = parent - child} over the slots of the features {@code features[from .. to)}. */
    void subtract(double[] parent, double[] child, double[] out, int[] features, int from, int to) {
        for (int k = from; k < to; k++) {
            int f = features[k];
            int a = 2 * offset[f];
            int b = a + 2 * slots[f];
            for (int i = a; i < b; i++) {
                out[i] = parent[i] - child[i];
            }
        }
    }
}
