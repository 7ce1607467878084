package dev.hadron.ml.neighbors;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.ml.Golden;
import dev.hadron.ml.Metrics;
import dev.hadron.ml.RealData;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class KNeighborsRegressorTest {
    @Test
    void conformance() {
        Conformance.checkRegressor(KNeighborsRegressor.Params.defaults(), new Conformance.Options(true, false, 1e-12));
        Conformance.checkRegressor(KNeighborsRegressor.Params.defaults().withWeights(NeighborWeights.DISTANCE),
                new Conformance.Options(true, false, 1e-12));
    }

    @Test
    void exactMatchTakesAllTheWeightWithDistanceWeighting() {
        Tensor x = Tensor.of(new double[] {0, 1, 3}, 3, 1);
        Tensor y = Tensor.of(10.0, 20, 40);
        KNeighborsRegressor m = KNeighborsRegressor.Params.defaults().withNeighbors(3).withWeights(NeighborWeights.DISTANCE)
                .fit(Dataset.of(x, y));
        double[] p = m.predict(Tensor.of(new double[] {1, 2}, 2, 1)).toDoubleArray();
        // query 1 coincides with a training point; query 2 is at distances 2, 1, 1
        assertArrayEquals(new double[] {20, (10 / 2.0 + 20 + 40) / (0.5 + 1 + 1)}, p, 1e-12);
    }

    /** HIGGS: m_wwbb from the 21 low-level features, k = 10, uniform and distance weighting. */
    @Test
    void matchesScikitLearnOnHiggs() {
        Golden golden = Golden.load("knn.json");
        RealData.TrainTest raw = RealData.higgs();
        int[] cols = new int[21];
        for (int j = 0; j < 21; j++) {
            cols[j] = j;
        }
        RealData.TrainTest s = raw.columns(cols).standardized();
        Dataset train = Dataset.of(s.train().features(), raw.train().column(27));
        for (NeighborWeights w : NeighborWeights.values()) {
            String key = w == NeighborWeights.UNIFORM ? "regression_k10_uniform" : "regression_k10_distance";
            Golden g = golden.get(key);
            KNeighborsRegressor m = KNeighborsRegressor.Params.defaults().withNeighbors(10).withWeights(w).fit(train);
            double[] pred = m.predict(s.test().features()).toDoubleArray();
            Golden.assertClose(g.array("test_pred_head"), java.util.Arrays.copyOf(pred, 50), 1e-12, 1e-12, key + " predictions");
            Golden.assertClose(g.number("test_r2"), Metrics.r2(raw.test().column(27).toDoubleArray(), pred, null), 0, 1e-10,
                    key + " test R^2");
        }
    }
}
