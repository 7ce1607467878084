package dev.hadron.autodiff;

import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GradCheck itself must catch wrong derivative rules in each mode and order. */
class GradCheckTest {

    /** sin with a chosen (possibly wrong) reverse and forward rule. */
    private static CustomFunction sinWith(double vjpScale, double jvpScale, boolean wrongSecondOrder) {
        return new CustomFunction() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.save(in[0]);
                return in[0].sin();
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                Tensor x = ctx.saved(0);
                // cos(x) written two ways: right, or right in value but with a wrong derivative (detached)
                Tensor d = wrongSecondOrder ? x.cos().detach() : x.cos();
                return new Tensor[] {g.mul(d).mul(vjpScale)};
            }

            @Override
            protected Tensor jvp(Context ctx, Tensor... t) {
                return t[0].mul(ctx.saved(0).cos()).mul(jvpScale);
            }
        };
    }

    private static final Tensor X = Tensor.of(0.3, -1.1, 2.0);

    @Test
    void acceptsCorrectRules() {
        CustomFunction ok = sinWith(1, 1, false);
        assertDoesNotThrow(() -> GradCheck.check(ok::apply, X,
                GradCheck.Options.defaults().withSecondOrder(true)));
    }

    @Test
    void catchesWrongReverseRule() {
        CustomFunction bad = sinWith(1.01, 1, false);
        GradCheck.GradCheckError e = assertThrows(GradCheck.GradCheckError.class, () -> GradCheck.check(bad::apply, X,
                GradCheck.Options.defaults().withModes(true, false)));
        assertTrue(e.getMessage().contains("reverse mode"), e.getMessage());
    }

    @Test
    void catchesWrongForwardRule() {
        CustomFunction bad = sinWith(1, 0.99, false);
        GradCheck.GradCheckError e = assertThrows(GradCheck.GradCheckError.class, () -> GradCheck.check(bad::apply, X,
                GradCheck.Options.defaults().withModes(false, true)));
        assertTrue(e.getMessage().contains("forward mode"), e.getMessage());
    }

    @Test
    void catchesWrongSecondOrder() {
        CustomFunction bad = sinWith(1, 1, true);
        assertDoesNotThrow(() -> GradCheck.check(bad::apply, X));
        GradCheck.GradCheckError e = assertThrows(GradCheck.GradCheckError.class, () -> GradCheck.check(bad::apply, X,
                GradCheck.Options.defaults().withSecondOrder(true).withModes(true, false)));
        assertTrue(e.getMessage().contains("second order"), e.getMessage());
    }

    @Test
    void rejectsNonsenseOptions() {
        assertThrows(IllegalArgumentException.class, () -> new GradCheck.Options(0, 1e-5, 1e-3, true, true, false));
        assertThrows(IllegalArgumentException.class, () -> new GradCheck.Options(1e-6, 1e-5, 1e-3, false, false, false));
    }
}
