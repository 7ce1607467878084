/**
 * XGBoost's JSON model format: {@link dev.hadron.ml.xgboost.XGBoostJson} reads models saved by XGBoost
 * (1.0 to 3.x) into Hadron's boosted trees and writes Hadron's boosted trees for XGBoost, and through it
 * for ROOT's RBDT, hls4ml's conifer and Python.
 *
 * <pre>{@code
 * GradientBoostedTrees bdt = XGBoostJson.loadClassifier(Path.of("model.json"));   // saved by Python
 * Tensor p = bdt.predictProba(x);                                                  // equal to XGBoost's
 * XGBoostJson.save(GradientBoostedTrees.fit(params, x, y), Path.of("hadron.json"));
 * }</pre>
 */
package dev.hadron.ml.xgboost;
