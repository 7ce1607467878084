package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * Smooth L1 loss, as {@code torch.nn.SmoothL1Loss}: {@code 0.5 d^2 / beta} for {@code |d| < beta}, else
 * {@code |d| - 0.5 beta}; {@code beta = 0} is the L1 loss.
 *
 * @param beta the switch-over point, >= 0 (PyTorch's default 1)
 * @param reduction how the element losses are combined
 */
public record SmoothL1Loss(double beta, Reduction reduction) implements Loss {
    public SmoothL1Loss {
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("SmoothL1Loss: beta must be >= 0, got " + beta);
        }
        LossSupport.check(reduction);
    }

    /** beta = 1, mean reduction. */
    public SmoothL1Loss() {
        this(1.0, Reduction.MEAN);
    }

    /** A copy with another beta. */
    public SmoothL1Loss withBeta(double b) {
        return new SmoothL1Loss(b, reduction);
    }

    /** A copy with another reduction. */
    public SmoothL1Loss withReduction(Reduction r) {
        return new SmoothL1Loss(beta, r);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        Tensor t = LossSupport.sameShape("smoothL1", output, target);
        Tensor d = output.sub(t);
        Tensor a = d.abs();
        Tensor l = beta == 0 ? a : Tensor.where(a.lt(beta), d.square().mul(0.5 / beta), a.sub(0.5 * beta));
        return LossSupport.reduce("smoothL1", l, weights, reduction);
    }
}
