package dev.hadron.eval.metrics;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.tensor.Tensor;

/**
 * A (weighted) confusion matrix: cell [i][j] is the total weight of events of true class i predicted
 * as class j (scikit-learn's layout: rows true, columns predicted). Also gives per-class precision,
 * recall and F1 and their averages, with scikit-learn's conventions: a ratio whose denominator is
 * zero is 0 (scikit-learn's {@code zero_division="warn"} result).
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.fromScores(labels, probabilities, weights);   // argmax of (n, k)
 * double[][] eff = cm.values(Normalization.TRUE);                                    // row-normalised
 * double f1 = cm.f1(Average.MACRO);
 * }</pre>
 *
 * <p>Negative weights enter the cells as given (as in scikit-learn), so a cell can be negative.
 */
public final class ConfusionMatrix {
    private final double[][] counts;

    private ConfusionMatrix(double[][] counts) {
        this.counts = counts;
    }

    /**
     * The matrix of true and predicted class indices (0..numClasses-1; weights may be null). Equals
     * {@code sklearn.metrics.confusion_matrix(y, p, labels=range(numClasses), sample_weight=w)}.
     */
    public static ConfusionMatrix of(Tensor labels, Tensor predicted, Tensor weights, int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("confusionMatrix: numClasses is " + numClasses + "; expected at least 2");
        }
        if (labels == null || predicted == null) {
            throw new IllegalArgumentException("confusionMatrix: labels and predicted classes must not be null");
        }
        if (predicted.dim() < 1) {
            throw new IllegalArgumentException("confusionMatrix: predicted classes form a scalar; expected shape (n)");
        }
        int n = predicted.size(0);
        int[] p = Inputs.classLabels("confusionMatrix", "predicted class", predicted, n, numClasses);
        int[] y = Inputs.classLabels("confusionMatrix", labels, n, numClasses);
        double[] w = Inputs.weights("confusionMatrix", weights, n);
        double[][] c = new double[numClasses][numClasses];
        for (int i = 0; i < n; i++) {
            c[y[i]][p[i]] += w[i];
        }
        return new ConfusionMatrix(c);
    }

    /**
     * The matrix of predictions made from scores: for scores of shape (n) (binary), class 1 when
     * score ≥ {@code threshold}; use {@link #fromScores(Tensor, Tensor, Tensor)} for (n, k) scores.
     */
    public static ConfusionMatrix fromScores(Tensor labels, Tensor scores, Tensor weights, double threshold) {
        double[] s = Inputs.scores("confusionMatrix", scores);
        long[] p = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = s[i] >= threshold ? 1 : 0;
        }
        return of(labels, Tensor.of(p, s.length), weights, 2);
    }

    /** The matrix of predictions made from class scores of shape (n, k) by argmax (first maximum on ties). */
    public static ConfusionMatrix fromScores(Tensor labels, Tensor scores, Tensor weights) {
        if (scores != null && scores.dim() == 1) {
            throw new IllegalArgumentException("confusionMatrix: scores of shape (" + scores.size(0)
                    + ") need a threshold; use fromScores(labels, scores, weights, threshold) or pass (n, k) class scores");
        }
        double[] s = Inputs.classScores("confusionMatrix", scores);
        int n = scores.size(0);
        int k = scores.size(1);
        return of(labels, Tensor.of(argmax(s, n, k), n), weights, k);
    }

    static long[] argmax(double[] s, int n, int k) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (s[i * k + c] > s[i * k + best]) {
                    best = c;
                }
            }
            p[i] = best;
        }
        return p;
    }

    /** Number of classes. */
    public int numClasses() {
        return counts.length;
    }

    /** The weighted counts (a copy). */
    public double[][] counts() {
        return values(Normalization.NONE);
    }

    /** The matrix normalised as asked; rows or columns with zero total are all zeros (as scikit-learn). */
    public double[][] values(Normalization normalization) {
        int k = counts.length;
        double[][] v = new double[k][k];
        double total = 0;
        double[] rows = new double[k];
        double[] cols = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rows[i] += counts[i][j];
                cols[j] += counts[i][j];
                total += counts[i][j];
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double d = switch (normalization) {
                    case NONE -> 1.0;
                    case TRUE -> rows[i];
                    case PREDICTED -> cols[j];
                    case ALL -> total;
                };
                v[i][j] = d == 0 ? 0.0 : counts[i][j] / d;
            }
        }
        return v;
    }

    /** Total weight of all events. */
    public double total() {
        double t = 0;
        for (double[] r : counts) {
            for (double x : r) {
                t += x;
            }
        }
        return t;
    }

    /** Weighted fraction of correctly classified events (trace over total), as {@code accuracy_score}. */
    public double accuracy() {
        double t = total();
        if (t == 0) {
            throw new IllegalStateException("accuracy: total weight is zero; expected a positive total weight");
        }
        double d = 0;
        for (int i = 0; i < counts.length; i++) {
            d += counts[i][i];
        }
        return d / t;
    }

    /** Weighted support (row sum) of class {@code k}. */
    public double support(int k) {
        checkClass(k);
        double s = 0;
        for (double x : counts[k]) {
            s += x;
        }
        return s;
    }

    /** Precision (purity) of class {@code k}: the true-k weight among events predicted k. */
    public double precision(int k) {
        checkClass(k);
        double col = 0;
        for (double[] r : counts) {
            col += r[k];
        }
        return ratio(counts[k][k], col);
    }

    /** Recall (efficiency) of class {@code k}: the fraction of true-k weight predicted k. */
    public double recall(int k) {
        checkClass(k);
        return ratio(counts[k][k], support(k));
    }

    /** F1 of class {@code k}: the harmonic mean of precision and recall (0 when both are 0). */
    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return ratio(2 * p * r, p + r);
    }

    /** Averaged precision. */
    public double precision(Average average) {
        return average(average, this::precision);
    }

    /** Averaged recall. */
    public double recall(Average average) {
        return average(average, this::recall);
    }

    /** Averaged F1 (MACRO and WEIGHTED average the per-class F1, as scikit-learn does). */
    public double f1(Average average) {
        if (average == Average.MICRO) {
            double p = precision(Average.MICRO);
            double r = recall(Average.MICRO);
            return ratio(2 * p * r, p + r);
        }
        return average(average, this::f1);
    }

    private double average(Average average, java.util.function.IntToDoubleFunction perClass) {
        int k = counts.length;
        switch (average) {
            case MACRO -> {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += perClass.applyAsDouble(c);
                }
                return s / k;
            }
            case WEIGHTED -> {
                double s = 0;
                double t = 0;
                for (int c = 0; c < k; c++) {
                    double sup = support(c);
                    s += sup * perClass.applyAsDouble(c);
                    t += sup;
                }
                return ratio(s, t);
            }
            default -> {
                // For single-label problems micro precision = micro recall = accuracy.
                double t = total();
                double d = 0;
                for (int c = 0; c < k; c++) {
                    d += counts[c][c];
                }
                return ratio(d, t);
            }
        }
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0.0 : a / b;
    }

    private void checkClass(int k) {
        if (k < 0 || k >= counts.length) {
            throw new IllegalArgumentException("confusionMatrix: class " + k + " out of range; expected 0.." + (counts.length - 1));
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ConfusionMatrix[");
        for (int i = 0; i < counts.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(java.util.Arrays.toString(counts[i]));
        }
        return sb.append(']').toString();
    }
}
