package dev.hadron.nn;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Binary cross-entropy on raw scores (logits), as {@code torch.nn.BCEWithLogitsLoss}, computed stably as
 * {@code (1 - y) x + (1 + (pw - 1) y) (log(1 + exp(-|x|)) + max(-x, 0))}. Works for one output per event
 * (n) or multi-label outputs (n, C) with targets in [0, 1] of the same shape; {@code posWeight} (C) or a
 * scalar multiplies the positive term per label, trading recall for precision.
 *
 * @param posWeight weight of positive examples per label, or null for 1
 * @param reduction how the element losses are combined
 */
public record BCEWithLogitsLoss(Tensor posWeight, Reduction reduction) implements Loss {
    public BCEWithLogitsLoss {
        LossSupport.check(reduction);
    }

    /** No positive weight, mean reduction. */
    public BCEWithLogitsLoss() {
        this(null, Reduction.MEAN);
    }

    /** A copy with a positive weight per label (shape (C) or a single value). */
    public BCEWithLogitsLoss withPosWeight(Tensor pw) {
        return new BCEWithLogitsLoss(pw, reduction);
    }

    /** A copy with another reduction. */
    public BCEWithLogitsLoss withReduction(Reduction r) {
        return new BCEWithLogitsLoss(posWeight, r);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        Tensor y = LossSupport.sameShape("bceWithLogits", output, target);
        Tensor x = output;
        Tensor softplusNeg = x.abs().neg().exp().log1p().add(x.neg().clampMin(0));
        Tensor l;
        if (posWeight == null) {
            l = y.neg().add(1).mul(x).add(softplusNeg);
        } else {
            if (posWeight.numel() != 1 && (x.dim() == 0 || posWeight.dim() != 1 || posWeight.size(0) != x.size(-1))) {
                throw new IllegalArgumentException("bceWithLogits: posWeight of shape " + Shape.toString(posWeight.shape())
                        + " does not match the " + (x.dim() == 0 ? 1 : x.size(-1)) + " labels of output shape "
                        + Shape.toString(x.shape()));
            }
            Tensor pw = posWeight.to(x.dtype());
            Tensor lw = y.mul(pw.sub(1)).add(1);
            l = y.neg().add(1).mul(x).add(lw.mul(softplusNeg));
        }
        return LossSupport.reduce("bceWithLogits", l, weights, reduction);
    }
}
