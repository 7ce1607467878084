package dev.hadron.ml.tree;

/** How tree ensembles rank features. */
public enum Importance {
    /**
     * The total gain of the splits on a feature: the loss reduction for boosted trees (XGBoost's
     * {@code total_gain}), the weighted impurity decrease for CART trees and forests (scikit-learn's
     * {@code feature_importances_}).
     */
    TOTAL_GAIN,
    /** The number of splits on a feature (XGBoost's {@code weight}). */
    SPLIT_COUNT
}
