package dev.hadron.eval.plot;

import dev.hadron.eval.metrics.PermutationImportance;

import java.util.ArrayList;
import java.util.List;

/**
 * Permutation feature importance as horizontal bars (mean score drop, whiskers ± one standard
 * deviation over repeats), most important feature at the top.
 *
 * <pre>{@code
 * Figure fig = ImportancePlot.of(importance, "AUC");
 * }</pre>
 */
public final class ImportancePlot {
    private ImportancePlot() {
    }

    /** The bar chart; {@code scoreName} names the score whose drop is shown. */
    public static Figure of(PermutationImportance importance, String scoreName) {
        int[] order = importance.ranking();
        double[] mean = importance.mean();
        double[] std = importance.std();
        List<String> names = new ArrayList<>();
        double[] v = new double[order.length];
        double[] e = new double[order.length];
        double longest = 0;
        for (int i = 0; i < order.length; i++) {
            names.add(importance.featureNames().get(order[i]));
            v[i] = mean[order[i]];
            e[i] = std[order[i]];
            longest = Math.max(longest, RichText.width(names.get(i), Axes.TICK_FONT, false));
        }
        Figure fig = Figure.of(Math.max(560, 380 + longest), Math.max(260, 90 + 22.0 * order.length));
        fig.axes().yCategories(names).xLabel("Decrease in " + (scoreName == null ? "score" : scoreName) + " when shuffled")
                .legend(LegendPosition.NONE).grid(true).bars(v, e, Color.palette(0), null).vline(0, LineStyle.solid(Color.BLACK, 1));
        fig.title("Permutation feature importance");
        return fig;
    }
}
