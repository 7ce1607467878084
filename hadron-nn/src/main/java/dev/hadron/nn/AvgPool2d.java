package dev.hadron.nn;

import dev.hadron.tensor.Pool;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * 2-D average pooling over (N, C, H, W) or (C, H, W), as {@code torch.nn.AvgPool2d}: the mean of each window; the
 * stride defaults to the kernel size and zero padding counts in the divisor unless
 * {@code countIncludePad} is false.
 */
public final class AvgPool2d extends Module {
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;

    /** Windows of {@code kernel}, stride = kernel. */
    public AvgPool2d(int kernel) {
        this(kernel, kernel, 0, false, true);
    }

    /** Full control, as PyTorch's arguments; padding at most kernel / 2. */
    public AvgPool2d(int kernel, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        if (kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException("AvgPool2d: need kernel >= 1, stride >= 1 and 0 <= padding <= kernel / 2;"
                    + " got kernel " + kernel + ", stride " + stride + ", padding " + padding);
        }
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() != 2 + 1 && x.dim() != 2 + 2) {
            throw new IllegalArgumentException(this + ": expected input of shape (N, C, H, W) or (C, H, W), got "
                    + Shape.toString(x.shape()));
        }
        return Pool.avgPool(x, 2, kernel, stride, padding, ceilMode, countIncludePad);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding;
    }
}
