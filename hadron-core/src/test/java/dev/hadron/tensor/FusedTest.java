package dev.hadron.tensor;

import dev.hadron.autodiff.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fused operation equals its composite of ordinary operations: values, first-order gradients
 * through the fused backward kernels (plain {@code backward()}), and, through {@link GradCheck},
 * reverse, forward and second-order derivatives against finite differences.
 */
class FusedTest {
    private static final GradCheck.Options SECOND = GradCheck.Options.defaults().withSecondOrder(true);

    private static Tensor rand(Generator g, DType dt, int... shape) {
        return Tensor.uniform(g, dt, -1.5, 1.5, shape);
    }

    /**
     * Runs {@code fused} and {@code composite} on copies of {@code inputs} (those not null), compares
     * the values, then back-propagates the same random cotangent through both with plain
     * {@code backward()} and compares every input's gradient.
     */
    private static void assertSameAsComposite(Function<Tensor[], Tensor> fused, Function<Tensor[], Tensor> composite,
                                              double tol, boolean[] differentiable, Tensor... inputs) {
        Tensor[] a = new Tensor[inputs.length];
        Tensor[] b = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != null) {
                a[i] = inputs[i].detach().clone().requiresGrad(differentiable[i]);
                b[i] = inputs[i].detach().clone().requiresGrad(differentiable[i]);
            }
        }
        Tensor ya = fused.apply(a);
        Tensor yb = composite.apply(b);
        assertArrayEqualsShape(yb.shape(), ya.shape());
        assertClose(yb, ya, tol, "value");
        Tensor cot = Tensor.uniform(new Generator(99), ya.dtype(), -1, 1, ya.shape());
        ya.mul(cot).sum().backward();
        yb.mul(cot).sum().backward();
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != null && differentiable[i]) {
                assertClose(b[i].grad(), a[i].grad(), tol, "gradient of input " + i);
            }
        }
    }

    private static void assertArrayEqualsShape(int[] expected, int[] actual) {
        assertEquals(Shape.toString(expected), Shape.toString(actual), "shape");
    }

    private static void assertClose(Tensor expected, Tensor actual, double tol, String what) {
        assertArrayEqualsShape(expected.shape(), actual.shape());
        double[] e = expected.to(DType.FLOAT64).contiguous().toDoubleArray();
        double[] v = actual.to(DType.FLOAT64).contiguous().toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            double scale = Math.max(1, Math.abs(e[i]));
            assertTrue(Math.abs(e[i] - v[i]) <= tol * scale, what + " differs at flat index " + i + ": composite "
                    + e[i] + ", fused " + v[i]);
        }
    }

    private static Tensor compositeLinear(Tensor x, Tensor w, Tensor b, Fused.Activation act) {
        Tensor y = x.matmul(w.t());
        if (b != null) {
            y = y.add(b);
        }
        return switch (act) {
            case NONE -> y;
            case RELU -> y.relu();
            case TANH -> y.tanh();
            case SIGMOID -> y.sigmoid();
        };
    }

    @Test
    void linearEqualsMatmulPlusBiasPlusActivation() {
        Generator g = new Generator(1);
        boolean[] all = {true, true, true};
        for (Fused.Activation act : Fused.Activation.values()) {
            for (int rows : new int[] {0, 1, 7, 17, 65}) {
                for (boolean bias : new boolean[] {true, false}) {
                    Tensor x = rand(g, DType.FLOAT64, rows, 9);
                    Tensor w = rand(g, DType.FLOAT64, 5, 9);
                    Tensor b = bias ? rand(g, DType.FLOAT64, 5) : null;
                    assertSameAsComposite(in -> Fused.linear(in[0], in[1], in[2], act),
                            in -> compositeLinear(in[0], in[1], in[2], act), 1e-12, all, x, w, b);
                }
            }
            // float32, a batch of sequences (rank 3), and a transposed (non-contiguous) weight
            Tensor x = rand(g, DType.FLOAT32, 2, 3, 64);
            Tensor wt = rand(g, DType.FLOAT32, 64, 33).t();
            Tensor b = rand(g, DType.FLOAT32, 33);
            assertSameAsComposite(in -> Fused.linear(in[0], in[1].t().t(), in[2], act),
                    in -> compositeLinear(in[0], in[1], in[2], act), 2e-5, all, x, wt, b);
        }
    }

    @Test
    void linearDerivativesOfEveryOrder() {
        Generator g = new Generator(2);
        for (Fused.Activation act : Fused.Activation.values()) {
            Tensor x = rand(g, DType.FLOAT64, 4, 3);
            Tensor w = rand(g, DType.FLOAT64, 2, 3);
            Tensor b = rand(g, DType.FLOAT64, 2);
            GradCheck.checkAll(in -> Fused.linear(in[0], in[1], in[2], act), SECOND, x, w, b);
            GradCheck.checkAll(in -> Fused.linear(in[0], in[1], null, act), SECOND, x, w);
        }
    }

    private static Tensor compositeCrossEntropy(Tensor logits, Tensor labels, double eps, long ignore) {
        int c = logits.shape()[1];
        Tensor valid = labels.ne(ignore);
        Tensor safe = Tensor.where(valid, labels, Tensor.zerosLike(labels));
        Tensor q = safe.oneHot(c).to(logits.dtype()).mul(1 - eps).add(eps / c);
        return logits.logSoftmax(1).mul(q).sum(1).neg().mul(valid.to(logits.dtype()));
    }

    @Test
    void crossEntropyEqualsLogSoftmaxComposite() {
        Generator g = new Generator(3);
        boolean[] diff = {true, false};
        for (int n : new int[] {0, 1, 7, 63, 1000}) {
            for (double eps : new double[] {0, 0.1}) {
                Tensor x = rand(g, DType.FLOAT64, n, 5).mul(4);
                Tensor y = Tensor.randint(g, 0, 5, n);
                if (n > 3) {
                    y = Tensor.where(Tensor.arange(n).eq(2), Tensor.full(-100, n).to(DType.INT64), y);
                }
                assertSameAsComposite(in -> Fused.crossEntropy(in[0], in[1], eps, -100),
                        in -> compositeCrossEntropy(in[0], in[1], eps, -100), 1e-12, diff, x, y);
            }
        }
        Tensor x = rand(g, DType.FLOAT32, 300, 10).mul(20);
        Tensor y = Tensor.randint(g, 0, 10, 300);
        assertSameAsComposite(in -> Fused.crossEntropy(in[0], in[1]),
                in -> compositeCrossEntropy(in[0], in[1], 0, -100), 1e-5, diff, x, y);
        // huge logits stay finite (log-sum-exp with the max subtracted)
        Tensor big = Tensor.of(new double[] {1000, -1000, 0, 900, 901, 902}, 2, 3);
        Tensor l = Fused.crossEntropy(big, Tensor.of(new long[] {0, 2}, 2));
        assertEquals(0.0, l.get(0).item(), 1e-12);
        assertEquals(Math.log(1 + Math.exp(-1) + Math.exp(-2)), l.get(1).item(), 1e-12);
    }

    @Test
    void crossEntropyDerivativesOfEveryOrder() {
        Generator g = new Generator(4);
        Tensor y = Tensor.of(new long[] {0, 3, -100, 1}, 4);
        GradCheck.check(x -> Fused.crossEntropy(x, y, 0.2, -100), rand(g, DType.FLOAT64, 4, 4), SECOND);
        GradCheck.check(x -> Fused.crossEntropy(x, y, 0.0, -100).mean(), rand(g, DType.FLOAT64, 4, 4), SECOND);
    }

    @Test
    void crossEntropyErrorsNameTheProblem() {
        Tensor x = Tensor.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fused.crossEntropy(x, Tensor.of(new long[] {0, 4, 1}, 3)));
        assertTrue(e.getMessage().contains("label 4 at row 1") && e.getMessage().contains("[0, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fused.crossEntropy(x, Tensor.of(0.0, 1.0, 2.0)));
        assertTrue(e.getMessage().contains("integer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fused.crossEntropy(x, Tensor.of(new long[] {0, 1}, 2)));
        assertTrue(e.getMessage().contains("[3]"), e.getMessage());
    }

    private static Tensor compositeLayerNorm(Tensor x, int k, Tensor w, Tensor b, double eps) {
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = x.dim() - k + i;
        }
        Tensor xc = x.sub(x.mean(dims, true));
        Tensor y = xc.mul(xc.square().mean(dims, true).add(eps).rsqrt());
        if (w != null) {
            y = y.mul(w);
        }
        return b == null ? y : y.add(b);
    }

    @Test
    void layerNormEqualsComposite() {
        Generator g = new Generator(5);
        boolean[] all = {true, true, true};
        for (int rows : new int[] {0, 1, 17, 5000}) {
            for (boolean affine : new boolean[] {true, false}) {
                Tensor x = rand(g, DType.FLOAT64, rows, 16).mul(3).add(1);
                Tensor w = affine ? rand(g, DType.FLOAT64, 16) : null;
                Tensor b = affine ? rand(g, DType.FLOAT64, 16) : null;
                assertSameAsComposite(in -> Fused.layerNorm(in[0], new int[] {16}, in[1], in[2], 1e-5),
                        in -> compositeLayerNorm(in[0], 1, in[1], in[2], 1e-5), 1e-10, all, x, w, b);
            }
        }
        Tensor x = rand(g, DType.FLOAT32, 2, 3, 4, 5);
        Tensor w = rand(g, DType.FLOAT32, 4, 5);
        Tensor b = rand(g, DType.FLOAT32, 4, 5);
        assertSameAsComposite(in -> Fused.layerNorm(in[0], new int[] {4, 5}, in[1], in[2], 1e-5),
                in -> compositeLayerNorm(in[0], 2, in[1], in[2], 1e-5), 2e-5, all, x, w, b);
        assertThrows(IllegalArgumentException.class, () -> Fused.layerNorm(x, new int[] {5, 4}, null, null, 1e-5));
    }

    @Test
    void layerNormDerivativesOfEveryOrder() {
        Generator g = new Generator(6);
        Tensor x = rand(g, DType.FLOAT64, 3, 4);
        Tensor w = rand(g, DType.FLOAT64, 4);
        Tensor b = rand(g, DType.FLOAT64, 4);
        GradCheck.checkAll(in -> Fused.layerNorm(in[0], new int[] {4}, in[1], in[2], 1e-5), SECOND, x, w, b);
        GradCheck.check(in -> Fused.layerNorm(in, new int[] {4}, null, null, 1e-3), x, SECOND);
    }

    private static Tensor compositeAttention(Tensor q, Tensor k, Tensor v, Tensor mask, double scale) {
        Tensor s = q.matmul(k.mT()).mul(scale);
        if (mask != null) {
            s = mask.dtype() == DType.BOOL ? Tensor.where(mask, s, Double.NEGATIVE_INFINITY) : s.add(mask);
        }
        return s.softmax(-1).matmul(v);
    }

    @Test
    void attentionEqualsComposite() {
        Generator g = new Generator(7);
        double scale = 0.5;
        Tensor q = rand(g, DType.FLOAT64, 2, 3, 5, 4);
        Tensor k = rand(g, DType.FLOAT64, 2, 3, 6, 4);
        Tensor v = rand(g, DType.FLOAT64, 2, 3, 6, 2);
        assertSameAsComposite(in -> Fused.attention(in[0], in[1], in[2], null, scale),
                in -> compositeAttention(in[0], in[1], in[2], null, scale), 1e-12, new boolean[] {true, true, true}, q, k, v);
        // a learned additive bias (as in particle transformers) receives its gradient, broadcast over heads
        Tensor bias = rand(g, DType.FLOAT64, 2, 1, 5, 6);
        assertSameAsComposite(in -> Fused.attention(in[0], in[1], in[2], in[3], scale),
                in -> compositeAttention(in[0], in[1], in[2], in[3], scale), 1e-12,
                new boolean[] {true, true, true, true}, q, k, v, bias);
        // key padding: event 1 has only 4 real keys; k and v shared across heads (broadcast batch)
        boolean[] keep = new boolean[2 * 6];
        for (int j = 0; j < 6; j++) {
            keep[j] = true;
            keep[6 + j] = j < 4;
        }
        Tensor pad = Tensor.of(keep, 2, 1, 1, 6);
        Tensor k1 = rand(g, DType.FLOAT32, 2, 1, 6, 4);
        Tensor v1 = rand(g, DType.FLOAT32, 2, 1, 6, 2);
        assertSameAsComposite(in -> Fused.attention(in[0], in[1], in[2], pad, scale),
                in -> compositeAttention(in[0], in[1], in[2], pad, scale), 1e-5, new boolean[] {true, true, true},
                q.to(DType.FLOAT32), k1, v1);
    }

    @Test
    void attentionToNothingGivesZerosNotNaN() {
        Generator g = new Generator(8);
        Tensor q = rand(g, DType.FLOAT64, 2, 3).requiresGrad(true);
        Tensor k = rand(g, DType.FLOAT64, 4, 3).requiresGrad(true);
        Tensor v = rand(g, DType.FLOAT64, 4, 2).requiresGrad(true);
        Tensor mask = Tensor.of(new boolean[] {true, true, false, false, false, false, false, false}, 2, 4);
        Tensor o = Fused.attention(q, k, v, mask, 1.0);
        assertEquals(0.0, o.get(1).abs().sum().item(), 0);
        Tensor expected = compositeAttention(q.narrow(0, 0, 1), k, v, mask.narrow(0, 0, 1), 1.0);
        assertClose(expected, o.narrow(0, 0, 1), 1e-12, "attending row");
        o.sum().backward();
        assertEquals(0.0, q.grad().isNan().any().item(), 0, "gradients finite");
        assertEquals(0.0, q.grad().get(1).abs().sum().item(), 0);
    }

    @Test
    void attentionDerivativesOfEveryOrder() {
        Generator g = new Generator(9);
        Tensor q = rand(g, DType.FLOAT64, 2, 3, 2);
        Tensor k = rand(g, DType.FLOAT64, 2, 4, 2);
        Tensor v = rand(g, DType.FLOAT64, 2, 4, 3);
        Tensor m = rand(g, DType.FLOAT64, 2, 3, 4);
        GradCheck.checkAll(in -> Fused.attention(in[0], in[1], in[2], in[3], 0.7), SECOND, q, k, v, m);
        Tensor pad = Tensor.of(new boolean[] {true, true, true, false}, 4);
        GradCheck.checkAll(in -> Fused.attention(in[0], in[1], in[2], pad, 0.7), SECOND, q, k, v);
    }
}
