package dev.hadron.ml.neighbors;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.ml.Golden;
import dev.hadron.ml.Metrics;
import dev.hadron.ml.RealData;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KNeighborsClassifierTest {
    @Test
    void conformance() {
        // a weight changes a vote, not the number of places a row takes among the k: no duplicate check
        Conformance.checkClassifier(KNeighborsClassifier.Params.defaults(), new Conformance.Options(true, false, 1e-12));
        Conformance.checkClassifier(KNeighborsClassifier.Params.defaults().withWeights(NeighborWeights.DISTANCE)
                .withAlgorithm(NearestNeighbors.Algorithm.BRUTE), new Conformance.Options(true, false, 1e-12));
    }

    @Test
    void eventWeightsScaleTheVotes() {
        Tensor x = Tensor.of(new double[] {0, 1, 2, 10}, 4, 1);
        Tensor y = Tensor.of(new long[] {0, 1, 1, 0}, 4);
        KNeighborsClassifier m = KNeighborsClassifier.Params.defaults().withNeighbors(3)
                .fit(Dataset.of(x, y, Tensor.of(4.0, 1, 1, 1)));
        assertArrayEquals(new double[] {4 / 6.0, 2 / 6.0}, m.predictProba(Tensor.of(new double[] {0.5}, 1, 1)).toDoubleArray(),
                1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KNeighborsClassifier.Params.defaults().withNeighbors(5).fit(Dataset.of(x, y)));
        assertTrue(e.getMessage().contains("5 neighbours"), e.getMessage());
        assertEquals("Invalid neighbors: 0 (must be >= 1)", assertThrows(IllegalArgumentException.class,
                () -> KNeighborsClassifier.Params.defaults().withNeighbors(0)).getMessage());
    }

    /** HIGGS standardized, k = 25, brute force: every held-out probability equals scikit-learn's. */
    @Test
    void matchesScikitLearnOnHiggs() {
        Golden golden = Golden.load("knn.json");
        RealData.TrainTest s = RealData.higgs().standardized();
        Dataset train = Dataset.of(s.train().features(), s.train().labels());
        for (NeighborWeights w : NeighborWeights.values()) {
            String key = w == NeighborWeights.UNIFORM ? "k25_uniform" : "k25_distance";
            Golden g = golden.get(key);
            KNeighborsClassifier m = KNeighborsClassifier.Params.defaults().withNeighbors(25).withWeights(w)
                    .withAlgorithm(NearestNeighbors.Algorithm.BRUTE).fit(train);
            double[] p = m.predictProba(s.test().features()).select(1, 1).contiguous().toDoubleArray();
            Golden.assertClose(g.array("test_proba"), p, 1e-12, 1e-12, key + " probabilities");
            Golden.assertClose(g.number("test_auc"), Metrics.auc(s.test().y(), p, null), 0, 1e-12, key + " test AUC");
        }
    }

    /** Three HIGGS masses, k = 15, through the k-d tree. */
    @Test
    void kdTreeMatchesScikitLearnInLowDimension() {
        Golden g = Golden.load("knn.json").get("lowdim_k15");
        RealData.TrainTest s = RealData.higgs().columns(21, 22, 26).standardized();
        KNeighborsClassifier m = KNeighborsClassifier.Params.defaults().withNeighbors(15)
                .fit(Dataset.of(s.train().features(), s.train().labels()));
        assertEquals(NearestNeighbors.Algorithm.KD_TREE, m.index().algorithm());
        double[] p = m.predictProba(s.test().features()).select(1, 1).contiguous().toDoubleArray();
        Golden.assertClose(g.array("test_proba"), p, 1e-12, 1e-12, "probabilities");
        Golden.assertClose(g.number("test_auc"), Metrics.auc(s.test().y(), p, null), 0, 1e-12, "test AUC");
    }
}
