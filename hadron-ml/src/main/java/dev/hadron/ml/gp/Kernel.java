package dev.hadron.ml.gp;

import dev.hadron.ml.internal.support.Check;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Covariance functions for Gaussian processes, as a small closed algebra: six base kernels, their
 * sums, products and powers. The names, formulas and hyperparameter conventions are those of
 * {@code sklearn.gaussian_process.kernels}: every hyperparameter is positive and is optimized in log
 * space within its {@link Bounds} (or held {@link Bounds#fixed() fixed}); {@link #theta()} lists the
 * logs of the free ones, depth first, left operand before right, and within a kernel by name
 * (so {@code alpha} before {@code length_scale} in a rational quadratic), as scikit-learn orders them.
 *
 * <table>
 *   <caption>Kernels (d is the Euclidean distance between the two inputs)</caption>
 *   <tr><th>record</th><th>k(x, y)</th><th>scikit-learn</th></tr>
 *   <tr><td>{@link Constant}</td><td>c</td><td>{@code ConstantKernel}</td></tr>
 *   <tr><td>{@link White}</td><td>noise if x and y are the same training event, else 0</td><td>{@code WhiteKernel}</td></tr>
 *   <tr><td>{@link RBF}</td><td>exp(-d^2 / 2l^2)</td><td>{@code RBF}</td></tr>
 *   <tr><td>{@link Matern}</td><td>nu = 1/2: exp(-r); 3/2: (1 + r) exp(-r) with r = sqrt(3) d/l;
 *       5/2: (1 + r + r^2/3) exp(-r) with r = sqrt(5) d/l</td><td>{@code Matern}</td></tr>
 *   <tr><td>{@link RationalQuadratic}</td><td>(1 + d^2 / 2 alpha l^2)^-alpha</td><td>{@code RationalQuadratic}</td></tr>
 *   <tr><td>{@link DotProduct}</td><td>sigma0^2 + x . y</td><td>{@code DotProduct}</td></tr>
 *   <tr><td>{@link Sum}, {@link Product}</td><td>k1 + k2, k1 k2</td><td>{@code +}, {@code *}</td></tr>
 *   <tr><td>{@link Power}</td><td>k^p (a polynomial kernel is {@code dotProduct(s).pow(p)})</td>
 *       <td>{@code **} ({@code Exponentiation})</td></tr>
 * </table>
 *
 * <pre>{@code
 * Kernel k = Kernel.constant(1.0).times(Kernel.rbf(1.0)).plus(Kernel.white(0.1));
 * Tensor gram = k.matrix(x);              // (n, n), white noise on the diagonal
 * }</pre>
 */
public sealed interface Kernel permits Kernel.Constant, Kernel.White, Kernel.RBF, Kernel.Matern,
        Kernel.RationalQuadratic, Kernel.DotProduct, Kernel.Sum, Kernel.Product, Kernel.Power {

    /**
     * Bounds of a hyperparameter (in its natural units; optimization works on their logs), or fixed.
     *
     * @param lower lower bound (> 0)
     * @param upper upper bound (>= lower)
     * @param isFixed true if the hyperparameter is not optimized (the bounds are then ignored)
     */
    record Bounds(double lower, double upper, boolean isFixed) {
        /** Validates. */
        public Bounds {
            if (!isFixed) {
                Check.positive("lower bound", lower);
                if (!(upper >= lower) || Double.isInfinite(upper)) {
                    throw new IllegalArgumentException("Invalid upper bound: " + upper + " (must be >= the lower bound "
                            + lower + " and finite)");
                }
            }
        }

        /** (1e-5, 1e5), scikit-learn's default. */
        public static Bounds defaults() {
            return new Bounds(1e-5, 1e5, false);
        }

        /** Optimized within [lower, upper]. */
        public static Bounds of(double lower, double upper) {
            return new Bounds(lower, upper, false);
        }

        /** Not optimized. */
        public static Bounds fixed() {
            return new Bounds(1, 1, true);
        }
    }

    /**
     * A constant, {@code k = value} ({@code ConstantKernel}); multiply by it to scale another kernel.
     *
     * @param value the constant (> 0)
     * @param bounds its bounds
     */
    record Constant(double value, Bounds bounds) implements Kernel {
        /** Validates. */
        public Constant {
            Check.positive("constant value", value);
            Check.notNull("bounds", bounds);
        }
    }

    /**
     * Independent noise, {@code k = noiseLevel} for an event with itself in the training matrix and 0
     * otherwise ({@code WhiteKernel}): it adds to the diagonal of {@link #matrix(Tensor)} and of
     * {@link #diag(Tensor)}, never to {@link #matrix(Tensor, Tensor)}.
     *
     * @param noiseLevel the noise variance (> 0)
     * @param bounds its bounds
     */
    record White(double noiseLevel, Bounds bounds) implements Kernel {
        /** Validates. */
        public White {
            Check.positive("noise level", noiseLevel);
            Check.notNull("bounds", bounds);
        }
    }

    /**
     * The squared-exponential kernel {@code exp(-d^2 / 2 l^2)} ({@code RBF}).
     *
     * @param lengthScale l (> 0)
     * @param bounds its bounds
     */
    record RBF(double lengthScale, Bounds bounds) implements Kernel {
        /** Validates. */
        public RBF {
            Check.positive("length scale", lengthScale);
            Check.notNull("bounds", bounds);
        }
    }

    /**
     * The Matérn kernel of smoothness {@code nu} = 0.5, 1.5 or 2.5 ({@code Matern}).
     *
     * @param lengthScale l (> 0)
     * @param nu 0.5, 1.5 or 2.5 (not optimized)
     * @param bounds bounds of the length scale
     */
    record Matern(double lengthScale, double nu, Bounds bounds) implements Kernel {
        /** Validates. */
        public Matern {
            Check.positive("length scale", lengthScale);
            if (nu != 0.5 && nu != 1.5 && nu != 2.5) {
                throw new IllegalArgumentException("Invalid nu: " + nu + " (must be 0.5, 1.5 or 2.5; use RBF for infinity)");
            }
            Check.notNull("bounds", bounds);
        }
    }

    /**
     * The rational quadratic kernel {@code (1 + d^2 / (2 alpha l^2))^-alpha}, a scale mixture of RBF
     * kernels ({@code RationalQuadratic}).
     *
     * @param lengthScale l (> 0)
     * @param alpha the scale-mixture parameter (> 0)
     * @param lengthScaleBounds bounds of l
     * @param alphaBounds bounds of alpha
     */
    record RationalQuadratic(double lengthScale, double alpha, Bounds lengthScaleBounds, Bounds alphaBounds)
            implements Kernel {
        /** Validates. */
        public RationalQuadratic {
            Check.positive("length scale", lengthScale);
            Check.positive("alpha", alpha);
            Check.notNull("lengthScaleBounds", lengthScaleBounds);
            Check.notNull("alphaBounds", alphaBounds);
        }
    }

    /**
     * The dot-product (linear) kernel {@code sigma0^2 + x . y} ({@code DotProduct}); its powers are
     * the polynomial kernels.
     *
     * @param sigma0 the inhomogeneity (> 0)
     * @param bounds its bounds
     */
    record DotProduct(double sigma0, Bounds bounds) implements Kernel {
        /** Validates. */
        public DotProduct {
            Check.positive("sigma0", sigma0);
            Check.notNull("bounds", bounds);
        }
    }

    /**
     * {@code k1 + k2}.
     *
     * @param k1 left operand
     * @param k2 right operand
     */
    record Sum(Kernel k1, Kernel k2) implements Kernel {
        /** Validates. */
        public Sum {
            Check.notNull("k1", k1);
            Check.notNull("k2", k2);
        }
    }

    /**
     * {@code k1 * k2}, element by element.
     *
     * @param k1 left operand
     * @param k2 right operand
     */
    record Product(Kernel k1, Kernel k2) implements Kernel {
        /** Validates. */
        public Product {
            Check.notNull("k1", k1);
            Check.notNull("k2", k2);
        }
    }

    /**
     * {@code kernel ^ exponent}, element by element ({@code Exponentiation}); the exponent is not optimized.
     *
     * @param kernel the base
     * @param exponent the power (finite)
     */
    record Power(Kernel kernel, double exponent) implements Kernel {
        /** Validates. */
        public Power {
            Check.notNull("kernel", kernel);
            if (!Double.isFinite(exponent)) {
                throw new IllegalArgumentException("Invalid exponent: " + exponent + " (must be finite)");
            }
        }
    }

    // ------------------------------------------------------------------ factories and combinators

    /** {@code ConstantKernel(value)} with default bounds. */
    static Kernel constant(double value) {
        return new Constant(value, Bounds.defaults());
    }

    /** {@code WhiteKernel(noiseLevel)} with default bounds. */
    static Kernel white(double noiseLevel) {
        return new White(noiseLevel, Bounds.defaults());
    }

    /** {@code RBF(lengthScale)} with default bounds. */
    static Kernel rbf(double lengthScale) {
        return new RBF(lengthScale, Bounds.defaults());
    }

    /** {@code Matern(lengthScale, nu)} with default bounds. */
    static Kernel matern(double lengthScale, double nu) {
        return new Matern(lengthScale, nu, Bounds.defaults());
    }

    /** {@code RationalQuadratic(lengthScale, alpha)} with default bounds. */
    static Kernel rationalQuadratic(double lengthScale, double alpha) {
        return new RationalQuadratic(lengthScale, alpha, Bounds.defaults(), Bounds.defaults());
    }

    /** {@code DotProduct(sigma0)} with default bounds. */
    static Kernel dotProduct(double sigma0) {
        return new DotProduct(sigma0, Bounds.defaults());
    }

    /** This kernel plus another. */
    default Kernel plus(Kernel other) {
        return new Sum(this, other);
    }

    /** This kernel times another. */
    default Kernel times(Kernel other) {
        return new Product(this, other);
    }

    /** This kernel to a power. */
    default Kernel pow(double exponent) {
        return new Power(this, exponent);
    }

    // ------------------------------------------------------------------ evaluation

    /** The kernel matrix of the rows of {@code x} with themselves (n, n), white noise included. */
    default Tensor matrix(Tensor x) {
        KernelMath.Points p = KernelMath.Points.of("Kernel.matrix", x, null);
        return Tensor.wrap(KernelMath.eval(this, p, null), p.n1(), p.n1());
    }

    /** The kernel matrix between the rows of {@code x1} and {@code x2} (n1, n2), no white noise. */
    default Tensor matrix(Tensor x1, Tensor x2) {
        KernelMath.Points p = KernelMath.Points.of("Kernel.matrix", x1, x2);
        return Tensor.wrap(KernelMath.eval(this, p, null), p.n1(), p.n2());
    }

    /** The diagonal of {@link #matrix(Tensor)} (n), computed without the full matrix. */
    default Tensor diag(Tensor x) {
        KernelMath.Points p = KernelMath.Points.of("Kernel.diag", x, null);
        return Tensor.wrap(KernelMath.diag(this, p), p.n1());
    }

    // ------------------------------------------------------------------ hyperparameters

    /** Logs of the free hyperparameters, in the documented order. */
    default double[] theta() {
        List<Double> out = new ArrayList<>();
        KernelMath.collect(this, "", new ArrayList<>(), out, new ArrayList<>());
        double[] t = new double[out.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = out.get(i);
        }
        return t;
    }

    /** Names of the free hyperparameters, as scikit-learn names them ({@code k1__k2__length_scale}). */
    default List<String> hyperparameterNames() {
        List<String> names = new ArrayList<>();
        KernelMath.collect(this, "", names, new ArrayList<>(), new ArrayList<>());
        return names;
    }

    /** Log-space bounds of the free hyperparameters: (count, 2). */
    default double[][] logBounds() {
        List<double[]> bounds = new ArrayList<>();
        KernelMath.collect(this, "", new ArrayList<>(), new ArrayList<>(), bounds);
        return bounds.toArray(new double[0][]);
    }

    /** The same kernel with the free hyperparameters set to {@code exp(theta)}. */
    default Kernel withTheta(double[] theta) {
        int used = KernelMath.countFree(this);
        if (theta.length != used) {
            throw new IllegalArgumentException("Kernel.withTheta: " + theta.length + " values for " + used
                    + " free hyperparameters " + hyperparameterNames());
        }
        return KernelMath.withTheta(this, theta, new int[] {0});
    }
}
