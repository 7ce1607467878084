package dev.hadron.internal.kernel;

/**
 * Tight loops for elementwise work on contiguous float arrays: the fast paths under
 * {@link Elementwise}. Two implementations: {@link ScalarElementKernels} (plain Java; C2 vectorizes
 * the simple loops itself) and {@link VectorElementKernels} (Vector API, including its SVML-backed
 * transcendental functions), chosen once by {@link Simd}. A method returns false when it has no fast
 * path for the function, and the caller falls back to the general strided loop.
 */
abstract sealed class ElementKernels permits ScalarElementKernels, VectorElementKernels {
    /** The implementation in use. */
    static final ElementKernels INSTANCE = Simd.ENABLED ? vector() : new ScalarElementKernels();

    private static ElementKernels vector() {
        return new VectorElementKernels();
    }

    /** {@code out[oo + i] = fn(x[xo + i])} for i < n. */
    abstract boolean unary(UnaryFn fn, double p, double q, float[] x, int xo, float[] out, int oo, int n);

    /** float64 variant. */
    abstract boolean unary(UnaryFn fn, double p, double q, double[] x, int xo, double[] out, int oo, int n);

    /**
     * {@code out[oo + i] = fn(a[ao + i*as], b[bo + i*bs])} for i < n, where each step is 0 (a broadcast
     * scalar) or 1.
     */
    abstract boolean binary(BinaryFn fn, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n);

    /** float64 variant. */
    abstract boolean binary(BinaryFn fn, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n);

    /** Comparisons into 0/1 bytes, steps 0 or 1. */
    abstract boolean compare(BinaryFn fn, float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int n);

    /** float64 variant. */
    abstract boolean compare(BinaryFn fn, double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int n);

    /** Whether {@link #binary} has a fast path for {@code fn} (so an empty call can report it). */
    static boolean combinableOrArithmetic(BinaryFn fn) {
        return switch (fn) {
            case ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM -> true;
            default -> false;
        };
    }

    /**
     * The backward pass of an activation written in terms of its output y:
     * {@code out[i] = g[i] * fn'(y[i])} for fn RELU ({@code y > 0 ? g : 0}), TANH ({@code g (1 - y²)}) or
     * SIGMOID ({@code g y (1 - y)}).
     */
    abstract void activationGrad(UnaryFn fn, float[] g, int go, float[] y, int yo, float[] out, int oo, int n);

    /** float64 variant. */
    abstract void activationGrad(UnaryFn fn, double[] g, int go, double[] y, int yo, double[] out, int oo, int n);

    /** Sum of x[xo .. xo+n) accumulated in double. */
    abstract double sum(float[] x, int xo, int n);

    /** Sum of x[xo .. xo+n). */
    abstract double sum(double[] x, int xo, int n);

    /** Largest of x[xo .. xo+n) (NaN if any is NaN); n > 0. */
    abstract double max(float[] x, int xo, int n);
}
