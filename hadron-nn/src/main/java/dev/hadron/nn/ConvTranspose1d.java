package dev.hadron.nn;

import dev.hadron.tensor.Generator;

/**
 * A 1-D transposed convolution (the gradient of a convolution, used to upsample) over (N, C_in, L), as {@code torch.nn.ConvTranspose1d}; output length (L - 1) stride - 2 padding + dilation (k - 1) + outputPadding + 1. Parameters: weight (C_in, C_out / groups, k...) and bias (C_out), initialized as PyTorch does
 * (U(-1/sqrt(fan_in), 1/sqrt(fan_in))). Stride, padding, dilation, groups and bias are set with
 * {@link ConvOptions}.
 */
public final class ConvTranspose1d extends ConvBase {
    /** Square kernel of size {@code kernel}, stride 1, no padding, with bias. */
    public ConvTranspose1d(int inChannels, int outChannels, int kernel, Generator gen) {
        this(inChannels, outChannels, kernel, gen, ConvOptions.defaults());
    }

    /** A layer with the given options. */
    public ConvTranspose1d(int inChannels, int outChannels, int kernel, Generator gen, ConvOptions options) {
        super(1, true, inChannels, outChannels, kernel, gen, options);
    }
}
