/**
 * Gaussian-process regression ({@link dev.hadron.ml.gp.GaussianProcessRegressor}) with
 * scikit-learn's kernels ({@link dev.hadron.ml.gp.Kernel}: RBF, Matérn 1/2, 3/2, 5/2, rational
 * quadratic, dot product, white noise, constants, and their sums, products and powers).
 * Hyperparameters are set by maximizing the log marginal likelihood with its analytic gradient;
 * predictions give the posterior mean, standard deviation or covariance, and functions can be drawn
 * from the prior and the posterior. For fixed kernels the posterior and the log marginal likelihood
 * equal scikit-learn's to rounding.
 *
 * <pre>{@code
 * Kernel k = Kernel.constant(1.0).times(Kernel.matern(1.0, 2.5)).plus(Kernel.white(0.1));
 * GaussianProcessRegressor gp = GaussianProcessRegressor.Params.defaults().withKernel(k)
 *         .withNormalizeY(true).withRestarts(3).withSeed(1).fit(Dataset.of(x, y));
 * GaussianProcessRegressor.Prediction p = gp.predictWithStd(xTest);          // p.mean(), p.std()
 * Tensor draws = gp.sampleY(xTest, 10, new Generator(2));                    // (n, 10)
 * }</pre>
 */
package dev.hadron.ml.gp;
