package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Classifier;
import dev.hadron.ml.Regressor;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Held-out metrics on the real samples against scikit-learn's and XGBoost's with the same
 * hyperparameters (golden numbers from {@code golden_real.py}).
 */
class RealDataTest {
    /** AUC tolerance: binning details and tie-breaking differ between implementations. */
    static final double TOL = 0.006;

    @SuppressWarnings("unchecked")
    static Map<String, Object> golden(String sample, String entry) {
        try (InputStream in = RealDataTest.class.getResourceAsStream("golden_real.json")) {
            Map<String, Object> root = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Object> results = (Map<String, Object>) root.get("results");
            return (Map<String, Object>) ((Map<String, Object>) results.get(sample)).get(entry);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static HepSamples.Split sample(String name) {
        return name.equals("higgs") ? HepSamples.higgs() : HepSamples.atlas();
    }

    @SuppressWarnings("unchecked")
    private static void checkGbdt(String sample, String entry) {
        Map<String, Object> g = golden(sample, entry);
        Map<String, Object> p = (Map<String, Object>) g.get("params");
        GradientBoostedTrees.Params params = GradientBoostedTrees.Params.defaults()
                .withTrees(((Long) p.get("trees")).intValue())
                .withMaxDepth(((Long) p.get("maxDepth")).intValue())
                .withLearningRate((Double) p.get("learningRate"))
                .withBins(((Long) p.get("bins")).intValue())
                .withL1((Double) p.get("l1")).withL2((Double) p.get("l2"))
                .withMinChildWeight((Double) p.get("minChildWeight"))
                .withGrowPolicy(p.get("growPolicy").equals("lossguide") ? GrowPolicy.LOSSGUIDE : GrowPolicy.DEPTHWISE)
                .withMaxLeaves(((Long) p.get("maxLeaves")).intValue());
        HepSamples.Split s = sample(sample);
        Dataset test = s.test();
        GradientBoostedTrees m = params.fit(s.train());
        double auc = HepSamples.auc(m.predictProba(test.features()).select(1, 1), test);
        System.out.println(sample + " " + entry + ": hadron AUC " + auc + ", XGBoost " + g.get("auc"));
        assertEquals((Double) g.get("auc"), auc, TOL, sample + " " + entry + " AUC versus XGBoost");
    }

    private static Map<String, Object> params(Map<String, Object> g) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) g.get("params");
        return p;
    }

    private static int i(Map<String, Object> p, String k) {
        return ((Long) p.get(k)).intValue();
    }

    private static double d(Map<String, Object> p, String k) {
        return ((Number) p.get(k)).doubleValue();
    }

    /** CART, random forest and AdaBoost against scikit-learn (ATLAS with -999 kept, as scikit-learn 1.2 needs). */
    private static void checkClassic(String sample, String entry, double tol) {
        Map<String, Object> g = golden(sample, entry);
        Map<String, Object> p = params(g);
        HepSamples.Split s = sample.equals("higgs") ? HepSamples.higgs() : HepSamples.atlasRaw();
        Classifier m;
        if (entry.startsWith("tree")) {
            m = DecisionTree.Params.defaults()
                    .withCriterion(p.get("criterion").equals("gini") ? Criterion.GINI : Criterion.ENTROPY)
                    .withMaxDepth(i(p, "maxDepth")).withMinSamplesLeaf(i(p, "minSamplesLeaf")).fit(s.train());
        } else if (entry.equals("forest")) {
            m = RandomForest.Params.defaults().withTrees(i(p, "trees")).withMinSamplesLeaf(i(p, "minSamplesLeaf"))
                    .withThreads(2).fit(s.train());
        } else {
            m = AdaBoost.Params.defaults().withTrees(i(p, "trees")).withMaxDepth(i(p, "maxDepth"))
                    .withLearningRate(d(p, "learningRate")).withMinWeightFractionLeaf(d(p, "minWeightFractionLeaf"))
                    .withAlgorithm(p.get("algorithm").equals("SAMME") ? AdaBoost.Algorithm.DISCRETE
                            : AdaBoost.Algorithm.REAL).fit(s.train());
        }
        double auc = HepSamples.auc(m.predictProba(s.test().features()).select(1, 1), s.test());
        System.out.println(sample + " " + entry + ": hadron AUC " + auc + ", scikit-learn " + g.get("auc"));
        assertEquals((Double) g.get("auc"), auc, tol, sample + " " + entry + " AUC versus scikit-learn");
    }

