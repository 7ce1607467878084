package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * A training objective comparing a model's output with the target, with optional per-event weights:
 * what {@code dev.hadron.train.Trainer} minimizes. The implementations are records holding their
 * settings ({@link CrossEntropyLoss}, {@link MSELoss}, ...); {@link Losses} offers the common cases as
 * static functions. A lambda works too:
 * {@code Loss loss = (out, y, w) -> Losses.mse(out.squeeze(1), y, w);}
 */
@FunctionalInterface
public interface Loss {
    /**
     * The loss.
     *
     * @param output the model output for a batch of n events
     * @param target labels or regression targets for the n events
     * @param weights per-event weights (n), negative allowed, or null for unit weights
     */
    Tensor apply(Tensor output, Tensor target, Tensor weights);

    /** The unweighted loss. */
    default Tensor apply(Tensor output, Tensor target) {
        return apply(output, target, null);
    }
}
