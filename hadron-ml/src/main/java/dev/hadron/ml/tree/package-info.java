/**
 * Decision trees and their ensembles: histogram gradient boosting ({@link dev.hadron.ml.tree.GradientBoostedTrees},
 * {@link dev.hadron.ml.tree.GradientBoostedRegressor}).
 *
 * <p>The boosting code is laid out like scikit-learn's histogram GBDT: {@code Binning} (quantile bins,
 * float32 thresholds, a code for missing values), {@code Histogram} (gradient and hessian sums per
 * bin, parent minus sibling), {@code Splitting} (XGBoost's gain with L1/L2 penalties, minimum child
 * weight, learned default direction for missing values), {@code Grower} (depth-wise or leaf-wise
 * growth, feature-parallel, bit-identical for any thread count) and {@link dev.hadron.ml.tree.Tree}
 * (the fitted tree that predicts on raw features).
 *
 * <pre>{@code
 * var p = GradientBoostedTrees.Params.defaults().withTrees(200).withMaxDepth(6).withLearningRate(0.1);
 * GradientBoostedTrees bdt = GradientBoostedTrees.fit(p, x, y, weights);
 * Tensor signalProbability = bdt.predictProba(xTest).select(1, 1);
 * Tensor ranking = bdt.featureImportances(Importance.TOTAL_GAIN);
 * }</pre>
 *
 * <p><b>Event weights.</b> Weights multiply each event's gradient and hessian (boosting) as in
 * XGBoost, so {@code minChildWeight} and {@code l2} are in units of weight: rescale tiny
 * cross-section weights to a mean near 1 before fitting. Negative weights are used as they are by
 * default; {@link dev.hadron.ml.tree.NegativeWeights} lists the alternatives.
 */
package dev.hadron.ml.tree;
