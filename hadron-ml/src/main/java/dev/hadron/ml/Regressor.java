package dev.hadron.ml;

/** A model predicting a real-valued target: {@code predict} gives float values (n). */
public interface Regressor extends Predictor {
}
