package dev.hadron.tensor;

import dev.hadron.internal.kernel.Spatial;
import dev.hadron.internal.ops.SpatialOps;

import java.util.Arrays;

/**
 * Pooling over 1, 2 or 3 spatial dimensions, as {@code torch.nn.functional}: max pooling (with
 * indices), average pooling and adaptive average pooling. Inputs are (N, C, *spatial) or unbatched
 * (C, *spatial). A stride of 0 means "equal to the kernel size" (PyTorch's default).
 */
public final class Pool {
    private Pool() {
    }

    private static Tensor batched(Tensor x, int dims, String op) {
        if (x.dim() == dims + 1) {
            return x.unsqueeze(0);
        }
        if (x.dim() != dims + 2) {
            throw new IllegalArgumentException(op + ": expected input of shape (N, C, " + dims + " spatial dims), got "
                    + Shape.toString(x.shape()));
        }
        return x;
    }

    private static Spatial.Window window(String op, Tensor x, int dims, int kernel, int stride, int padding, int dilation,
                                         boolean ceilMode) {
        if (padding * 2 > kernel) {
            throw new IllegalArgumentException(op + ": padding (" + padding + ") must be at most half the kernel size ("
                    + kernel + ")");
        }
        int s = stride == 0 ? kernel : stride;
        return Spatial.Window.of(op, Conv.spatial(x, dims), Conv.repeat(kernel, dims), Conv.repeat(s, dims),
                Conv.repeat(padding, dims), Conv.repeat(dilation, dims), ceilMode);
    }

    /** 1-D max pooling with stride = kernel. */
    public static Tensor maxPool1d(Tensor x, int kernel) {
        return maxPool(x, 1, kernel, 0, 0, 1, false).values();
    }

    /** 2-D max pooling with stride = kernel (as {@code nn.MaxPool2d(k)}). */
    public static Tensor maxPool2d(Tensor x, int kernel) {
        return maxPool(x, 2, kernel, 0, 0, 1, false).values();
    }

    /** 2-D max pooling. */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        return maxPool(x, 2, kernel, stride, padding, dilation, ceilMode).values();
    }

    /** 3-D max pooling with stride = kernel. */
    public static Tensor maxPool3d(Tensor x, int kernel) {
        return maxPool(x, 3, kernel, 0, 0, 1, false).values();
    }

    /** Max pooling over {@code dims} spatial dimensions, with flat per-plane indices of the maxima. */
    public static ValuesIndices maxPool(Tensor x, int dims, int kernel, int stride, int padding, int dilation,
                                        boolean ceilMode) {
        String op = "maxPool" + dims + "d";
        Tensor in = batched(x, dims, op);
        Tensor[] r = SpatialOps.maxPool(in, window(op, in, dims, kernel, stride, padding, dilation, ceilMode));
        boolean unbatched = in != x;
        return new ValuesIndices(unbatched ? r[0].squeeze(0) : r[0], unbatched ? r[1].squeeze(0) : r[1]);
    }

    /** 1-D average pooling with stride = kernel. */
    public static Tensor avgPool1d(Tensor x, int kernel) {
        return avgPool(x, 1, kernel, 0, 0, false, true);
    }

    /** 2-D average pooling with stride = kernel. */
    public static Tensor avgPool2d(Tensor x, int kernel) {
        return avgPool(x, 2, kernel, 0, 0, false, true);
    }

    /** 3-D average pooling with stride = kernel. */
    public static Tensor avgPool3d(Tensor x, int kernel) {
        return avgPool(x, 3, kernel, 0, 0, false, true);
    }

    /**
     * Average pooling over {@code dims} spatial dimensions. With {@code countIncludePad} zero padding counts in
     * the divisor (PyTorch's default); windows that {@code ceilMode} lets run past the padding are clipped.
     */
    public static Tensor avgPool(Tensor x, int dims, int kernel, int stride, int padding, boolean ceilMode,
                                 boolean countIncludePad) {
        String op = "avgPool" + dims + "d";
        Tensor in = batched(x, dims, op);
        Spatial.Window w = window(op, in, dims, kernel, stride, padding, 1, ceilMode);
        int[] s = in.shape();
        int planes = s[0] * s[1];
        int[] planeShape = new int[dims + 2];
        planeShape[0] = planes;
        planeShape[1] = 1;
        System.arraycopy(s, 2, planeShape, 2, dims);
        Tensor cols = SpatialOps.unfold(in.reshape(planeShape), w);
        Tensor sums = cols.sum(1);
        Tensor divisor = Tensor.wrap(divisors(w, countIncludePad), w.outSize()).to(in.dtype());
        int[] outShape = new int[dims + 2];
        outShape[0] = s[0];
        outShape[1] = s[1];
        System.arraycopy(w.out(), 0, outShape, 2, dims);
        Tensor out = sums.div(divisor).reshape(outShape);
        return in != x ? out.squeeze(0) : out;
    }

    private static double[] divisors(Spatial.Window w, boolean countIncludePad) {
        int dims = w.in().length;
        double[] d = new double[w.outSize()];
        int[] idx = new int[dims];
        for (int l = 0; l < d.length; l++) {
            int rem = l;
            for (int k = dims - 1; k >= 0; k--) {
                idx[k] = rem % w.out()[k];
                rem /= w.out()[k];
            }
            double count = 1;
            for (int k = 0; k < dims; k++) {
                int start = idx[k] * w.stride()[k] - w.padding()[k];
                int end = Math.min(start + w.kernel()[k], w.in()[k] + w.padding()[k]);
                if (!countIncludePad) {
                    start = Math.max(start, 0);
                    end = Math.min(end, w.in()[k]);
                }
                count *= Math.max(end - start, 1);
            }
            d[l] = count;
        }
        return d;
    }

    /** 1-D adaptive average pooling to {@code outputSize}. */
    public static Tensor adaptiveAvgPool1d(Tensor x, int outputSize) {
        return adaptiveAvgPool(x, new int[] {outputSize});
    }

    /** 2-D adaptive average pooling to (oh, ow). */
    public static Tensor adaptiveAvgPool2d(Tensor x, int oh, int ow) {
        return adaptiveAvgPool(x, new int[] {oh, ow});
    }

    /** Adaptive average pooling: each output cell averages the input cells [floor(i*in/out), ceil((i+1)*in/out)). */
    public static Tensor adaptiveAvgPool(Tensor x, int[] outputSize) {
        int dims = outputSize.length;
        Tensor in = batched(x, dims, "adaptiveAvgPool" + dims + "d");
        Tensor r = in;
        for (int k = 0; k < dims; k++) {
            int dim = 2 + k;
            int n = in.size(dim);
            int m = outputSize[k];
            if (m <= 0) {
                throw new IllegalArgumentException("adaptiveAvgPool: output sizes must be positive, got "
                        + Arrays.toString(outputSize));
            }
            double[] p = new double[n * m];
            for (int i = 0; i < m; i++) {
                int start = (int) Math.floor((double) i * n / m);
                int end = (int) Math.ceil((double) (i + 1) * n / m);
                for (int j = start; j < end; j++) {
                    p[j * m + i] = 1.0 / (end - start);
                }
            }
            Tensor pm = Tensor.wrap(p, n, m).to(in.dtype());
            r = r.transpose(dim, -1).matmul(pm).transpose(dim, -1);
        }
        return in != x ? r.squeeze(0) : r;
    }
}
