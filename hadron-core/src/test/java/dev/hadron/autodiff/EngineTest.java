package dev.hadron.autodiff;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour of the tape: accumulation, scopes, freeing, in-place safety, anomaly mode, nesting. */
class EngineTest {

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Tensor w = Tensor.of(1.0, 2.0).requiresGrad(true);
        w.mul(3).sum().backward();
        w.mul(3).sum().backward();
        assertArrayEquals(new double[] {6, 6}, w.grad().toDoubleArray());
        w.setGrad(null);
        assertNull(w.grad());
    }

    @Test
    void sharedSubexpressionsSumTheirGradients() {
        Tensor x = Tensor.of(3.0).requiresGrad(true);
        Tensor y = x.mul(x);
        y.add(y).add(x).sum().backward();
        assertEquals(13.0, x.grad().item(), 0);
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor y;
        try (Autodiff.Scope s = Autodiff.noGrad()) {
            y = x.mul(2);
            assertFalse(Autodiff.isGradEnabled());
        }
        assertTrue(Autodiff.isGradEnabled());
        assertFalse(y.requiresGrad());
        assertNull(y.gradFnName());
    }

    @Test
    void detachCutsTheGraph() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor y = x.mul(x).detach().mul(x).sum();
        y.backward();
        assertEquals(4.0, x.grad().item(), 0);
    }

    @Test
    void retainGradKeepsNonLeafGradients() {
        Tensor x = Tensor.of(1.0, 2.0).requiresGrad(true);
        Tensor h = x.mul(2).retainGrad();
        h.square().sum().backward();
        assertArrayEquals(new double[] {4, 8}, h.grad().toDoubleArray());
        assertArrayEquals(new double[] {8, 16}, x.grad().toDoubleArray());
    }

    @Test
    void secondBackwardThroughFreedGraphFailsClearly() {
        Tensor x = Tensor.of(1.0, 2.0).requiresGrad(true);
        Tensor y = x.exp().sum();
        y.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("backward through the graph a second time"), e.getMessage());
        assertTrue(e.getMessage().contains("retainGraph"), e.getMessage());
    }

    @Test
    void retainGraphAllowsASecondBackward() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Tensor y = x.exp().sum();
        y.backward(Tensor.onesLike(y), true, false);
        y.backward();
        assertEquals(2 * Math.E, x.grad().item(), 1e-12);
    }

    @Test
    void createGraphGivesDifferentiableGradients() {
        Tensor x = Tensor.of(2.0).requiresGrad(true);
        Tensor y = x.pow(4).sum();
        y.backward(Tensor.onesLike(y), true, true);
        Tensor g = x.grad();
        assertEquals(32.0, g.item(), 1e-12);
        x.setGrad(null);
        g.sum().backward();
        assertEquals(48.0, x.grad().item(), 1e-12);
    }

    @Test
    void backwardOfNonScalarNeedsACotangent() {
        Tensor x = Tensor.ones(DType.FLOAT64, 2, 3).requiresGrad(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.mul(2).backward());
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
        assertTrue(e.getMessage().contains("cotangent"), e.getMessage());
    }

    @Test
    void backwardOfAConstantFailsClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(1.0).sum().backward());
        assertTrue(e.getMessage().contains("does not require grad"), e.getMessage());
    }

    @Test
    void inPlaceModificationOfASavedTensorIsDetected() {
        Tensor x = Tensor.of(1.0, 2.0).requiresGrad(true);
        Tensor y = x.mul(1);
        Tensor z = y.sin().sum();
        try (Autodiff.Scope s = Autodiff.noGrad()) {
            y.detach().fill(0);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, z::backward);
        assertTrue(e.getMessage().contains("modified in place"), e.getMessage());
    }

    @Test
    void opsKeepOnlyWhatTheirBackwardReads() {
        // exp's derivative is its output, so changing its input afterwards is harmless (as in PyTorch)
        Tensor x = Tensor.of(1.0, 2.0).requiresGrad(true);
        Tensor y = x.mul(1);
        Tensor z = y.exp().sum();
        y.detach().fill(0);
        z.backward();
        assertArrayEquals(new double[] {Math.E, Math.exp(2)}, x.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void inPlaceOnALeafRequiringGradNeedsNoGrad() {
        Tensor w = Tensor.of(1.0).requiresGrad(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.fill(3));
        assertTrue(e.getMessage().contains("noGrad"), e.getMessage());
        try (Autodiff.Scope s = Autodiff.noGrad()) {
            w.fill(3);
        }
        assertEquals(3.0, w.item(), 0);
    }

    @Test
    void onlyFloatingTensorsRequireGrad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new long[] {1}, 1).requiresGrad(true));
        assertTrue(e.getMessage().contains("int64"), e.getMessage());
        Tensor y = Tensor.of(1.0).requiresGrad(true).mul(2);
        assertThrows(IllegalStateException.class, () -> y.requiresGrad(false));
    }

    @Test
    void anomalyModeNamesTheOpThatMadeANaN() {
        Tensor x = Tensor.of(-1.0, 4.0).requiresGrad(true);
        try (Autodiff.Scope s = Autodiff.detectAnomaly()) {
            AnomalyException e = assertThrows(AnomalyException.class, () -> x.mul(2).sqrt().sum());
            assertEquals("sqrt", e.opName());
            assertTrue(e.getMessage().contains("forward of op 'sqrt' produced NaN"), e.getMessage());
            assertTrue(e.getMessage().contains("[2]"), e.getMessage());
        }
        Tensor y = x.mul(2).sqrt().sum();
        assertTrue(Double.isNaN(y.item()), "outside anomaly mode NaN propagates as in PyTorch");
    }

    @Test
    void anomalyModeChecksGradientsToo() {
        Tensor x = Tensor.of(0.0).requiresGrad(true);
        Tensor y = x.sqrt().sum();
        try (Autodiff.Scope s = Autodiff.detectAnomaly()) {
            AnomalyException e = assertThrows(AnomalyException.class, y::backward);
            assertTrue(e.getMessage().contains("Inf"), e.getMessage());
            assertTrue(e.getMessage().contains("backward of op 'sqrt'"), e.getMessage());
        }
    }

    @Test
    void nestedReverseModeAvoidsPerturbationConfusion() {
        // d/dx [ x * (d/dy (x + y)) ] = d/dx [x * 1] = 1
        Function<Tensor, Tensor> outer = x -> x.mul(Autodiff.grad(y -> x.add(y).sum()).apply(Tensor.of(3.0))).sum();
        assertEquals(1.0, Autodiff.grad(outer).apply(Tensor.of(2.0)).item(), 1e-12);
        // d/dx [ d/dy (y * x) at y = x ] = d/dx [x] = 1
        Function<Tensor, Tensor> g = x -> Autodiff.grad(y -> y.mul(x).sum()).apply(x).sum();
        assertEquals(1.0, Autodiff.grad(g).apply(Tensor.of(5.0)).item(), 1e-12);
    }

    @Test
    void nestedForwardModeAvoidsPerturbationConfusion() {
        // Siskind & Pearlmutter: d/dx [ x * (d/dy (x * y))|y=1 ] = d/dx [x * x] = 2x
        Function<Tensor, Tensor> f = x -> x.mul(Autodiff.jvp(y -> x.mul(y), Tensor.of(1.0), Tensor.of(1.0)));
        assertEquals(6.0, Autodiff.jvp(f, Tensor.of(3.0), Tensor.of(1.0)).item(), 1e-12);
        assertEquals(6.0, Autodiff.grad(v -> f.apply(v).sum()).apply(Tensor.of(3.0)).item(), 1e-12);
    }

    @Test
    void thirdDerivativesCompose() {
        Function<Tensor, Tensor> f = x -> x.sin().mul(x).sum();
        Function<Tensor, Tensor> d3 = Autodiff.grad(v -> Autodiff.grad(w -> Autodiff.grad(f).apply(w).sum()).apply(v).sum());
        double x = 0.7;
        // f = x sin x: f''' = -3 sin x - x cos x
        assertEquals(-3 * Math.sin(x) - x * Math.cos(x), d3.apply(Tensor.of(x)).item(), 1e-10);
        Function<Tensor, Tensor> jf3 = v -> Autodiff.jvp(w -> Autodiff.jvp(z -> Autodiff.grad(f).apply(z), w, Tensor.of(1.0)),
                v, Tensor.of(1.0));
        assertEquals(-3 * Math.sin(x) - x * Math.cos(x), jf3.apply(Tensor.of(x)).item(), 1e-10);
    }

    @Test
    void jacobiansInBothModesAgree() {
        Function<Tensor, Tensor> f = x -> Tensor.stack(0, x.get(0).mul(x.get(1)), x.get(1).sin(), x.get(2).exp().mul(x.get(0)));
        Tensor x = Tensor.of(0.5, -1.0, 0.3);
        Tensor jr = Autodiff.jacrev(f).apply(x);
        Tensor jf = Autodiff.jacfwd(f).apply(x);
        assertArrayEquals(new int[] {3, 3}, jr.shape());
        assertArrayEquals(jr.toDoubleArray(), jf.toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {-1, 0.5, 0, 0, Math.cos(-1), 0, Math.exp(0.3), 0, 0.5 * Math.exp(0.3)},
                jr.toDoubleArray(), 1e-12);
    }

    @Test
    void hvpEqualsHessianTimesVector() {
        Function<Tensor, Tensor> f = x -> x.pow(3).sum().add(x.get(0).mul(x.get(1)));
        Tensor x = Tensor.of(1.0, 2.0);
        Tensor v = Tensor.of(0.5, -1.0);
        Tensor h = Autodiff.hessian(f).apply(x);
        assertArrayEquals(h.matmul(v).toDoubleArray(), Autodiff.hvp(f, x, v).toDoubleArray(), 1e-12);
    }

    @Test
    void valueAndGradWithAuxReturnsTheAux() {
        Autodiff.ValueGradAux<String> r = Autodiff.<String>valueAndGradWithAux(
                x -> new Autodiff.WithAux<>(x.square().sum(), "ok")).apply(Tensor.of(3.0));
        assertEquals(9.0, r.value().item(), 0);
        assertEquals(6.0, r.grad().item(), 0);
        assertEquals("ok", r.aux());
    }

    @Test
    void gradOfAFunctionThatIgnoresItsInputIsZero() {
        assertArrayEquals(new double[] {0, 0}, Autodiff.grad(x -> Tensor.of(1.0).sum()).apply(Tensor.of(1.0, 2.0))
                .toDoubleArray());
    }

    @Test
    void checkpointRecomputesAndAccumulatesIntoClosedOverLeaves() {
        Tensor w = Tensor.of(2.0).requiresGrad(true);
        Tensor x = Tensor.of(1.0, 3.0).requiresGrad(true);
        Tensor y = Autodiff.checkpoint(v -> v.mul(w).sin(), x).sum();
        y.backward();
        double[] xv = {1, 3};
        double gw = 0;
        for (double v : xv) {
            gw += v * Math.cos(2 * v);
        }
        assertArrayEquals(new double[] {2 * Math.cos(2), 2 * Math.cos(6)}, x.grad().toDoubleArray(), 1e-12);
        assertEquals(gw, w.grad().item(), 1e-12);
    }

    @Test
    void customFunctionWithoutDifferentiableBackwardRefusesForwardMode() {
        CustomFunction opaque = new CustomFunction() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].mul(2);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {Tensor.full(DType.FLOAT64, 2, g.shape())};
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Autodiff.jvp(opaque::apply, Tensor.of(1.0), Tensor.of(1.0)));
        assertTrue(e.getMessage().contains("override jvp"), e.getMessage());
    }
}