    @Test
    void treesForestsAndAdaBoostHiggs() {
        checkClassic("higgs", "treeGini", 0.005);
        checkClassic("higgs", "treeEntropy", 0.005);
        checkClassic("higgs", "forest", 0.006);
        checkClassic("higgs", "adaDiscrete", 0.005);
        checkClassic("higgs", "adaReal", 0.005);
    }

    @Test
    void treesForestsAndAdaBoostAtlas() {
        checkClassic("atlas", "treeGini", 0.005);
        checkClassic("atlas", "treeEntropy", 0.005);
        checkClassic("atlas", "forest", 0.006);
        checkClassic("atlas", "adaDiscrete", 0.005);
        checkClassic("atlas", "adaReal", 0.005);
    }

    /** Regressing m_bb (HIGGS feature 25) on the 21 low-level features: held-out weighted R². */
    @SuppressWarnings("unchecked")
    @Test
    void regressionHiggs() {
        Map<String, Object> g = (Map<String, Object>) golden("higgs", "regression");
        HepSamples.Split s = HepSamples.higgs();
        Dataset train = regressionSet(s.train());
        Dataset test = regressionSet(s.test());
        GradientBoostedTrees.Params gb = GradientBoostedTrees.Params.defaults().withTrees(100).withMaxDepth(4)
                .withLearningRate(0.1);
        checkR2("gbdt", g, gb.regressor().fit(train), test, 0.01);
        checkR2("gbdtHuber", g, gb.withObjective(Objective.PSEUDO_HUBER).withHuberSlope(0.5).regressor().fit(train),
                test, 0.01);
        checkR2("tree", g, DecisionTree.Params.regressionDefaults().withMaxDepth(8).withMinSamplesLeaf(5).regressor()
                .fit(train), test, 0.01);
        checkR2("forest", g, RandomForest.Params.regressionDefaults().withTrees(100).withMinSamplesLeaf(5).withThreads(2)
                .regressor().fit(train), test, 0.01);
    }

    private static Dataset regressionSet(Dataset d) {
        Tensor x = d.features();
        return Dataset.of(x.narrow(1, 0, 21).contiguous(), x.select(1, 25).to(DType.FLOAT64).contiguous(), d.weights());
    }

    @SuppressWarnings("unchecked")
    private static void checkR2(String key, Map<String, Object> g, Regressor m, Dataset test, double tol) {
        double[] p = m.predict(test.features()).toDoubleArray();
        double[] y = test.labels().toDoubleArray();
        double[] w = test.weights().toDoubleArray();
        double mean = 0;
        double tw = 0;
        for (int i = 0; i < y.length; i++) {
            mean += w[i] * y[i];
            tw += w[i];
        }
        mean /= tw;
        double ssr = 0;
        double sst = 0;
        for (int i = 0; i < y.length; i++) {
            ssr += w[i] * (y[i] - p[i]) * (y[i] - p[i]);
            sst += w[i] * (y[i] - mean) * (y[i] - mean);
        }
        double r2 = 1 - ssr / sst;
        double expected = (Double) ((Map<String, Object>) g.get(key)).get("r2");
        System.out.println("higgs regression " + key + ": hadron R2 " + r2 + ", reference " + expected);
        assertEquals(expected, r2, tol, "regression " + key + " R2");
    }

    @Test
    void boostedTreesHiggs() {
        checkGbdt("higgs", "gbdt0");
        checkGbdt("higgs", "gbdt1");
    }

    @Test
    void boostedTreesAtlas() {
        checkGbdt("atlas", "gbdt0");
        checkGbdt("atlas", "gbdt1");
    }
}
