package dev.hadron.tensor;

import dev.hadron.internal.kernel.FusedKernels;
import dev.hadron.internal.ops.FusedOps;

import java.util.Arrays;

/**
 * Fused operations for the hot paths of neural networks. Each computes exactly what its composite
 * of ordinary tensor operations computes (the tests compare them, values and gradients), in one
 * pass and without the composite's intermediate tensors, and is differentiable to any order in
 * reverse and forward mode: a first-order backward runs fused kernels, higher orders reuse the
 * composite's rule.
 *
 * <ul>
 *   <li>{@link #linear} — {@code act(x @ w^T + b)}, PyTorch's {@code F.linear} with the activation
 *       folded in (ReLU, tanh, sigmoid);</li>
 *   <li>{@link #crossEntropy} — cross-entropy from logits per event, with label smoothing and an
 *       ignored label, as {@code F.cross_entropy(..., reduction="none")};</li>
 *   <li>{@link #layerNorm} — {@code F.layer_norm} over the last dimensions;</li>
 *   <li>{@link #attention} — scaled dot-product attention, {@code F.scaled_dot_product_attention}.</li>
 * </ul>
 *
 * <pre>{@code
 * Tensor h = Fused.linear(x, w1, b1, Fused.Activation.RELU);        // (batch, 64)
 * Tensor logits = Fused.linear(h, w2, b2, Fused.Activation.NONE);   // (batch, 5)
 * Tensor loss = Fused.crossEntropy(logits, labels).mean();
 * loss.backward();
 * }</pre>
 */
public final class Fused {
    private Fused() {
    }

    /** Activations {@link #linear} can fuse: those whose derivative follows from their output. */
    public enum Activation {
        /** None: a plain affine map. */
        NONE(FusedKernels.Act.NONE),
        /** {@code max(0, x)}. */
        RELU(FusedKernels.Act.RELU),
        /** {@code tanh(x)}. */
        TANH(FusedKernels.Act.TANH),
        /** {@code 1 / (1 + exp(-x))}. */
        SIGMOID(FusedKernels.Act.SIGMOID);

        private final FusedKernels.Act act;

        Activation(FusedKernels.Act act) {
            this.act = act;
        }
    }

    /** {@code x @ w^T + b}: see {@link #linear(Tensor, Tensor, Tensor, Activation)}. */
    public static Tensor linear(Tensor x, Tensor w, Tensor b) {
        return linear(x, w, b, Activation.NONE);
    }

    /**
     * {@code act(x @ w^T + b)} for {@code x: (..., in)}, {@code w: (out, in)} and {@code b: (out)} or
     * null; the result has shape {@code (..., out)}. The bias seeds the product's output and the
     * activation runs in place, so the layer makes one tensor instead of three.
     *
     * @throws IllegalArgumentException naming the shapes when they do not fit, or the dtypes when they
     *                                  differ or are not floating
     */
    public static Tensor linear(Tensor x, Tensor w, Tensor b, Activation act) {
        if (w.dim() != 2) {
            throw new IllegalArgumentException("linear: weight must be (out, in), got shape " + Shape.toString(w.shape()));
        }
        int out = w.shape()[0];
        int in = w.shape()[1];
        if (x.dim() < 1 || x.shape()[x.dim() - 1] != in) {
            throw new IllegalArgumentException("linear: input shape " + Shape.toString(x.shape()) + " does not end in "
                    + in + ", the weight's in-features (weight " + Shape.toString(w.shape()) + ")");
        }
        if (b != null && (b.dim() != 1 || b.shape()[0] != out)) {
            throw new IllegalArgumentException("linear: bias must have shape [" + out + "], got "
                    + Shape.toString(b.shape()));
        }
        checkFloating("linear", x, w, b);
        int[] lead = Arrays.copyOf(x.shape(), x.dim() - 1);
        Tensor x2 = x.dim() == 2 ? x : x.reshape(Shape.numel(lead), in);
        Tensor y = FusedOps.linear(x2, w, b, act.act);
        if (x.dim() == 2) {
            return y;
        }
        int[] outShape = Arrays.copyOf(lead, lead.length + 1);
        outShape[lead.length] = out;
        return y.reshape(outShape);
    }

