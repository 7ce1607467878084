package dev.hadron.nn;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Gaussian negative log-likelihood for a network that predicts a mean and a variance, as
 * {@code torch.nn.GaussianNLLLoss}: {@code 0.5 (log var + (mean - target)^2 / var)}, plus
 * {@code 0.5 log(2 pi)} with {@code full}. The variance is clamped below at {@code eps} for the value
 * while its gradient passes unchanged, as PyTorch does; negative variances are an error.
 *
 * <p>As a {@link Loss} (for the trainer) the output holds mean and variance in its last dimension:
 * (n, 2) for one target per event, column 0 the mean and column 1 the variance (apply
 * {@code softplus} or {@code exp} to make the network's variance positive).
 *
 * @param full include the constant term
 * @param eps the variance clamp (PyTorch's default 1e-6)
 * @param reduction how the element losses are combined
 */
public record GaussianNLLLoss(boolean full, double eps, Reduction reduction) implements Loss {
    public GaussianNLLLoss {
        if (!(eps > 0)) {
            throw new IllegalArgumentException("GaussianNLLLoss: eps must be positive, got " + eps);
        }
        LossSupport.check(reduction);
    }

    /** PyTorch's defaults: no constant, eps 1e-6, mean reduction. */
    public GaussianNLLLoss() {
        this(false, 1e-6, Reduction.MEAN);
    }

    /** A copy with or without the constant term. */
    public GaussianNLLLoss withFull(boolean f) {
        return new GaussianNLLLoss(f, eps, reduction);
    }

    /** A copy with another variance clamp. */
    public GaussianNLLLoss withEps(double e) {
        return new GaussianNLLLoss(full, e, reduction);
    }

    /** A copy with another reduction. */
    public GaussianNLLLoss withReduction(Reduction r) {
        return new GaussianNLLLoss(full, eps, r);
    }

    /** The loss for predicted means, targets and variances (same shape, or the variance broadcasting). */
    public Tensor apply(Tensor mean, Tensor target, Tensor variance, Tensor weights) {
        Tensor t = LossSupport.sameShape("gaussianNll", mean, target);
        Tensor var = variance.to(mean.dtype());
        try {
            Shape.broadcast("gaussianNll", mean.shape(), var.shape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gaussianNll: variance shape " + Shape.toString(var.shape())
                    + " does not broadcast to the mean's " + Shape.toString(mean.shape()));
        }
        if (var.detach().lt(0).any().item() != 0) {
            throw new IllegalArgumentException("gaussianNll: the variance has negative entries");
        }
        Tensor clamped = var.add(var.detach().clampMin(eps).sub(var.detach()));
        Tensor l = clamped.log().add(mean.sub(t).square().div(clamped)).mul(0.5);
        if (full) {
            l = l.add(0.5 * Math.log(2 * Math.PI));
        }
        return LossSupport.reduce("gaussianNll", l, weights, reduction);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        if (output.dim() < 1 || output.size(-1) != 2) {
            throw new IllegalArgumentException("gaussianNll: as a Loss the output must hold (mean, variance) in its last"
                    + " dimension of size 2, got shape " + Shape.toString(output.shape()));
        }
        Tensor mean = output.select(-1, 0);
        Tensor var = output.select(-1, 1);
        return apply(mean, target, var, weights);
    }
}
