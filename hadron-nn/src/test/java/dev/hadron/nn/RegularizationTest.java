package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Penalties and gradient clipping; clipping against {@code torch.nn.utils} (golden/clipping.safetensors). */
class RegularizationTest {
    private static final Map<String, Tensor> G = Golden.load("clipping");

    private static List<Tensor> withGrads() {
        Tensor p0 = Tensor.zeros(3, 4).requiresGrad(true);
        Tensor p1 = Tensor.zeros(5).requiresGrad(true);
        p0.setGrad(G.get("g0").clone());
        p1.setGrad(G.get("g1").clone());
        return List.of(p0, p1);
    }

    @Test
    void clipGradNormAsPyTorch() {
        for (Object[] c : new Object[][] {{"norm2", 2.0, 1.0}, {"norm3", 3.0, 0.7},
                {"norminf", Double.POSITIVE_INFINITY, 0.5}, {"norm2_big", 2.0, 100.0}}) {
            String name = (String) c[0];
            List<Tensor> ps = withGrads();
            double total = Regularization.clipGradNorm(ps, (double) c[2], (double) c[1]);
            assertEquals(G.get(name + ".total").item(), total, 1e-5 * total, name + " total norm");
            Golden.assertClose(name + " g0", G.get(name + ".g0"), ps.get(0).grad(), 1e-6);
            Golden.assertClose(name + " g1", G.get(name + ".g1"), ps.get(1).grad(), 1e-6);
        }
    }

    @Test
    void clipGradValueAsPyTorch() {
        List<Tensor> ps = withGrads();
        Regularization.clipGradValue(ps, 0.8);
        Golden.assertClose("value g0", G.get("value.g0"), ps.get(0).grad(), 0);
        Golden.assertClose("value g1", G.get("value.g1"), ps.get(1).grad(), 0);
    }

    @Test
    void clippingSkipsMissingGradientsAndRefusesNaN() {
        Tensor noGrad = Tensor.zeros(2).requiresGrad(true);
        List<Tensor> ps = List.of(withGrads().get(0), noGrad);
        Regularization.clipGradNorm(ps, 1.0);
        assertNull(noGrad.grad());
        Tensor bad = Tensor.zeros(2).requiresGrad(true);
        bad.setGrad(Tensor.of(new float[] {1, Float.NaN}, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Regularization.clipGradNorm(List.of(withGrads().get(0), bad), 1.0));
        assertTrue(e.getMessage().contains("gradient of parameter 1 (shape [2]) has a non-finite norm"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Regularization.clipGradNorm(ps, 0));
        assertThrows(IllegalArgumentException.class, () -> Regularization.clipGradValue(ps, -1));
    }

    @Test
    void penaltiesOnChosenParametersAndTheirGradients() {
        Linear a = new Linear(3, 2, new Generator(1));
        Linear b = new Linear(2, 1, new Generator(2));
        // only a's weight is penalised; the biases and b are not
        Tensor l1 = Regularization.l1(List.of(a.weight()));
        Tensor l2 = Regularization.l2(List.of(a.weight()));
        assertEquals(a.weight().abs().sum().item(), l1.item(), 1e-6);
        assertEquals(a.weight().square().sum().item(), l2.item(), 1e-6);
        l1.add(l2.mul(0.5)).backward();
        Tensor expected = a.weight().detach().sign().add(a.weight().detach());
        Golden.assertClose("penalty gradient", expected, a.weight().grad(), 1e-6);
        assertNull(a.bias().grad());
        assertNull(b.weight().grad());
        assertEquals(0.0, Regularization.l2(List.of()).item());
        assertEquals(DType.FLOAT32, l2.dtype());
    }
}
