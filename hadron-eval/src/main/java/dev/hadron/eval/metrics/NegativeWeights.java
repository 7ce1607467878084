package dev.hadron.eval.metrics;

/**
 * How a rank-based metric (ROC, AUC, efficiencies) treats negative event weights, such as those of
 * NLO generators (MC@NLO, POWHEG with negative-weight events, Sherpa).
 *
 * <p>{@link #KEEP} is the default and the physically correct choice for evaluation: every
 * efficiency is an unbiased estimate of the true one, because a negative-weight event cancels part
 * of a positive one exactly as in the cross-section it describes. The price is that cumulative sums
 * are no longer monotone, so a ROC curve can step backwards, and in small samples an efficiency can
 * leave [0, 1] locally. {@link RocCurve} documents what its queries do in that case.
 *
 * <p>{@link #IGNORE} and {@link #ABSOLUTE} give monotone curves but biased efficiencies; they exist to
 * show how much the negative weights matter, as TMVA's {@code IgnoreNegWeightsInTraining} does for
 * training.
 */
public enum NegativeWeights {
    /** Use the weights as given (default): unbiased efficiencies, curves possibly non-monotone. */
    KEEP,
    /** Treat negative weights as zero: monotone curves, efficiencies biased towards the positive-weight events. */
    IGNORE,
    /** Use |w|: monotone curves, efficiencies of the absolute-weight sample (biased). */
    ABSOLUTE;

    /** The weights after this policy (a new array; the input is not modified). */
    public double[] apply(double[] weights) {
        double[] w = weights.clone();
        if (this == KEEP) {
            return w;
        }
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0) {
                w[i] = this == IGNORE ? 0.0 : -w[i];
            }
        }
        return w;
    }
}
