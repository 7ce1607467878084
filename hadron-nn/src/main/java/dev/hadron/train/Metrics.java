package dev.hadron.train;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/** Metrics for the trainer's validation; the full set of HEP metrics (ROC, AUC, ...) is in hadron-eval. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * Weighted classification accuracy: for outputs (n, C) the arg-max class, for one score per event (n) or
     * (n, 1) the sign of the logit (score > 0 means class 1), compared with the labels.
     */
    public static Metric accuracy() {
        return (out, labels, weights) -> {
            Tensor predicted;
            if (out.dim() == 2 && out.size(1) > 1) {
                predicted = out.argmax(1, false);
            } else if (out.dim() == 1 || (out.dim() == 2 && out.size(1) == 1)) {
                predicted = out.reshape(-1).gt(0).to(DType.INT64);
            } else {
                throw new IllegalArgumentException("accuracy: expected outputs (n, classes) or (n), got "
                        + Shape.toString(out.shape()));
            }
            Tensor correct = predicted.eq(labels.reshape(-1).to(DType.INT64)).to(DType.FLOAT64);
            if (weights == null) {
                return correct.mean().item();
            }
            Tensor w = weights.to(DType.FLOAT64);
            return correct.mul(w).sum().item() / w.sum().item();
        };
    }
}
