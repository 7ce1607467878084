package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** Sigmoid-weighted linear unit x * sigmoid(x) (swish), as {@code torch.nn.SiLU}. */
public final class SiLU extends Module {
    /** The activation. */
    public SiLU() {
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.silu();
    }
}
