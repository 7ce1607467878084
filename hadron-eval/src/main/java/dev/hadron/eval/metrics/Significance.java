package dev.hadron.eval.metrics;

/**
 * Discovery significances of a counting experiment with expected signal s and background b (both
 * weighted event sums after the cut).
 *
 * <pre>{@code
 * double z = Significance.asimov(s, b);                 // median discovery significance
 * double zSys = Significance.asimov(s, b, 0.1 * b);     // with a 10 % background uncertainty
 * double ams = Significance.ams(s, b);                  // Higgs ML challenge, b_r = 10
 * }</pre>
 *
 * <p>References: G. Cowan, K. Cranmer, E. Gross, O. Vitells, "Asymptotic formulae for
 * likelihood-based tests of new physics", Eur. Phys. J. C 71 (2011) 1554 (Asimov Z); G. Cowan,
 * "Discovery sensitivity for a counting experiment with background uncertainty" (2012) (Z with σ_b);
 * C. Adam-Bourdarios et al., "The Higgs boson machine learning challenge", JMLR W&amp;CP 42 (2015)
 * (AMS with the regularisation term b_r = 10).
 */
public final class Significance {
    /** The Higgs ML challenge's regularisation term b_r. */
    public static final double HIGGS_ML_BR = 10.0;

    private Significance() {
    }

    /** s / √b. */
    public static double sOverSqrtB(double s, double b) {
        check("sOverSqrtB", s, b);
        return s / Math.sqrt(b);
    }

    /** s / √(s + b). */
    public static double sOverSqrtSPlusB(double s, double b) {
        check("sOverSqrtSPlusB", s, b);
        return s / Math.sqrt(s + b);
    }

    /** The Asimov median discovery significance Z_A = √(2((s + b) ln(1 + s/b) − s)); ≈ s/√b for s ≪ b. */
    public static double asimov(double s, double b) {
        check("asimov", s, b);
        return Math.sqrt(Math.max(0, 2 * ((s + b) * Math.log1p(s / b) - s)));
    }

    /**
     * The Asimov discovery significance with an absolute background uncertainty σ_b:
     * Z = √(2[(s+b) ln((s+b)(b+σ²)/(b² + (s+b)σ²)) − (b²/σ²) ln(1 + σ²s/(b(b+σ²)))]). Reduces to
     * {@link #asimov(double, double)} as σ_b → 0.
     */
    public static double asimov(double s, double b, double sigmaB) {
        check("asimov", s, b);
        if (!(sigmaB >= 0) || Double.isInfinite(sigmaB)) {
            throw new IllegalArgumentException("asimov: background uncertainty σ_b is " + sigmaB + "; expected a finite value ≥ 0");
        }
        if (sigmaB == 0 || sigmaB * sigmaB < 1e-12 * b * b) {
            return asimov(s, b);
        }
        double s2 = sigmaB * sigmaB;
        double t1 = (s + b) * Math.log((s + b) * (b + s2) / (b * b + (s + b) * s2));
        double t2 = b * b / s2 * Math.log1p(s2 * s / (b * (b + s2)));
        return Math.sqrt(Math.max(0, 2 * (t1 - t2)));
    }

    /** The Higgs ML approximate median significance with b_r = 10. */
    public static double ams(double s, double b) {
        return ams(s, b, HIGGS_ML_BR);
    }

    /** The approximate median significance AMS = √(2((s + b + b_r) ln(1 + s/(b + b_r)) − s)). */
    public static double ams(double s, double b, double br) {
        if (!(s >= 0) || !(b >= 0) || !(br >= 0) || !(b + br > 0) || Double.isInfinite(s + b + br)) {
            throw new IllegalArgumentException("ams: s = " + s + ", b = " + b + ", b_r = " + br
                    + "; expected finite s ≥ 0, b ≥ 0, b_r ≥ 0 with b + b_r > 0");
        }
        double bb = b + br;
        return Math.sqrt(Math.max(0, 2 * ((s + bb) * Math.log1p(s / bb) - s)));
    }

    private static void check(String op, double s, double b) {
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException(op + ": signal s is " + s + "; expected a finite value ≥ 0");
        }
        if (!(b > 0) || Double.isInfinite(b)) {
            throw new IllegalArgumentException(op + ": background b is " + b + "; expected a finite value > 0");
        }
    }
}
