package dev.hadron.ml.tree;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fitted tree: the predictor shared by every tree model. */
class TreeTest {
    /** x0 < 0.5 ? (x1 < 2 ? 1 : 2) : 3, missing x0 goes right, missing x1 goes left. */
    static Tree small() {
        return Tree.of(2, new int[] {1, 3, -1, -1, -1}, new int[] {2, 4, -1, -1, -1}, new int[] {0, 1, 0, 0, 0},
                new float[] {0.5f, 2f, 0, 0, 0}, new boolean[] {false, true, false, false, false},
                new double[] {0, 0, 3, 1, 2}, 1, null, null);
    }

    @Test
    void routesRowsByThresholdAndDefaultDirection() {
        Tree t = small();
        float nan = Float.NaN;
        float[] x = {0, 0, 0, 5, 1, 0, nan, 0, 0, nan, 0.5f, 0};
        double[] expected = {1, 2, 3, 3, 1, 3};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], t.leafValue(t.leaf(x, 2 * i)), "row " + i);
        }
        assertEquals(2, t.depth());
        assertEquals(3, t.numLeaves());
        assertTrue(t.dump().contains("[f0<0.5] yes=1,no=2,missing=2"), t.dump());
    }

    @Test
    void jsonRoundTrip() {
        Tree t = small();
        Map<String, Object> m = t.toJson();
        Tree back = Tree.fromJson(dev.hadron.util.Json.parseObject(dev.hadron.util.Json.write(m)), 2);
        float[] x = {0, 0, 0, 5, 1, 0};
        for (int i = 0; i < 3; i++) {
            assertEquals(t.leaf(x, 2 * i), back.leaf(x, 2 * i));
        }
        assertEquals(t.dump(), back.dump());
    }

    @Test
    void malformedTreesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tree.of(2,
                new int[] {1, -1, -1}, new int[] {3, -1, -1}, new int[3], new float[3], new boolean[3], new double[3], 1,
                null, null));
        assertTrue(e.getMessage().contains("child"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tree.of(2, new int[] {1, -1, -1},
                new int[] {1, -1, -1}, new int[3], new float[3], new boolean[3], new double[3], 1, null, null));
        assertTrue(e.getMessage().contains("reached twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tree.of(2, new int[] {1, -1, -1},
                new int[] {2, -1, -1}, new int[] {7, 0, 0}, new float[3], new boolean[3], new double[3], 1, null, null));
        assertTrue(e.getMessage().contains("feature 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tree.of(2, new int[] {1, -1, -1},
                new int[] {2, -1, -1}, new int[3], new float[] {Float.NaN, 0, 0}, new boolean[3], new double[3], 1,
                null, null));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tree.of(2, new int[] {-1}, new int[] {-1}, new int[1],
                new float[1], new boolean[1], new double[2], 1, null, null));
        assertTrue(e.getMessage().contains("value"), e.getMessage());
    }
}
