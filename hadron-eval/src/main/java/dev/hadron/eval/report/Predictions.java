package dev.hadron.eval.report;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * One method's outputs on one sample, with the truth and the event weights.
 *
 * <p>For classification, {@code output} holds scores: shape (n) for binary problems (higher = more
 * signal-like, signal = label 1) or (n, k) class scores, and {@code target} the class labels (n). For
 * regression, {@code output} holds predictions and {@code target} true values, both (n).
 *
 * @param output scores or predictions
 * @param target labels or true values
 * @param weights per-event weights (n), or null for unit weights
 */
public record Predictions(Tensor output, Tensor target, Tensor weights) {
    /** Validates shapes: one output row, one target and one weight per event. */
    public Predictions {
        if (output == null || target == null) {
            throw new IllegalArgumentException("Predictions: output and target must be given");
        }
        if (output.dim() < 1 || output.dim() > 2) {
            throw new IllegalArgumentException("Predictions: output of shape " + Shape.toString(output.shape()) + "; expected (n) or (n, k)");
        }
        int n = output.size(0);
        if (target.dim() < 1 || target.size(0) != n) {
            throw new IllegalArgumentException("Predictions: " + n + " outputs but target of shape " + Shape.toString(target.shape())
                    + "; expected one target per event");
        }
        if (weights != null && (weights.dim() != 1 || weights.size(0) != n)) {
            throw new IllegalArgumentException("Predictions: " + n + " outputs but weights of shape " + Shape.toString(weights.shape())
                    + "; expected (" + n + ")");
        }
        if (n == 0) {
            throw new IllegalArgumentException("Predictions: no events; expected at least one");
        }
    }

    /** Number of events. */
    public int size() {
        return output.size(0);
    }

    /** Scores for binary classification: (n), or column 1 of (n, 2) probabilities; null for more classes. */
    Tensor binaryScores() {
        if (output.dim() == 1) {
            return output;
        }
        if (output.size(1) == 1) {
            return output.reshape(output.size(0));
        }
        if (output.size(1) == 2) {
            return output.select(1, 1).contiguous();
        }
        return null;
    }
}
