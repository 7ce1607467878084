package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.FitChecks;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

/** Turning tensors and datasets into the primitive arrays the tree code works on, with the usual checks. */
final class Inputs {
    private Inputs() {
    }

    /** Training data as arrays: features row-major float32, labels / targets and weights as doubles. */
    record Prepared(float[] x, int n, int features, double[] y, double[] w, int classes) {
    }

    /**
     * Checks {@code d} (finite features except NaN when {@code allowMissing}, labels present, total weight
     * non-zero; integral labels with at least two classes when {@code classification}) and applies the
     * negative-weight policy.
     */
    static Prepared prepare(String method, Dataset d, boolean classification, boolean allowMissing,
                            NegativeWeights negative) {
        if (d.isJagged()) {
            throw new IllegalArgumentException(method + ": jagged features are not supported; trees need one row of"
                    + " features per event (flatten or summarize the jagged collections first)");
        }
        Tensor xt = d.features();
        if (xt.dim() != 2) {
            throw new IllegalArgumentException(method + ": features must have shape (events, features), got "
                    + Shape.toString(xt.shape()));
        }
        FitChecks.common(method, d, allowMissing);
        int classes = classification ? FitChecks.classification(method, d) : 0;
        int n = d.size();
        int f = xt.size(1);
        if (f == 0) {
            throw new IllegalArgumentException(method + ": the features have no columns");
        }
        double[] y = d.labels().toDoubleArray();
        if (d.labels().dim() != 1) {
            throw new IllegalArgumentException(method + ": labels must have shape (" + n + "), got "
                    + Shape.toString(d.labels().shape()));
        }
        double[] w = d.weights().toDoubleArray();
        float[] x = floats(xt);
        double[] adjusted = Weights.apply(negative, w, x, n, f, y, classification ? classes : 0);
        double total = 0;
        for (double v : adjusted) {
            total += v;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(method + ": the total event weight is " + total
                    + " after the negative-weight treatment " + negative + "; a fit needs a positive total weight");
        }
        return new Prepared(x, n, f, y, adjusted, classes);
    }

    /** The features of {@code x} (events, features) as row-major float32, checking the width. */
    static float[] features(String method, Tensor x, int numFeatures) {
        if (x.dim() != 2 || x.size(1) != numFeatures) {
            throw new IllegalArgumentException(method + ": expected input of shape (events, " + numFeatures + "), got "
                    + Shape.toString(x.shape()));
        }
        return floats(x);
    }

    /** Row-major float32 values, without a copy when {@code x} already is a contiguous float32 tensor. */
    static float[] floats(Tensor x) {
        if (x.dtype() == DType.FLOAT32 && x.isContiguous() && x.storageOffset() == 0
                && x.storage() instanceof Storage.F32 s && s.data.length == x.numel()) {
            return s.data;
        }
        return x.detach().toFloatArray();
    }
}
