package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * Poisson negative log-likelihood for predicted rates, as {@code torch.nn.PoissonNLLLoss}: with
 * {@code logInput} the output is log(rate) and the loss {@code exp(x) - k x}; otherwise the output is the
 * rate and the loss {@code x - k log(x + eps)}. {@code full} adds Stirling's approximation of log(k!)
 * ({@code k log k - k + 0.5 log(2 pi k)} for k > 1).
 *
 * @param logInput whether the output is the log of the rate (PyTorch's default)
 * @param full add the Stirling term
 * @param eps guards log(0) when {@code logInput} is false (PyTorch's default 1e-8)
 * @param reduction how the element losses are combined
 */
public record PoissonNLLLoss(boolean logInput, boolean full, double eps, Reduction reduction) implements Loss {
    public PoissonNLLLoss {
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("PoissonNLLLoss: eps must be >= 0, got " + eps);
        }
        LossSupport.check(reduction);
    }

    /** PyTorch's defaults: log input, no Stirling term, eps 1e-8, mean reduction. */
    public PoissonNLLLoss() {
        this(true, false, 1e-8, Reduction.MEAN);
    }

    /** A copy with rate (false) or log-rate (true) input. */
    public PoissonNLLLoss withLogInput(boolean b) {
        return new PoissonNLLLoss(b, full, eps, reduction);
    }

    /** A copy with or without the Stirling term. */
    public PoissonNLLLoss withFull(boolean f) {
        return new PoissonNLLLoss(logInput, f, eps, reduction);
    }

    /** A copy with another reduction. */
    public PoissonNLLLoss withReduction(Reduction r) {
        return new PoissonNLLLoss(logInput, full, eps, r);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        Tensor k = LossSupport.sameShape("poissonNll", output, target);
        Tensor l = logInput ? output.exp().sub(k.mul(output)) : output.sub(k.mul(output.add(eps).log()));
        if (full) {
            Tensor big = k.gt(1);
            Tensor safeK = Tensor.where(big, k, 2.0);
            Tensor stirling = safeK.mul(safeK.log()).sub(safeK).add(safeK.mul(2 * Math.PI).log().mul(0.5));
            l = l.add(Tensor.where(big, stirling, 0.0));
        }
        return LossSupport.reduce("poissonNll", l, weights, reduction);
    }
}
