package dev.hadron.nn;

import dev.hadron.tensor.Generator;

/**
 * A 3-D convolution over volumes (N, C_in, D, H, W), as {@code torch.nn.Conv3d}. Parameters: weight (C_out, C_in / groups, k...) and bias (C_out), initialized as PyTorch does
 * (U(-1/sqrt(fan_in), 1/sqrt(fan_in))). Stride, padding, dilation, groups and bias are set with
 * {@link ConvOptions}.
 */
public final class Conv3d extends ConvBase {
    /** Square kernel of size {@code kernel}, stride 1, no padding, with bias. */
    public Conv3d(int inChannels, int outChannels, int kernel, Generator gen) {
        this(inChannels, outChannels, kernel, gen, ConvOptions.defaults());
    }

    /** A layer with the given options. */
    public Conv3d(int inChannels, int outChannels, int kernel, Generator gen, ConvOptions options) {
        super(3, false, inChannels, outChannels, kernel, gen, options);
    }
}
