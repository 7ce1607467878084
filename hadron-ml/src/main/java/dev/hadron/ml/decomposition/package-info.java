/**
 * Matrix decompositions: principal component analysis ({@link dev.hadron.ml.decomposition.PCA}:
 * explained variance and its ratio, whitening, a component count or a variance fraction), as
 * scikit-learn's {@code PCA} with the full solver, signs included.
 *
 * <pre>{@code
 * PCA pca = PCA.Params.defaults().withVarianceFraction(0.95).fit(Dataset.of(x));
 * Tensor z = pca.transform(x);
 * Tensor ratio = pca.explainedVarianceRatio();
 * }</pre>
 */
package dev.hadron.ml.decomposition;
