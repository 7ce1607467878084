package dev.hadron.ml;

import dev.hadron.data.Dataset;

/**
 * Hyperparameters that can fit a model: the single contract every method implements. Hyperparameter
 * records implement it, are validated in their compact constructors and offer {@code withX(...)}
 * copies; fitting never mutates them.
 *
 * <pre>{@code
 * GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(200);
 * Classifier bdt = p.fit(train, validation);      // validation drives early stopping where supported
 * }</pre>
 *
 * @param <M> the fitted model type
 */
public interface Estimator<M extends Model> {
    /** Fits on {@code train} (features, labels, optional event weights). */
    M fit(Dataset train);

    /** Fits on {@code train}, using {@code validation} for early stopping where the method supports it. */
    default M fit(Dataset train, Dataset validation) {
        return fit(train);
    }
}
