package dev.hadron.ml.tree;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplittingTest {
    /** A histogram of one feature: (G, H) per value bin, then the missing slot. */
    private static double[] hist(double[] g, double[] h, double gm, double hm) {
        double[] out = new double[2 * (g.length + 1)];
        for (int i = 0; i < g.length; i++) {
            out[2 * i] = g[i];
            out[2 * i + 1] = h[i];
        }
        out[2 * g.length] = gm;
        out[2 * g.length + 1] = hm;
        return out;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void bestBoundaryAndGainMatchTheFormula() {
        double[] g = {-4, -3, 3, 5};
        double[] h = {2, 2, 2, 2};
        Splitting s = new Splitting(0, 1, 0, 0);
        Splitting.Candidates c = new Splitting.Candidates(1);
        s.best(hist(g, h, 0, 0), 0, 4, true, sum(g), sum(h), 0, c, 0);
        assertEquals(1, c.bin[0]);
        double expected = 49.0 / 5 + 64.0 / 5 - 1.0 / 9;
        assertEquals(expected, c.gain[0], 1e-12);
        assertEquals(-7, c.gl[0], 0);
        assertEquals(4, c.hl[0], 0);
        assertEquals(-(-7.0) / 5, s.leafValue(-7, 4), 1e-12);
    }

    @Test
    void minChildWeightAndMinGainBlockSplits() {
        double[] g = {-4, -3, 3, 5};
        double[] h = {2, 2, 2, 2};
        Splitting.Candidates c = new Splitting.Candidates(1);
        new Splitting(0, 1, 4.5, 0).best(hist(g, h, 0, 0), 0, 4, false, 1, 8, 0, c, 0);
        assertFalse(c.found(0), "children with hessian 4 < 4.5 are not allowed");
        Splitting.Candidates c2 = new Splitting.Candidates(1);
        new Splitting(0, 1, 0, 100).best(hist(g, h, 0, 0), 0, 4, false, 1, 8, 0, c2, 0);
        assertFalse(c2.found(0), "gain below minSplitGain");
    }

    @Test
    void l1ShrinksGradientSums() {
        Splitting s = new Splitting(2, 1, 0, 0);
        assertEquals(3, s.shrink(5), 0);
        assertEquals(-3, s.shrink(-5), 0);
        assertEquals(0, s.shrink(1.5), 0);
        assertEquals(9.0 / 3, s.score(5, 2), 1e-12);
        assertEquals(-1, s.leafValue(5, 2), 1e-12);
    }

    @Test
    void missingValuesGoWhereTheyFit() {
        // rows with missing values look like the right side (positive gradients)
        double[] g = {-6, -5, 4, 4};
        double[] h = {2, 2, 2, 2};
        Splitting s = new Splitting(0, 1, 0, 0);
        Splitting.Candidates c = new Splitting.Candidates(1);
        s.best(hist(g, h, 6, 3), 0, 4, true, sum(g) + 6, sum(h) + 3, 0, c, 0);
        assertEquals(1, c.bin[0]);
        assertFalse(c.defaultLeft[0]);
        // now they look like the left side
        Splitting.Candidates c2 = new Splitting.Candidates(1);
        s.best(hist(g, h, -6, 3), 0, 4, true, sum(g) - 6, sum(h) + 3, 0, c2, 0);
        assertEquals(1, c2.bin[0]);
        assertTrue(c2.defaultLeft[0]);
    }

    @Test
    void missingAgainstEverythingElseIsASplit() {
        // values carry no information; missing does
        double[] g = {1, -1, 1, -1};
        double[] h = {2, 2, 2, 2};
        Splitting s = new Splitting(0, 1, 0, 0);
        Splitting.Candidates c = new Splitting.Candidates(1);
        s.best(hist(g, h, 10, 3), 0, 4, true, 10, 11, 0, c, 0);
        assertEquals(3, c.bin[0], "all value bins left");
        assertFalse(c.defaultLeft[0], "missing right");
    }

    @Test
    void withoutMissingValuesTheDefaultIsTheHeavierChild() {
        double[] g = {-4, 1, 2, 3};
        double[] h = {1, 3, 3, 3};
        Splitting.Candidates c = new Splitting.Candidates(1);
        new Splitting(0, 1, 0, 0).best(hist(g, h, 0, 0), 0, 4, true, 2, 10, 0, c, 0);
        assertEquals(0, c.bin[0]);
        assertFalse(c.defaultLeft[0]);
    }
}
