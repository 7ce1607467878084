package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities, as {@code torch.nn.BCELoss}:
 * {@code -(y log p + (1 - y) log(1 - p))} with the logarithms clamped at -100 as PyTorch does.
 * Probabilities outside [0, 1] are an error. Prefer {@link BCEWithLogitsLoss}, which is numerically
 * stable.
 *
 * @param reduction how the element losses are combined
 */
public record BCELoss(Reduction reduction) implements Loss {
    public BCELoss {
        LossSupport.check(reduction);
    }

    /** Mean reduction. */
    public BCELoss() {
        this(Reduction.MEAN);
    }

    /** A copy with another reduction. */
    public BCELoss withReduction(Reduction r) {
        return new BCELoss(r);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        Tensor y = LossSupport.sameShape("bce", output, target);
        double[] p = output.detach().toDoubleArray();
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("bce: the output must hold probabilities in [0, 1]; element " + i
                        + " is " + p[i] + " (use BCEWithLogitsLoss on raw scores)");
            }
        }
        Tensor logP = output.log().clampMin(-100);
        Tensor log1mP = output.neg().log1p().clampMin(-100);
        Tensor l = y.mul(logP).add(y.neg().add(1).mul(log1mP)).neg();
        return LossSupport.reduce("bce", l, weights, reduction);
    }
}
