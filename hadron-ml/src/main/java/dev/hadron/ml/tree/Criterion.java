package dev.hadron.ml.tree;

/** The impurity a CART tree minimizes (scikit-learn's {@code criterion}). */
public enum Criterion {
    /** Gini impurity {@code 1 - sum p_k^2} (classification; scikit-learn's default). */
    GINI,
    /** Entropy {@code -sum p_k log2 p_k} (classification). */
    ENTROPY,
    /** Weighted variance of the target (regression). */
    SQUARED_ERROR;

    /** True for the classification criteria. */
    public boolean isClassification() {
        return this != SQUARED_ERROR;
    }
}
