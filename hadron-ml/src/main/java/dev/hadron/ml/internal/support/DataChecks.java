package dev.hadron.ml.internal.support;

import dev.hadron.data.Dataset;

/**
 * Checks of training data for the unsupervised methods (k-means, PCA), which need no labels; the
 * supervised methods use {@code dev.hadron.ml.FitChecks}.
 */
public final class DataChecks {
    private DataChecks() {
    }

    /**
     * Dense finite features, at least one event, a positive total weight and (if asked) no negative
     * weight. Returns the features, row-major.
     */
    public static double[] unsupervised(String method, Dataset d, boolean nonNegativeWeights) {
        if (d.size() == 0) {
            throw new IllegalArgumentException(method + ": the training set is empty");
        }
        double[] x = Rows.features(method, d);
        int f = d.numFeatures();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(method + ": feature " + (i % f) + " of event " + (i / f) + " is " + x[i]
                        + "; features must be finite (impute or drop missing values first)");
            }
        }
        double[] w = Rows.weights(d);
        double total = 0;
        for (double v : w) {
            total += v;
        }
        if (nonNegativeWeights) {
            Rows.requireNonNegative(method, w, "this method needs non-negative event weights");
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(method + ": the total event weight is " + total + "; nothing to fit");
        }
        return x;
    }
}
