package dev.hadron.eval.plot;

import dev.hadron.eval.metrics.CorrelationMatrix;

import java.util.Locale;

/**
 * A correlation matrix as a blue–white–red heat map over [−100 %, +100 %] with the coefficients
 * printed in per cent, as TMVA shows its "linear correlation coefficients".
 *
 * <pre>{@code
 * Figure fig = CorrelationPlot.of(CorrelationMatrix.of(xSignal, wSignal, names), "Signal");
 * }</pre>
 */
public final class CorrelationPlot {
    private CorrelationPlot() {
    }

    /** The heat map, titled "Correlation matrix (label)" (label may be empty). */
    public static Figure of(CorrelationMatrix m, String label) {
        int f = m.names().size();
        double[][] v = m.values();
        String[][] text = new String[f][f];
        double[][] pct = new double[f][f];
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < f; j++) {
                pct[i][j] = 100 * v[i][j];
                text[i][j] = f <= 30 ? String.format(Locale.ROOT, "%.0f", pct[i][j]).replace("-0", "0").replace('-', '−') : "";
            }
        }
        double longest = 0;
        for (String s : m.names()) {
            longest = Math.max(longest, RichText.width(s, Axes.TICK_FONT, false));
        }
        double side = Math.max(360, Math.min(1400, 28.0 * f + 120));
        Figure fig = Figure.of(side + longest + 130, side + longest * 0.75 + 60);
        String title = label == null || label.isEmpty() ? "Correlation matrix [%]" : "Correlation matrix, " + label + " [%]";
        fig.axes().xCategories(m.names()).yCategories(m.names()).legend(LegendPosition.NONE).heatmap(pct, ColorMap.DIVERGING, -100, 100, text)
                .colorBar(ColorMap.DIVERGING, -100, 100, "Linear correlation [%]").title(title);
        fig.title(title);
        return fig;
    }
}
