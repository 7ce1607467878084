package dev.hadron.ml.internal.support;

import dev.hadron.data.Dataset;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Moves data between tensors and the flat row-major {@code double[]} arrays the classic solvers work
 * on. Everything is computed in double precision whatever the input dtype.
 */
public final class Rows {
    private Rows() {
    }

    /** The rows of a dense (n, f) dataset as a row-major array of length n * f. */
    public static double[] features(String method, Dataset d) {
        if (d.isJagged()) {
            throw new IllegalArgumentException(method + ": expects dense features (events, features), got jagged features;"
                    + " pad them or compute per-event summaries first");
        }
        Tensor x = d.features();
        if (x.dim() != 2) {
            throw new IllegalArgumentException(method + ": expects features of shape (events, features), got "
                    + Shape.toString(x.shape()));
        }
        return x.detach().toDoubleArray();
    }

    /** The rows of {@code x} after checking its width, as a row-major array. */
    public static double[] matrix(String method, Tensor x, int numFeatures) {
        if (x.dim() != 2 || x.size(1) != numFeatures) {
            throw new IllegalArgumentException(method + ": expected input of shape (events, " + numFeatures + "), got "
                    + Shape.toString(x.shape()));
        }
        return x.detach().toDoubleArray();
    }

    /** Per-event weights as doubles (ones when the dataset has none). */
    public static double[] weights(Dataset d) {
        return d.weights().detach().toDoubleArray();
    }

    /** Regression targets: a 1-D label vector as doubles. */
    public static double[] targets(String method, Dataset d) {
        Tensor y = d.labels();
        if (y.dim() != 1) {
            throw new IllegalArgumentException(method + ": expects one target per event (shape [" + d.size() + "]), got "
                    + Shape.toString(y.shape()));
        }
        return y.detach().toDoubleArray();
    }

    /** Class labels as ints (already checked by {@code FitChecks.classification}). */
    public static int[] classes(Dataset d) {
        double[] y = d.labels().detach().toDoubleArray();
        int[] c = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = (int) y[i];
        }
        return c;
    }

    /** Refuses negative event weights for methods that cannot use them. */
    public static void requireNonNegative(String method, double[] w, String why) {
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0) {
                throw new IllegalArgumentException(method + ": event " + i + " has the negative weight " + w[i] + "; " + why);
            }
        }
    }

    /** A float64 (n) tensor. */
    public static Tensor vector(double[] v) {
        return Tensor.wrap(v, v.length);
    }

    /** A float64 (rows, cols) tensor over a row-major array. */
    public static Tensor matrix(double[] v, int rows, int cols) {
        return Tensor.wrap(v, rows, cols);
    }

    /** An int64 (n) tensor of class indices. */
    public static Tensor labels(int[] c) {
        long[] l = new long[c.length];
        for (int i = 0; i < c.length; i++) {
            l[i] = c[i];
        }
        return Tensor.wrap(l, l.length);
    }

    /** Number of rows of a row-major array holding {@code n * f} values. */
    public static int count(double[] x, int f) {
        return f == 0 ? 0 : x.length / f;
    }
}
