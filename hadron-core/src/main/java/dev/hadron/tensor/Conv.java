package dev.hadron.tensor;

import dev.hadron.internal.kernel.Spatial;
import dev.hadron.internal.ops.SpatialOps;

import java.util.Arrays;

/**
 * Convolutions over 1, 2 or 3 spatial dimensions, as {@code torch.nn.functional.conv*}: inputs
 * (N, C_in, *spatial) (an unbatched (C_in, *spatial) is accepted too), weights
 * (C_out, C_in / groups, *kernel), optional bias (C_out). Stride, padding and dilation are given per
 * spatial dimension or as one number for all. Computed as unfold (im2col) and a batched matrix
 * product, so everything is differentiable to any order.
 */
public final class Conv {
    private Conv() {
    }

    static int[] repeat(int value, int n) {
        int[] r = new int[n];
        Arrays.fill(r, value);
        return r;
    }

    static int[] spatial(Tensor x, int n) {
        int[] s = x.shape();
        return Arrays.copyOfRange(s, s.length - n, s.length);
    }

    /** 1-D convolution with unit stride, no padding. */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias) {
        return conv(x, weight, bias, 1, 1, 0, 1, 1);
    }

    /** 1-D convolution. */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return conv(x, weight, bias, 1, stride, padding, dilation, groups);
    }

    /** 2-D convolution with unit stride, no padding. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) {
        return conv(x, weight, bias, 2, 1, 0, 1, 1);
    }

    /** 2-D convolution with the same stride, padding and dilation in both dimensions. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return conv(x, weight, bias, 2, stride, padding, dilation, groups);
    }

    /** 3-D convolution with unit stride, no padding. */
    public static Tensor conv3d(Tensor x, Tensor weight, Tensor bias) {
        return conv(x, weight, bias, 3, 1, 0, 1, 1);
    }

    /** 3-D convolution. */
    public static Tensor conv3d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return conv(x, weight, bias, 3, stride, padding, dilation, groups);
    }

    private static Tensor conv(Tensor x, Tensor w, Tensor b, int dims, int stride, int padding, int dilation, int groups) {
        return conv(x, w, b, repeat(stride, dims), repeat(padding, dims), repeat(dilation, dims), groups);
    }

    /**
     * N-dimensional convolution (N = weight rank - 2) with per-dimension stride, padding and dilation.
     */
    public static Tensor conv(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        int dims = weight.dim() - 2;
        String op = "conv" + dims + "d";
        if (dims < 1 || dims > 3) {
            throw new IllegalArgumentException("conv: weight must have 3 to 5 dimensions (C_out, C_in/groups, *kernel), got "
                    + Shape.toString(weight.shape()));
        }
        boolean unbatched = x.dim() == dims + 1;
        Tensor in = unbatched ? x.unsqueeze(0) : x;
        if (in.dim() != dims + 2) {
            throw new IllegalArgumentException(op + ": expected input of shape (N, C_in, " + dims + " spatial dims), got "
                    + Shape.toString(x.shape()));
        }
        int n = in.size(0);
        int cin = in.size(1);
        int cout = weight.size(0);
        if (groups <= 0 || cin % groups != 0 || cout % groups != 0) {
            throw new IllegalArgumentException(op + ": groups = " + groups + " must divide both input channels (" + cin
                    + ") and output channels (" + cout + ")");
        }
        if (weight.size(1) * groups != cin) {
            throw new IllegalArgumentException(op + ": weight of shape " + Shape.toString(weight.shape()) + " expects "
                    + weight.size(1) * groups + " input channels but the input of shape " + Shape.toString(x.shape())
                    + " has " + cin);
        }
        if (in.dtype() != weight.dtype()) {
            throw new IllegalArgumentException(op + ": input dtype " + in.dtype() + " and weight dtype " + weight.dtype()
                    + " differ");
        }
        int[] k = spatial(weight, dims);
        Spatial.Window win = Spatial.Window.of(op, spatial(in, dims), k, stride, padding, dilation, false);
        int kk = win.kernelSize();
        int l = win.outSize();
        Tensor cols = SpatialOps.unfold(in, win).reshape(n, groups, cin / groups * kk, l);
        Tensor wm = weight.reshape(groups, cout / groups, cin / groups * kk);
        Tensor out = wm.matmul(cols);
        int[] outShape = new int[dims + 2];
        outShape[0] = n;
        outShape[1] = cout;
        System.arraycopy(win.out(), 0, outShape, 2, dims);
        out = out.reshape(outShape);
        if (bias != null) {
            checkBias(op, bias, cout);
            int[] bs = repeat(1, dims + 2);
            bs[1] = cout;
            out = out.add(bias.reshape(bs));
        }
        return unbatched ? out.squeeze(0) : out;
    }

    static void checkBias(String op, Tensor bias, int channels) {
        if (bias.dim() != 1 || bias.size(0) != channels) {
            throw new IllegalArgumentException(op + ": bias must have shape [" + channels + "], got "
                    + Shape.toString(bias.shape()));
        }
    }

    /** 1-D transposed convolution. */
    public static Tensor convTranspose1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int outputPadding,
                                         int groups, int dilation) {
        return convTranspose(x, weight, bias, repeat(stride, 1), repeat(padding, 1), repeat(outputPadding, 1), groups,
                repeat(dilation, 1));
    }

    /** 2-D transposed convolution. */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int outputPadding,
                                         int groups, int dilation) {
        return convTranspose(x, weight, bias, repeat(stride, 2), repeat(padding, 2), repeat(outputPadding, 2), groups,
                repeat(dilation, 2));
    }

    /**
     * N-dimensional transposed convolution (the adjoint of {@link #conv}); weight (C_in, C_out / groups, *kernel);
     * output size (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1.
     */
    public static Tensor convTranspose(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                       int[] outputPadding, int groups, int[] dilation) {
        int dims = weight.dim() - 2;
        String op = "convTranspose" + dims + "d";
        if (dims < 1 || dims > 3) {
            throw new IllegalArgumentException("convTranspose: weight must have 3 to 5 dimensions, got "
                    + Shape.toString(weight.shape()));
        }
        boolean unbatched = x.dim() == dims + 1;
        Tensor in = unbatched ? x.unsqueeze(0) : x;
        int n = in.size(0);
        int cin = in.size(1);
        if (weight.size(0) != cin || groups <= 0 || cin % groups != 0) {
            throw new IllegalArgumentException(op + ": weight of shape " + Shape.toString(weight.shape())
                    + " does not match " + cin + " input channels with groups = " + groups);
        }
        int coutG = weight.size(1);
        int cout = coutG * groups;
        int[] k = spatial(weight, dims);
        int[] inSp = spatial(in, dims);
        int[] outSp = new int[dims];
        for (int d = 0; d < dims; d++) {
            if (outputPadding[d] < 0 || (outputPadding[d] >= stride[d] && outputPadding[d] >= dilation[d])) {
                throw new IllegalArgumentException(op + ": output padding " + outputPadding[d]
                        + " must be smaller than stride or dilation");
            }
            outSp[d] = (inSp[d] - 1) * stride[d] - 2 * padding[d] + dilation[d] * (k[d] - 1) + outputPadding[d] + 1;
        }
        Spatial.Window win = Spatial.Window.of(op, outSp, k, stride, padding, dilation, false);
        int l = Shape.numel(inSp);
        if (win.outSize() != l) {
            throw new IllegalArgumentException(op + ": inconsistent geometry for input " + Shape.toString(inSp));
        }
        int kk = win.kernelSize();
        Tensor wm = weight.reshape(groups, cin / groups, coutG * kk).mT();
        Tensor xs = in.reshape(n, groups, cin / groups, l);
        Tensor cols = wm.matmul(xs).reshape(n, cout * kk, l);
        Tensor out = SpatialOps.fold(cols, win);
        if (bias != null) {
            checkBias(op, bias, cout);
            int[] bs = repeat(1, dims + 2);
            bs[1] = cout;
            out = out.add(bias.reshape(bs));
        }
        return unbatched ? out.squeeze(0) : out;
    }

    /**
     * Sliding local blocks (im2col) of a (N, C, H, W) input: (N, C * kh * kw, L), as
     * {@code torch.nn.functional.unfold}.
     */
    public static Tensor unfold(Tensor x, int[] kernel, int[] dilation, int[] padding, int[] stride) {
        int dims = kernel.length;
        if (x.dim() != dims + 2) {
            throw new IllegalArgumentException("unfold: expected input of rank " + (dims + 2) + " for a " + dims
                    + "-d kernel, got shape " + Shape.toString(x.shape()));
        }
        return SpatialOps.unfold(x, Spatial.Window.of("unfold", spatial(x, dims), kernel, stride, padding, dilation, false));
    }

    /** The adjoint of {@link #unfold}: sums blocks (N, C * K, L) back into (N, C, *outputSize). */
    public static Tensor fold(Tensor cols, int[] outputSize, int[] kernel, int[] dilation, int[] padding, int[] stride) {
        return SpatialOps.fold(cols, Spatial.Window.of("fold", outputSize, kernel, stride, padding, dilation, false));
    }
}
