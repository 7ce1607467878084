package dev.hadron.eval.metrics;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KolmogorovSmirnovTest {

    private static void assertClose(double expected, double actual, String what) {
        double tol = 1e-12 + 1e-9 * Math.abs(expected);
        assertEquals(expected, actual, tol, what);
    }

    private static KolmogorovSmirnov.Mode mode(String method) {
        return switch (method) {
            case "exact" -> KolmogorovSmirnov.Mode.EXACT;
            case "asymp" -> KolmogorovSmirnov.Mode.ASYMPTOTIC;
            default -> KolmogorovSmirnov.Mode.AUTO;
        };
    }

    @Test
    void twoSampleEqualsScipy() {
        for (Map<String, Object> c : Golden.list("ks")) {
            double[] a;
            double[] b;
            String label;
            if (c.containsKey("lcg")) {
                double[] spec = Golden.arr(c, "lcg");
                a = Golden.lcgUniform((long) spec[0], (int) spec[1], 0.0);
                b = Golden.lcgUniform((long) spec[2], (int) spec[3], spec[4]);
                label = "lcg " + (int) spec[1] + "/" + (int) spec[3];
            } else {
                a = Golden.arr(c, "a");
                b = Golden.arr(c, "b");
                label = a.length + "/" + b.length;
            }
            String method = (String) c.get("method");
            KsResult r = KolmogorovSmirnov.test(Tensor.of(a), Tensor.of(b), mode(method));
            assertClose(Golden.num(c, "statistic"), r.statistic(), "statistic " + label + " " + method);
            assertClose(Golden.num(c, "pvalue"), r.pValue(), "p-value " + label + " " + method);
        }
    }

    @Test
    void autoModeSwitchesAtTenThousandEvents() {
        double[] a = Golden.lcgUniform(1, 10000, 0);
        double[] b = Golden.lcgUniform(2, 10000, 0.01);
        assertTrue(KolmogorovSmirnov.test(Tensor.of(a), Tensor.of(b)).exact());
        double[] c = Golden.lcgUniform(3, 10001, 0.01);
        assertFalse(KolmogorovSmirnov.test(Tensor.of(a), Tensor.of(c)).exact());
    }

    @Test
    void kolmogorovDistributionEqualsScipyInEveryRegime() {
        for (Map<String, Object> c : Golden.list("kstwo")) {
            long n = (long) Golden.num(c, "n");
            double x = Golden.num(c, "x");
            assertClose(Golden.num(c, "sf"), KolmogorovDistribution.oneSampleSf(n, x), "kstwo.sf(" + x + ", " + n + ")");
        }
        for (Map<String, Object> c : Golden.list("kstwobign")) {
            double x = Golden.num(c, "x");
            assertClose(Golden.num(c, "sf"), KolmogorovDistribution.limitingSf(x), "kstwobign.sf(" + x + ")");
        }
    }

    @Test
    void weightedWithUnitWeightsEqualsScipyAsymptotic() {
        for (Map<String, Object> c : Golden.list("ks")) {
            if (!"asymp".equals(c.get("method"))) {
                continue;
            }
            double[] a = Golden.arr(c, "a");
            double[] b = Golden.arr(c, "b");
            KsResult r = KolmogorovSmirnov.test(Tensor.of(a), Tensor.ones(a.length), Tensor.of(b), null);
            assertClose(Golden.num(c, "statistic"), r.statistic(), "statistic");
            assertClose(Golden.num(c, "pvalue"), r.pValue(), "p-value");
            assertEquals(a.length, r.size1(), 1e-9);
        }
    }

    @Test
    void weightedStatisticUsesWeightedDistributionFunctions() {
        // A weight of 3 on one event equals that event repeated three times, for the statistic.
        double[] a = {0.1, 0.4, 0.8};
        double[] repeated = {0.1, 0.4, 0.4, 0.4, 0.8};
        double[] b = {0.2, 0.3, 0.5, 0.9};
        KsResult w = KolmogorovSmirnov.test(Tensor.of(a), Tensor.of(1, 3, 1), Tensor.of(b), null);
        KsResult u = KolmogorovSmirnov.test(Tensor.of(repeated), Tensor.of(b), KolmogorovSmirnov.Mode.ASYMPTOTIC);
        assertEquals(u.statistic(), w.statistic(), 1e-15);
        assertEquals(25.0 / 11.0, w.size1(), 1e-12, "effective size (Σw)²/Σw²");
    }

    @Test
    void pValuesAreUniformUnderTheNullHypothesis() {
        Generator g = new Generator(11);
        int trials = 400;
        int below = 0;
        for (int t = 0; t < trials; t++) {
            double[] a = new double[200];
            double[] b = new double[150];
            for (int i = 0; i < a.length; i++) {
                a[i] = g.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = g.nextGaussian();
            }
            if (KolmogorovSmirnov.test(Tensor.of(a), Tensor.of(b)).pValue() < 0.1) {
                below++;
            }
        }
        // About 10 % (the exact test is slightly conservative); 3 sigma band of a binomial(400, 0.1).
        assertTrue(below > 20 && below < 58, below + " of " + trials + " below 0.1");
    }

    @Test
    void overtrainingCheckGivesOneResultPerClass() {
        Generator g = new Generator(3);
        int n = 500;
        long[] ytr = new long[n];
        long[] yte = new long[n];
        double[] str = new double[n];
        double[] ste = new double[n];
        for (int i = 0; i < n; i++) {
            ytr[i] = i % 2;
            yte[i] = i % 2;
            str[i] = g.nextGaussian() + ytr[i] * (1.0 + 0.4);   // overtrained: signal pushed up on the training set
            ste[i] = g.nextGaussian() + yte[i];
        }
        List<KsResult> ks = Overtraining.check(Tensor.of(ytr, n), Tensor.of(str), null, Tensor.of(yte, n), Tensor.of(ste), null);
        assertEquals(2, ks.size());
        assertTrue(ks.get(1).pValue() < 1e-3, "signal shifted: " + ks.get(1));
        assertTrue(ks.get(0).pValue() > 1e-3, "background unchanged: " + ks.get(0));
        List<KsResult> weighted = Overtraining.check(Tensor.of(ytr, n), Tensor.of(str), Tensor.ones(n), Tensor.of(yte, n), Tensor.of(ste),
                null);
        assertFalse(weighted.get(0).exact());
    }

    @Test
    void badInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.test(Tensor.of(1.0, Double.NaN), Tensor.of(1.0)));
        assertTrue(e.getMessage().contains("score of event 1 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.test(Tensor.of(1.0, 2), Tensor.of(-1, 1), Tensor.of(1.0), null));
        assertTrue(e.getMessage().contains("total weight of the first sample is 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.test(Tensor.of(1.0, 2), Tensor.of(1.0, 2, 3), Tensor.of(1.0), null));
        assertTrue(e.getMessage().contains("2 events but 3 weights"), e.getMessage());
    }
}
