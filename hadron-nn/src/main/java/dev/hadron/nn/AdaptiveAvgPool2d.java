package dev.hadron.nn;

import dev.hadron.tensor.Pool;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Adaptive average pooling of images (N, C, H, W) to a fixed output size, as
 * {@code torch.nn.AdaptiveAvgPool2d}; {@code new AdaptiveAvgPool2d(1, 1)} is global average pooling.
 */
public final class AdaptiveAvgPool2d extends Module {
    private final int outH;
    private final int outW;

    /** Pools to (outH, outW). */
    public AdaptiveAvgPool2d(int outH, int outW) {
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("AdaptiveAvgPool2d: output size must be positive, got " + outH + " x " + outW);
        }
        this.outH = outH;
        this.outW = outW;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() != 3 && x.dim() != 4) {
            throw new IllegalArgumentException(this + ": expected input of shape (N, C, H, W) or (C, H, W), got "
                    + Shape.toString(x.shape()));
        }
        return Pool.adaptiveAvgPool2d(x, outH, outW);
    }

    @Override
    protected String extraRepr() {
        return "output_size=(" + outH + ", " + outW + ")";
    }
}
