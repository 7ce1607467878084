package dev.hadron.nn;

import dev.hadron.tensor.Fused;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

/**
 * A fully connected layer {@code y = x W^T + b}, as {@code torch.nn.Linear}: input (..., in), output
 * (..., out); parameters {@code weight} (out, in) and {@code bias} (out), initialized as PyTorch does
 * (U(-1/sqrt(in), 1/sqrt(in)) for both) from the given generator.
 *
 * <pre>{@code
 * Linear fc = new Linear(28, 64, new Generator(1));
 * Tensor y = fc.forward(Tensor.randn(gen, 32, 28));   // (32, 64)
 * }</pre>
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer with bias. */
    public Linear(int inFeatures, int outFeatures, Generator gen) {
        this(inFeatures, outFeatures, true, gen);
    }

    /** A layer with or without bias. */
    public Linear(int inFeatures, int outFeatures, boolean bias, Generator gen) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException("Linear: in and out features must be positive, got in=" + inFeatures
                    + ", out=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", Init.linearDefault(Tensor.zeros(outFeatures, inFeatures), gen));
        this.bias = bias ? registerParameter("bias", Init.linearBiasDefault(Tensor.zeros(outFeatures), inFeatures, gen))
                : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Functional.linear(x, weight.value(), bias == null ? null : bias.value(), this);
    }

    /** {@code act(forward(x))} in one fused pass ({@link Fused#linear}); Sequential uses it for Linear + activation. */
    Tensor forward(Tensor x, Fused.Activation act) {
        return Functional.linear(x, weight.value(), bias == null ? null : bias.value(), act, this);
    }

    /** The weight (out, in). */
    public Tensor weight() {
        return weight.value();
    }

    /** The bias (out), or null for a layer without bias. */
    public Tensor bias() {
        return bias == null ? null : bias.value();
    }

    /** Number of input features. */
    public int inFeatures() {
        return inFeatures;
    }

    /** Number of output features. */
    public int outFeatures() {
        return outFeatures;
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias != null);
    }
}
