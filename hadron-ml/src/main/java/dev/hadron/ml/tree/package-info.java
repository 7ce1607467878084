/**
 * Decision trees and their ensembles, behind the estimator contract of {@code dev.hadron.ml}:
 * histogram gradient boosting in the manner of XGBoost {@code hist} ({@link dev.hadron.ml.tree.GradientBoostedTrees},
 * {@link dev.hadron.ml.tree.GradientBoostedRegressor}), CART trees ({@link dev.hadron.ml.tree.DecisionTree},
 * {@link dev.hadron.ml.tree.DecisionTreeRegressor}), random forests ({@link dev.hadron.ml.tree.RandomForest},
 * {@link dev.hadron.ml.tree.RandomForestRegressor}) and TMVA-style AdaBoost ({@link dev.hadron.ml.tree.AdaBoost}).
 * Hyperparameters are validated records with {@code withX} copies and scikit-learn / XGBoost names;
 * fitted models are immutable, save and load as versioned JSON ({@code ModelIO}), and boosted trees
 * move to and from XGBoost's JSON format ({@code dev.hadron.ml.xgboost}).
 *
 * <p>A complete example (it runs as a test, {@code GradientBoostedTreesContractTest}):
 * <pre>{@code
 * Generator gen = new Generator(42);
 * Tensor x = Tensor.randn(gen, 600, 4);                                  // 600 events, 4 features
 * Tensor y = x.select(1, 0).add(x.select(1, 1)).gt(0).to(DType.INT64);   // class labels 0 / 1
 * var p = GradientBoostedTrees.Params.defaults().withTrees(50).withMaxDepth(3).withLearningRate(0.3).withBins(64);
 * GradientBoostedTrees bdt = GradientBoostedTrees.fit(p, x, y);          // or fit(p, x, y, weights)
 * Tensor proba = bdt.predictProba(x);                                    // 600 x 2
 * }</pre>
 *
 * <p>A physics analysis with event weights, a validation set and early stopping:
 * <pre>{@code
 * var p = GradientBoostedTrees.Params.defaults().withTrees(500).withMaxDepth(6).withLearningRate(0.1)
 *         .withSubsample(0.8).withEarlyStoppingRounds(20);
 * GradientBoostedTrees bdt = p.fit(Dataset.of(x, y, weights), Dataset.of(xValid, yValid, wValid));
 * Tensor signalProbability = bdt.predictProba(xTest).select(1, 1);      // column 1 of n x classes
 * List<Tensor> perRound = bdt.stagedPredictProba(xTest);                // staged predictions
 * Tensor ranking = bdt.featureImportances(Importance.SPLIT_COUNT);      // or TOTAL_GAIN
 * ModelIO.save(bdt, Path.of("bdt.json"));
 *
 * RandomForest rf = RandomForest.Params.defaults().withTrees(300).withOobScore(true).fit(train);
 * double oob = rf.oobScore();
 * AdaBoost tmva = AdaBoost.Params.defaults().withTrees(800).withMaxDepth(3).fit(train);
 * }</pre>
 *
 * <p><b>Boosting internals.</b> The code is laid out like scikit-learn's histogram GBDT: {@code Binning}
 * (quantile bins of at most 256 codes, float32 thresholds, a code for missing values), {@code Histogram}
 * (gradient and hessian sums per bin, parent minus sibling), {@code Splitting} (XGBoost's gain with
 * L1/L2 penalties, minimum child weight, a learned default direction for missing values), {@code Grower}
 * (depth-wise or leaf-wise growth, histograms built in parallel over feature groups, bit-identical for
 * any thread count) and {@link dev.hadron.ml.tree.Tree} (the fitted tree, predicting on raw features).
 * CART trees, forests and AdaBoost share {@code CartBuilder} (presorted features, exact thresholds at
 * midpoints as scikit-learn; no missing values).
 *
 * <p><b>Event weights.</b> Weights multiply each event's gradient and hessian (boosting) or its
 * impurity contribution (CART), as in XGBoost and scikit-learn, so {@code minChildWeight} and
 * {@code l2} are in units of weight: rescale tiny cross-section weights to a mean near 1 before
 * fitting. A weight of 2 is the same as the event twice, exactly for CART; for boosting as long as
 * binning is unchanged, since bin thresholds are placed on the unweighted values (always so when a
 * feature has no more distinct values than bins). Negative weights (NLO generators) are used as they
 * are by default, which minimizes the weighted loss as defined; {@link dev.hadron.ml.tree.NegativeWeights} describes this and TMVA's
 * alternatives (ignore them, or annihilate them against nearby positive-weight events).
 */
package dev.hadron.ml.tree;
