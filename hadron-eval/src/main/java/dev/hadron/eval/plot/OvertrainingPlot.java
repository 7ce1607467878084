package dev.hadron.eval.plot;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.eval.metrics.KsResult;
import dev.hadron.eval.metrics.KolmogorovSmirnov;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TMVA's overtraining plot: the classifier output for each true class, the test sample as filled
 * histograms and the training sample as points with error bars, all normalised to unit area, with the
 * Kolmogorov–Smirnov p-value of train against test for each class (as
 * {@link dev.hadron.eval.metrics.Overtraining} computes it).
 *
 * <pre>{@code
 * Figure fig = OvertrainingPlot.of(trainY, trainScores, trainW, testY, testScores, testW, 0, null, 40);
 * }</pre>
 *
 * <p>For binary scores (n) the classes are drawn as "Background" (label 0, red) and "Signal" (label 1,
 * blue); for class scores (n, k) the plot shows output column {@code column} for every class. With no
 * training sample (train labels and scores null) only the test distributions are drawn, without KS
 * test.
 */
public final class OvertrainingPlot {
    private OvertrainingPlot() {
    }

    /**
     * The plot for one output column (ignored for binary scores); {@code classNames} may be null;
     * weights may be null; the training arguments may all be null (test sample only).
     */
    public static Figure of(Tensor trainLabels, Tensor trainScores, Tensor trainWeights, Tensor testLabels, Tensor testScores,
                            Tensor testWeights, int column, List<String> classNames, int bins) {
        String op = "OvertrainingPlot";
        if (bins < 2) {
            throw new IllegalArgumentException(op + ": bins is " + bins + "; expected at least 2");
        }
        boolean hasTrain = trainScores != null || trainLabels != null;
        Data test = data(op + " (test)", testLabels, testScores, testWeights, column);
        Data train = hasTrain ? data(op + " (train)", trainLabels, trainScores, trainWeights, column) : null;
        int k = Math.max(2, hasTrain ? Math.max(train.k, test.k) : test.k);
        List<String> names = classNames != null ? classNames : k == 2 ? List.of("Background", "Signal") : defaultNames(k);
        if (names.size() < k) {
            throw new IllegalArgumentException(op + ": " + names.size() + " class names for " + k + " classes; expected one name per class");
        }
        boolean weighted = trainWeights != null || testWeights != null;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : hasTrain ? new double[][] {train.s, test.s} : new double[][] {test.s}) {
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (lo >= 0 && hi <= 1) {
            lo = 0;
            hi = 1;
        } else if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        Figure fig = Figure.of(640, 500);
        Axes ax = fig.axes();
        String xl = test.binary ? "Classifier output" : "Classifier output for " + names.get(column);
        ax.xLabel(xl).yLabel("(1/N) dN/dx").xLimits(lo, hi).yHeadroom(hasTrain ? 0.55 : 0.3).legend(LegendPosition.UPPER_RIGHT);
        for (int c = 0; c < k; c++) {
            Color col = color(c, k);
            Binned te = Binned.fill(test.select(c), test.selectWeights(c), lo, hi, bins);
            ax.histogram(te.edges, te.density(), col.withAlpha(0.35), LineStyle.solid(col, 1.5), names.get(c) + " (test)");
        }
        if (!hasTrain) {
            fig.title("Classifier output");
            return fig;
        }
        for (int c = 0; c < k; c++) {
            Color col = color(c, k);
            Binned tr = Binned.fill(train.select(c), train.selectWeights(c), lo, hi, bins);
            ax.errorBars(tr.centers(), tr.density(), tr.densityErrors(), null, col, names.get(c) + " (train)");
        }
        // The KS test of the plotted column, per class (for binary scores this is Overtraining.check).
        StringBuilder text = new StringBuilder("KS test p-value: ");
        for (int c = 0; c < k; c++) {
            Tensor a = Tensor.of(train.select(c));
            Tensor b = Tensor.of(test.select(c));
            if (a.numel() == 0 || b.numel() == 0) {
                throw new IllegalArgumentException(op + ": class " + names.get(c) + " has " + a.numel() + " training and " + b.numel()
                        + " test events; expected events of every class in both samples");
            }
            KsResult r = weighted ? KolmogorovSmirnov.test(a, Tensor.of(train.selectWeights(c)), b, Tensor.of(test.selectWeights(c)))
                    : KolmogorovSmirnov.test(a, b);
            text.append(c == 0 ? "" : ", ").append(names.get(c)).append(' ').append(format(r.pValue()));
        }
        ax.text(0.03, 0.95, text.toString(), 12, false);
        fig.title("Overtraining check");
        return fig;
    }

    private static String format(double p) {
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    static Color color(int c, int k) {
        if (k == 2) {
            return c == 1 ? Color.SIGNAL : Color.BACKGROUND;
        }
        return Color.palette(c);
    }

    static List<String> defaultNames(int k) {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            n.add("Class " + i);
        }
        return n;
    }

    private record Data(int[] y, double[] s, double[] w, int k, boolean binary) {
        double[] select(int c) {
            return java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == c).mapToDouble(i -> s[i]).toArray();
        }

        double[] selectWeights(int c) {
            return java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == c).mapToDouble(i -> w[i]).toArray();
        }
    }

    private static Data data(String op, Tensor labels, Tensor scores, Tensor weights, int column) {
        if (scores == null) {
            throw new IllegalArgumentException(op + ": scores are null");
        }
        boolean binary = scores.dim() == 1 || (scores.dim() == 2 && scores.size(1) == 1);
        int n = scores.size(0);
        double[] s;
        int k;
        int[] y;
        if (binary) {
            s = Inputs.scores(op, scores);
            y = Inputs.binaryLabels(op, labels, n);
            k = 2;
        } else {
            double[] all = Inputs.classScores(op, scores);
            k = scores.size(1);
            if (column < 0 || column >= k) {
                throw new IllegalArgumentException(op + ": column " + column + " out of range; expected 0.." + (k - 1));
            }
            s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = all[i * k + column];
            }
            y = Inputs.classLabels(op, labels, n, k);
        }
        return new Data(y, s, Inputs.weights(op, weights, n), k, binary);
    }
}
