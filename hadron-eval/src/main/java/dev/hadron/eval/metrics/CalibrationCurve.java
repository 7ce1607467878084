package dev.hadron.eval.metrics;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.eval.internal.Sorting;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * A reliability diagram: predicted probabilities are binned, and in each bin the (weighted) mean
 * predicted probability is compared with the (weighted) fraction of signal events. A calibrated
 * classifier lies on the diagonal. Without weights this equals scikit-learn's
 * {@code calibration_curve(y, p, n_bins=..., strategy=...)}, including its binning (a probability
 * equal to an inner bin edge falls in the lower bin); with weights each mean and fraction is
 * weighted. Only bins with events and a positive total weight are returned (scikit-learn drops
 * empty bins; a bin whose negative weights cancel its positive ones has no defined fraction).
 *
 * <pre>{@code
 * CalibrationCurve c = CalibrationCurve.compute(labels, probabilities, weights, 10, CalibrationCurve.Strategy.UNIFORM);
 * double[] x = c.meanPredicted(), y = c.fractionPositive();
 * }</pre>
 *
 * @param binEdges the n_bins + 1 bin edges
 * @param meanPredicted mean predicted probability of each returned bin
 * @param fractionPositive fraction of signal (label 1) in each returned bin
 * @param binWeight total weight of each returned bin
 * @param binCount number of events of each returned bin
 */
public record CalibrationCurve(double[] binEdges, double[] meanPredicted, double[] fractionPositive, double[] binWeight, int[] binCount) {

    /** How the bin edges are chosen. */
    public enum Strategy {
        /** n equal-width bins on [0, 1]. */
        UNIFORM,
        /** Edges at the quantiles of the (unweighted) predicted probabilities, so bins hold equal numbers of events. */
        QUANTILE
    }

    /** Compact constructor: copies the arrays. */
    public CalibrationCurve {
        binEdges = binEdges.clone();
        meanPredicted = meanPredicted.clone();
        fractionPositive = fractionPositive.clone();
        binWeight = binWeight.clone();
        binCount = binCount.clone();
    }

    /** Bin edges (a copy). */
    @Override
    public double[] binEdges() {
        return binEdges.clone();
    }

    /** Mean predicted probability per returned bin (a copy). */
    @Override
    public double[] meanPredicted() {
        return meanPredicted.clone();
    }

    /** Observed signal fraction per returned bin (a copy). */
    @Override
    public double[] fractionPositive() {
        return fractionPositive.clone();
    }

    /** Total weight per returned bin (a copy). */
    @Override
    public double[] binWeight() {
        return binWeight.clone();
    }

    /** Event count per returned bin (a copy). */
    @Override
    public int[] binCount() {
        return binCount.clone();
    }

    /** The calibration curve of binary labels and probabilities in [0, 1] (weights may be null). */
    public static CalibrationCurve compute(Tensor labels, Tensor probabilities, Tensor weights, int bins, Strategy strategy) {
        String op = "calibrationCurve";
        if (bins < 1) {
            throw new IllegalArgumentException(op + ": bins is " + bins + "; expected at least 1");
        }
        double[] p = Inputs.scores(op, probabilities);
        Inputs.nonEmpty(op, p.length);
        int[] y = Inputs.binaryLabels(op, labels, p.length);
        double[] w = Inputs.weights(op, weights, p.length);
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0 || p[i] > 1) {
                throw new IllegalArgumentException(op + ": probability of event " + i + " is " + p[i]
                        + "; expected a value in [0, 1] (apply a sigmoid or softmax to raw scores)");
            }
        }
        double[] edges = new double[bins + 1];
        if (strategy == Strategy.UNIFORM) {
            for (int b = 0; b <= bins; b++) {
                edges[b] = (double) b / bins;
            }
        } else {
            double[] sorted = p.clone();
            Arrays.sort(sorted);
            for (int b = 0; b <= bins; b++) {
                edges[b] = Sorting.quantileSorted(sorted, (double) b / bins);
            }
        }
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        double[] sumW = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < p.length; i++) {
            int b = binOf(edges, p[i]);
            sumP[b] += w[i] * p[i];
            sumY[b] += w[i] * y[i];
            sumW[b] += w[i];
            count[b]++;
        }
        int kept = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0 && sumW[b] > 0) {
                kept++;
            }
        }
        double[] mp = new double[kept];
        double[] fp = new double[kept];
        double[] bw = new double[kept];
        int[] bc = new int[kept];
        for (int b = 0, j = 0; b < bins; b++) {
            if (count[b] > 0 && sumW[b] > 0) {
                mp[j] = sumP[b] / sumW[b];
                fp[j] = sumY[b] / sumW[b];
                bw[j] = sumW[b];
                bc[j] = count[b];
                j++;
            }
        }
        return new CalibrationCurve(edges, mp, fp, bw, bc);
    }

    /** NumPy's searchsorted(edges[1:-1], v, side="left"): the number of inner edges strictly below v. */
    private static int binOf(double[] edges, double v) {
        int lo = 1;
        int hi = edges.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalibrationCurve c && Arrays.equals(binEdges, c.binEdges) && Arrays.equals(meanPredicted, c.meanPredicted)
                && Arrays.equals(fractionPositive, c.fractionPositive);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(meanPredicted) * 31 + Arrays.hashCode(fractionPositive);
    }

    @Override
    public String toString() {
        return "CalibrationCurve[" + meanPredicted.length + " bins]";
    }
}
