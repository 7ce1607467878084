package dev.hadron.eval.internal;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Validation and conversion of metric inputs (scores, labels, weights) from tensors to primitive
 * arrays. Every check names the operation, the offending event and the expected value, so a bad input
 * fails at the call that received it rather than as a NaN further down.
 */
public final class Inputs {
    private Inputs() {
    }

    /** Per-event scores of shape (n) or (n, 1) as doubles; every score must be finite. */
    public static double[] scores(String op, Tensor scores) {
        requireNonNull(op, "scores", scores);
        if (!(scores.dim() == 1 || (scores.dim() == 2 && scores.size(1) == 1))) {
            throw new IllegalArgumentException(op + ": scores of shape " + Shape.toString(scores.shape())
                    + "; expected one score per event, shape (n) or (n, 1)");
        }
        double[] s = scores.detach().toDoubleArray();
        requireFinite(op, "score", s);
        return s;
    }

    /** Per-event values of shape (n) (any name, e.g. "prediction"); all finite. */
    public static double[] values(String op, String what, Tensor values) {
        requireNonNull(op, what, values);
        if (values.dim() != 1) {
            throw new IllegalArgumentException(op + ": " + what + " of shape " + Shape.toString(values.shape())
                    + "; expected shape (n)");
        }
        double[] s = values.detach().toDoubleArray();
        requireFinite(op, what, s);
        return s;
    }

    /** Class scores of shape (n, k) with k at least 2, as a row-major array; all finite. */
    public static double[] classScores(String op, Tensor scores) {
        requireNonNull(op, "scores", scores);
        if (scores.dim() != 2 || scores.size(1) < 2) {
            throw new IllegalArgumentException(op + ": scores of shape " + Shape.toString(scores.shape())
                    + "; expected (n, k) with one column per class, k >= 2");
        }
        double[] s = scores.detach().toDoubleArray();
        requireFinite(op, "score", s);
        return s;
    }

    /** Labels 0 (background) or 1 (signal), one per event; {@code n} is the expected count. */
    public static int[] binaryLabels(String op, Tensor labels, int n) {
        int[] y = classLabels(op, labels, n, -1);
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 1) {
                throw new IllegalArgumentException(op + ": label of event " + i + " is " + y[i]
                        + "; expected 0 (background) or 1 (signal) — for more classes use the one-vs-rest methods");
            }
        }
        return y;
    }

    /**
     * Integer class labels 0..k-1 (int, long, bool or integral float tensors), one per event. With
     * {@code numClasses < 0} any non-negative label is accepted.
     */
    public static int[] classLabels(String op, Tensor labels, int n, int numClasses) {
        return classLabels(op, "label", labels, n, numClasses);
    }

    /** As {@link #classLabels(String, Tensor, int, int)}, naming the values {@code what} (e.g. "predicted class") in errors. */
    public static int[] classLabels(String op, String what, Tensor labels, int n, int numClasses) {
        requireNonNull(op, what + "s", labels);
        if (!(labels.dim() == 1 || (labels.dim() == 2 && labels.size(1) == 1))) {
            throw new IllegalArgumentException(op + ": " + what + "s of shape " + Shape.toString(labels.shape())
                    + "; expected one class index per event, shape (n)");
        }
        if (labels.size(0) != n) {
            throw new IllegalArgumentException(op + ": " + n + " events but " + labels.size(0) + " " + what + "s; expected one per event");
        }
        double[] v = labels.detach().toDoubleArray();
        int[] y = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            double d = v[i];
            if (!(d >= 0 && d == Math.rint(d) && d < Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(op + ": " + what + " of event " + i + " is " + d
                        + "; expected a non-negative integer class index");
            }
            if (numClasses >= 0 && d >= numClasses) {
                throw new IllegalArgumentException(op + ": " + what + " of event " + i + " is " + (long) d + "; expected a class index in 0.."
                        + (numClasses - 1));
            }
            y[i] = (int) d;
        }
        return y;
    }

    /** Per-event weights (n), or ones when {@code weights} is null. Negative weights are allowed; all must be finite. */
    public static double[] weights(String op, Tensor weights, int n) {
        if (weights == null) {
            double[] w = new double[n];
            java.util.Arrays.fill(w, 1.0);
            return w;
        }
        if (!(weights.dim() == 1 || (weights.dim() == 2 && weights.size(1) == 1))) {
            throw new IllegalArgumentException(op + ": weights of shape " + Shape.toString(weights.shape())
                    + "; expected one weight per event, shape (n)");
        }
        if (weights.size(0) != n) {
            throw new IllegalArgumentException(op + ": " + n + " events but " + weights.size(0) + " weights; expected one weight per event");
        }
        double[] w = weights.detach().toDoubleArray();
        requireFinite(op, "weight", w);
        return w;
    }

    /** Fails unless the two counts agree. */
    public static void sameLength(String op, String a, int na, String b, int nb) {
        if (na != nb) {
            throw new IllegalArgumentException(op + ": " + na + " " + a + " but " + nb + " " + b + "; expected one per event");
        }
    }

    /** Fails on an empty input. */
    public static void nonEmpty(String op, int n) {
        if (n == 0) {
            throw new IllegalArgumentException(op + ": no events; expected at least one");
        }
    }

    private static void requireNonNull(String op, String what, Tensor t) {
        if (t == null) {
            throw new IllegalArgumentException(op + ": " + what + " is null");
        }
    }

    /** Fails naming the first non-finite value. */
    public static void requireFinite(String op, String what, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(op + ": " + what + " of event " + i + " is " + v[i] + "; expected a finite number");
            }
        }
    }

    /** Fails unless a probability-like fraction lies in the open-closed interval (0, 1]. */
    public static void requireFraction(String op, String what, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(op + ": " + what + " is " + v + "; expected a value in (0, 1]");
        }
    }
}
