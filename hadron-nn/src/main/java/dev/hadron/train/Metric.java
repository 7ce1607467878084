package dev.hadron.train;

import dev.hadron.tensor.Tensor;

/**
 * A validation metric computed once per epoch on all validation outputs, e.g. {@link Metrics#accuracy()}.
 */
@FunctionalInterface
public interface Metric {
    /**
     * The metric.
     *
     * @param outputs the model outputs for all validation events (n, ...)
     * @param labels the labels (n)
     * @param weights per-event weights (n), or null
     */
    double compute(Tensor outputs, Tensor labels, Tensor weights);
}
