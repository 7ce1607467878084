package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
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
