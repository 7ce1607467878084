package dev.hadron.nn;

import dev.hadron.tensor.Conv;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/** The shared part of Conv1d/2d/3d and ConvTranspose1d/2d: weights, PyTorch's initialization and checks. */
abstract class ConvBase extends Module {
    final int dims;
    final int inChannels;
    final int outChannels;
    final int kernel;
    final ConvOptions options;
    final boolean transposed;
    final Parameter weight;
    final Parameter bias;

    ConvBase(int dims, boolean transposed, int in, int out, int kernel, Generator gen, ConvOptions options) {
        String name = getClass().getSimpleName();
        if (in <= 0 || out <= 0 || kernel <= 0) {
            throw new IllegalArgumentException(name + ": channels and kernel size must be positive, got in=" + in
                    + ", out=" + out + ", kernel=" + kernel);
        }
        if (in % options.groups() != 0 || out % options.groups() != 0) {
            throw new IllegalArgumentException(name + ": groups = " + options.groups() + " must divide in channels ("
                    + in + ") and out channels (" + out + ")");
        }
        if (!transposed && options.outputPadding() != 0) {
            throw new IllegalArgumentException(name + ": outputPadding applies to transposed convolutions only");
        }
        this.dims = dims;
        this.transposed = transposed;
        this.inChannels = in;
        this.outChannels = out;
        this.kernel = kernel;
        this.options = options;
        int[] shape = new int[dims + 2];
        Arrays.fill(shape, kernel);
        shape[0] = transposed ? in : out;
        shape[1] = (transposed ? out : in) / options.groups();
        Tensor w = Init.linearDefault(Tensor.zeros(shape), gen);
        this.weight = registerParameter("weight", w);
        int fanIn = Init.fanIn(w);
        this.bias = options.bias()
                ? registerParameter("bias", Init.linearBiasDefault(Tensor.zeros(out), fanIn, gen)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        if ((x.dim() != dims + 2 && x.dim() != dims + 1) || x.size(x.dim() - dims - 1) != inChannels) {
            throw new IllegalArgumentException(this + ": expected input of shape (N, " + inChannels + ", "
                    + spatialNames() + "), got " + Shape.toString(x.shape()));
        }
        Functional.checkDtype(this, "conv", x, weight.value());
        int[] s = fill(options.stride());
        int[] p = fill(options.padding());
        int[] d = fill(options.dilation());
        Tensor b = bias == null ? null : bias.value();
        if (transposed) {
            return Conv.convTranspose(x, weight.value(), b, s, p, fill(options.outputPadding()), options.groups(), d);
        }
        return Conv.conv(x, weight.value(), b, s, p, d, options.groups());
    }

    private String spatialNames() {
        return switch (dims) {
            case 1 -> "L";
            case 2 -> "H, W";
            default -> "D, H, W";
        };
    }

    private int[] fill(int v) {
        int[] r = new int[dims];
        Arrays.fill(r, v);
        return r;
    }

    /** The weight: (out, in / groups, k...) or, transposed, (in, out / groups, k...). */
    public Tensor weight() {
        return weight.value();
    }

    /** The bias (out), or null. */
    public Tensor bias() {
        return bias == null ? null : bias.value();
    }

    @Override
    protected String extraRepr() {
        StringBuilder sb = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(kernel).append(", stride=").append(options.stride());
        if (options.padding() != 0) {
            sb.append(", padding=").append(options.padding());
        }
        if (options.outputPadding() != 0) {
            sb.append(", output_padding=").append(options.outputPadding());
        }
        if (options.dilation() != 1) {
            sb.append(", dilation=").append(options.dilation());
        }
        if (options.groups() != 1) {
            sb.append(", groups=").append(options.groups());
        }
        if (!options.bias()) {
            sb.append(", bias=false");
        }
        return sb.toString();
    }
}
