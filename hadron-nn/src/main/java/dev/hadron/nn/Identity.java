package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** Returns its input unchanged, as {@code torch.nn.Identity}: a placeholder in configurable architectures. */
public final class Identity extends Module {
    /** The identity. */
    public Identity() {
    }

    @Override
    public Tensor forward(Tensor x) {
        return x;
    }
}
