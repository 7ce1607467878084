package dev.hadron.nn;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Weight initializers, as {@code torch.nn.init}: each fills a tensor in place (no gradient is
 * recorded) with values drawn from an explicit {@link Generator} and returns it, so they work on
 * parameters ({@code Init.xavierUniform(layer.weight(), gen)}) and on fresh tensors alike.
 *
 * <p>Fans follow PyTorch: for a weight of shape (out, in, *kernel), fan-in is {@code in * prod(kernel)}
 * and fan-out is {@code out * prod(kernel)}. {@link #linearDefault} and {@link #linearBiasDefault}
 * reproduce the initialization of {@code nn.Linear} and {@code nn.Conv*d} (Kaiming uniform with
 * {@code a = sqrt(5)}, i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in)), for weight and bias).
 */
public final class Init {
    private Init() {
    }

    /** Fan-in / fan-out convention, as PyTorch's {@code mode="fan_in"|"fan_out"}. */
    public enum FanMode {
        FAN_IN, FAN_OUT
    }

    private static Tensor fill(Tensor t, Tensor values) {
        try (var s = Autodiff.noGrad()) {
            t.copyFrom(values);
        }
        return t;
    }

    private static DType floatType(String op, Tensor t) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Init." + op + ": expected a floating-point tensor, got " + t.dtype());
        }
        return t.dtype();
    }

    /** Uniform on [low, high). */
    public static Tensor uniform(Tensor t, double low, double high, Generator gen) {
        if (!(high >= low)) {
            throw new IllegalArgumentException("Init.uniform: high (" + high + ") must be >= low (" + low + ")");
        }
        return fill(t, Tensor.uniform(gen, floatType("uniform", t), low, high, t.shape()));
    }

    /** Normal with the given mean and standard deviation. */
    public static Tensor normal(Tensor t, double mean, double std, Generator gen) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("Init.normal: std must be >= 0, got " + std);
        }
        return fill(t, Tensor.normal(gen, floatType("normal", t), mean, std, t.shape()));
    }

    /**
     * Normal with the given mean and standard deviation, redrawn until inside [a, b] (as
     * {@code trunc_normal_}).
     */
    public static Tensor truncNormal(Tensor t, double mean, double std, double a, double b, Generator gen) {
        if (!(std > 0) || !(b > a) || mean < a - 2 * std || mean > b + 2 * std) {
            throw new IllegalArgumentException("Init.truncNormal: need std > 0, b > a and the mean within 2 std of [a, b];"
                    + " got mean " + mean + ", std " + std + ", [" + a + ", " + b + "]");
        }
        double[] v = new double[t.numel()];
        for (int i = 0; i < v.length; i++) {
            double x;
            do {
                x = mean + std * gen.nextGaussian();
            } while (x < a || x > b);
            v[i] = x;
        }
        return fill(t, Tensor.wrap(v, t.shape()));
    }

    /** Every element set to {@code value}. */
    public static Tensor constant(Tensor t, double value) {
        try (var s = Autodiff.noGrad()) {
            t.fill(value);
        }
        return t;
    }

    /** Zeros. */
    public static Tensor zeros(Tensor t) {
        return constant(t, 0);
    }

    /** Ones. */
    public static Tensor ones(Tensor t) {
        return constant(t, 1);
    }

    /** The identity matrix (a 2-D tensor). */
    public static Tensor eye(Tensor t) {
        if (t.dim() != 2) {
            throw new IllegalArgumentException("Init.eye: expected a 2-D tensor, got shape " + Shape.toString(t.shape()));
        }
        return fill(t, Tensor.eye(t.dtype(), t.size(0), t.size(1)));
    }

    /**
     * The recommended gain for a nonlinearity, as {@code torch.nn.init.calculate_gain}: 1 for linear,
     * conv and sigmoid, 5/3 for tanh, sqrt(2) for relu, sqrt(2 / (1 + slope^2)) for leaky_relu, 3/4 for selu.
     */
    public static double gain(String nonlinearity, double param) {
        return switch (nonlinearity) {
            case "linear", "identity", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                 "conv_transpose3d", "sigmoid" -> 1.0;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> Math.sqrt(2.0 / (1 + param * param));
            case "selu" -> 0.75;
            default -> throw new IllegalArgumentException("Init.gain: unknown nonlinearity \"" + nonlinearity
                    + "\"; expected linear, conv1d, conv2d, conv3d, sigmoid, tanh, relu, leaky_relu or selu");
        };
    }

    /** Fan-in of a weight of shape (out, in, *kernel): {@code in * prod(kernel)}. */
    public static int fanIn(Tensor t) {
        return fans("fanIn", t)[0];
    }

    /** Fan-out of a weight of shape (out, in, *kernel): {@code out * prod(kernel)}. */
    public static int fanOut(Tensor t) {
        return fans("fanOut", t)[1];
    }

    private static int[] fans(String op, Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Init." + op + ": fan in and fan out need a tensor of at least 2"
                    + " dimensions, got shape " + Shape.toString(t.shape()));
        }
        int receptive = 1;
        for (int d = 2; d < t.dim(); d++) {
            receptive *= t.size(d);
        }
        return new int[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    /** Glorot/Xavier uniform: U(-a, a) with {@code a = gain * sqrt(6 / (fan_in + fan_out))}. */
    public static Tensor xavierUniform(Tensor t, double gain, Generator gen) {
        int[] f = fans("xavierUniform", t);
        double a = gain * Math.sqrt(6.0 / (f[0] + f[1]));
        return uniform(t, -a, a, gen);
    }

    /** Glorot/Xavier uniform with gain 1. */
    public static Tensor xavierUniform(Tensor t, Generator gen) {
        return xavierUniform(t, 1.0, gen);
    }

    /** Glorot/Xavier normal: N(0, std^2) with {@code std = gain * sqrt(2 / (fan_in + fan_out))}. */
    public static Tensor xavierNormal(Tensor t, double gain, Generator gen) {
        int[] f = fans("xavierNormal", t);
        return normal(t, 0, gain * Math.sqrt(2.0 / (f[0] + f[1])), gen);
    }

    /** Glorot/Xavier normal with gain 1. */
    public static Tensor xavierNormal(Tensor t, Generator gen) {
        return xavierNormal(t, 1.0, gen);
    }

    private static double kaimingStd(String op, Tensor t, double a, FanMode mode, String nonlinearity) {
        int[] f = fans(op, t);
        int fan = mode == FanMode.FAN_IN ? f[0] : f[1];
        if (fan == 0) {
            throw new IllegalArgumentException("Init." + op + ": cannot initialize a tensor with a zero-size fan, shape "
                    + Shape.toString(t.shape()));
        }
        return gain(nonlinearity, a) / Math.sqrt(fan);
    }

    /**
     * He/Kaiming uniform: U(-b, b) with {@code b = gain * sqrt(3 / fan)}; {@code a} is the negative slope
     * for leaky_relu.
     */
    public static Tensor kaimingUniform(Tensor t, double a, FanMode mode, String nonlinearity, Generator gen) {
        double bound = Math.sqrt(3.0) * kaimingStd("kaimingUniform", t, a, mode, nonlinearity);
        return uniform(t, -bound, bound, gen);
    }

    /** He/Kaiming uniform with PyTorch's defaults: fan-in, leaky_relu with a = 0 (that is, relu gain). */
    public static Tensor kaimingUniform(Tensor t, Generator gen) {
        return kaimingUniform(t, 0, FanMode.FAN_IN, "leaky_relu", gen);
    }

    /** He/Kaiming normal: N(0, std^2) with {@code std = gain / sqrt(fan)}. */
    public static Tensor kaimingNormal(Tensor t, double a, FanMode mode, String nonlinearity, Generator gen) {
        return normal(t, 0, kaimingStd("kaimingNormal", t, a, mode, nonlinearity), gen);
    }

    /** He/Kaiming normal with PyTorch's defaults. */
    public static Tensor kaimingNormal(Tensor t, Generator gen) {
        return kaimingNormal(t, 0, FanMode.FAN_IN, "leaky_relu", gen);
    }

    /**
     * A (semi-)orthogonal matrix (Saxe et al. 2013): the tensor viewed as (size(0), rest) gets
     * orthonormal rows or columns, scaled by {@code gain}; from the QR decomposition of a Gaussian matrix
     * with the signs fixed so the distribution is uniform (Haar).
     */
    public static Tensor orthogonal(Tensor t, double gain, Generator gen) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Init.orthogonal: needs at least 2 dimensions, got shape "
                    + Shape.toString(t.shape()));
        }
        int rows = t.size(0);
        int cols = t.numel() / Math.max(rows, 1);
        boolean transpose = rows < cols;
        int n = transpose ? cols : rows;   // tall matrix n x m, n >= m
        int m = transpose ? rows : cols;
        double[][] a = new double[m][n];   // columns of the tall matrix
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                a[j][i] = gen.nextGaussian();
            }
        }
        // modified Gram-Schmidt; the sign of R's diagonal is positive by construction (= Haar after sign fix)
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += a[k][i] * a[j][i];
                }
                for (int i = 0; i < n; i++) {
                    a[j][i] -= dot * a[k][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += a[j][i] * a[j][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                a[j][i] /= norm;
            }
        }
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = transpose ? a[r][c] : a[c][r];
                out[r * cols + c] = gain * v;
            }
        }
        return fill(t, Tensor.wrap(out, t.shape()));
    }

    /** Orthogonal with gain 1. */
    public static Tensor orthogonal(Tensor t, Generator gen) {
        return orthogonal(t, 1.0, gen);
    }

    /**
     * PyTorch's default initialization of a {@code Linear}/{@code Conv} weight: Kaiming uniform with
     * {@code a = sqrt(5)}, which is U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
     */
    public static Tensor linearDefault(Tensor weight, Generator gen) {
        return kaimingUniform(weight, Math.sqrt(5), FanMode.FAN_IN, "leaky_relu", gen);
    }

    /** PyTorch's default bias initialization: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with the weight's fan-in. */
    public static Tensor linearBiasDefault(Tensor bias, int fanIn, Generator gen) {
        double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
        return uniform(bias, -bound, bound, gen);
    }
}
