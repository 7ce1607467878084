package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * Huber loss, as {@code torch.nn.HuberLoss}: {@code 0.5 d^2} for {@code |d| < delta}, else
 * {@code delta (|d| - 0.5 delta)}, with {@code d = output - target}.
 *
 * @param delta the switch-over point, positive (PyTorch's default 1)
 * @param reduction how the element losses are combined
 */
public record HuberLoss(double delta, Reduction reduction) implements Loss {
    public HuberLoss {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("HuberLoss: delta must be positive, got " + delta);
        }
        LossSupport.check(reduction);
    }

    /** delta = 1, mean reduction. */
    public HuberLoss() {
        this(1.0, Reduction.MEAN);
    }

    /** A copy with another delta. */
    public HuberLoss withDelta(double d) {
        return new HuberLoss(d, reduction);
    }

    /** A copy with another reduction. */
    public HuberLoss withReduction(Reduction r) {
        return new HuberLoss(delta, r);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        Tensor t = LossSupport.sameShape("huber", output, target);
        Tensor d = output.sub(t);
        Tensor a = d.abs();
        Tensor l = Tensor.where(a.lt(delta), d.square().mul(0.5), a.sub(0.5 * delta).mul(delta));
        return LossSupport.reduce("huber", l, weights, reduction);
    }
}
