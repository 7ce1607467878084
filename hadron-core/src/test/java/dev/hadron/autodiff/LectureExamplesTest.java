package dev.hadron.autodiff;

import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The automatic-differentiation examples of the differentiable-programming lectures, to 1e-5. */
class LectureExamplesTest {
    private static final double TOL = 1e-5;

    @Test
    void logOfProduct() {
        Tensor a = Tensor.of(2.0).requiresGrad(true);
        Tensor b = Tensor.of(3.0).requiresGrad(true);
        Tensor y = a.mul(b).log().sum();
        y.backward();
        assertEquals(1.791759, y.item(), TOL);
        assertEquals(0.5, a.grad().item(), TOL);
        assertEquals(0.333333, b.grad().item(), TOL);
    }

    private static final Function<Tensor, Tensor> F = x -> {
        Tensor x0 = x.get(0);
        Tensor x1 = x.get(1);
        return x0.mul(2).add(x0.mul(x1.sin())).add(x1.pow(3));
    };

    @Test
    void polynomialInReverseMode() {
        Tensor x = Tensor.of(1.0, 2.0);
        Autodiff.ValueAndGrad vg = Autodiff.valueAndGrad(F).apply(x);
        assertEquals(10.909297, vg.value().item(), TOL);
        assertArrayEquals(new double[] {2.909297, 11.583853}, vg.grad().toDoubleArray(), TOL);
    }

    @Test
    void polynomialInForwardMode() {
        Tensor x = Tensor.of(1.0, 2.0);
        double d0 = Autodiff.jvp(F, x, Tensor.of(1.0, 0.0)).item();
        double d1 = Autodiff.jvp(F, x, Tensor.of(0.0, 1.0)).item();
        assertArrayEquals(new double[] {2.909297, 11.583853}, new double[] {d0, d1}, TOL);
        assertArrayEquals(new double[] {2.909297, 11.583853}, Autodiff.jacfwd(F).apply(x).toDoubleArray(), TOL);
    }

    @Test
    void programWithLoop() {
        Function<Tensor, Tensor> program = x -> {
            Tensor y = x;
            for (int i = 0; i < 4; i++) {
                y = y.add(x.get(0).square().add(x.get(1).sin()).add(x.get(2).neg().exp()));
            }
            return y.sum();
        };
        Tensor x = Tensor.of(2.0, 3.0, -2.0);
        Autodiff.ValueAndGrad vg = Autodiff.valueAndGrad(program).apply(x);
        assertEquals(141.36212, vg.value().item(), 1e-4);
        assertArrayEquals(new double[] {49, -10.87991, -87.66867}, vg.grad().toDoubleArray(), 1e-4);
    }

    @Test
    void logisticMapDerivative() {
        for (double x0 : new double[] {0.1, 0.25, 0.5, 0.77}) {
            Function<Tensor, Tensor> l4 = x -> {
                Tensor l = x;
                for (int n = 1; n < 4; n++) {
                    l = l.mul(4).mul(l.neg().add(1));
                }
                return l.sum();
            };
            double x = x0;
            double expected = 64 * (1 - 42 * x + 504 * x * x - 2640 * Math.pow(x, 3) + 7040 * Math.pow(x, 4)
                    - 9984 * Math.pow(x, 5) + 7168 * Math.pow(x, 6) - 2048 * Math.pow(x, 7));
            assertEquals(expected, Autodiff.grad(l4).apply(Tensor.of(x0)).item(), 1e-6 * Math.max(1, Math.abs(expected)));
            assertEquals(expected, Autodiff.jvp(l4, Tensor.of(x0), Tensor.of(1.0)).item(),
                    1e-6 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void hessianOfPolynomial() {
        Tensor h = Autodiff.hessian(F).apply(Tensor.of(1.0, 2.0));
        // d2/dx0^2 = 0, d2/dx0dx1 = cos(x1), d2/dx1^2 = -x0 sin(x1) + 6 x1
        assertArrayEquals(new double[] {0, Math.cos(2), Math.cos(2), -Math.sin(2) + 12}, h.toDoubleArray(), 1e-9);
    }
}
