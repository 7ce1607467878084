/**
 * The estimator contract shared by every classic method and the boosted trees, in the manner of
 * scikit-learn.
 *
 * <ul>
 *   <li>{@link dev.hadron.ml.Estimator}: hyperparameters as a validated record with {@code withX(...)}
 *       copies; {@code fit(Dataset)} takes features, labels and optional event weights and returns an
 *       immutable fitted {@link dev.hadron.ml.Model}.</li>
 *   <li>{@link dev.hadron.ml.Predictor}, {@link dev.hadron.ml.Classifier} ({@code predictProba},
 *       {@code decisionFunction}), {@link dev.hadron.ml.Regressor} and
 *       {@link dev.hadron.ml.Transformer} ({@code transform}) say what a fitted model offers.</li>
 *   <li>{@link dev.hadron.ml.ModelIO} saves and loads any model as versioned, human-readable JSON;
 *       loading only rebuilds model classes of this module.</li>
 *   <li>{@link dev.hadron.ml.FitChecks}: the input checks every estimator makes, so empty data, zero
 *       total weight, non-finite features, non-integer class labels or a single class fail with the
 *       same clear message everywhere.</li>
 * </ul>
 *
 * <pre>{@code
 * Dataset train = Dataset.of(x, y, weights);                      // labels 0/1, event weights
 * Classifier lr = LogisticRegression.Params.defaults().withC(0.5).fit(train);
 * Tensor pSignal = lr.predictProba(xTest).select(1, 1);
 * ModelIO.save(lr, Path.of("lr.json"));                           // {"format": "hadron-model", "version": 1, ...}
 * Classifier again = (Classifier) ModelIO.load(Path.of("lr.json"));
 * }</pre>
 *
 * <p>The methods live in sub-packages: {@code linear} (OLS, ridge, lasso, elastic net, logistic),
 * {@code discriminant} (Fisher), {@code cluster} (k-means), {@code decomposition} (PCA),
 * {@code neighbors} (kNN), {@code gp} (Gaussian processes) and {@code svm} (kernel SVM).
 */
package dev.hadron.ml;
