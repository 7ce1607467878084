package dev.hadron.eval.metrics;

import java.util.Arrays;

/**
 * A weighted receiver operating characteristic: for every distinct score threshold t (descending),
 * the weighted fraction of signal events with score ≥ t (the true positive rate, HEP's signal
 * efficiency ε_S) and of background events with score ≥ t (the false positive rate, the background
 * efficiency ε_B). The first point is (0, 0) at threshold +∞ (scikit-learn ≥ 1.3 also uses +∞ there),
 * the last is (1, 1). Build one with {@link Roc#curve}.
 *
 * <p><b>Ties.</b> Events with equal scores enter at the same threshold, so a tie between signal and
 * background is a straight diagonal segment; the trapezoidal {@link #auc()} then counts a tied pair
 * as one half, exactly like scikit-learn's {@code roc_auc_score}.
 *
 * <p><b>Negative weights.</b> With {@link NegativeWeights#KEEP} the cumulative sums can decrease when
 * a negative-weight event passes the cut, so ε_S or ε_B can step backwards (and, in small samples,
 * leave [0, 1] locally). This curve keeps those points, because dropping or reordering them would
 * bias the efficiencies. {@link #isMonotone()} reports it. The queries stay well defined:
 * <ul>
 *   <li>{@link #auc()} integrates along the threshold order with signed trapezoids. This is exactly
 *       the weighted Mann–Whitney statistic Σ_s Σ_b w_s w_b ([score_s > score_b] + ½[score_s =
 *       score_b]) / (W_S W_B), an unbiased AUC estimate for any weights (scikit-learn raises here
 *       because its {@code auc} requires monotone x).</li>
 *   <li>{@link #signalEfficiencyAt} and {@link #backgroundEfficiencyAt} take the <em>first</em>
 *       crossing of the target when the threshold is lowered (the tightest cut that reaches it) and
 *       interpolate linearly between the two neighbouring points.</li>
 * </ul>
 *
 * <p>Instances are immutable; the array accessors return copies.
 */
public final class RocCurve {
    private final double[] thresholds;
    private final double[] fps;
    private final double[] tps;
    private final double totalSignal;
    private final double totalBackground;
    private final double[] fpr;
    private final double[] tpr;
    private final boolean fprMonotone;
    private final boolean tprMonotone;

    RocCurve(double[] thresholds, double[] fps, double[] tps, double totalSignal, double totalBackground) {
        this.thresholds = thresholds;
        this.fps = fps;
        this.tps = tps;
        this.totalSignal = totalSignal;
        this.totalBackground = totalBackground;
        int m = thresholds.length;
        this.fpr = new double[m];
        this.tpr = new double[m];
        boolean fm = true;
        boolean tm = true;
        for (int k = 0; k < m; k++) {
            fpr[k] = fps[k] / totalBackground;
            tpr[k] = tps[k] / totalSignal;
            if (k > 0) {
                fm &= fpr[k] >= fpr[k - 1];
                tm &= tpr[k] >= tpr[k - 1];
            }
        }
        this.fprMonotone = fm;
        this.tprMonotone = tm;
    }

    /** Number of points, including the (0, 0) start. */
    public int size() {
        return thresholds.length;
    }

    /** Score thresholds, descending; element 0 is +∞ (no event passes). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Background efficiency ε_B (false positive rate) at each threshold. */
    public double[] fpr() {
        return fpr.clone();
    }

    /** Signal efficiency ε_S (true positive rate) at each threshold. */
    public double[] tpr() {
        return tpr.clone();
    }

    /** Cumulative background weight passing each threshold (scikit-learn's {@code fps}). */
    public double[] falsePositiveWeights() {
        return fps.clone();
    }

    /** Cumulative signal weight passing each threshold (scikit-learn's {@code tps}). */
    public double[] truePositiveWeights() {
        return tps.clone();
    }

    /** Total signal weight W_S (the denominator of ε_S). */
    public double totalSignalWeight() {
        return totalSignal;
    }

    /** Total background weight W_B (the denominator of ε_B). */
    public double totalBackgroundWeight() {
        return totalBackground;
    }

    /** True when both efficiencies never decrease as the threshold is lowered (always so without negative weights). */
    public boolean isMonotone() {
        return fprMonotone && tprMonotone;
    }

