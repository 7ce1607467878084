package dev.hadron.eval.plot;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Input-variable distributions by class (TMVA's "input variables" canvases): for each feature, one
 * histogram per class normalised to unit area, signal filled and background hatched-look outlines, so
 * shapes can be compared regardless of class sizes. The binning spans the 0.1 %–99.9 % quantiles of
 * all events, so a few far outliers do not squash the plot; events outside are counted in the edge
 * bins. Missing values (NaN) are left out of their feature's histograms, and the panel title says how
 * many there were; infinite values are an error.
 *
 * <pre>{@code
 * Figure fig = DistributionPlot.grid(x, y, w, featureNames, List.of("Background", "Signal"), 40, 3);
 * }</pre>
 */
public final class DistributionPlot {
    private DistributionPlot() {
    }

    /**
     * A grid of panels, one per feature column of the (n, f) {@code features}, {@code columns} panels
     * per row. Labels are class indices 0..k-1; weights and names may be null.
     */
    public static Figure grid(Tensor features, Tensor labels, Tensor weights, List<String> featureNames, List<String> classNames, int bins,
                              int columns) {
        String op = "DistributionPlot";
        if (features == null || features.dim() != 2) {
            throw new IllegalArgumentException(op + ": features of shape " + (features == null ? "null" : Shape.toString(features.shape()))
                    + "; expected (n, f)");
        }
        if (bins < 2 || columns < 1) {
            throw new IllegalArgumentException(op + ": bins " + bins + ", columns " + columns + "; expected bins >= 2 and columns >= 1");
        }
        int n = features.size(0);
        int f = features.size(1);
        Inputs.nonEmpty(op, n);
        double[] x = features.detach().toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            if (Double.isInfinite(x[i])) {
                throw new IllegalArgumentException(op + ": feature value of event " + (i / f) + " is " + x[i]
                        + "; expected a finite number (or NaN for a missing value)");
            }
        }
        int[] y = Inputs.classLabels(op, labels, n, -1);
        double[] w = Inputs.weights(op, weights, n);
        int k = 1;
        for (int v : y) {
            k = Math.max(k, v + 1);
        }
        List<String> names = classNames == null ? (k == 2 ? List.of("Background", "Signal") : OvertrainingPlot.defaultNames(k)) : classNames;
        if (names.size() < k) {
            throw new IllegalArgumentException(op + ": " + names.size() + " class names for " + k + " classes");
        }
        if (featureNames != null && featureNames.size() != f) {
            throw new IllegalArgumentException(op + ": " + featureNames.size() + " feature names for " + f + " columns");
        }
        int cols = Math.min(columns, f);
        int rows = (f + cols - 1) / cols;
        double cellW = 320;
        double cellH = 260;
        Figure fig = Figure.of(cellW * cols, cellH * rows);
        for (int j = 0; j < f; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i * f + j];
            }
            int r = j / cols;
            int c = j % cols;
            Axes ax = fig.addAxes((double) c / cols, (double) r / rows, 1.0 / cols, 1.0 / rows);
            String name = featureNames == null ? "f" + j : featureNames.get(j);
            panel(ax, name, col, y, w, k, names, bins, j == 0);
        }
        fig.title("Input variables by class");
        return fig;
    }

    private static void panel(Axes ax, String name, double[] all, int[] yAll, double[] wAll, int k, List<String> names, int bins,
                              boolean legend) {
        int[] present = java.util.stream.IntStream.range(0, all.length).filter(i -> !Double.isNaN(all[i])).toArray();
        int missing = all.length - present.length;
        if (present.length == 0) {
            ax.title(name + " (all missing)");
            return;
        }
        double[] v = java.util.Arrays.stream(present).mapToDouble(i -> all[i]).toArray();
        int[] y = java.util.Arrays.stream(present).map(i -> yAll[i]).toArray();
        double[] w = java.util.Arrays.stream(present).mapToDouble(i -> wAll[i]).toArray();
        double[] range = Binned.range(v, 0.001, 0.999);
        ax.title(missing == 0 ? name : name + " (" + missing + " missing)").xLimits(range[0], range[1]).yHeadroom(legend ? 0.45 : 0.1).legend(legend ? LegendPosition.UPPER_RIGHT : LegendPosition.NONE);
        for (int c = 0; c < k; c++) {
            final int cls = c;
            double[] vc = java.util.stream.IntStream.range(0, v.length).filter(i -> y[i] == cls).mapToDouble(i -> v[i]).toArray();
            double[] wc = java.util.stream.IntStream.range(0, v.length).filter(i -> y[i] == cls).mapToDouble(i -> w[i]).toArray();
            if (vc.length == 0) {
                continue;
            }
            Binned b = Binned.fill(vc, wc, range[0], range[1], bins);
            Color col = OvertrainingPlot.color(c, k);
            boolean filled = k == 2 ? c == 1 : false;
            ax.histogram(b.edges, b.density(), filled ? col.withAlpha(0.3) : null, LineStyle.solid(col, 1.6), names.get(c));
        }
    }
}
