package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** Rectified linear unit max(0, x), as {@code torch.nn.ReLU}. */
public final class ReLU extends Module {
    /** The activation. */
    public ReLU() {
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }
}
