package dev.hadron.nn;

import dev.hadron.tensor.Pool;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Adaptive average pooling of (N, C, L) to a fixed output length, as {@code torch.nn.AdaptiveAvgPool1d}:
 * output cell i averages the inputs [floor(i L / out), ceil((i + 1) L / out)).
 */
public final class AdaptiveAvgPool1d extends Module {
    private final int outputSize;

    /** Pools to {@code outputSize} positions. */
    public AdaptiveAvgPool1d(int outputSize) {
        if (outputSize < 1) {
            throw new IllegalArgumentException("AdaptiveAvgPool1d: output size must be positive, got " + outputSize);
        }
        this.outputSize = outputSize;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException(this + ": expected input of shape (N, C, L) or (C, L), got "
                    + Shape.toString(x.shape()));
        }
        return Pool.adaptiveAvgPool1d(x, outputSize);
    }

    @Override
    protected String extraRepr() {
        return "output_size=" + outputSize;
    }
}
