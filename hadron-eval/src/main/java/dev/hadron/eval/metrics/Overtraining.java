package dev.hadron.eval.metrics;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * TMVA's overtraining check: for each true class, a Kolmogorov–Smirnov test comparing the classifier
 * output on the training sample with that on the test sample. A small p-value (TMVA users look for
 * values below about 0.01–0.05) says the classifier behaves differently on events it was trained on —
 * overtraining. Binary scores (n) are tested as-is; for class scores (n, k) the output of column c is
 * tested for the events of class c (the classifier's own response to its class).
 *
 * <pre>{@code
 * List<KsResult> ks = Overtraining.check(trainLabels, trainScores, trainW, testLabels, testScores, testW);
 * // ks.get(0): background (class 0), ks.get(1): signal (class 1)
 * }</pre>
 *
 * <p>With weights (either sample) the weighted test is used; without, SciPy's exact/asymptotic
 * {@code ks_2samp}. TMVA itself compares binned histograms, so its numbers differ slightly from these
 * unbinned ones.
 */
public final class Overtraining {
    private Overtraining() {
    }

    /** One KS result per class (index = class), for train and test labels, scores and weights (weights may be null). */
    public static List<KsResult> check(Tensor trainLabels, Tensor trainScores, Tensor trainWeights, Tensor testLabels, Tensor testScores,
                                       Tensor testWeights) {
        Column train = column("overtraining (train)", trainLabels, trainScores, trainWeights);
        Column test = column("overtraining (test)", testLabels, testScores, testWeights);
        if (train.k != test.k) {
            throw new IllegalArgumentException("overtraining: train scores have " + train.k + " classes but test scores " + test.k
                    + "; expected the same classifier outputs");
        }
        boolean weighted = trainWeights != null || testWeights != null;
        List<KsResult> out = new ArrayList<>();
        int classes = Math.max(2, train.k);
        for (int c = 0; c < classes; c++) {
            int column = train.k == 1 ? 0 : c;
            double[][] a = train.select(c, column);
            double[][] b = test.select(c, column);
            if (a[0].length == 0 || b[0].length == 0) {
                throw new IllegalArgumentException("overtraining: class " + c + " has " + a[0].length + " training and " + b[0].length
                        + " test events; expected events of every class in both samples");
            }
            out.add(weighted ? KolmogorovSmirnov.testWeighted(a[0], a[1], b[0], b[1])
                    : KolmogorovSmirnov.test(a[0], b[0], KolmogorovSmirnov.Mode.AUTO));
        }
        return out;
    }

    private record Column(int[] y, double[] s, double[] w, int k) {
        double[][] select(int cls, int col) {
            int n = y.length;
            int count = 0;
            for (int v : y) {
                if (v == cls) {
                    count++;
                }
            }
            double[] v = new double[count];
            double[] ww = new double[count];
            for (int i = 0, j = 0; i < n; i++) {
                if (y[i] == cls) {
                    v[j] = s[i * k + col];
                    ww[j++] = w[i];
                }
            }
            return new double[][] {v, ww};
        }
    }

    private static Column column(String op, Tensor labels, Tensor scores, Tensor weights) {
        if (scores == null) {
            throw new IllegalArgumentException(op + ": scores are null");
        }
        boolean binary = scores.dim() == 1 || (scores.dim() == 2 && scores.size(1) == 1);
        double[] s = binary ? Inputs.scores(op, scores) : Inputs.classScores(op, scores);
        int k = binary ? 1 : scores.size(1);
        int n = scores.size(0);
        int[] y = binary ? Inputs.binaryLabels(op, labels, n) : Inputs.classLabels(op, labels, n, k);
        double[] w = Inputs.weights(op, weights, n);
        return new Column(y, s, w, k);
    }
}
