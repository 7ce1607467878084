package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initializers: ranges, moments and structure as {@code torch.nn.init} defines them (PyTorch's random
 * streams differ from ours, so values are compared in distribution, with bounds of several standard errors),
 * and reproducibility from an explicit {@link Generator}.
 */
class InitTest {
    private static double mean(Tensor t) {
        return t.to(DType.FLOAT64).mean().item();
    }

    private static double std(Tensor t) {
        Tensor d = t.to(DType.FLOAT64);
        return Math.sqrt(d.sub(d.mean()).square().mean().item());
    }

    private static double maxAbs(Tensor t) {
        return t.abs().max().item();
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        Tensor a = Init.kaimingNormal(Tensor.zeros(20, 10), new Generator(3));
        Tensor b = Init.kaimingNormal(Tensor.zeros(20, 10), new Generator(3));
        Tensor c = Init.kaimingNormal(Tensor.zeros(20, 10), new Generator(4));
        assertTrue(a.equal(b));
        assertFalse(a.equal(c));
        // whole models too: a layer built from the same seed is the same layer
        assertTrue(new Linear(7, 5, new Generator(9)).weight().equal(new Linear(7, 5, new Generator(9)).weight()));
        assertTrue(new LSTM(3, 4, 2, new Generator(9)).stateDict().get("weight_hh_l1")
                .equal(new LSTM(3, 4, 2, new Generator(9)).stateDict().get("weight_hh_l1")));
    }

    @Test
    void uniformAndNormal() {
        Generator g = new Generator(1);
        Tensor u = Init.uniform(Tensor.zeros(400, 250), -2, 3, g);
        assertTrue(u.min().item() >= -2 && u.max().item() < 3);
        assertEquals(0.5, mean(u), 4 * 5 / Math.sqrt(12 * 100_000.0));
        assertEquals(5 / Math.sqrt(12), std(u), 0.01);
        Tensor n = Init.normal(Tensor.zeros(DType.FLOAT64, 400, 250), 1.5, 0.2, g);
        assertEquals(DType.FLOAT64, n.dtype());
        assertEquals(1.5, mean(n), 4 * 0.2 / Math.sqrt(100_000.0));
        assertEquals(0.2, std(n), 0.002);
        Tensor tn = Init.truncNormal(Tensor.zeros(1000), 0, 1, -0.5, 0.5, g);
        assertTrue(tn.min().item() >= -0.5 && tn.max().item() <= 0.5);
        assertEquals(7.0, Init.constant(Tensor.zeros(3), 7).sum().item() / 3, 0);
        assertTrue(Init.eye(Tensor.zeros(3, 3)).equal(Tensor.eye(DType.FLOAT32, 3, 3)));
    }

