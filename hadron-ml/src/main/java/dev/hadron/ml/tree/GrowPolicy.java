package dev.hadron.ml.tree;

/** The order in which a boosted tree's nodes are split. */
public enum GrowPolicy {
    /** Level by level down to {@code maxDepth} (XGBoost's {@code depthwise}, the default). */
    DEPTHWISE,
    /**
     * Always the leaf whose split gains most, until {@code maxLeaves} leaves (LightGBM's and
     * scikit-learn's {@code HistGradientBoosting} growth; XGBoost's {@code lossguide}).
     */
    LOSSGUIDE
}
