package dev.hadron.eval.metrics;

import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignificanceTest {
    @Test
    void closedForms() {
        assertEquals(2.0, Significance.sOverSqrtB(20, 100), 1e-15);
        assertEquals(20 / Math.sqrt(120), Significance.sOverSqrtSPlusB(20, 100), 1e-15);
        double za = Math.sqrt(2 * ((20 + 100) * Math.log(1 + 20.0 / 100) - 20));
        assertEquals(za, Significance.asimov(20, 100), 1e-14);
        // Z_A -> s/sqrt(b) for s << b.
        assertEquals(Significance.sOverSqrtB(1, 1e6), Significance.asimov(1, 1e6), 1e-6);
        // AMS = Asimov with b + 10.
        assertEquals(Significance.asimov(20, 110), Significance.ams(20, 100), 1e-14);
        assertEquals(Significance.asimov(20, 100), Significance.ams(20, 100, 0), 1e-14);
    }

    @Test
    void asimovWithBackgroundUncertainty() {
        // Cowan's formula, written out independently.
        double s = 10;
        double b = 50;
        double sb = 7;
        double s2 = sb * sb;
        double expected = Math.sqrt(2 * ((s + b) * Math.log((s + b) * (b + s2) / (b * b + (s + b) * s2))
                - b * b / s2 * Math.log(1 + s2 * s / (b * (b + s2)))));
        assertEquals(expected, Significance.asimov(s, b, sb), 1e-12);
        assertTrue(Significance.asimov(s, b, sb) < Significance.asimov(s, b), "uncertainty lowers the significance");
        assertEquals(Significance.asimov(s, b), Significance.asimov(s, b, 1e-5), 1e-6, "continuous at σ_b -> 0");
        assertEquals(Significance.asimov(s, b), Significance.asimov(s, b, 0), 0.0);
    }

    @Test
    void badInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> Significance.sOverSqrtB(5, 0));
        assertTrue(e.getMessage().contains("background b is 0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Significance.asimov(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Significance.asimov(1, 1, -1));
    }

    @Test
    void cutScanFindsTheBestCut() {
        // Signal at high scores, background spread: the best s/sqrt(b) cut keeps four signal and one background event.
        Tensor y = Tensor.of(new long[] {1, 1, 1, 0, 1, 0, 0, 0}, 8);
        Tensor s = Tensor.of(0.95, 0.9, 0.85, 0.8, 0.5, 0.4, 0.3, 0.2);
        CutScan scan = CutScan.scan(y, s, null, FigureOfMerit.S_OVER_SQRT_B);
        assertEquals(0.5, scan.bestThreshold(), 0.0);
        assertEquals(4.0, scan.bestValue(), 1e-15);
        assertEquals(4.0, scan.bestSignal());
        assertEquals(1.0, scan.bestBackground());
        assertEquals(5, scan.thresholds().length, "the three cuts with no background are skipped");
        CutScan floor = CutScan.scan(y, s, null, FigureOfMerit.S_OVER_SQRT_B, 1.5);
        assertEquals(0.4, floor.bestThreshold(), 0.0);
        CutScan ams = CutScan.scan(y, s, Tensor.of(10, 10, 10, 10, 10, 10, 10, 10), FigureOfMerit.AMS);
        assertEquals(Significance.ams(30, 10), ams.values()[0], 1e-12);
        assertTrue(FigureOfMerit.asimov(0.1).name().contains("10%"));
    }

    @Test
    void separationFollowsTmva() {
        Tensor y = Tensor.of(new long[] {1, 1, 0, 0}, 4);
        assertEquals(1.0, Separation.of(y, Tensor.of(0.9, 0.8, 0.1, 0.2), null, 10), 1e-15, "disjoint");
        assertEquals(0.0, Separation.of(y, Tensor.of(0.1, 0.9, 0.1, 0.9), null, 10), 1e-15, "identical");
        // Half overlap: bins {S}, {S,B}, {B} -> 1/2 [ (1/2)^2/(1/2) + 0 + (1/2)^2/(1/2) ] = 1/2.
        assertEquals(0.5, Separation.of(y, Tensor.of(0.05, 0.5, 0.5, 0.95), null, 3, 0, 1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Separation.of(Tensor.of(new long[] {1, 1}, 2), Tensor.of(0.1, 0.2), null, 10));
    }
}
