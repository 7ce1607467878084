package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * Flattens dimensions {@code startDim..endDim} into one, as {@code torch.nn.Flatten}; by default all but
 * the batch dimension: (N, C, H, W) becomes (N, C * H * W).
 */
public final class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** Flattens all dimensions after the first. */
    public Flatten() {
        this(1, -1);
    }

    /** Flattens dimensions {@code startDim} to {@code endDim} (inclusive; negative counts from the end). */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
