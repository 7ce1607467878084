package dev.hadron.ml;

import dev.hadron.tensor.Tensor;

/** A model that can rank its input features. */
public interface HasFeatureImportances {
    /** One non-negative importance per feature, normalized to sum to 1 (all zeros if the model never split). */
    Tensor featureImportances();
}
