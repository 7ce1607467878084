/**
 * Linear models, with scikit-learn's objectives so that coefficients agree to rounding:
 * {@link dev.hadron.ml.linear.LinearRegression} (ordinary least squares and ridge, closed form),
 * {@link dev.hadron.ml.linear.ElasticNet} (lasso and elastic net by coordinate descent) and
 * {@link dev.hadron.ml.linear.LogisticRegression} (binary and multinomial; L2, L1 and elastic-net
 * penalties; L-BFGS, or OWL-QN when there is an L1 term). Every fit takes per-event weights; each
 * class documents how negative weights are treated. Standardize features first when their scales
 * differ, as with scikit-learn.
 *
 * <pre>{@code
 * Dataset train = Dataset.of(x, y, weights);                       // y: 0 background, 1 signal
 * LogisticRegression lr = LogisticRegression.Params.defaults().withC(0.5).fit(train);
 * Tensor pSignal = lr.predictProba(xTest).select(1, 1);
 *
 * ElasticNet lasso = ElasticNet.Params.lasso(0.01).fit(Dataset.of(x, target));
 * Tensor kept = lasso.coef().ne(0);                                 // the features the lasso selected
 * ModelIO.save(lasso, Path.of("lasso.json"));
 * }</pre>
 */
package dev.hadron.ml.linear;
