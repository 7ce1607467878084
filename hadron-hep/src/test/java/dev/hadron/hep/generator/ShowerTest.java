package dev.hadron.hep.generator;

import dev.hadron.tensor.Generator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShowerTest {
    @Test
    void showerConservesFourMomentumAndStopsAtTheCutoff() {
        Generator g = new Generator(17);
        Shower shower = new Shower(1.0, 1.5);
        for (int trial = 0; trial < 50; trial++) {
            double m = 5 + 150 * g.nextDouble();
            double[] p = {0, 300, -200, 400};
            p[0] = Math.sqrt(300 * 300 + 200 * 200 + 400 * 400 + m * m);
            shower.clear();
            shower.shower(p.clone(), m * m, g);
            double[] sum = new double[4];
            double[] leaves = shower.leaves();
            for (int i = 0; i < shower.count(); i++) {
                double e = leaves[4 * i];
                double p2 = leaves[4 * i + 1] * leaves[4 * i + 1] + leaves[4 * i + 2] * leaves[4 * i + 2]
                        + leaves[4 * i + 3] * leaves[4 * i + 3];
                assertTrue(e * e - p2 < 1.0 + 1e-6 * e * e, "leaf below the cut-off mass");
                for (int k = 0; k < 4; k++) {
                    sum[k] += leaves[4 * i + k];
                }
            }
            for (int k = 0; k < 4; k++) {
                assertEquals(p[k], sum[k], 1e-9 * p[0], "component " + k);
            }
            assertTrue(shower.count() >= 1);
        }
    }

    @Test
    void twoBodyDecayIsIsotropicInTheRestFrame() {
        // at rest: the children are back to back with the momentum of the two-body formula, cos(theta) uniform
        Generator g = new Generator(3);
        double[] parent = {80.379, 0, 0, 0};
        double sumCos = 0;
        double sumCos2 = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            double[] a = new double[4];
            double[] b = new double[4];
            Shower.decay(parent, 80.379, 10, 20, a, b, g);
            double pa = Math.sqrt(a[1] * a[1] + a[2] * a[2] + a[3] * a[3]);
            double m2 = 80.379 * 80.379;
            double expected = Math.sqrt((m2 - 30 * 30) * (m2 - 10 * 10)) / (2 * 80.379);
            assertEquals(expected, pa, 1e-9);
            assertEquals(0, a[1] + b[1], 1e-9);
            double c = a[3] / pa;
            sumCos += c;
            sumCos2 += c * c;
        }
        assertEquals(0, sumCos / n, 0.02, "<cos theta> = 0");
        assertEquals(1.0 / 3, sumCos2 / n, 0.01, "<cos^2 theta> = 1/3");
    }

    @Test
    void samplersStayInTheirRanges() {
        Generator g = new Generator(8);
        double mean = 0;
        for (int i = 0; i < 100000; i++) {
            double x = Shower.truncatedExponential(1.5, g);
            assertTrue(x >= 0 && x < 0.999);
            mean += x / 100000;
            double m = Shower.breitWigner(80.379, 2.085, 65, 95, g);
            assertTrue(m >= 65 && m <= 95);
        }
        // mean of Exp(1.5) truncated at 0.999: 1/1.5 - 0.999 e^{-1.4985} / (1 - e^{-1.4985}) = 0.3822
        assertEquals(0.3822, mean, 0.003);
    }
}
