package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** Hyperbolic tangent, as {@code torch.nn.Tanh}. */
public final class Tanh extends Module {
    /** The activation. */
    public Tanh() {
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }
}
