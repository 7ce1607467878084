package dev.hadron.nn;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/** Checks and reductions shared by the losses. */
final class LossSupport {
    private LossSupport() {
    }

    /** The target converted to the output's dtype, after checking that the shapes are equal. */
    static Tensor sameShape(String loss, Tensor output, Tensor target) {
        if (!Arrays.equals(output.shape(), target.shape())) {
            String hint = output.dim() == target.dim() + 1 && output.size(-1) == 1
                    ? "; squeeze the output (output.squeeze(-1)) or unsqueeze the target (target.unsqueeze(-1))" : "";
            throw new IllegalArgumentException(loss + ": output shape " + Shape.toString(output.shape())
                    + " and target shape " + Shape.toString(target.shape()) + " differ" + hint);
        }
        if (!output.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(loss + ": the output must be floating point, got " + output.dtype());
        }
        return target.dtype() == output.dtype() ? target : target.to(output.dtype());
    }

    /** Checks per-event weights (n) against n events; returns them in {@code like}'s dtype, or null. */
    static Tensor weights(String loss, Tensor weights, int n, Tensor like) {
        if (weights == null) {
            return null;
        }
        if (weights.dim() != 1 || weights.size(0) != n) {
            throw new IllegalArgumentException(loss + ": per-event weights must have shape [" + n + "], got "
                    + Shape.toString(weights.shape()));
        }
        double[] w = weights.detach().toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                throw new IllegalArgumentException(loss + ": weight of event " + i + " is " + w[i]
                        + "; weights must be finite (negative weights are allowed)");
            }
        }
        return weights.dtype() == like.dtype() ? weights : weights.to(like.dtype());
    }

    /** Per-event weights reshaped to broadcast against element losses of shape (n, ...). */
    static Tensor broadcastWeights(Tensor w, Tensor elements) {
        if (elements.dim() <= 1) {
            return w;
        }
        int[] s = new int[elements.dim()];
        Arrays.fill(s, 1);
        s[0] = w.size(0);
        return w.reshape(s);
    }

    /** Applies weights and the reduction to element losses of shape (n, ...). */
    static Tensor reduce(String loss, Tensor elements, Tensor weights, Reduction reduction) {
        Tensor l = elements;
        if (weights != null) {
            int n = elements.dim() == 0 ? 1 : elements.size(0);
            Tensor w = weights(loss, weights, n, elements);
            l = l.mul(broadcastWeights(w, l));
        }
        return switch (reduction) {
            case MEAN -> l.mean();
            case SUM -> l.sum();
            case NONE -> l;
        };
    }

    static Reduction check(Reduction r) {
        if (r == null) {
            throw new IllegalArgumentException("loss: reduction must not be null (MEAN, SUM or NONE)");
        }
        return r;
    }
}
