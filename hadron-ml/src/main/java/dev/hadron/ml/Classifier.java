package dev.hadron.ml;

import dev.hadron.tensor.Tensor;

/** A model predicting one of {@link #numClasses()} classes (labels 0 .. numClasses - 1). */
public interface Classifier extends Predictor {
    /** Number of classes. */
    int numClasses();

    /** Class probabilities (n, numClasses); rows sum to 1. */
    Tensor predictProba(Tensor x);

    /**
     * Raw scores before the link function, as scikit-learn's {@code decision_function}: shape (n) for two
     * classes (positive favours class 1), (n, numClasses) otherwise.
     */
    Tensor decisionFunction(Tensor x);

    /** The most probable class of each row (int64, n). */
    @Override
    default Tensor predict(Tensor x) {
        return predictProba(x).argmax(1, false);
    }
}
