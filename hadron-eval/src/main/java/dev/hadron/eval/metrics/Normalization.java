package dev.hadron.eval.metrics;

/** How a confusion matrix is normalised, with scikit-learn's {@code normalize=} meanings. */
public enum Normalization {
    /** Raw (weighted) counts. */
    NONE,
    /** Each row (true class) sums to one: the diagonal is the per-class recall (efficiency). */
    TRUE,
    /** Each column (predicted class) sums to one: the diagonal is the per-class precision (purity). */
    PREDICTED,
    /** All cells sum to one. */
    ALL
}
