package dev.hadron.ml;

import dev.hadron.data.Dataset;
import dev.hadron.tensor.Tensor;

/**
 * Input validation shared by every estimator, so bad data fails the same clear way everywhere
 * (the checks scikit-learn's {@code check_X_y} makes).
 */
public final class FitChecks {
    private FitChecks() {
    }

    /** Labels present, total weight non-zero, and (unless {@code allowNaNFeatures}) finite features. */
    public static void common(String method, Dataset d, boolean allowNaNFeatures) {
        if (d.size() == 0) {
            throw new IllegalArgumentException(method + ": the training set is empty");
        }
        if (d.labels() == null) {
            throw new IllegalArgumentException(method + ": the training set has no labels");
        }
        double total = d.weights().sum().item();
        if (total == 0) {
            throw new IllegalArgumentException(method + ": the total event weight is zero; nothing to fit");
        }
        if (!d.isJagged()) {
            double[] x = d.features().toDoubleArray();
            int f = d.numFeatures();
            for (int i = 0; i < x.length; i++) {
                if (Double.isInfinite(x[i]) || (!allowNaNFeatures && Double.isNaN(x[i]))) {
                    throw new IllegalArgumentException(method + ": feature " + (i % f) + " of event " + (i / f) + " is " + x[i]
                            + (allowNaNFeatures ? "; only NaN (missing) is allowed besides finite values"
                            : "; features must be finite (this method does not handle missing values)"));
                }
            }
        }
    }

    /**
     * Checks classification labels: integral, non-negative, at least two classes present. Returns the
     * number of classes (largest label + 1).
     */
    public static int classification(String method, Dataset d) {
        double[] y = d.labels().toDoubleArray();
        int max = -1;
        boolean[] seen = new boolean[Math.max(2, y.length + 1)];
        int distinct = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != Math.rint(y[i]) || y[i] < 0) {
                throw new IllegalArgumentException(method + ": class label of event " + i + " is " + y[i]
                        + "; expected integers 0, 1, ...");
            }
            int c = (int) y[i];
            if (c >= seen.length) {
                throw new IllegalArgumentException(method + ": class label " + c + " of event " + i
                        + " is larger than the number of events; labels must be 0 .. classes - 1");
            }
            if (!seen[c]) {
                seen[c] = true;
                distinct++;
            }
            max = Math.max(max, c);
        }
        if (distinct < 2) {
            throw new IllegalArgumentException(method + ": the training labels contain only one class (" + max
                    + "); a classifier needs at least two");
        }
        return max + 1;
    }

    /** Checks that {@code x} has the width the model was fitted on. */
    public static void width(String method, Tensor x, int numFeatures) {
        if (x.dim() != 2 || x.size(1) != numFeatures) {
            throw new IllegalArgumentException(method + ": expected input of shape (events, " + numFeatures + "), got "
                    + dev.hadron.tensor.Shape.toString(x.shape()));
        }
    }
}
