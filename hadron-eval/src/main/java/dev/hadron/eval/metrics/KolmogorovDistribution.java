package dev.hadron.eval.metrics;

/**
 * Distributions of the one-sample Kolmogorov statistic, computed as SciPy computes them so that
 * p-values agree with {@code scipy.stats.ks_2samp} (asymptotic mode) to rounding; the exact two-sample
 * distribution is in {@link TwoSampleExact}:
 * <ul>
 *   <li>{@link #oneSampleSf}: the survival function of the one-sample two-sided statistic D_n
 *       ({@code scipy.stats.kstwo}), selecting among the Durbin matrix method (Marsaglia, Tsang &amp;
 *       Wang 2003), Pomeranz's recursion, the exact Smirnov tail and the Pelz–Good expansion exactly as
 *       Simard &amp; L'Ecuyer (2011) recommend;</li>
 *   <li>{@link #limitingSf}: Kolmogorov's limiting distribution ({@code scipy.stats.kstwobign}).</li>
 * </ul>
 */
final class KolmogorovDistribution {
    private static final int E128 = 128;
    private static final double EP128 = Math.scalb(1.0, E128);
    private static final double EM128 = Math.scalb(1.0, -E128);
    private static final double MIN_LOG = -708;
    private static final double PI2 = Math.PI * Math.PI;
    private static final double PI4 = PI2 * PI2;
    private static final double PI6 = PI4 * PI2;
    private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
    private static final double[] STIRLING = {-2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
        8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3,
        8.3333333333333333333e-2};

    private KolmogorovDistribution() {
    }

    // ------------------------------------------------------------------ one-sample two-sided D_n

