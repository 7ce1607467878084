package dev.hadron.eval.plot;

import java.util.Arrays;

/** Weighted histograms with equal bins and per-bin Σw² (for error bars), used by the distribution plots. */
final class Binned {
    final double[] edges;
    final double[] sum;
    final double[] sumW2;

    private Binned(double[] edges, double[] sum, double[] sumW2) {
        this.edges = edges;
        this.sum = sum;
        this.sumW2 = sumW2;
    }

    /** Fills {@code bins} equal bins on [lo, hi]; values outside go into the first or last bin. */
    static Binned fill(double[] values, double[] weights, double lo, double hi, int bins) {
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = lo + (hi - lo) * b / bins;
        }
        double[] s = new double[bins];
        double[] s2 = new double[bins];
        for (int i = 0; i < values.length; i++) {
            int b = hi == lo ? 0 : (int) Math.floor((values[i] - lo) / (hi - lo) * bins);
            b = Math.max(0, Math.min(bins - 1, b));
            double w = weights == null ? 1 : weights[i];
            s[b] += w;
            s2[b] += w * w;
        }
        return new Binned(edges, s, s2);
    }

    /** Total weight. */
    double total() {
        double t = 0;
        for (double v : sum) {
            t += v;
        }
        return t;
    }

    /** Bin contents divided by total weight × bin width (unit area), or unchanged if the total is not positive. */
    double[] density() {
        double t = total();
        double width = edges[1] - edges[0];
        double[] d = sum.clone();
        if (t > 0 && width > 0) {
            for (int i = 0; i < d.length; i++) {
                d[i] /= t * width;
            }
        }
        return d;
    }

    /** √Σw² per bin on the same scale as {@link #density()}. */
    double[] densityErrors() {
        double t = total();
        double width = edges[1] - edges[0];
        double[] e = new double[sum.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.sqrt(sumW2[i]);
            if (t > 0 && width > 0) {
                e[i] /= t * width;
            }
        }
        return e;
    }

    double[] centers() {
        double[] c = new double[sum.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.5 * (edges[i] + edges[i + 1]);
        }
        return c;
    }

    /** [lo, hi] spanning the given quantiles of the values (robust against far outliers). */
    static double[] range(double[] values, double qLo, double qHi) {
        double[] s = values.clone();
        Arrays.sort(s);
        double lo = s[(int) Math.floor(qLo * (s.length - 1))];
        double hi = s[(int) Math.ceil(qHi * (s.length - 1))];
        if (hi <= lo) {
            double d = lo == 0 ? 0.5 : Math.abs(lo) * 0.05;
            return new double[] {lo - d, hi + d};
        }
        return new double[] {lo, hi};
    }
}
