/**
 * Clustering: {@link dev.hadron.ml.cluster.KMeans} (Lloyd iterations from k-means++ or random
 * seeds, several seeded runs keeping the lowest inertia, optional event weights), as scikit-learn's
 * {@code KMeans}.
 *
 * <pre>{@code
 * KMeans km = KMeans.Params.defaults().withClusters(4).withNInit(10).withSeed(7).fit(Dataset.of(x));
 * Tensor cluster = km.predict(x);                  // int64 cluster index per event
 * double inertia = km.inertia();
 * Tensor distances = km.transform(x);              // (n, 4) distances to the centres
 * }</pre>
 */
package dev.hadron.ml.cluster;
