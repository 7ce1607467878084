package dev.hadron.ml;

import dev.hadron.tensor.Tensor;

/** A model that maps features to new features (PCA, scaling, cluster distances). */
public interface Transformer extends Model {
    /** The transformed rows of {@code x}. */
    Tensor transform(Tensor x);
}
