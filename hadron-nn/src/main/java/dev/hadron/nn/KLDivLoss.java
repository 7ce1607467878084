package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * Kullback-Leibler divergence KL(target || model), as {@code torch.nn.KLDivLoss}: the output holds
 * log-probabilities log q (n, ...), the target probabilities p (or log p with {@code logTarget}).
 * Pointwise {@code p (log p - log q)}, with 0 where p = 0. The per-event divergence is the sum over all
 * but the first dimension; {@link Reduction#MEAN} averages it over events (PyTorch's
 * {@code reduction="batchmean"}, the true KL), {@link Reduction#SUM} sums, {@link Reduction#NONE}
 * returns the per-event divergences (n).
 *
 * @param logTarget whether the target is given as log-probabilities
 * @param reduction how the per-event divergences are combined
 */
public record KLDivLoss(boolean logTarget, Reduction reduction) implements Loss {
    public KLDivLoss {
        LossSupport.check(reduction);
    }

    /** Probability targets, mean over events. */
    public KLDivLoss() {
        this(false, Reduction.MEAN);
    }

    /** A copy with log-probability targets (or not). */
    public KLDivLoss withLogTarget(boolean b) {
        return new KLDivLoss(b, reduction);
    }

    /** A copy with another reduction. */
    public KLDivLoss withReduction(Reduction r) {
        return new KLDivLoss(logTarget, r);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        Tensor t = LossSupport.sameShape("klDiv", output, target);
        Tensor pointwise;
        if (logTarget) {
            pointwise = t.exp().mul(t.sub(output));
        } else {
            Tensor positive = t.gt(0);
            Tensor safeT = Tensor.where(positive, t, 1.0);
            pointwise = Tensor.where(positive, t.mul(safeT.log().sub(output)), 0.0);
        }
        Tensor perEvent = output.dim() <= 1 ? pointwise : pointwise.flatten(1, -1).sum(1);
        return LossSupport.reduce("klDiv", perEvent, weights, reduction);
    }
}
