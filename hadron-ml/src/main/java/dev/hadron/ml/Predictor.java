package dev.hadron.ml;

import dev.hadron.tensor.Tensor;

/** A model that predicts one value per event (a class, a target, a cluster). */
public interface Predictor extends Model {
    /** Predictions for the rows of {@code x} (n, features): shape (n). */
    Tensor predict(Tensor x);
}
