package dev.hadron.internal.kernel;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both elementwise kernel implementations equal the functions' definitions, for awkward sizes. */
class ElementKernelsTest {
    private static final int[] SIZES = {0, 1, 7, 17, 63, 64, 65, 1000};

    private static List<ElementKernels> implementations() {
        List<ElementKernels> l = new ArrayList<>();
        l.add(new ScalarElementKernels());
        if (Simd.ENABLED) {
            l.add(new VectorElementKernels());
        }
        return l;
    }

    private static double[] params(UnaryFn fn) {
        return switch (fn) {
            case LEAKY_RELU -> new double[] {0.1, 0};
            case ELU -> new double[] {1.3, 0};
            case SOFTPLUS -> new double[] {2, 3};
            case CLAMP -> new double[] {-0.5, 0.7};
            case POW_SCALAR -> new double[] {2.5, 0};
            case SCALAR_POW -> new double[] {1.7, 0};
            default -> new double[] {0, 0};
        };
    }

    private static double domain(UnaryFn fn, double u) {
        return switch (fn) {
            case LOG, SQRT, RSQRT, POW_SCALAR -> 0.05 + 3 * Math.abs(u);
            case LOG1P -> -0.9 + 3 * Math.abs(u);
            case ASIN, ACOS -> 0.99 * Math.tanh(u);
            case TAN -> 1.4 * Math.tanh(u);
            default -> 6 * u;
        };
    }

