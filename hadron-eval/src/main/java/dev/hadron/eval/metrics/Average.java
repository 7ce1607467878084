package dev.hadron.eval.metrics;

/** How per-class scores are combined into one number, with scikit-learn's meanings. */
public enum Average {
    /** Unweighted mean over classes. */
    MACRO,
    /** Mean over classes weighted by each class's (weighted) support. */
    WEIGHTED,
    /** Computed from the pooled counts of all classes (for single-label problems: the accuracy). */
    MICRO
}
