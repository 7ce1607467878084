package dev.hadron.ml.tree;

import dev.hadron.tensor.Generator;

import java.util.Arrays;

/**
 * Quantile binning of features for histogram boosting (scikit-learn's {@code _BinMapper}, XGBoost's
 * {@code hist} cuts). For each feature, up to {@code maxBins} value bins separated by float32
 * thresholds {@code t_0 < t_1 < ...}: a value {@code v} lands in bin {@code b} when
 * {@code t_{b-1} <= v < t_b}, so "bin {@code <= b}" is the same test as "{@code v < t_b}" that the
 * fitted trees apply to raw features (and that XGBoost applies). With at most {@code maxBins} distinct
 * values the thresholds are midpoints between them; otherwise they are midpoints at the quantiles
 * {@code j / maxBins} of the (unweighted) values. Missing values (NaN) get their own code, one past
 * the last value bin, so a feature with missing values has at most 255 value bins and every code
 * fits a byte.
 *
 * <p>Thresholds are computed from at most {@link #SAMPLE} rows, drawn with the fit's seeded generator
 * when there are more (as scikit-learn does); every row is then binned.
 */
final class Binning {
    /** Rows used to place the thresholds. */
    static final int SAMPLE = 200_000;

    private final float[][] thresholds;
    private final boolean[] hasMissing;

    private Binning(float[][] thresholds, boolean[] hasMissing) {
        this.thresholds = thresholds;
        this.hasMissing = hasMissing;
    }

    /** Number of features. */
    int numFeatures() {
        return thresholds.length;
    }

    /** Number of value bins of feature {@code f} (the missing code, if any, is this number). */
    int numBins(int f) {
        return thresholds[f].length + 1;
    }

    /** True if feature {@code f} had missing values in the data the bins were fitted on. */
    boolean hasMissing(int f) {
        return hasMissing[f];
    }

    /** Threshold {@code t_b} of feature {@code f}: "bin <= b" means "value < t_b". */
    float threshold(int f, int b) {
        return thresholds[f][b];
    }

    /** A copy of the thresholds of feature {@code f}. */
    float[] thresholds(int f) {
        return thresholds[f].clone();
    }

    /**
     * Places the bins for the columns of {@code x} (row-major {@code n x features}).
     *
     * @param maxBins at most this many value bins per feature (2 to 256)
     */
    static Binning fit(float[] x, int n, int features, int maxBins, Generator gen, Parallel par) {
        int[] sample = null;
        if (n > SAMPLE) {
            sample = sampleRows(n, SAMPLE, gen);
        }
        int[] rows = sample;
        float[][] thresholds = new float[features][];
        boolean[] missing = new boolean[features];
        par.forEach(features, f -> {
            boolean nan = false;
            for (int i = 0; i < n; i++) {
                if (Float.isNaN(x[i * features + f])) {
                    nan = true;
                    break;
                }
            }
            missing[f] = nan;
            int m = rows == null ? n : rows.length;
            float[] col = new float[m];
            int k = 0;
            for (int i = 0; i < m; i++) {
                float v = x[(rows == null ? i : rows[i]) * features + f];
                if (!Float.isNaN(v)) {
                    col[k++] = v == 0f ? 0f : v; // -0.0 and 0.0 are one value
                }
            }
            thresholds[f] = thresholds(col, k, nan ? Math.min(maxBins, 255) : maxBins);
        });
        return new Binning(thresholds, missing);
    }

    /** The thresholds for {@code k} values (sorted in place) and at most {@code maxBins} bins. */
    static float[] thresholds(float[] col, int k, int maxBins) {
        Arrays.sort(col, 0, k);
        int distinct = k == 0 ? 0 : 1;
        for (int i = 1; i < k; i++) {
            if (col[i] != col[i - 1]) {
                distinct++;
            }
        }
        if (distinct <= 1) {
            return new float[0];
        }
        float[] t;
        int nt = 0;
        if (distinct <= maxBins) {
            t = new float[distinct - 1];
            for (int i = 1; i < k; i++) {
                if (col[i] != col[i - 1]) {
                    t[nt++] = between(col[i - 1], col[i]);
                }
            }
            return t;
        }
        t = new float[maxBins - 1];
        for (int j = 1; j < maxBins; j++) {
            double pos = (double) j * (k - 1) / maxBins;
            int lo = (int) Math.floor(pos);
            int hi = (int) Math.ceil(pos);
            float c = col[lo] == col[hi] ? col[lo] : between(col[lo], col[hi]);
            if (c > col[0] && (nt == 0 || c > t[nt - 1])) {
                t[nt++] = c;
            }
        }
        return Arrays.copyOf(t, nt);
    }

    /** A float {@code c} with {@code a < c <= b}: the midpoint, or {@code b} when rounding reaches {@code a}. */
    private static float between(float a, float b) {
        float c = (float) (((double) a + (double) b) / 2);
        return c > a ? c : b;
    }

    /** {@code k} distinct rows of {@code [0, n)} in increasing order (selection sampling, one pass). */
    static int[] sampleRows(int n, int k, Generator gen) {
        int[] out = new int[k];
        int need = k;
        int j = 0;
        for (int i = 0; i < n && need > 0; i++) {
            if (gen.nextDouble() * (n - i) < need) {
                out[j++] = i;
                need--;
            }
        }
        return out;
    }

    /** The bin code of value {@code v} of feature {@code f}. */
    int code(int f, float v) {
        float[] t = thresholds[f];
        if (Float.isNaN(v)) {
            return t.length + 1;
        }
        int lo = 0;
        int hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v < t[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Bins every row of the data the bins were fitted on: codes stored column-major
     * ({@code codes[f * n + i]}, unsigned bytes). (Only that data: a feature fitted without missing
     * values has no missing code. Fitted trees predict on raw features, never on codes.)
     */
    Binned transform(float[] x, int n, Parallel par) {
        int features = thresholds.length;
        if ((long) n * features > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("boosted trees: " + n + " events x " + features
                    + " features is too many to bin at once (at most 2^31 values)");
        }
        byte[] codes = new byte[n * features];
        par.forEach(features, f -> {
            int base = f * n;
            float[] t = thresholds[f];
            int missingCode = t.length + 1;
            // branch-free binary search over the thresholds padded with +inf to 2^k - 1 entries
            int size = Integer.highestOneBit(t.length + 1) << 1;
            float[] tp = new float[size];
            Arrays.fill(tp, Float.POSITIVE_INFINITY);
            System.arraycopy(t, 0, tp, 0, t.length);
            int top = size >> 1;
            for (int i = 0; i < n; i++) {
                float v = x[i * features + f];
                int pos = 0;
                for (int step = top; step > 0; step >>= 1) {
                    pos += tp[pos + step - 1] <= v ? step : 0;
                }
                codes[base + i] = (byte) (v != v ? missingCode : pos);
            }
        });
        return new Binned(this, codes, n);
    }

    /** Binned features: unsigned byte codes, column-major. */
    record Binned(Binning bins, byte[] codes, int n) {
    }
}
