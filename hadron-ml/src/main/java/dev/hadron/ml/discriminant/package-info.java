/**
 * Discriminant analysis: ROOT TMVA's Fisher linear discriminant
 * ({@link dev.hadron.ml.discriminant.FisherDiscriminant}, Fisher and Mahalanobis variants, event
 * weights, discriminating power per variable), whose probabilities equal scikit-learn's
 * {@code LinearDiscriminantAnalysis} for unweighted data.
 *
 * <pre>{@code
 * FisherDiscriminant fisher = FisherDiscriminant.Params.defaults().fit(Dataset.of(x, y, weights));
 * Tensor mva = fisher.decisionFunction(xTest);      // TMVA's Fisher output, larger = more signal-like
 * }</pre>
 */
package dev.hadron.ml.discriminant;
