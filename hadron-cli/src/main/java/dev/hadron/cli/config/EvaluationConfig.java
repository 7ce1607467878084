package dev.hadron.cli.config;

import dev.hadron.eval.metrics.FigureOfMerit;

import java.util.List;

/**
 * {@code evaluation:} settings: the figure of merit of the optimal-cut scan ({@code ams} for the
 * Higgs ML challenge), bootstrap replicas of the AUC uncertainty, the signal efficiencies at which
 * background rejection is reported, and whether figures are also written as separate SVG/PNG files.
 *
 * @param figureOfMerit the cut-scan figure of merit, or null for none
 * @param bootstrap bootstrap replicas (0 disables)
 * @param signalEfficiencies working points for background rejection
 * @param figures also write each figure as {@code figures/<id>.svg} and {@code .png}
 */
public record EvaluationConfig(FigureOfMerit figureOfMerit, int bootstrap, List<Double> signalEfficiencies, boolean figures) {
    /** No cut scan, 100 bootstrap replicas, ε_S = 30/50/70 %, figures written. */
    public static EvaluationConfig defaults() {
        return new EvaluationConfig(null, 100, List.of(0.3, 0.5, 0.7), true);
    }
}
