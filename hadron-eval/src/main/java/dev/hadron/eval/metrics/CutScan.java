package dev.hadron.eval.metrics;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.eval.internal.Sorting;
import dev.hadron.tensor.Tensor;

/**
 * A scan of the cut score ≥ t over every distinct score value, recording the passing signal weight
 * s(t), background weight b(t) and a figure of merit, and the cut that maximises it — the optimal cut
 * of a counting analysis. Weights should already be normalised to the luminosity (as the Higgs ML
 * weights are) for the significances to mean what they say.
 *
 * <pre>{@code
 * CutScan scan = CutScan.scan(labels, scores, weights, FigureOfMerit.AMS, 0);
 * double cut = scan.bestThreshold(), ams = scan.bestValue();
 * }</pre>
 *
 * <p>Only thresholds where the passing background exceeds {@code minBackground} (and s ≥ 0) are kept:
 * the figures of merit are undefined for b ≤ 0, and a small floor guards against the spurious maxima
 * that tight cuts with a handful of background events (or negative weights) produce.
 */
public final class CutScan {
    private final FigureOfMerit fom;
    private final double[] thresholds;
    private final double[] signal;
    private final double[] background;
    private final double[] values;
    private final int best;

    private CutScan(FigureOfMerit fom, double[] thresholds, double[] signal, double[] background, double[] values, int best) {
        this.fom = fom;
        this.thresholds = thresholds;
        this.signal = signal;
        this.background = background;
        this.values = values;
        this.best = best;
    }

    /** Scans with no background floor (b &gt; 0). */
    public static CutScan scan(Tensor labels, Tensor scores, Tensor weights, FigureOfMerit fom) {
        return scan(labels, scores, weights, fom, 0.0);
    }

    /** Scans keeping only thresholds with passing background weight b &gt; {@code minBackground}. */
    public static CutScan scan(Tensor labels, Tensor scores, Tensor weights, FigureOfMerit fom, double minBackground) {
        String op = "cutScan";
        if (fom == null) {
            throw new IllegalArgumentException(op + ": figure of merit is null");
        }
        if (!(minBackground >= 0) || Double.isInfinite(minBackground)) {
            throw new IllegalArgumentException(op + ": minBackground is " + minBackground + "; expected a finite value ≥ 0");
        }
        double[] s = Inputs.scores(op, scores);
        Inputs.nonEmpty(op, s.length);
        int[] y = Inputs.binaryLabels(op, labels, s.length);
        double[] w = Inputs.weights(op, weights, s.length);
        int[] order = Sorting.argsortDescending(s);
        int n = s.length;
        double[] thr = new double[n];
        double[] sig = new double[n];
        double[] bkg = new double[n];
        double[] val = new double[n];
        int m = 0;
        double cs = 0;
        double cb = 0;
        int bestIdx = -1;
        for (int j = 0; j < n; j++) {
            int i = order[j];
            if (y[i] == 1) {
                cs += w[i];
            } else {
                cb += w[i];
            }
            if (j + 1 < n && s[order[j + 1]] == s[i]) {
                continue;
            }
            if (cb > minBackground && cs >= 0) {
                thr[m] = s[i];
                sig[m] = cs;
                bkg[m] = cb;
                val[m] = fom.value(cs, cb);
                if (bestIdx < 0 || val[m] > val[bestIdx]) {
                    bestIdx = m;
                }
                m++;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException(op + ": no cut leaves a background weight above " + minBackground
                    + " with non-negative signal; check the weights and the minimum background");
        }
        return new CutScan(fom, java.util.Arrays.copyOf(thr, m), java.util.Arrays.copyOf(sig, m), java.util.Arrays.copyOf(bkg, m),
                java.util.Arrays.copyOf(val, m), bestIdx);
    }

    /** The figure of merit scanned. */
    public FigureOfMerit figureOfMerit() {
        return fom;
    }

    /** The cut values t (descending), for cuts score ≥ t. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Passing signal weight s(t). */
    public double[] signal() {
        return signal.clone();
    }

    /** Passing background weight b(t). */
    public double[] background() {
        return background.clone();
    }

    /** The figure of merit at each cut. */
    public double[] values() {
        return values.clone();
    }

    /** The cut value that maximises the figure of merit. */
    public double bestThreshold() {
        return thresholds[best];
    }

    /** The maximal figure of merit. */
    public double bestValue() {
        return values[best];
    }

    /** Signal weight passing the best cut. */
    public double bestSignal() {
        return signal[best];
    }

    /** Background weight passing the best cut. */
    public double bestBackground() {
        return background[best];
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "CutScan[%s max %.5g at score >= %.6g (s=%.5g, b=%.5g)]", fom.name(), bestValue(),
                bestThreshold(), bestSignal(), bestBackground());
    }
}
