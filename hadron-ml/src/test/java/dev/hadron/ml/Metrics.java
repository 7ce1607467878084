package dev.hadron.ml;

import java.util.Arrays;

/** Small evaluation helpers for the tests (hadron-eval is a separate module). */
public final class Metrics {
    private Metrics() {
    }

    /** Weighted ROC AUC of {@code score} for labels 1 (signal) against 0, ties counted half (as scikit-learn). */
    public static double auc(int[] y, double[] score, double[] w) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double pos = 0;
        double neg = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            if (y[i] == 1) {
                pos += wi;
            } else {
                neg += wi;
            }
        }
        double area = 0;
        double negBelow = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            double tiePos = 0;
            double tieNeg = 0;
            while (j < n && score[order[j]] == score[order[i]]) {
                double wj = w == null ? 1 : w[order[j]];
                if (y[order[j]] == 1) {
                    tiePos += wj;
                } else {
                    tieNeg += wj;
                }
                j++;
            }
            area += tiePos * (negBelow + 0.5 * tieNeg);
            negBelow += tieNeg;
            i = j;
        }
        return area / (pos * neg);
    }

    /** The coefficient of determination R^2 (optionally weighted). */
    public static double r2(double[] y, double[] pred, double[] w) {
        double sw = 0;
        double mean = 0;
        for (int i = 0; i < y.length; i++) {
            double wi = w == null ? 1 : w[i];
            sw += wi;
            mean += wi * y[i];
        }
        mean /= sw;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < y.length; i++) {
            double wi = w == null ? 1 : w[i];
            ssRes += wi * (y[i] - pred[i]) * (y[i] - pred[i]);
            ssTot += wi * (y[i] - mean) * (y[i] - mean);
        }
        return 1 - ssRes / ssTot;
    }

    /** Fraction of equal entries. */
    public static double accuracy(long[] predicted, int[] y) {
        int ok = 0;
        for (int i = 0; i < y.length; i++) {
            ok += predicted[i] == y[i] ? 1 : 0;
        }
        return (double) ok / y.length;
    }
}
