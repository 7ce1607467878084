package dev.hadron.eval.metrics;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.tensor.Tensor;

/**
 * TMVA's separation ⟨S²⟩ = ½ ∫ (ŷ_S(y) − ŷ_B(y))² / (ŷ_S(y) + ŷ_B(y)) dy of the signal and background
 * distributions ŷ_S, ŷ_B of a classifier output (or of an input variable): 0 for identical shapes, 1
 * for disjoint ones. As in TMVA it is computed from histograms normalised to unit area, so it depends
 * on the binning: ½ Σ_i (p_i − q_i)² / (p_i + q_i) with p_i, q_i the signal and background fractions
 * in bin i. Bins with p_i + q_i ≤ 0 (empty, or cancelled by negative weights) contribute nothing.
 *
 * <pre>{@code
 * double sep = Separation.of(labels, scores, weights, 100);  // 100 bins between min and max score
 * }</pre>
 */
public final class Separation {
    /** TMVA's default number of bins for classifier-output histograms. */
    public static final int DEFAULT_BINS = 100;

    private Separation() {
    }

    /** The separation with {@code bins} equal bins between the smallest and largest score. */
    public static double of(Tensor labels, Tensor scores, Tensor weights, int bins) {
        double[] s = Inputs.scores("separation", scores);
        Inputs.nonEmpty("separation", s.length);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return of(labels, scores, weights, bins, lo, hi);
    }

    /** The separation with {@code bins} equal bins on [lo, hi]; values outside go to the edge bins. */
    public static double of(Tensor labels, Tensor scores, Tensor weights, int bins, double lo, double hi) {
        String op = "separation";
        if (bins < 1) {
            throw new IllegalArgumentException(op + ": bins is " + bins + "; expected at least 1");
        }
        if (!(hi >= lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException(op + ": range [" + lo + ", " + hi + "]; expected finite lo ≤ hi");
        }
        double[] s = Inputs.scores(op, scores);
        Inputs.nonEmpty(op, s.length);
        int[] y = Inputs.binaryLabels(op, labels, s.length);
        double[] w = Inputs.weights(op, weights, s.length);
        double[] hs = new double[bins];
        double[] hb = new double[bins];
        double width = hi - lo;
        double ts = 0;
        double tb = 0;
        for (int i = 0; i < s.length; i++) {
            int b = width == 0 ? 0 : (int) Math.floor((s[i] - lo) / width * bins);
            b = Math.max(0, Math.min(bins - 1, b));
            if (y[i] == 1) {
                hs[b] += w[i];
                ts += w[i];
            } else {
                hb[b] += w[i];
                tb += w[i];
            }
        }
        if (!(ts > 0) || !(tb > 0)) {
            throw new IllegalArgumentException(op + ": total signal weight " + ts + " and background weight " + tb
                    + "; expected both positive (events of both classes)");
        }
        double sep = 0;
        for (int b = 0; b < bins; b++) {
            double p = hs[b] / ts;
            double q = hb[b] / tb;
            if (p + q > 0) {
                sep += (p - q) * (p - q) / (p + q);
            }
        }
        return 0.5 * sep;
    }
}
