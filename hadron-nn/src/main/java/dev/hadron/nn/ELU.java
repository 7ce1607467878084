package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** Exponential linear unit x for x > 0, alpha (exp(x) - 1) otherwise, as {@code torch.nn.ELU} (alpha 1). */
public final class ELU extends Module {
    private final double alpha;

    /** alpha = 1. */
    public ELU() {
        this(1.0);
    }

    /** The given alpha. */
    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.elu(alpha);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + alpha;
    }
}
