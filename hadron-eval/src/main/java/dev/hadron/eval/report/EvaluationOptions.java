package dev.hadron.eval.report;

import dev.hadron.eval.metrics.FigureOfMerit;

import java.util.List;

/**
 * Settings of a study's evaluation, validated on construction, with {@code withX} copies.
 *
 * @param bootstrapReplicas bootstrap replicas for the AUC uncertainty (0 disables the bootstrap)
 * @param seed seed of the bootstrap's {@link dev.hadron.tensor.Generator}
 * @param signalEfficiencies working points ε_S at which background rejection 1/ε_B is reported
 * @param backgroundEfficiencies working points ε_B at which signal efficiency ε_S is reported
 * @param threshold score cut that defines the predicted class of binary scores (accuracy, F1, confusion)
 * @param bins histogram bins of the output and input-variable plots
 * @param figureOfMerit figure of merit of the optimal-cut scan, or null for none
 * @param minBackground background-weight floor of the cut scan
 */
public record EvaluationOptions(int bootstrapReplicas, long seed, List<Double> signalEfficiencies, List<Double> backgroundEfficiencies,
                                double threshold, int bins, FigureOfMerit figureOfMerit, double minBackground) {

    /** Validates every field. */
    public EvaluationOptions {
        if (bootstrapReplicas != 0 && bootstrapReplicas < 2) {
            throw new IllegalArgumentException("EvaluationOptions: bootstrapReplicas is " + bootstrapReplicas + "; expected 0 (off) or at least 2");
        }
        signalEfficiencies = checkEfficiencies("signalEfficiencies", signalEfficiencies);
        backgroundEfficiencies = checkEfficiencies("backgroundEfficiencies", backgroundEfficiencies);
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("EvaluationOptions: threshold is " + threshold + "; expected a finite score cut");
        }
        if (bins < 2 || bins > 1000) {
            throw new IllegalArgumentException("EvaluationOptions: bins is " + bins + "; expected 2..1000");
        }
        if (!(minBackground >= 0) || Double.isInfinite(minBackground)) {
            throw new IllegalArgumentException("EvaluationOptions: minBackground is " + minBackground + "; expected a finite value >= 0");
        }
    }

    private static List<Double> checkEfficiencies(String what, List<Double> v) {
        if (v == null) {
            throw new IllegalArgumentException("EvaluationOptions: " + what + " is null");
        }
        for (Double d : v) {
            if (d == null || !(d > 0 && d <= 1)) {
                throw new IllegalArgumentException("EvaluationOptions: " + what + " contains " + d + "; expected values in (0, 1]");
            }
        }
        return List.copyOf(v);
    }

    /**
     * Defaults: 200 bootstrap replicas with seed 42, rejection at ε_S = 30/50/70 %, ε_S at ε_B =
     * 0.1/1/10 %, threshold 0.5, 40 bins, no cut scan.
     */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(200, 42, List.of(0.3, 0.5, 0.7), List.of(0.001, 0.01, 0.1), 0.5, 40, null, 0);
    }

    /** A copy with another number of bootstrap replicas (0 disables). */
    public EvaluationOptions withBootstrapReplicas(int v) {
        return new EvaluationOptions(v, seed, signalEfficiencies, backgroundEfficiencies, threshold, bins, figureOfMerit, minBackground);
    }

    /** A copy with another bootstrap seed. */
    public EvaluationOptions withSeed(long v) {
        return new EvaluationOptions(bootstrapReplicas, v, signalEfficiencies, backgroundEfficiencies, threshold, bins, figureOfMerit, minBackground);
    }

    /** A copy with other signal-efficiency working points. */
    public EvaluationOptions withSignalEfficiencies(List<Double> v) {
        return new EvaluationOptions(bootstrapReplicas, seed, v, backgroundEfficiencies, threshold, bins, figureOfMerit, minBackground);
    }

    /** A copy with other background-efficiency working points. */
    public EvaluationOptions withBackgroundEfficiencies(List<Double> v) {
        return new EvaluationOptions(bootstrapReplicas, seed, signalEfficiencies, v, threshold, bins, figureOfMerit, minBackground);
    }

    /** A copy with another classification threshold. */
    public EvaluationOptions withThreshold(double v) {
        return new EvaluationOptions(bootstrapReplicas, seed, signalEfficiencies, backgroundEfficiencies, v, bins, figureOfMerit, minBackground);
    }

    /** A copy with another number of histogram bins. */
    public EvaluationOptions withBins(int v) {
        return new EvaluationOptions(bootstrapReplicas, seed, signalEfficiencies, backgroundEfficiencies, threshold, v, figureOfMerit, minBackground);
    }

    /** A copy that scans the cut with this figure of merit (e.g. {@link FigureOfMerit#AMS}); null disables. */
    public EvaluationOptions withFigureOfMerit(FigureOfMerit v) {
        return new EvaluationOptions(bootstrapReplicas, seed, signalEfficiencies, backgroundEfficiencies, threshold, bins, v, minBackground);
    }

    /** A copy with another background floor for the cut scan. */
    public EvaluationOptions withMinBackground(double v) {
        return new EvaluationOptions(bootstrapReplicas, seed, signalEfficiencies, backgroundEfficiencies, threshold, bins, figureOfMerit, v);
    }
}
