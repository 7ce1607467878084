package dev.hadron.ml;

import dev.hadron.data.Dataset;
import dev.hadron.ml.cluster.KMeans;
import dev.hadron.ml.decomposition.PCA;
import dev.hadron.ml.discriminant.FisherDiscriminant;
import dev.hadron.ml.gp.GaussianProcessRegressor;
import dev.hadron.ml.gp.Kernel;
import dev.hadron.ml.linear.ElasticNet;
import dev.hadron.ml.linear.LinearRegression;
import dev.hadron.ml.linear.LogisticRegression;
import dev.hadron.ml.neighbors.KNeighborsClassifier;
import dev.hadron.ml.neighbors.KNeighborsRegressor;
import dev.hadron.ml.neighbors.NeighborWeights;
import dev.hadron.ml.svm.SVC;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every classic method against scikit-learn on the small synthetic inputs stored in
 * {@code golden/fixed.json} (80 weighted events, 4 features, 15 query rows): these comparisons run
 * everywhere, also where the real data folder is absent.
 */
class FixedInputsGoldenTest {
    private static final Golden G = Golden.load("fixed.json");
    private static final int N = (int) G.number("n");
    private static final int F = (int) G.number("features");
    private static final Tensor X = Tensor.of(G.array("x"), N, F);
    private static final Tensor W = Tensor.of(G.array("w"), N);
    private static final Tensor TARGET = Tensor.of(G.array("target"), N);
    private static final Tensor BINARY = Tensor.of(G.array("binary"), N).to(DType.INT64);
    private static final Tensor MULTI = Tensor.of(G.array("multiclass"), N).to(DType.INT64);
    private static final Tensor Q = Tensor.of(G.array("query"), (int) G.number("queries"), F);

    @Test
    void linearRegressions() {
        Dataset d = Dataset.of(X, TARGET, W);
        LinearRegression ols = LinearRegression.Params.defaults().fit(d);
        LinearRegression ridge = LinearRegression.Params.ridge(2.0).fit(d);
        ElasticNet lasso = ElasticNet.Params.lasso(0.05).withTol(1e-12).withMaxIter(100000).fit(d);
        ElasticNet enet = ElasticNet.Params.defaults().withAlpha(0.1).withL1Ratio(0.3).withTol(1e-12).withMaxIter(100000).fit(d);
        check("ols", ols.coef(), ols.intercept(), ols.predict(Q));
        check("ridge", ridge.coef(), ridge.intercept(), ridge.predict(Q));
        check("lasso", lasso.coef(), lasso.intercept(), lasso.predict(Q));
        check("elastic_net", enet.coef(), enet.intercept(), enet.predict(Q));
    }

    private static void check(String key, Tensor coef, double intercept, Tensor predicted) {
        Golden g = G.get(key);
        Golden.assertClose(g.array("coef"), coef.toDoubleArray(), 1e-9, 1e-10, key + " coef");
        Golden.assertClose(g.number("intercept"), intercept, 1e-9, 1e-10, key + " intercept");
        Golden.assertClose(g.array("predict"), predicted.toDoubleArray(), 1e-9, 1e-10, key + " predictions");
    }

    @Test
    void logisticRegressions() {
        LogisticRegression.Params p = LogisticRegression.Params.defaults().withTol(1e-12);
        LogisticRegression binary = p.withC(0.5).fit(Dataset.of(X, BINARY, W));
        LogisticRegression multi = p.withC(2.0).fit(Dataset.of(X, MULTI, W));
        for (Object[] c : new Object[][] {{"logistic_binary", binary}, {"logistic_multinomial", multi}}) {
            Golden g = G.get((String) c[0]);
            LogisticRegression m = (LogisticRegression) c[1];
            Golden.assertClose(g.array("coef"), m.coef().toDoubleArray(), 1e-6, 1e-7, c[0] + " coef");
            Golden.assertClose(g.array("intercept"), m.intercept().toDoubleArray(), 1e-6, 1e-7, c[0] + " intercept");
            Golden.assertClose(g.array("proba"), m.predictProba(Q).toDoubleArray(), 1e-7, 1e-8, c[0] + " probabilities");
        }
    }