    @Test
    void unaryFunctionsMatchTheirDefinitions() {
        Generator g = new Generator(1);
        for (ElementKernels k : implementations()) {
            for (UnaryFn fn : UnaryFn.values()) {
                if (fn.isPredicate()) {
                    continue;
                }
                double[] p = params(fn);
                for (int n : SIZES) {
                    double[] x = new double[n + 3];
                    float[] xf = new float[n + 3];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = domain(fn, g.nextDouble() * 2 - 1);
                        xf[i] = (float) x[i];
                    }
                    double[] out = new double[n];
                    float[] outf = new float[n];
                    assertTrue(k.unary(fn, p[0], p[1], x, 3, out, 0, n));
                    assertTrue(k.unary(fn, p[0], p[1], xf, 3, outf, 0, n));
                    for (int i = 0; i < n; i++) {
                        double want = fn.apply(x[i + 3], p[0], p[1]);
                        double wantF = (float) fn.apply(xf[i + 3], p[0], p[1]);
                        check(k, fn + " float64", want, out[i], 1e-14);
                        check(k, fn + " float32", wantF, outf[i], 2e-6);
                    }
                }
            }
        }
    }

    private static void check(ElementKernels k, String what, double want, double got, double rel) {
        if (Double.isNaN(want) && Double.isNaN(got)) {
            return;
        }
        double tol = rel * Math.max(1, Math.abs(want));
        if (!(Math.abs(want - got) <= tol)) {
            throw new AssertionError(k.getClass().getSimpleName() + " " + what + ": got " + got + ", expected " + want);
        }
    }

    @Test
    void activationGradientsFromTheOutput() {
        Generator g = new Generator(5);
        for (ElementKernels k : implementations()) {
            for (UnaryFn fn : new UnaryFn[] {UnaryFn.RELU, UnaryFn.TANH, UnaryFn.SIGMOID}) {
                for (int n : SIZES) {
                    double[] gr = new double[n + 2];
                    double[] y = new double[n + 1];
                    for (int i = 0; i < n + 2; i++) {
                        gr[i] = g.nextDouble() * 4 - 2;
                    }
                    for (int i = 0; i < n + 1; i++) {
                        double pre = g.nextDouble() * 6 - 3;
                        y[i] = i % 11 == 5 ? 0.0 : fn.apply(pre, 0, 0);
                    }
                    float[] grf = new float[gr.length];
                    float[] yf = new float[y.length];
                    for (int i = 0; i < gr.length; i++) {
                        grf[i] = (float) gr[i];
                    }
                    for (int i = 0; i < y.length; i++) {
                        yf[i] = (float) y[i];
                    }
                    double[] out = new double[n + 3];
                    float[] outf = new float[n + 3];
                    k.activationGrad(fn, gr, 2, y, 1, out, 3, n);
                    k.activationGrad(fn, grf, 2, yf, 1, outf, 3, n);
                    for (int i = 0; i < n; i++) {
                        double v = y[i + 1];
                        double d = switch (fn) {
                            case RELU -> v > 0 ? 1 : 0;
                            case TANH -> 1 - v * v;
                            default -> v * (1 - v);
                        };
                        double vf = yf[i + 1];
                        double df = switch (fn) {
                            case RELU -> vf > 0 ? 1 : 0;
                            case TANH -> 1 - vf * vf;
                            default -> vf * (1 - vf);
                        };
                        check(k, fn + "' float64 at " + i + " of " + n, gr[i + 2] * d, out[i + 3], 1e-14);
                        check(k, fn + "' float32 at " + i + " of " + n, grf[i + 2] * df, outf[i + 3], 2e-6);
                    }
                    for (int i = 0; i < 3; i++) {
                        assertEquals(0.0, out[i], k.getClass().getSimpleName() + " wrote before its offset");
                    }
                }
            }
        }
    }

    @Test
    void binaryFunctionsWithBroadcastSteps() {
        Generator g = new Generator(2);
        BinaryFn[] fns = {BinaryFn.ADD, BinaryFn.SUB, BinaryFn.MUL, BinaryFn.DIV, BinaryFn.MAXIMUM, BinaryFn.MINIMUM};
        int[][] steps = {{1, 1}, {1, 0}, {0, 1}};
        for (ElementKernels k : implementations()) {
            for (BinaryFn fn : fns) {
                for (int[] st : steps) {
                    for (int n : SIZES) {
                        float[] a = new float[n + 1];
                        float[] b = new float[n + 1];
                        for (int i = 0; i <= n; i++) {
                            a[i] = (float) (g.nextDouble() * 4 - 2);
                            b[i] = (float) (g.nextDouble() * 4 + 0.5);
                        }
                        float[] out = new float[n];
                        double[] ad = new double[n + 1];
                        double[] bd = new double[n + 1];
                        for (int i = 0; i <= n; i++) {
                            ad[i] = a[i];
                            bd[i] = b[i];
                        }
                        double[] outd = new double[n];
                        boolean f = k.binary(fn, a, 1, st[0], b, 1, st[1], out, 0, n);
                        boolean d = k.binary(fn, ad, 1, st[0], bd, 1, st[1], outd, 0, n);
                        for (int i = 0; i < n; i++) {
                            double want = fn.apply(a[1 + i * st[0]], b[1 + i * st[1]]);
                            if (f) {
                                assertEquals((float) want, out[i], 0, k.getClass().getSimpleName() + " " + fn);
                            }
                            if (d) {
                                assertEquals(fn.apply(ad[1 + i * st[0]], bd[1 + i * st[1]]), outd[i], 0);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void comparisonsSumsAndMaxima() {
        Generator g = new Generator(3);
        for (ElementKernels k : implementations()) {
            for (int n : SIZES) {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (float) Math.floor(g.nextDouble() * 5);
                }
                byte[] out = new byte[n];
                k.compare(BinaryFn.GE, a, 0, 1, new float[] {2f}, 0, 0, out, 0, n);
                double sum = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    assertEquals(a[i] >= 2 ? 1 : 0, out[i]);
                    sum += a[i];
                    max = Math.max(max, a[i]);
                }
                assertEquals(sum, k.sum(a, 0, n), 0);
                if (n > 0) {
                    assertEquals(max, k.max(a, 0, n), 0);
                    float[] withNaN = a.clone();
                    withNaN[n / 2] = Float.NaN;
                    assertTrue(Double.isNaN(k.max(withNaN, 0, n)), "max propagates NaN");
                }
            }
        }
    }

    @Test
    void largeTensorsSplitAcrossThreadsGiveTheSameValues() {
        Assumptions.assumeTrue(Parallel.threads() > 1, "one thread configured");
        int n = 3 * Elementwise.PARALLEL_GRAIN + 17;
        Tensor x = Tensor.randn(new Generator(4), n);
        Tensor y = Tensor.randn(new Generator(5), n);
        float[] xs = x.toFloatArray();
        float[] ys = y.toFloatArray();
        float[] sum = x.add(y).toFloatArray();
        float[] t = x.tanh().toFloatArray();
        for (int i = 0; i < n; i++) {
            assertEquals(xs[i] + ys[i], sum[i], 0);
            assertEquals(Math.tanh(xs[i]), t[i], 2e-6);
        }
        Tensor big = Tensor.randn(new Generator(6), 2 * Elementwise.PARALLEL_GRAIN, 3).to(DType.FLOAT64);
        Tensor sm = big.softmax(1);
        assertTrue(sm.sum(1).allClose(Tensor.ones(DType.FLOAT64, big.size(0)), 1e-12, 1e-12));
    }

    @Test
    void stridedAndBroadcastOperandsThroughTensors() {
        Generator g = new Generator(7);
        for (int n : SIZES) {
            Tensor a = Tensor.randn(g, n, 3).select(1, 1);
            Tensor b = Tensor.randn(g, 1);
            float[] av = a.toFloatArray();
            float bv = (float) b.item();
            float[] r = a.mul(b).exp().toFloatArray();
            for (int i = 0; i < n; i++) {
                assertEquals(Math.exp(av[i] * bv), r[i], 2e-6 * Math.max(1, Math.exp(av[i] * bv)));
            }
        }
    }
}
