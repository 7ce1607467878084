package dev.hadron.nn;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * Layer normalization over the last dimensions (Ba et al., 2016), as {@code torch.nn.LayerNorm}:
 * {@code (x - mean) / sqrt(var + eps) * weight + bias} with the biased variance over the normalized
 * dimensions; {@code weight} starts at ones and {@code bias} at zeros.
 */
public final class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final Parameter weight;
    private final Parameter bias;

    /** Normalizes the last dimension of size {@code features}, eps 1e-5, with scale and shift. */
    public LayerNorm(int features) {
        this(new int[] {features}, 1e-5, true);
    }

    /**
     * Normalizes the trailing dimensions of the given shape.
     *
     * @param elementwiseAffine learnable per-element scale and shift
     */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape.length == 0) {
            throw new IllegalArgumentException("LayerNorm: the normalized shape must have at least one dimension");
        }
        for (int d : normalizedShape) {
            if (d <= 0) {
                throw new IllegalArgumentException("LayerNorm: invalid normalized shape " + Shape.toString(normalizedShape));
            }
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("LayerNorm: eps must be positive, got " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.weight = elementwiseAffine ? registerParameter("weight", Tensor.ones(normalizedShape)) : null;
        this.bias = elementwiseAffine ? registerParameter("bias", Tensor.zeros(normalizedShape)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        int k = normalizedShape.length;
        int[] s = x.shape();
        if (s.length < k || !Arrays.equals(Arrays.copyOfRange(s, s.length - k, s.length), normalizedShape)) {
            throw new IllegalArgumentException(this + ": expected input whose last dimensions are "
                    + Shape.toString(normalizedShape) + ", got " + Shape.toString(s));
        }
        if (weight != null) {
            Functional.checkDtype(this, "layerNorm", x, weight.value());
        }
        return Functional.layerNorm(x, k, weight == null ? null : weight.value(), bias == null ? null : bias.value(), eps);
    }

    /** The scale, or null. */
    public Tensor weight() {
        return weight == null ? null : weight.value();
    }

    /** The shift, or null. */
    public Tensor bias() {
        return bias == null ? null : bias.value();
    }

    @Override
    protected String extraRepr() {
        String shape = normalizedShape.length == 1 ? "(" + normalizedShape[0] + ",)" : Arrays.toString(normalizedShape);
        return shape + ", eps=" + eps + ", elementwise_affine=" + (weight != null);
    }
}
