package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** Softmax along a dimension, as {@code torch.nn.Softmax(dim)}. */
public final class Softmax extends Module {
    private final int dim;

    /** Softmax along {@code dim}. */
    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.softmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