    /** Per-event cross-entropy from logits, no smoothing, no ignored label: see the full overload. */
    public static Tensor crossEntropy(Tensor logits, Tensor labels) {
        return crossEntropy(logits, labels, 0.0, -100);
    }

    /**
     * Per-event cross-entropy {@code logsumexp(x) - sum_j q_j x_j} of {@code logits: (n, c)} against
     * integer {@code labels: (n)}, where {@code q} is the one-hot label smoothed as
     * {@code (1 - labelSmoothing) * onehot + labelSmoothing / c}; events labelled {@code ignoreIndex}
     * give 0 (PyTorch's default ignore index is -100). Returns shape {@code (n)}: weight and reduce it
     * as you need ({@code .mean()} is PyTorch's default reduction when nothing is ignored).
     *
     * @throws IllegalArgumentException for a label outside {@code [0, c)} (naming the event), bad shapes,
     *                                  non-integer labels or a smoothing outside [0, 1]
     */
    public static Tensor crossEntropy(Tensor logits, Tensor labels, double labelSmoothing, long ignoreIndex) {
        if (logits.dim() != 2) {
            throw new IllegalArgumentException("crossEntropy: logits must be (events, classes), got shape "
                    + Shape.toString(logits.shape()));
        }
        if (labels.dim() != 1 || labels.shape()[0] != logits.shape()[0]) {
            throw new IllegalArgumentException("crossEntropy: labels must have shape [" + logits.shape()[0]
                    + "] to match logits " + Shape.toString(logits.shape()) + ", got " + Shape.toString(labels.shape()));
        }
        if (labels.dtype() != DType.INT64 && labels.dtype() != DType.INT32) {
            throw new IllegalArgumentException("crossEntropy: labels must be integer class indices (int64 or int32), got "
                    + labels.dtype());
        }
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("crossEntropy: label smoothing must be in [0, 1], got " + labelSmoothing);
        }
        if (logits.shape()[1] == 0) {
            throw new IllegalArgumentException("crossEntropy: logits have zero classes");
        }
        checkFloating("crossEntropy", logits, null, null);
        return FusedOps.crossEntropy(logits, labels.to(DType.INT64), labelSmoothing, ignoreIndex);
    }

    /**
     * Layer normalization over the last {@code normalizedShape.length} dimensions of {@code x}:
     * {@code (x - mean) / sqrt(var + eps) * weight + bias} with the biased variance, as
     * {@code F.layer_norm}. {@code weight} and {@code bias} have
     * shape {@code normalizedShape} or are null.
     */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int k = normalizedShape.length;
        int r = x.dim();
        if (k == 0 || k > r || !Arrays.equals(Arrays.copyOfRange(x.shape(), r - k, r), normalizedShape)) {
            throw new IllegalArgumentException("layerNorm: input shape " + Shape.toString(x.shape())
                    + " does not end in the normalized shape " + Shape.toString(normalizedShape));
        }
        for (Tensor p : new Tensor[] {weight, bias}) {
            if (p != null && !Arrays.equals(p.shape(), normalizedShape)) {
                throw new IllegalArgumentException("layerNorm: weight and bias must have the normalized shape "
                        + Shape.toString(normalizedShape) + ", got " + Shape.toString(p.shape()));
            }
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("layerNorm: eps must be >= 0, got " + eps);
        }
        checkFloating("layerNorm", x, weight, bias);
        int d = Shape.numel(normalizedShape);
        int rows = d == 0 ? 0 : x.numel() / d;
        Tensor y = FusedOps.layerNorm(x.reshape(rows, d), weight == null ? null : weight.reshape(d),
                bias == null ? null : bias.reshape(d), eps);
        return y.reshape(x.shape());
    }

    /** Scaled dot-product attention with scale {@code 1/sqrt(d)} and no mask. */
    public static Tensor attention(Tensor q, Tensor k, Tensor v) {
        return attention(q, k, v, null, 1.0 / Math.sqrt(q.shape()[q.dim() - 1]));
    }

    /**
     * {@code softmax(q k^T * scale + mask) v} for {@code q: (..., lq, d)}, {@code k: (..., lk, d)},
     * {@code v: (..., lk, dv)}; batch dimensions broadcast. The mask broadcasts to {@code (..., lq, lk)}:
     * a float mask is added to the scores (use {@code -inf} to forbid, or learned biases such as a
     * particle-pair interaction, which receive gradients); a bool mask is {@code true} where a query
     * may attend, as in {@code F.scaled_dot_product_attention}. A query that may attend to nothing
     * gets an output of zeros (PyTorch gives NaN).
     */
    public static Tensor attention(Tensor q, Tensor k, Tensor v, Tensor mask, double scale) {
        if (q.dim() < 2 || k.dim() < 2 || v.dim() < 2) {
            throw new IllegalArgumentException("attention: q, k and v need rank >= 2, got " + Shape.toString(q.shape())
                    + ", " + Shape.toString(k.shape()) + ", " + Shape.toString(v.shape()));
        }
        int d = q.shape()[q.dim() - 1];
        int lk = k.shape()[k.dim() - 2];
        if (k.shape()[k.dim() - 1] != d || v.shape()[v.dim() - 2] != lk) {
            throw new IllegalArgumentException("attention: shapes do not fit: q " + Shape.toString(q.shape()) + ", k "
                    + Shape.toString(k.shape()) + ", v " + Shape.toString(v.shape())
                    + " (need q (..., lq, d), k (..., lk, d), v (..., lk, dv))");
        }
        checkFloating("attention", q, k, v);
        int[] batch = Shape.broadcast("attention", Shape.broadcast("attention", batchOf(q), batchOf(k)), batchOf(v));
        Tensor qb = q.expand(withTail(batch, q.shape()[q.dim() - 2], d));
        Tensor kb = k.expand(withTail(batch, lk, d));
        Tensor vb = v.expand(withTail(batch, lk, v.shape()[v.dim() - 1]));
        Tensor m = null;
        int[] scores = withTail(batch, q.shape()[q.dim() - 2], lk);
        if (mask != null) {
            if (mask.dtype() == DType.BOOL) {
                m = Tensor.where(mask, Tensor.zeros(q.dtype(), 1), Double.NEGATIVE_INFINITY);
            } else if (mask.dtype() == q.dtype()) {
                m = mask;
            } else {
                throw new IllegalArgumentException("attention: mask must be bool or " + q.dtype() + " like q, got "
                        + mask.dtype());
            }
            try {
                m = m.expand(scores);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("attention: mask of shape " + Shape.toString(mask.shape())
                        + " does not broadcast to the scores' shape " + Shape.toString(scores), e);
            }
        }
        return FusedOps.attention(qb, kb, vb, m, scale);
    }

    private static int[] batchOf(Tensor t) {
        return Arrays.copyOf(t.shape(), t.dim() - 2);
    }

    private static int[] withTail(int[] batch, int a, int b) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = a;
        s[batch.length + 1] = b;
        return s;
    }

    private static void checkFloating(String op, Tensor a, Tensor b, Tensor c) {
        DType dt = a.dtype();
        if (dt != DType.FLOAT32 && dt != DType.FLOAT64) {
            throw new IllegalArgumentException(op + ": expected float32 or float64 tensors, got " + dt);
        }
        for (Tensor t : new Tensor[] {b, c}) {
            if (t != null && t.dtype() != dt) {
                throw new IllegalArgumentException(op + ": all tensors must have the same dtype, got " + dt + " and "
                        + t.dtype());
            }
        }
    }
}
