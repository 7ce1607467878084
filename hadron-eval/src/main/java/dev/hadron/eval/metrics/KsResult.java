package dev.hadron.eval.metrics;

/**
 * The result of a two-sample Kolmogorov–Smirnov test.
 *
 * @param statistic the largest distance D between the two (weighted) empirical distribution functions
 * @param pValue the probability of a distance at least D if both samples come from one distribution
 * @param exact true when the p-value is the exact finite-sample probability, false when it comes from
 *     the Kolmogorov distribution of the (effective) sample size
 * @param size1 size of the first sample (effective size (Σw)²/Σw² when weighted)
 * @param size2 size of the second sample (effective size when weighted)
 */
public record KsResult(double statistic, double pValue, boolean exact, double size1, double size2) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "KS D=%.5f p=%.4g (%s)", statistic, pValue, exact ? "exact" : "asymptotic");
    }
}
