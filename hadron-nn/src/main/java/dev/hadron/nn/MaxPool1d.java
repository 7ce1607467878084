package dev.hadron.nn;

import dev.hadron.tensor.Pool;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * 1-D max pooling over (N, C, L) or (C, L), as {@code torch.nn.MaxPool1d}: the maximum of each window of
 * {@code kernel} (per spatial dimension); the stride defaults to the kernel size.
 */
public final class MaxPool1d extends Module {
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final boolean ceilMode;

    /** Windows of {@code kernel}, stride = kernel. */
    public MaxPool1d(int kernel) {
        this(kernel, kernel, 0, 1, false);
    }

    /** Full control, as PyTorch's arguments; padding at most kernel / 2. */
    public MaxPool1d(int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        if (kernel < 1 || stride < 1 || padding < 0 || dilation < 1 || 2 * padding > kernel) {
            throw new IllegalArgumentException("MaxPool1d: need kernel >= 1, stride >= 1, dilation >= 1 and 0 <= padding"
                    + " <= kernel / 2; got kernel " + kernel + ", stride " + stride + ", padding " + padding + ", dilation "
                    + dilation);
        }
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.ceilMode = ceilMode;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() != 1 + 1 && x.dim() != 1 + 2) {
            throw new IllegalArgumentException(this + ": expected input of shape (N, C, L) or (C, L), got "
                    + Shape.toString(x.shape()));
        }
        return Pool.maxPool(x, 1, kernel, stride, padding, dilation, ceilMode).values();
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation
                + ", ceil_mode=" + ceilMode;
    }
}