    @Test
    void fisherDiscriminantEqualsLinearDiscriminantAnalysis() {
        FisherDiscriminant m = FisherDiscriminant.Params.defaults().fit(Dataset.of(X, BINARY));
        Golden.assertClose(G.get("lda").array("proba"), m.predictProba(Q).toDoubleArray(), 1e-9, 1e-12, "probabilities");
    }

    @Test
    void kMeansAndPca() {
        KMeans km = KMeans.Params.defaults().withInitialCenters(X.narrow(0, 0, 3).clone()).fit(Dataset.of(X, null, W));
        Golden k = G.get("kmeans");
        Golden.assertClose(k.array("centers"), km.centers().toDoubleArray(), 1e-10, 1e-12, "k-means centres");
        Golden.assertClose(k.number("inertia"), km.inertia(), 1e-10, 0, "k-means inertia");
        assertArrayEquals(k.array("predict"), km.predict(Q).to(DType.FLOAT64).toDoubleArray(), 0.0, "k-means labels");
        PCA pca = PCA.Params.defaults().withComponents(3).withWhiten(true).fit(Dataset.of(X));
        Golden p = G.get("pca");
        Golden.assertClose(p.array("components"), pca.components().toDoubleArray(), 1e-9, 1e-12, "PCA components");
        Golden.assertClose(p.array("explained_variance"), pca.explainedVariance().toDoubleArray(), 1e-10, 0, "PCA variance");
        Golden.assertClose(p.array("transform"), pca.transform(Q).toDoubleArray(), 1e-9, 1e-12, "PCA transform");
    }

    @Test
    void nearestNeighbours() {
        KNeighborsClassifier c = KNeighborsClassifier.Params.defaults().withNeighbors(7).withWeights(NeighborWeights.DISTANCE)
                .fit(Dataset.of(X, MULTI));
        Golden.assertClose(G.get("knn_classifier").array("proba"), c.predictProba(Q).toDoubleArray(), 1e-12, 1e-14,
                "k-NN probabilities");
        KNeighborsRegressor r = KNeighborsRegressor.Params.defaults().fit(Dataset.of(X, TARGET));
        Golden.assertClose(G.get("knn_regressor").array("predict"), r.predict(Q).toDoubleArray(), 1e-12, 1e-14,
                "k-NN regression");
    }

    @Test
    void gaussianProcess() {
        Kernel k = Kernel.constant(2.0).times(Kernel.matern(1.3, 1.5)).plus(Kernel.white(0.1));
        GaussianProcessRegressor gp = GaussianProcessRegressor.Params.defaults().withKernel(k).withOptimize(false)
                .withNormalizeY(true).fit(Dataset.of(X, TARGET));
        Golden g = G.get("gp");
        GaussianProcessRegressor.Prediction p = gp.predictWithStd(Q);
        Golden.assertClose(g.array("mean"), p.mean().toDoubleArray(), 1e-9, 1e-10, "GP mean");
        Golden.assertClose(g.array("std"), p.std().toDoubleArray(), 1e-9, 1e-10, "GP std");
        Golden.assertClose(g.number("lml"), gp.logMarginalLikelihood(), 1e-10, 1e-10, "GP log marginal likelihood");
    }

    @Test
    void supportVectorMachine() {
        SVC m = SVC.Params.defaults().withC(2).withGamma(0.3).withTol(1e-8).fit(Dataset.of(X, BINARY, W));
        Golden g = G.get("svc_rbf");
        Golden.assertClose(g.array("decision"), m.decisionFunction(Q).toDoubleArray(), 1e-6, 1e-6, "SVC decision function");
        assertEquals((int) g.number("n_support"), m.numSupportVectors(), "support vectors");
    }
}