    /** P(D_n ≥ x) for the two-sided one-sample statistic with n events ({@code scipy.stats.kstwo.sf(x, n)}). */
    static double oneSampleSf(long n, double x) {
        if (n <= 0) {
            throw new IllegalArgumentException("Kolmogorov distribution: sample size " + n + "; expected a positive integer");
        }
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return 1.0;
            }
            double cdf;
            if (n <= 140) {
                cdf = 1.0;
                for (long i = 1; i <= n; i++) {
                    cdf *= (i * (1.0 / n)) * (2 * t - 1);
                }
            } else {
                cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
            }
            return clip(1.0 - cdf);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nx2 = t * x;
        if (n <= 140) {
            if (nx2 <= 0.754693) {
                return clip(1.0 - durbinMatrix((int) n, x));
            }
            if (nx2 <= 4) {
                return clip(1.0 - pomeranz((int) n, x));
            }
            return clip(2 * smirnov(n, x));
        }
        if (nx2 >= 370.0) {
            return 0.0;
        }
        if (nx2 >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        double cdf;
        if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdf = durbinMatrix((int) n, x);
        } else {
            cdf = pelzGood(n, x);
        }
        return clip(1.0 - cdf);
    }

    private static double clip(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }

    /** log(n! / n^n) by Stirling's series with the n log n term removed up front. */
    private static double logFactorialOverPower(long n) {
        double rn = 1.0 / n;
        double poly = 0;
        double z = rn / n;
        for (double c : STIRLING) {
            poly = poly * z + c;
        }
        return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
    }

    /**
     * The exact one-sided Smirnov tail P(D⁺_n ≥ e) by the Birnbaum–Tingey sum
     * e Σ_{v=0}^{⌊n(1−e)⌋} C(n, v) (e + v/n)^{v−1} (1 − e − v/n)^{n−v}.
     */
    static double smirnov(long n, double e) {
        if (e == 0.0) {
            return 1.0;
        }
        long nn = (long) Math.floor(n * (1.0 - e));
        double p = 0.0;
        if (n < 1013) {
            double c = 1.0;
            for (long v = 0; v <= nn; v++) {
                double evn = e + (double) v / n;
                p += c * Math.pow(evn, v - 1) * Math.pow(1.0 - evn, n - v);
                c *= (double) (n - v) / (v + 1);
            }
        } else {
            double lgn1 = logGamma(n + 1.0);
            for (long v = 0; v <= nn; v++) {
                double evn = e + (double) v / n;
                double omevn = 1.0 - evn;
                if (Math.abs(omevn) > 0.0) {
                    double t = lgn1 - logGamma(v + 1.0) - logGamma(n - v + 1.0) + (v - 1) * Math.log(evn) + (n - v) * Math.log(omevn);
                    if (t > MIN_LOG) {
                        p += Math.exp(t);
                    }
                }
            }
        }
        return p * e;
    }

    /** log Γ(x) for x &gt; 0: Stirling's series after shifting the argument above 15. */
    static double logGamma(double x) {
        double shift = 0;
        while (x < 15) {
            shift += Math.log(x);
            x += 1;
        }
        double z = 1.0 / (x * x);
        double series = (1.0 / 12 - z * (1.0 / 360 - z * (1.0 / 1260 - z * (1.0 / 1680 - z * (1.0 / 1188)))) ) / x;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
    }

    /** P(D_n ≤ d) by the Durbin matrix method with Marsaglia–Tsang–Wang scaling. */
    private static double durbinMatrix(int n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        double[][] hm = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = 0; r < m - i + 1; r++) {
                hm[i - 1 + r][i] = w[r];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }
        double[][] pw = new double[m][m];
        for (int i = 0; i < m; i++) {
            pw[i][i] = 1.0;
        }
        int nn = n;
        int expnt = 0;
        int hExpnt = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                pw = matmul(pw, hm);
                expnt += hExpnt;
            }
            hm = matmul(hm, hm);
            hExpnt *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > EP128) {
                for (double[] row : hm) {
                    for (int c = 0; c < m; c++) {
                        row[c] /= EP128;
                    }
                }
                hExpnt += E128;
            }
            nn /= 2;
        }
        double p = pw[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < EM128) {
                p *= EP128;
                expnt -= E128;
            }
        }
        if (expnt != 0) {
            p = Math.scalb(p, expnt);
        }
        return clip(p);
    }

    private static double[][] matmul(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            double[] ci = c[i];
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail == 0) {
                    continue;
                }
                double[] bl = b[l];
                for (int j = 0; j < m; j++) {
                    ci[j] += ail * bl[j];
                }
            }
        }
        return c;
    }

    /** P(D_n ≤ x) by Pomeranz's recursion (rows of Poisson convolutions, two rows kept, scaled). */
    private static double pomeranz(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = t - ll;
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        int expnt = 0;
        double gn = g / n;
        double g2n = 2 * g / n;
        double om2gn = (1 - 2 * g) / n;
        for (int q = 1; q < npwrs; q++) {
            gpower[q] = gpower[q - 1] * gn / q;
            twogpower[q] = twogpower[q - 1] * g2n / q;
            onem2gpower[q] = onem2gpower[q - 1] * om2gn / q;
        }
        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int[] jj = pomeranzBounds(0, n, ll, ceilf, roundf);
        int j1 = jj[0];
        int j2;
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j1;
            double[] tmp = v0;
            v0 = v1;
            v1 = tmp;
            int ts = v0s;
            v0s = v1s;
            v1s = ts;
            java.util.Arrays.fill(v1, 0.0);
            jj = pomeranzBounds(i, n, ll, ceilf, roundf);
            j1 = jj[0];
            j2 = jj[1];
            double[] pwrs = (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0) {
                int aStart = k1 - v0s;
                int la = Math.max(0, Math.min(ln2, npwrs - aStart));
                int lb = Math.min(ln2, npwrs);
                int convStart = j1 - k1;
                int convLen = j2 - j1 + 1;
                double max = 0;
                for (int r = 0; r < convLen; r++) {
                    int q = convStart + r;
                    double s = 0;
                    int lo = Math.max(0, q - lb + 1);
                    int hi = Math.min(q, la - 1);
                    for (int a = lo; a <= hi; a++) {
                        s += v0[aStart + a] * pwrs[q - a];
                    }
                    v1[r] = s;
                    max = Math.max(max, s);
                }
                if (max > 0 && max < EM128) {
                    for (int r = 0; r < npwrs; r++) {
                        v1[r] *= EP128;
                    }
                    expnt -= E128;
                }
                v1s = v0s + j1 - k1;
            }
        }
        double ans = v1[n - v1s];
        for (int q = 1; q <= n; q++) {
            if (Math.abs(ans) > EP128) {
                ans *= EM128;
                expnt += E128;
            }
            ans *= q;
        }
        if (expnt != 0) {
            ans = Math.scalb(ans, expnt);
        }
        return clip(ans);
    }

    private static int[] pomeranzBounds(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int half = (i + 1) / 2;
            if ((i + 1) % 2 == 0) {
                if (half == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = half - 1 - ll - roundf - 1;
                    j2 = half + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = half - 1 - ll - 1;
                j2 = half + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }

    /** The Pelz–Good asymptotic expansion of P(D_n ≤ x) to order n^{-3/2}. */
    private static double pelzGood(long n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt((double) n) * x;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qlog = -PI2 / 8 / z2;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI2 / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
        double k2c = PI4 * (1 - 2 * z2) / 16;
        double k3d = PI6 * (5 - 30 * z2) / 64;
        double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] kk = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxk; k > 0; k--) {
            double mm = 2 * k - 1;
            double m2 = mm * mm;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qp = Math.pow(q, 8 * k);
            kk[0] = kk[0] * qp + 1.0;
            kk[1] = kk[1] * qp + (k1a + k1b * m2);
            kk[2] = kk[2] * qp + (k2a + k2b * m2 + k2c * m4);
            kk[3] = kk[3] * qp + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }
        double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            kk[i] = kk[i] * q * SQRT2PI / div[i];
        }
        double q2 = Math.exp(-PI2 / 2 / z2);
        double k2extra = 0;
        double k3extra = 0;
        double sqrt3z = Math.sqrt(3) * z;
        for (int k = maxk; k > 0; k--) {
            double ks2 = (double) k * k;
            double qpw = Math.pow(q2, ks2);
            double kspi = Math.PI * k;
            k2extra += ks2 * qpw;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qpw;
        }
        kk[2] += k2extra * PI2 * SQRT2PI / (-36 * z3);
        kk[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += kk[i] / Math.pow((double) n, i / 2.0);
        }
        return sum;
    }

    // ------------------------------------------------------------------ limiting distribution

    /** Kolmogorov's limiting survival function P(K ≥ x) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²x²} ({@code kstwobign.sf}). */
    static double limitingSf(double x) {
        if (x <= 0) {
            return 1.0;
        }
        double rtol = Math.ulp(1.0);
        if (x >= 1.0) {
            double alpha = -2.0 * x * x;
            double sign = 1.0;
            double r = 1.0;
            double p = 0.0;
            double t;
            do {
                t = Math.exp(alpha * r * r);
                p += sign * t;
                if (t == 0.0) {
                    break;
                }
                r += 1.0;
                sign = -sign;
            } while (t / p > rtol);
            return clip(2 * p);
        }
        double alpha = -PI2 / (8 * x * x);
        double r = 1;
        double p = 0.0;
        double t;
        do {
            t = Math.exp(alpha * r * r);
            p += t;
            if (t == 0.0) {
                break;
            }
            r += 2;
        } while (t / p >= rtol);
        p *= SQRT2PI / x;
        return clip(1 - p);
    }
}
