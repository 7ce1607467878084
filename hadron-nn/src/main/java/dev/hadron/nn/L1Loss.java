package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * Mean absolute error {@code |output - target|}, as {@code torch.nn.L1Loss}.
 *
 * @param reduction how the element losses are combined (see {@link Reduction})
 */
public record L1Loss(Reduction reduction) implements Loss {
    public L1Loss {
        LossSupport.check(reduction);
    }

    /** Mean reduction. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /** A copy with another reduction. */
    public L1Loss withReduction(Reduction r) {
        return new L1Loss(r);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        Tensor t = LossSupport.sameShape("l1", output, target);
        return LossSupport.reduce("l1", output.sub(t).abs(), weights, reduction);
    }
}
