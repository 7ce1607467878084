package dev.hadron.ml.tree;

/**
 * Gradient histograms of one tree node: for every feature and bin, the sums of the gradients and
 * hessians of the node's rows. Stored as one {@code double[]} with the pair {@code (G, H)} of slot
 * {@code s} at {@code [2s, 2s + 1]}; feature {@code f} owns the slots from {@link #offset(int)}, one
 * per value bin plus one for missing values when the feature has them.
 *
 * <p>Building reads the node's rows from the binned codes (see {@link #build} for the two layouts). A
 * child's histogram is its parent's minus its sibling's ({@link #subtract}), so only the smaller
 * child of each split is ever built from rows.
 */
final class Histogram {
    /** Nodes with at least n / this many rows are built from the row-major codes. */
    static final int ROW_MAJOR_DENSITY = 5;
    /** Rows per block of the column-major kernel (keeps the block's gradients in L1/L2 across features). */
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
     * {@code h[start .. end)} (kept in the same order as the rows; rows increasing). Clears those
     * features' slots first. {@code identity} says {@code rows[i] == i} (the root without row sampling).
     *
     * <p>Two kernels, chosen by the node's share of the rows. A node holding at least
     * 1 / {@link #ROW_MAJOR_DENSITY} of the rows is read row by row from the row-major codes: one
     * row's updates go to different features, so they overlap in the CPU, and a feature's next update
     * of the same bin (frequent for features with few values) is a whole row of work later. Sparser
     * nodes are read column by column, four features per pass over a block of rows: the hardware
     * prefetcher follows each column, where scattered rows would miss the cache once per row. Either
     * way every slot receives its rows in row order, so the sums do not depend on the kernel or on how
     * features are grouped, and trees are the same for any thread count.
     */
    void build(Binning.Binned data, int[] features, int from, int to, int[] rows, float[] g, float[] h,
               int start, int end, boolean identity, double[] hist) {
        int width = to - from;
        for (int k = from; k < to; k++) {
            int f = features[k];
            java.util.Arrays.fill(hist, 2 * offset[f], 2 * (offset[f] + slots[f]), 0.0);
        }
        if (width == 0 || end <= start) {
            return;
        }
        int n = data.n();
        if ((long) (end - start) * ROW_MAJOR_DENSITY >= n) {
            buildRowMajor(data, features, from, to, rows, g, h, start, end, identity, hist);
            return;
        }
        byte[] codes = data.codes();
        for (int b0 = start; b0 < end; b0 += BLOCK) {
            int b1 = Math.min(end, b0 + BLOCK);
            int k = from;
            for (; k + 4 <= to; k += 4) {
                int f0 = features[k];
                int f1 = features[k + 1];
                int f2 = features[k + 2];
                int f3 = features[k + 3];
                fill4Gathered(codes, f0 * n, f1 * n, f2 * n, f3 * n, 2 * offset[f0], 2 * offset[f1],
                        2 * offset[f2], 2 * offset[f3], rows, g, h, b0, b1, hist);
            }
            for (; k < to; k++) {
                int f = features[k];
                fillGathered(codes, f * n, 2 * offset[f], rows, g, h, b0, b1, hist);
            }
        }
    }

    private void buildRowMajor(Binning.Binned data, int[] features, int from, int to, int[] rows, float[] g,
                               float[] h, int start, int end, boolean identity, double[] hist) {
        byte[] codes = data.rowCodes();
        int nf = data.bins().numFeatures();
        int width = to - from;
        int[] col = new int[width];
        int[] off = new int[width];
        for (int k = 0; k < width; k++) {
            col[k] = features[from + k];
            off[k] = 2 * offset[col[k]];
        }
        if (col[width - 1] - col[0] == width - 1) {
            // consecutive features (no column sampling): the row's codes are read in sequence
            int c0 = col[0];
            if (identity) {
                for (int i = start; i < end; i++) {
                    addRowConsecutive(codes, i * nf + c0, off, width, g[i], h[i], hist);
                }
            } else {
                for (int i = start; i < end; i++) {
                    addRowConsecutive(codes, rows[i] * nf + c0, off, width, g[i], h[i], hist);
                }
            }
        } else {
            for (int i = start; i < end; i++) {
                int base = (identity ? i : rows[i]) * nf;
                double gi = g[i];
                double hi = h[i];
                for (int k = 0; k < width; k++) {
                    int s = off[k] + 2 * (codes[base + col[k]] & 0xFF);
                    hist[s] += gi;
                    hist[s + 1] += hi;
                }
            }
        }
    }

    private static void addRowConsecutive(byte[] codes, int base, int[] off, int width, double gi, double hi,
                                          double[] hist) {
        for (int k = 0; k < width; k++) {
            int s = off[k] + 2 * (codes[base + k] & 0xFF);
            hist[s] += gi;
            hist[s + 1] += hi;
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
