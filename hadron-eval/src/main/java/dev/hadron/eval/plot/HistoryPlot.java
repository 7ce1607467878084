package dev.hadron.eval.plot;

import java.util.Map;

/**
 * Training curves: one line per named series (e.g. "train", "validation") against the epoch number
 * 1, 2, …. Non-finite values (a diverged loss) break the line rather than distorting the axis. The
 * y axis turns logarithmic when the positive values span more than two decades.
 *
 * <pre>{@code
 * Figure fig = HistoryPlot.of("Loss", Map.of("train", trainLoss, "validation", validLoss));
 * }</pre>
 */
public final class HistoryPlot {
    private HistoryPlot() {
    }

    /** A plot of the named series (iteration order = drawing order; use a LinkedHashMap to fix it). */
    public static Figure of(String quantity, Map<String, double[]> series) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("HistoryPlot: no series; expected at least one");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        boolean positive = true;
        int longest = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            if (e.getValue() == null || e.getValue().length == 0) {
                throw new IllegalArgumentException("HistoryPlot: series '" + e.getKey() + "' is empty; expected one value per epoch");
            }
            longest = Math.max(longest, e.getValue().length);
            for (double v : e.getValue()) {
                if (Double.isFinite(v)) {
                    positive &= v > 0;
                    if (v > 0) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        Figure fig = Figure.of(640, 440);
        Axes ax = fig.axes();
        ax.xLabel("Epoch").yLabel(quantity).grid(true).yHeadroom(0.25).xIntegerTicks();
        if (positive && max / min > 100) {
            ax.yScale(Scale.LOG);
        }
        ax.xLimits(1, Math.max(2, longest));
        int c = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] v = e.getValue();
            double[] x = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                x[i] = i + 1;
            }
            ax.line(x, v, LineStyle.cycle(c, Color.palette(c), 2), e.getKey());
            if (v.length <= 60) {
                ax.scatter(x, v, Color.palette(c), 2.5, null);
            }
            c++;
        }
        fig.title(quantity + " per epoch");
        return fig;
    }
}
