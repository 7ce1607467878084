package dev.hadron.ml.tree;

/**
 * What tree fits do with negative event weights (NLO generators produce them). The choices are
 * TMVA's ({@code NegWeightTreatment}).
 *
 * <p>{@link #USE} (the default) keeps them: gradients, hessians, impurities and leaf values are
 * weighted sums, so the fit minimizes the weighted loss exactly as defined. A node whose weights
 * mostly cancel can end with a tiny or negative hessian sum; such children are refused by
 * {@code minChildWeight} (boosting) or {@code minWeightLeaf} (CART), which must therefore stay positive
 * when negative weights are present. {@link #IGNORE} trains as if those events were absent (TMVA's
 * {@code IgnoreNegWeightsInTraining}); it biases the fit towards the positive-weight phase space but
 * is robust. {@link #ANNIHILATE} cancels every negative weight against its nearest same-class
 * neighbours with positive weight (TMVA's {@code AnnihilateNegWeights}): the total weight and its
 * local distribution are kept while no negative weight remains.
 */
public enum NegativeWeights {
    /** Use negative weights as they are. */
    USE,
    /** Give negative-weight events zero weight in training. */
    IGNORE,
    /** Cancel negative weights against the nearest positive-weight events of the same class. */
    ANNIHILATE
}
