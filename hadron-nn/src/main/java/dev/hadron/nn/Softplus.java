package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** log(1 + exp(beta x)) / beta, linear above the threshold, as {@code torch.nn.Softplus} (beta 1, threshold 20). */
public final class Softplus extends Module {
    private final double beta;
    private final double threshold;

    /** beta = 1, threshold = 20. */
    public Softplus() {
        this(1.0, 20.0);
    }

    /** The given beta and threshold. */
    public Softplus(double beta, double threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.softplus(beta, threshold);
    }

    @Override
    protected String extraRepr() {
        return "beta=" + beta + ", threshold=" + threshold;
    }
}
