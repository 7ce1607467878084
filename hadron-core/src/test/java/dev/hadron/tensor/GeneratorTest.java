package dev.hadron.tensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorTest {
    @Test
    void sameSeedSameStreamAcrossRuns() {
        Generator a = new Generator(42);
        Generator b = new Generator(42);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        // pinned values: a change here breaks every user's reproducibility
        Generator g = new Generator(0);
        assertEquals(-2152535657050944081L, g.nextLong());
        assertEquals(7960286522194355700L, g.nextLong());
    }

    @Test
    void splitsAreIndependentAndReproducible() {
        Generator[] s1 = new Generator(7).split(3);
        Generator[] s2 = new Generator(7).split(3);
        for (int k = 0; k < 3; k++) {
            assertEquals(s1[k].nextLong(), s2[k].nextLong());
        }
        Generator x = new Generator(7).split();
        Generator y = new Generator(7);
        y.split();
        assertNotEquals(x.nextLong(), y.nextLong(), "the parent advances when it splits");
        // streams from siblings are uncorrelated
        Generator[] s = new Generator(9).split(2);
        double sum = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            sum += (s[0].nextDouble() - 0.5) * (s[1].nextDouble() - 0.5);
        }
        assertTrue(Math.abs(sum / n) < 0.005, "correlation " + sum / n);
    }

    @Test
    void boundedIntegersAreUnbiased() {
        Generator g = new Generator(3);
        int[] counts = new int[3];
        for (int i = 0; i < 30000; i++) {
            counts[g.nextInt(3)]++;
        }
        for (int c : counts) {
            assertEquals(10000, c, 400);
        }
    }
}
