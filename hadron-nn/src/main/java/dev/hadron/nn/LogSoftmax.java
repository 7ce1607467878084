package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** Log-softmax along a dimension, as {@code torch.nn.LogSoftmax(dim)}. */
public final class LogSoftmax extends Module {
    private final int dim;

    /** Log-softmax along {@code dim}. */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.logSoftmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
