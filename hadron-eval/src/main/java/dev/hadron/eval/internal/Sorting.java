package dev.hadron.eval.internal;

/** Stable index sorts of primitive double keys (no boxing), used by every rank-based metric. */
public final class Sorting {
    private Sorting() {
    }

    /** Indices that order {@code keys} ascending; equal keys keep their original order. */
    public static int[] argsortAscending(double[] keys) {
        int n = keys.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(keys, idx, tmp, 0, n, false);
        return idx;
    }

    /** Indices that order {@code keys} descending; equal keys keep their original order. */
    public static int[] argsortDescending(double[] keys) {
        int n = keys.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(keys, idx, tmp, 0, n, true);
        return idx;
    }

    private static boolean before(double a, double b, boolean descending) {
        return descending ? a > b : a < b;
    }

    private static void mergeSort(double[] k, int[] idx, int[] tmp, int lo, int hi, boolean desc) {
        int len = hi - lo;
        if (len < 32) {
            for (int i = lo + 1; i < hi; i++) {
                int v = idx[i];
                double kv = k[v];
                int j = i - 1;
                while (j >= lo && before(kv, k[idx[j]], desc)) {
                    idx[j + 1] = idx[j];
                    j--;
                }
                idx[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(k, idx, tmp, lo, mid, desc);
        mergeSort(k, idx, tmp, mid, hi, desc);
        if (!before(k[idx[mid]], k[idx[mid - 1]], desc)) {
            return;
        }
        System.arraycopy(idx, lo, tmp, lo, len);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
            if (before(k[tmp[j]], k[tmp[i]], desc)) {
                idx[o++] = tmp[j++];
            } else {
                idx[o++] = tmp[i++];
            }
        }
        while (i < mid) {
            idx[o++] = tmp[i++];
        }
        while (j < hi) {
            idx[o++] = tmp[j++];
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
