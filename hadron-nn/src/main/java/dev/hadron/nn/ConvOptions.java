package dev.hadron.nn;

/**
 * Settings of the convolution layers besides channels and kernel size, with PyTorch's defaults
 * (stride 1, no padding, dilation 1, one group, with bias); the same value applies to every spatial
 * dimension. {@code outputPadding} is for the transposed convolutions only.
 *
 * <pre>{@code
 * new Conv2d(16, 32, 3, gen, ConvOptions.defaults().withPadding(1).withStride(2));
 * }</pre>
 *
 * @param stride step of the kernel, >= 1
 * @param padding zeros added on both sides, >= 0
 * @param dilation spacing of the kernel elements, >= 1
 * @param groups channel groups; must divide both channel counts
 * @param bias whether the layer has a bias
 * @param outputPadding extra size added to one side of a transposed convolution's output
 */
public record ConvOptions(int stride, int padding, int dilation, int groups, boolean bias, int outputPadding) {
    public ConvOptions {
        if (stride < 1 || padding < 0 || dilation < 1 || groups < 1 || outputPadding < 0) {
            throw new IllegalArgumentException("ConvOptions: need stride >= 1, padding >= 0, dilation >= 1, groups >= 1"
                    + " and outputPadding >= 0; got stride " + stride + ", padding " + padding + ", dilation " + dilation
                    + ", groups " + groups + ", outputPadding " + outputPadding);
        }
    }

    /** PyTorch's defaults. */
    public static ConvOptions defaults() {
        return new ConvOptions(1, 0, 1, 1, true, 0);
    }

    public ConvOptions withStride(int s) {
        return new ConvOptions(s, padding, dilation, groups, bias, outputPadding);
    }

    public ConvOptions withPadding(int p) {
        return new ConvOptions(stride, p, dilation, groups, bias, outputPadding);
    }

    public ConvOptions withDilation(int d) {
        return new ConvOptions(stride, padding, d, groups, bias, outputPadding);
    }

    public ConvOptions withGroups(int g) {
        return new ConvOptions(stride, padding, dilation, g, bias, outputPadding);
    }

    public ConvOptions withBias(boolean b) {
        return new ConvOptions(stride, padding, dilation, groups, b, outputPadding);
    }

    public ConvOptions withOutputPadding(int p) {
        return new ConvOptions(stride, padding, dilation, groups, bias, p);
    }
}
