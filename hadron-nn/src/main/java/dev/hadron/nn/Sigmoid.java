package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** Logistic sigmoid 1 / (1 + exp(-x)), as {@code torch.nn.Sigmoid}. */
public final class Sigmoid extends Module {
    /** The activation. */
    public Sigmoid() {
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }
}
