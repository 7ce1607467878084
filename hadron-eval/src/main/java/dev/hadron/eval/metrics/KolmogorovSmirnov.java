package dev.hadron.eval.metrics;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.eval.internal.Sorting;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov–Smirnov test, unweighted (equal to {@code scipy.stats.ks_2samp}, two-sided)
 * and weighted.
 *
 * <pre>{@code
 * KsResult r = KolmogorovSmirnov.test(trainScores, testScores);               // like ks_2samp(a, b)
 * KsResult rw = KolmogorovSmirnov.test(trainScores, trainW, testScores, testW); // weighted
 * }</pre>
 *
 * <p><b>Unweighted.</b> D is the largest difference of the right-continuous empirical distribution
 * functions (ties handled as SciPy does). {@link Mode#AUTO} uses the exact distribution when both
 * samples have at most 10 000 events and the asymptotic one otherwise, like SciPy's
 * {@code method="auto"}. In exact mode D is reported rounded to the lattice k/lcm(n1, n2), as SciPy
 * reports it. The asymptotic p-value is that of the one-sample two-sided statistic with
 * n = round(n1 n2 / (n1 + n2)) events, as SciPy's {@code method="asymp"}; when the exact computation
 * overflows it falls back to that, as SciPy does.
 *
 * <p><b>Weighted.</b> The distribution functions are weighted, and the p-value is the asymptotic one
 * with effective sample sizes n_eff = (Σw)²/Σw², the approach of ROOT's
 * {@code TH1::KolmogorovTest} (which TMVA's overtraining check calls) applied to unbinned data. With
 * unit weights it reproduces SciPy's {@code method="asymp"} exactly. Negative weights enter the
 * distribution functions as given (which may then be non-monotone); each sample's total weight must be
 * positive.
 */
public final class KolmogorovSmirnov {
    /** SciPy's switch-over size for {@code method="auto"}. */
    static final int MAX_AUTO_N = 10000;

    /** Which null distribution gives the unweighted p-value. */
    public enum Mode {
        /** Exact when both samples have at most 10 000 events, asymptotic otherwise (SciPy's default). */
        AUTO,
        /** The exact distribution (falls back to asymptotic when it cannot be computed in doubles). */
        EXACT,
        /** The asymptotic distribution. */
        ASYMPTOTIC
    }

    private KolmogorovSmirnov() {
    }

    /** The two-sided test of two unweighted samples with {@link Mode#AUTO}. */
    public static KsResult test(Tensor sample1, Tensor sample2) {
        return test(sample1, sample2, Mode.AUTO);
    }

    /** The two-sided test of two unweighted samples. */
    public static KsResult test(Tensor sample1, Tensor sample2, Mode mode) {
        double[] a = sample("ksTest", "first sample", sample1);
        double[] b = sample("ksTest", "second sample", sample2);
        return test(a, b, mode);
    }

    /** The two-sided test of two weighted samples (weights may be null for unit weights). */
    public static KsResult test(Tensor sample1, Tensor weights1, Tensor sample2, Tensor weights2) {
        double[] a = sample("ksTest", "first sample", sample1);
        double[] b = sample("ksTest", "second sample", sample2);
        double[] wa = Inputs.weights("ksTest (first sample)", weights1, a.length);
        double[] wb = Inputs.weights("ksTest (second sample)", weights2, b.length);
        return testWeighted(a, wa, b, wb);
    }

    private static double[] sample(String op, String what, Tensor t) {
        if (t == null) {
            throw new IllegalArgumentException(op + ": " + what + " is null");
        }
        double[] v = Inputs.scores(op + " (" + what + ")", t);
        if (v.length == 0) {
            throw new IllegalArgumentException(op + ": " + what + " is empty; expected at least one value");
        }
        return v;
    }

    static KsResult test(double[] a0, double[] b0, Mode mode) {
        double[] a = a0.clone();
        double[] b = b0.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        int n1 = a.length;
        int n2 = b.length;
        // Largest difference of right-continuous ECDFs, evaluated after each distinct value.
        int i = 0;
        int j = 0;
        double maxS = 0;
        double minS = 0;
        while (i < n1 || j < n2) {
            double x = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
            while (i < n1 && a[i] == x) {
                i++;
            }
            while (j < n2 && b[j] == x) {
                j++;
            }
            double diff = (double) i / n1 - (double) j / n2;
            if (diff > maxS) {
                maxS = diff;
            }
            if (diff < minS) {
                minS = diff;
            }
        }
        double d = Math.max(maxS, Math.min(-minS, 1.0));
        Mode m = mode;
        int g = TwoSampleExact.gcd(n1, n2);
        long n1g = n1 / g;
        long n2g = n2 / g;
        if (m == Mode.AUTO) {
            m = Math.max(n1, n2) <= MAX_AUTO_N ? Mode.EXACT : Mode.ASYMPTOTIC;
        } else if (m == Mode.EXACT && n1g >= Integer.MAX_VALUE / n2g) {
            m = Mode.ASYMPTOTIC;
        }
        if (m == Mode.EXACT) {
            long lcm = n1g * n2;
            long h = (long) Math.rint(d * lcm);
            d = (double) h / lcm;
            if (h == 0) {
                return new KsResult(d, 1.0, true, n1, n2);
            }
            double p = TwoSampleExact.sf(n1, n2, h);
            if (!Double.isNaN(p)) {
                return new KsResult(d, p, true, n1, n2);
            }
        }
        double big = Math.max(n1, n2);
        double small = Math.min(n1, n2);
        double en = big * small / (big + small);
        return new KsResult(d, KolmogorovDistribution.oneSampleSf((long) Math.rint(en), d), false, n1, n2);
    }

    static KsResult testWeighted(double[] a, double[] wa, double[] b, double[] wb) {
        int[] oa = Sorting.argsortAscending(a);
        int[] ob = Sorting.argsortAscending(b);
        double ta = 0;
        double ta2 = 0;
        for (double w : wa) {
            ta += w;
            ta2 += w * w;
        }
        double tb = 0;
        double tb2 = 0;
        for (double w : wb) {
            tb += w;
            tb2 += w * w;
        }
        if (!(ta > 0)) {
            throw new IllegalArgumentException("ksTest: total weight of the first sample is " + ta + "; expected a positive total weight");
        }
        if (!(tb > 0)) {
            throw new IllegalArgumentException("ksTest: total weight of the second sample is " + tb + "; expected a positive total weight");
        }
        int i = 0;
        int j = 0;
        int n1 = a.length;
        int n2 = b.length;
        double ca = 0;
        double cb = 0;
        double d = 0;
        while (i < n1 || j < n2) {
            double x = i < n1 && (j >= n2 || a[oa[i]] <= b[ob[j]]) ? a[oa[i]] : b[ob[j]];
            while (i < n1 && a[oa[i]] == x) {
                ca += wa[oa[i++]];
            }
            while (j < n2 && b[ob[j]] == x) {
                cb += wb[ob[j++]];
            }
            d = Math.max(d, Math.abs(ca / ta - cb / tb));
        }
        d = Math.min(d, 1.0);
        double e1 = ta * ta / ta2;
        double e2 = tb * tb / tb2;
        double big = Math.max(e1, e2);
        double small = Math.min(e1, e2);
        double en = big * small / (big + small);
        long rounded = (long) Math.rint(en);
        if (rounded < 1) {
            throw new IllegalArgumentException("ksTest: effective sample sizes " + e1 + " and " + e2
                    + " are too small for a p-value; expected an effective combined size n1·n2/(n1+n2) of at least 0.5");
        }
        return new KsResult(d, KolmogorovDistribution.oneSampleSf(rounded, d), false, e1, e2);
    }
}
