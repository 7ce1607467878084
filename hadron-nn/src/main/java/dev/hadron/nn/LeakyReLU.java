package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** max(0, x) + slope * min(0, x), as {@code torch.nn.LeakyReLU} (default slope 0.01). */
public final class LeakyReLU extends Module {
    private final double negativeSlope;

    /** Slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /** The given negative slope. */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.leakyRelu(negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + negativeSlope;
    }
}
