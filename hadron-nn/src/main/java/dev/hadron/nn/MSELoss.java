package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * Mean squared error {@code (output - target)^2}, as {@code torch.nn.MSELoss}; output and target of the
 * same shape (n, ...), per-event weights multiply the squared errors of their event.
 *
 * @param reduction how the element losses are combined (see {@link Reduction})
 */
public record MSELoss(Reduction reduction) implements Loss {
    public MSELoss {
        LossSupport.check(reduction);
    }

    /** Mean reduction. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /** A copy with another reduction. */
    public MSELoss withReduction(Reduction r) {
        return new MSELoss(r);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        Tensor t = LossSupport.sameShape("mse", output, target);
        return LossSupport.reduce("mse", output.sub(t).square(), weights, reduction);
    }
}
