package dev.hadron.cli;

import dev.hadron.cli.study.Selection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code data.selection} expressions: precedence, functions, NaN, and errors that point at the problem. */
class SelectionTest {
    private static final Map<String, double[]> V = Map.of(
            "pt", new double[] {10, 25, 40, 60, Double.NaN},
            "eta", new double[] {0.5, -2.6, 1.0, -1.0, 0.0},
            "Jet.n", new double[] {0, 1, 2, 3, 4});

    private static boolean[] eval(String s) {
        return Selection.parse(s, "t").evaluate(V, 5);
    }

    @Test
    void comparisonsLogicAndPrecedence() {
        assertArrayEquals(new boolean[] {false, true, true, true, false}, eval("pt > 20"), "NaN compares false");
        assertArrayEquals(new boolean[] {false, false, true, true, false}, eval("pt > 20 && abs(eta) < 2.4"));
        assertArrayEquals(new boolean[] {false, false, true, true, false}, eval("pt > 20 and abs(eta) < 2.4"));
        assertArrayEquals(new boolean[] {true, true, true, true, false}, eval("pt > 20 || pt <= 10"));
        assertArrayEquals(new boolean[] {true, false, false, false, true}, eval("!(pt > 20)"), "not of NaN > 20 is true, as in NumPy");
        assertArrayEquals(new boolean[] {false, true, true, true, false}, eval("pt - 2 * 5 >= 15 || Jet.n == 3"));
        assertArrayEquals(new boolean[] {true, false, false, false, false}, eval("pt / 10 == 1 or pt * -1 > 0"));
        assertArrayEquals(new boolean[] {false, false, true, false, false}, eval("max(pt, 30) == 40 && min(`Jet.n`, 5) != 3"));
        assertArrayEquals(new boolean[] {true, true, true, true, false}, eval("sqrt(pt) > 3 && log(exp(1)) == 1 && pt < 1e3"));
        assertEquals(List.of("pt", "Jet.n"), Selection.parse("pt > 1 && `Jet.n` > 0 && pt < 9", "t").columns());
    }

    @Test
    void errorsNameTheKeyThePositionAndTheProblem() {
        CliException e = assertThrows(CliException.class, () -> Selection.parse("pt > > 3", "cfg.yaml: data.selection"));
        assertTrue(e.getMessage().startsWith("cfg.yaml: data.selection: ") && e.getMessage().contains("position 6"), e.getMessage());
        assertEquals(ExitCode.CONFIG, e.exitCode());
        assertTrue(assertThrows(CliException.class, () -> Selection.parse("pt + 3", "k")).getMessage().contains("not a condition"));
        assertTrue(assertThrows(CliException.class, () -> Selection.parse("(pt > 3", "k")).getMessage().contains("missing ')'"));
        assertTrue(assertThrows(CliException.class, () -> Selection.parse("pt > 3 && 4", "k")).getMessage().contains("one side is a number"));
        assertTrue(assertThrows(CliException.class, () -> Selection.parse("cosh(pt) > 3", "k")).getMessage().contains("unknown function cosh"));
        assertTrue(assertThrows(CliException.class, () -> Selection.parse("(pt > 3) + 1 > 0", "k")).getMessage().contains("condition"));
        assertTrue(assertThrows(CliException.class, () -> Selection.parse("pt > 3 #", "k")).getMessage().contains("unexpected '#'"));
    }
}