    @Test
    void fansAndGainsAsPyTorch() {
        Tensor conv = Tensor.zeros(8, 3, 5, 5);
        assertEquals(75, Init.fanIn(conv));
        assertEquals(200, Init.fanOut(conv));
        assertEquals(5.0 / 3, Init.gain("tanh", 0));
        assertEquals(Math.sqrt(2), Init.gain("relu", 0));
        assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Init.gain("leaky_relu", 0.01), 1e-15);
        assertEquals(0.75, Init.gain("selu", 0));
        assertEquals(1.0, Init.gain("sigmoid", 0));
    }

    @Test
    void xavierAndKaiming() {
        Generator g = new Generator(2);
        // (out 300, in 200): Xavier bound sqrt(6 / 500), std sqrt(2 / 500)
        Tensor xu = Init.xavierUniform(Tensor.zeros(300, 200), g);
        double bound = Math.sqrt(6.0 / 500);
        assertTrue(maxAbs(xu) <= bound);
        assertEquals(bound / Math.sqrt(3), std(xu), 0.01 * bound);
        Tensor xn = Init.xavierNormal(Tensor.zeros(300, 200), 2.0, g);
        assertEquals(2 * Math.sqrt(2.0 / 500), std(xn), 0.01 * 2 * Math.sqrt(2.0 / 500));
        // Kaiming normal, relu gain, fan-in 200 (default) and fan-out 300
        Tensor kn = Init.kaimingNormal(Tensor.zeros(300, 200), g);
        assertEquals(Math.sqrt(2.0 / 200), std(kn), 0.01 * Math.sqrt(2.0 / 200));
        Tensor ko = Init.kaimingNormal(Tensor.zeros(300, 200), 0, Init.FanMode.FAN_OUT, "relu", g);
        assertEquals(Math.sqrt(2.0 / 300), std(ko), 0.01 * Math.sqrt(2.0 / 300));
        Tensor ku = Init.kaimingUniform(Tensor.zeros(300, 200), g);
        assertTrue(maxAbs(ku) <= Math.sqrt(6.0 / 200));
        assertTrue(maxAbs(ku) > 0.99 * Math.sqrt(6.0 / 200), "the bound is reached");
    }

    @Test
    void orthogonalRowsOrColumns() {
        Generator g = new Generator(3);
        Tensor wide = Init.orthogonal(Tensor.zeros(4, 9), g);
        assertTrue(wide.matmul(wide.t()).sub(Tensor.eye(DType.FLOAT32, 4, 4)).abs().max().item() < 1e-5);
        Tensor tall = Init.orthogonal(Tensor.zeros(9, 4), 2.0, g);
        assertTrue(tall.t().matmul(tall).sub(Tensor.eye(DType.FLOAT32, 4, 4).mul(4)).abs().max().item() < 1e-5);
        Tensor kernel = Init.orthogonal(Tensor.zeros(6, 2, 3, 3), g);   // viewed as (6, 18)
        Tensor flat = kernel.reshape(6, 18);
        assertTrue(flat.matmul(flat.t()).sub(Tensor.eye(DType.FLOAT32, 6, 6)).abs().max().item() < 1e-5);
        // Haar-distributed: the mean of many entries is near zero (no sign bias from the QR)
        Tensor many = Init.orthogonal(Tensor.zeros(200, 200), g);
        assertEquals(0, mean(many), 4 / Math.sqrt(40_000.0) / Math.sqrt(200));
    }

    @Test
    void pyTorchDefaultLinearAndConvInit() {
        Generator g = new Generator(4);
        Linear l = new Linear(50, 400, g);
        double b = 1 / Math.sqrt(50);
        assertTrue(maxAbs(l.weight()) <= b && maxAbs(l.weight()) > 0.98 * b);
        assertEquals(b / Math.sqrt(3), std(l.weight()), 0.02 * b);
        assertTrue(maxAbs(l.bias()) <= b);
        Conv2d c = new Conv2d(3, 64, 5, g);
        double bc = 1 / Math.sqrt(75);
        Tensor w = c.stateDict().get("weight");
        assertTrue(maxAbs(w) <= bc && maxAbs(w) > 0.98 * bc);
        assertEquals(bc / Math.sqrt(3), std(w), 0.03 * bc);
        assertTrue(maxAbs(c.stateDict().get("bias")) <= bc);
        // the same bounds through Init directly
        assertTrue(maxAbs(Init.linearDefault(Tensor.zeros(10, 16), g)) <= 0.25);
        assertTrue(maxAbs(Init.linearBiasDefault(Tensor.zeros(10), 16, g)) <= 0.25);
    }

    @Test
    void initializersRecordNoGradientAndRejectBadInput() {
        Linear l = new Linear(3, 2, new Generator(1));
        Init.xavierUniform(l.weight(), new Generator(2));
        assertTrue(l.weight().requiresGrad());
        assertTrue(l.weight().isLeaf(), "still a leaf parameter after initialization");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Init.uniform(Tensor.zeros(DType.INT64, 3), 0, 1, new Generator(1)));
        assertTrue(e.getMessage().contains("floating-point"), e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> Init.xavierUniform(Tensor.zeros(5), new Generator(1)));
        assertTrue(f.getMessage().contains("at least 2 dimensions, got shape [5]"), f.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Init.normal(Tensor.zeros(2), 0, -1, new Generator(1)));
        assertThrows(IllegalArgumentException.class, () -> Init.gain("swish", 0));
    }
}
