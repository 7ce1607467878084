package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Fused;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Stateless building blocks of the layers, as {@code torch.nn.functional}: each takes its weights as
 * arguments, so custom modules (and the JAX-style functional face) can use them directly. All are
 * composed of differentiable tensor operations.
 */
public final class Functional {
    private Functional() {
    }

    /** {@code x W^T + b} for x (..., in), weight (out, in), bias (out) or null. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return linear(x, weight, bias, null);
    }

    static Tensor linear(Tensor x, Tensor weight, Tensor bias, Object owner) {
        return linear(x, weight, bias, Fused.Activation.NONE, owner);
    }

    static Tensor linear(Tensor x, Tensor weight, Tensor bias, Fused.Activation act, Object owner) {
        int in = weight.size(1);
        if (x.dim() == 0 || x.size(-1) != in) {
            throw new IllegalArgumentException(describe(owner, "linear") + ": expected input with " + in
                    + " features in its last dimension, got shape " + Shape.toString(x.shape()));
        }
        checkDtype(owner, "linear", x, weight);
        return Fused.linear(x, weight, bias, act);
    }

    static String describe(Object owner, String op) {
        return owner == null ? op : owner.toString();
    }

    static void checkDtype(Object owner, String op, Tensor x, Tensor weight) {
        if (x.dtype() != weight.dtype()) {
            throw new IllegalArgumentException(describe(owner, op) + ": input dtype " + x.dtype() + " differs from the"
                    + " weights' " + weight.dtype() + "; convert the input with x.to(DType." + weight.dtype().name()
                    + ") or the model with model.to(DType." + x.dtype().name() + ")");
        }
    }

    /**
     * Inverted dropout: in training, each element is zeroed with probability {@code p} and the rest
     * scaled by 1 / (1 - p); otherwise (or with p = 0) the input itself.
     */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator gen) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout: probability must be in [0, 1], got " + p);
        }
        if (!training || p == 0) {
            return x;
        }
        if (p == 1) {
            return x.mul(0.0);
        }
        double keep = 1 - p;
        double scale = 1 / keep;
        int n = x.numel();
        Tensor mask;
        if (x.dtype() == DType.FLOAT64) {
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                m[i] = gen.nextDouble() < keep ? scale : 0;
            }
            mask = Tensor.wrap(m, x.shape());
        } else {
            float[] m = new float[n];
            float s = (float) scale;
            for (int i = 0; i < n; i++) {
                m[i] = gen.nextDouble() < keep ? s : 0f;
            }
            mask = Tensor.wrap(m, x.shape()).to(x.dtype());
        }
        return x.mul(mask);
    }

    /**
     * Layer normalization over the last {@code normalizedDims} dimensions with biased variance, then
     * {@code * weight + bias} (either may be null).
     */
    public static Tensor layerNorm(Tensor x, int normalizedDims, Tensor weight, Tensor bias, double eps) {
        if (normalizedDims < 1 || normalizedDims > x.dim()) {
            throw new IllegalArgumentException("layerNorm: cannot normalize the last " + normalizedDims
                    + " dimensions of an input of shape " + Shape.toString(x.shape()));
        }
        int[] normalized = java.util.Arrays.copyOfRange(x.shape(), x.dim() - normalizedDims, x.dim());
        return Fused.layerNorm(x, normalized, weight, bias, eps);
    }

    /**
     * Scaled dot-product attention {@code softmax(q k^T / sqrt(E) + mask) v}, as
     * {@code torch.nn.functional.scaled_dot_product_attention}: q (..., L, E), k (..., S, E), v (..., S, Ev).
     * A boolean {@code mask} (broadcast to (..., L, S)) marks with {@code true} the pairs that take part (as
     * PyTorch's function does); a floating mask is added to the scores. {@code causal} adds the mask
     * "query i sees keys j <= i". A query that may see no key at all gets zero weights (not NaN).
     *
     * @return the output (..., L, Ev)
     */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor mask, boolean causal) {
        return attention(q, k, v, mask, causal, 0, null).output();
    }

    /** Attention output (..., L, Ev) and the weights (..., L, S). */
    public record AttentionResult(Tensor output, Tensor weights) {
    }

    /**
     * Scaled dot-product attention with dropout on the weights ({@code dropoutP} > 0 needs {@code gen});
     * returns the output and the attention weights. Mask conventions as
     * {@link #scaledDotProductAttention}.
     */
    public static AttentionResult attention(Tensor q, Tensor k, Tensor v, Tensor mask, boolean causal, double dropoutP,
                                            Generator gen) {
        if (q.dim() < 2 || k.dim() < 2 || v.dim() < 2 || q.size(-1) != k.size(-1) || k.size(-2) != v.size(-2)) {
            throw new IllegalArgumentException("scaledDotProductAttention: expected q (..., L, E), k (..., S, E), v (..., S,"
                    + " Ev); got " + Shape.toString(q.shape()) + ", " + Shape.toString(k.shape()) + ", "
                    + Shape.toString(v.shape()));
        }
        int l = q.size(-2);
        int s = k.size(-2);
        Tensor scores = q.matmul(k.mT()).mul(1.0 / Math.sqrt(q.size(-1)));
        Tensor allowed = null;   // bool, true = may attend
        if (mask != null) {
            if (mask.dtype() == DType.BOOL) {
                allowed = mask;
            } else {
                scores = scores.add(mask.to(scores.dtype()));
            }
        }
        if (causal) {
            Tensor c = causalAllowed(l, s);
            allowed = allowed == null ? c : allowed.logicalAnd(c);
        }
        Tensor weights = maskedSoftmax(scores, allowed);
        if (dropoutP > 0) {
            weights = dropout(weights, dropoutP, true, gen);
        }
        return new AttentionResult(weights.matmul(v), weights);
    }

    /** Bool (L, S): true where key j <= query i. */
    static Tensor causalAllowed(int l, int s) {
        boolean[] m = new boolean[l * s];
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < s; j++) {
                m[i * s + j] = j <= i;
            }
        }
        return Tensor.of(m, l, s);
    }

    /**
     * Softmax over the last dimension where {@code allowed} (bool, broadcast) is true; disallowed entries
     * get weight 0. Rows with no allowed entry get all-zero weights and a zero gradient.
     */
    static Tensor maskedSoftmax(Tensor scores, Tensor allowed) {
        if (allowed == null) {
            return scores.softmax(-1);
        }
        int[] shape = Shape.broadcast("attention mask", scores.shape(), allowed.shape());
        Tensor ok = allowed.expand(shape);
        Tensor anyRow = ok.any(-1, true);
        // rows with nothing allowed are left unmasked for the softmax (finite gradients) and zeroed afterwards
        Tensor blocked = ok.logicalNot().logicalAnd(anyRow);
        Tensor p = scores.maskedFill(blocked, Double.NEGATIVE_INFINITY).softmax(-1);
        return Tensor.where(ok, p, 0.0);
    }
}
