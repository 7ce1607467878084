package dev.hadron.eval.metrics;

/**
 * The exact null distribution of the two-sample Kolmogorov–Smirnov statistic by lattice path counting
 * (Hodges 1958), as SciPy's {@code ks_2samp(method="exact")} computes it: the closed alternating sum
 * when both samples have the same size, and Viehmann's recursion for 1 − p (arXiv:2102.08037) over a
 * sliding window of the path-count matrix otherwise.
 */
final class TwoSampleExact {
    private TwoSampleExact() {
    }

    /**
     * P(D ≥ h / lcm(n1, n2)) under the null hypothesis, or NaN when the computation leaves the range of
     * doubles (the caller then falls back to the asymptotic distribution, as SciPy does).
     */
    static double sf(int n1, int n2, long h) {
        double p;
        if (n1 == n2) {
            p = outsideSquare(n1, h);
        } else {
            int g = gcd(n1, n2);
            p = outerProbInside(n1, n2, g, h);
        }
        return Double.isFinite(p) && p >= 0 && p <= 1 ? p : Double.NaN;
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Equal sizes: 2 Σ_k (−1)^k binom(2n, n − (k+1)h) / binom(2n, n), in a Horner-like nested form. */
    private static double outsideSquare(int n, long h) {
        double p = 0;
        long k = n / h;
        while (k >= 0) {
            double p1 = 1;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1 - p);
            k--;
        }
        return 2 * p;
    }

    /**
     * Unequal sizes: the fraction of lattice paths from (0, 0) to (m, n) that leave the band
     * |x/m − y/n| &lt; h / lcm, computed column by column as a probability (each column divided by
     * the binomial normalisation on the fly, Viehmann's form) over a sliding window of rows.
     */
    private static double outerProbInside(int m0, int n0, int g, long h) {
        int m = Math.max(m0, n0);
        int n = Math.min(m0, n0);
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min(ceilDiv(h, mg), n + 1);
        int curlen = maxj - minj;
        int lenA = Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, 1.0);
        for (int j = minj; j < maxj; j++) {
            a[j] = 0.0;
        }
        for (int i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                for (int q = maxj - minj; q < maxj - minj + (lastlen - curlen); q++) {
                    a[q] = 1;
                }
            }
        }
        return a[maxj - minj - 1];
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