    /**
     * Area under the curve by the trapezoidal rule along the threshold order (signed, so it is the
     * weighted Mann–Whitney statistic even when the curve is not monotone). Equals scikit-learn's
     * {@code roc_auc_score(y, s, sample_weight=w)} whenever that is defined.
     */
    public double auc() {
        double area = 0;
        for (int k = 1; k < fpr.length; k++) {
            area += (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]);
        }
        return area / 2;
    }

    /**
     * Signal efficiency ε_S at background efficiency {@code backgroundEfficiency} (in (0, 1]),
     * interpolated linearly between the two points around the first crossing.
     */
    public double signalEfficiencyAt(double backgroundEfficiency) {
        requireEfficiency("signalEfficiencyAt", "background efficiency", backgroundEfficiency);
        int k = firstReaching(fpr, fprMonotone, backgroundEfficiency);
        return interpolate(fpr, tpr, k, backgroundEfficiency);
    }

    /**
     * Background efficiency ε_B at signal efficiency {@code signalEfficiency} (in (0, 1]), interpolated
     * linearly between the two points around the first crossing.
     */
    public double backgroundEfficiencyAt(double signalEfficiency) {
        requireEfficiency("backgroundEfficiencyAt", "signal efficiency", signalEfficiency);
        int k = firstReaching(tpr, tprMonotone, signalEfficiency);
        return interpolate(tpr, fpr, k, signalEfficiency);
    }

    /**
     * Background rejection 1/ε_B at signal efficiency {@code signalEfficiency}, the figure HEP
     * taggers are quoted by. {@link Double#POSITIVE_INFINITY} when no background passes at that
     * working point (ε_B = 0), or when negative weights make the interpolated ε_B non-positive.
     */
    public double backgroundRejectionAt(double signalEfficiency) {
        double eb = backgroundEfficiencyAt(signalEfficiency);
        return eb > 0 ? 1.0 / eb : Double.POSITIVE_INFINITY;
    }

    /**
     * The score threshold of the tightest cut (score ≥ threshold) whose signal efficiency reaches
     * {@code signalEfficiency}: the working point's cut value, without interpolation.
     */
    public double thresholdAtSignalEfficiency(double signalEfficiency) {
        requireEfficiency("thresholdAtSignalEfficiency", "signal efficiency", signalEfficiency);
        return thresholds[firstReaching(tpr, tprMonotone, signalEfficiency)];
    }

    /**
     * The curve with collinear intermediate points removed, exactly as scikit-learn's
     * {@code roc_curve(..., drop_intermediate=True)} (its default) does. The AUC is unchanged.
     */
    public RocCurve dropIntermediate() {
        int m = thresholds.length;
        // Work on the curve without the artificial (0, 0) start, as scikit-learn does.
        if (m - 1 <= 2) {
            return this;
        }
        int[] keep = new int[m];
        int count = 0;
        keep[count++] = 0;
        for (int k = 1; k < m; k++) {
            boolean first = k == 1;
            boolean last = k == m - 1;
            if (first || last) {
                keep[count++] = k;
                continue;
            }
            double d2f = (fps[k + 1] - fps[k]) - (fps[k] - fps[k - 1]);
            double d2t = (tps[k + 1] - tps[k]) - (tps[k] - tps[k - 1]);
            if (d2f != 0 || d2t != 0) {
                keep[count++] = k;
            }
        }
        double[] t = new double[count];
        double[] f = new double[count];
        double[] p = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = thresholds[keep[i]];
            f[i] = fps[keep[i]];
            p[i] = tps[keep[i]];
        }
        return new RocCurve(t, f, p, totalSignal, totalBackground);
    }

    private static void requireEfficiency(String op, String what, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException("RocCurve." + op + ": " + what + " is " + v + "; expected a value in (0, 1]");
        }
    }

    /** The first index k with values[k] >= target (the curve always ends at 1, so one exists for target <= 1). */
    private static int firstReaching(double[] values, boolean monotone, double target) {
        int m = values.length;
        if (monotone) {
            int lo = 0;
            int hi = m - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[mid] >= target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
        for (int k = 0; k < m; k++) {
            if (values[k] >= target) {
                return k;
            }
        }
        // Rounding in the normalisation can leave the last value a hair below 1.
        return m - 1;
    }

    private static double interpolate(double[] from, double[] to, int k, double target) {
        if (k == 0) {
            return to[0];
        }
        double x0 = from[k - 1];
        double x1 = from[k];
        if (x1 == x0) {
            return to[k];
        }
        double t = (target - x0) / (x1 - x0);
        t = Math.max(0, Math.min(1, t));
        return to[k - 1] + t * (to[k] - to[k - 1]);
    }

    @Override
    public String toString() {
        return "RocCurve[" + size() + " points, auc=" + auc() + ", W_S=" + totalSignal + ", W_B=" + totalBackground
                + (isMonotone() ? "" : ", non-monotone") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RocCurve r && Arrays.equals(thresholds, r.thresholds) && Arrays.equals(fps, r.fps)
                && Arrays.equals(tps, r.tps) && totalSignal == r.totalSignal && totalBackground == r.totalBackground;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fps) * 31 + Arrays.hashCode(tps);
    }
}
