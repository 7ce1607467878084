package dev.hadron.eval.internal;

/** Stable index sorts of primitive double keys (no boxing), used by every rank-based metric. */
public final class Sorting {
    private Sorting() {
    }

    /** Indices that order {@code keys} ascending; equal keys keep their original order. */
    public static int[] argsortAscending(double[] keys) {
        return argsort(keys, false);
    }

    /** Indices that order {@code keys} descending; equal keys keep their original order. */
    public static int[] argsortDescending(double[] keys) {
        return argsort(keys, true);
    }

    /**
     * A merge sort that moves a copy of the keys along with the indices, so that every comparison
     * reads contiguous memory rather than jumping through the index array (about twice as fast on
     * 10⁶ events as sorting indices alone).
     */
    private static int[] argsort(double[] keys, boolean descending) {
        int n = keys.length;
        double[] k = new double[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            // Negating gives a descending order with the same stable tie handling (no NaNs reach here).
            k[i] = descending ? -keys[i] : keys[i];
            idx[i] = i;
        }
        double[] kt = new double[n];
        int[] it = new int[n];
        mergeSort(k, idx, kt, it, 0, n);
        return idx;
    }

    private static void mergeSort(double[] k, int[] idx, double[] kt, int[] it, int lo, int hi) {
        int len = hi - lo;
        if (len < 32) {
            for (int i = lo + 1; i < hi; i++) {
                double kv = k[i];
                int v = idx[i];
                int j = i - 1;
                while (j >= lo && kv < k[j]) {
                    k[j + 1] = k[j];
                    idx[j + 1] = idx[j];
                    j--;
                }
                k[j + 1] = kv;
                idx[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(k, idx, kt, it, lo, mid);
        mergeSort(k, idx, kt, it, mid, hi);
        if (!(k[mid] < k[mid - 1])) {
            return;
        }
        System.arraycopy(k, lo, kt, lo, len);
        System.arraycopy(idx, lo, it, lo, len);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
            if (kt[j] < kt[i]) {
                k[o] = kt[j];
                idx[o++] = it[j++];
            } else {
                k[o] = kt[i];
                idx[o++] = it[i++];
            }
        }
        while (i < mid) {
            k[o] = kt[i];
            idx[o++] = it[i++];
        }
        while (j < hi) {
            k[o] = kt[j];
            idx[o++] = it[j++];
        }
    }

    /** The q-quantile (0..1) of sorted values with NumPy's default linear interpolation. */
    public static double quantileSorted(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("quantile of an empty array");
        }
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, n - 1);
        double t = pos - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        double diff = b - a;
        // NumPy's _lerp: evaluated from the nearer end so that t = 1 returns b exactly.
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
