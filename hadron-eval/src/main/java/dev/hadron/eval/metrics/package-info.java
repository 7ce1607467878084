/**
 * Metrics for HEP classifiers and regressors, with per-event weights everywhere (negative ones
 * included) and results equal to scikit-learn's and SciPy's where those define the metric.
 *
 * <ul>
 *   <li>{@link dev.hadron.eval.metrics.Roc} / {@link dev.hadron.eval.metrics.RocCurve}: weighted ROC,
 *       AUC (ties as scikit-learn), bootstrap uncertainty, ε_S at fixed ε_B, background rejection
 *       1/ε_B at fixed ε_S, one-vs-rest curves; {@link dev.hadron.eval.metrics.NegativeWeights} says
 *       how negative weights are treated.</li>
 *   <li>{@link dev.hadron.eval.metrics.ConfusionMatrix}: counts, normalisations, precision, recall, F1.</li>
 *   <li>{@link dev.hadron.eval.metrics.RegressionMetrics}: MAE, MSE, RMSE, R².</li>
 *   <li>{@link dev.hadron.eval.metrics.CalibrationCurve}: reliability diagrams.</li>
 *   <li>{@link dev.hadron.eval.metrics.KolmogorovSmirnov} and {@link dev.hadron.eval.metrics.Overtraining}:
 *       TMVA's overtraining check, p-values equal to SciPy's {@code ks_2samp}.</li>
 *   <li>{@link dev.hadron.eval.metrics.Separation}, {@link dev.hadron.eval.metrics.Significance},
 *       {@link dev.hadron.eval.metrics.CutScan}: TMVA's ⟨S²⟩, s/√b, Asimov Z (with and without
 *       background uncertainty), the Higgs ML AMS, and the optimal cut.</li>
 *   <li>{@link dev.hadron.eval.metrics.PermutationImportance} and
 *       {@link dev.hadron.eval.metrics.CorrelationMatrix}.</li>
 * </ul>
 *
 * <pre>{@code
 * RocCurve roc = Roc.curve(labels, scores, weights);       // labels 0/1, scores (n), weights (n) or null
 * double auc = roc.auc();
 * double rejection = roc.backgroundRejectionAt(0.5);        // 1/ε_B at ε_S = 50 %
 * AucEstimate err = Roc.aucBootstrap(labels, scores, weights, 200, new Generator(42));
 * List<KsResult> ks = Overtraining.check(trainY, trainS, trainW, testY, testS, testW);
 * CutScan best = CutScan.scan(labels, scores, weights, FigureOfMerit.AMS);
 * }</pre>
 *
 * <p>Every method validates its input and fails with a message naming the value and what was
 * expected: a length mismatch, a single class where two are needed, a NaN score, or a zero total
 * weight never turns into a silent NaN.
 */
package dev.hadron.eval.metrics;
