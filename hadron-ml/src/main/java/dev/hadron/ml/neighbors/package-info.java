/**
 * Nearest neighbours: an exact Euclidean index ({@link dev.hadron.ml.neighbors.NearestNeighbors},
 * a k-d tree up to 15 features, brute force above; both give identical neighbours) and k-NN
 * classification and regression with uniform or inverse-distance votes, as scikit-learn's
 * {@code KNeighborsClassifier} and {@code KNeighborsRegressor}.
 *
 * <pre>{@code
 * KNeighborsClassifier knn = KNeighborsClassifier.Params.defaults().withNeighbors(25)
 *         .withWeights(NeighborWeights.DISTANCE).fit(Dataset.of(x, y));
 * Tensor p = knn.predictProba(xTest);
 *
 * NearestNeighbors.Result r = NearestNeighbors.build(x, NearestNeighbors.Algorithm.AUTO, 30).query(xTest, 5);
 * }</pre>
 */
package dev.hadron.ml.neighbors;
