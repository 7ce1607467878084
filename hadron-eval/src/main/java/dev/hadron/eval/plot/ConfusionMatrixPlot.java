package dev.hadron.eval.plot;

import dev.hadron.eval.metrics.ConfusionMatrix;
import dev.hadron.eval.metrics.Normalization;

import java.util.List;
import java.util.Locale;

/**
 * A confusion-matrix heat map: true class down the rows, predicted class across the columns, each
 * cell printed (as a percentage when normalised, else as a weighted count) on a white-to-blue scale.
 *
 * <pre>{@code
 * Figure fig = ConfusionMatrixPlot.of(cm, List.of("QCD", "W", "top"), Normalization.TRUE);
 * }</pre>
 */
public final class ConfusionMatrixPlot {
    private ConfusionMatrixPlot() {
    }

    /** The heat map; {@code classNames} null gives "Class 0", "Class 1", …. */
    public static Figure of(ConfusionMatrix cm, List<String> classNames, Normalization normalization) {
        int k = cm.numClasses();
        List<String> names = classNames == null ? (k == 2 ? List.of("Background", "Signal") : OvertrainingPlot.defaultNames(k)) : classNames;
        if (names.size() != k) {
            throw new IllegalArgumentException("ConfusionMatrixPlot: " + names.size() + " class names for " + k + " classes");
        }
        double[][] v = cm.values(normalization);
        boolean fraction = normalization != Normalization.NONE;
        double max = 0;
        for (double[] row : v) {
            for (double x : row) {
                max = Math.max(max, x);
            }
        }
        String[][] text = new String[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                text[i][j] = fraction ? String.format(Locale.ROOT, "%.1f%%", 100 * v[i][j]) : count(v[i][j]);
            }
        }
        double side = Math.max(420, Math.min(900, 200 + 60.0 * k));
        Figure fig = Figure.of(side + 110, side);
        double vmax = fraction ? 1 : Math.max(max, 1e-300);
        String norm = switch (normalization) {
            case TRUE -> "normalised per true class";
            case PREDICTED -> "normalised per predicted class";
            case ALL -> "normalised to all events";
            case NONE -> "weighted events";
        };
        fig.axes().xCategories(names).yCategories(names).xLabel("Predicted class").yLabel("True class").legend(LegendPosition.NONE)
                .heatmap(v, ColorMap.BLUES, 0, vmax, text).colorBar(ColorMap.BLUES, 0, vmax, fraction ? "Fraction" : "Events")
                .title("Confusion matrix (" + norm + ")");
        fig.title("Confusion matrix");
        return fig;
    }

    private static String count(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
