package dev.hadron.autodiff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every differentiable op in {@link OpTable}: VJP and JVP against central finite differences in float64. */
class OpTableTest {

    static List<OpTable.Case> cases() {
        return OpTable.cases();
    }

    static List<OpTable.Case> smoothCases() {
        return OpTable.cases().stream().filter(OpTable.Case::secondOrder).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstOrder(OpTable.Case c) {
        GradCheck.checkAll(c.f(), GradCheck.Options.defaults(), c.inputs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smoothCases")
    void secondOrder(OpTable.Case c) {
        GradCheck.checkAll(c.f(), GradCheck.Options.defaults().withSecondOrder(true).withTolerance(1e-4, 2e-3), c.inputs());
    }

    @Test
    void tableHasUniqueNamesAndCoversTheOps() {
        Set<String> names = new HashSet<>();
        for (OpTable.Case c : OpTable.cases()) {
            assertTrue(names.add(c.name()), "duplicate case " + c.name());
        }
        assertTrue(names.size() > 120, "the op table shrank: " + names.size() + " cases");
    }
}
