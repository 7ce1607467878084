package dev.hadron.ml.linear;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.ml.Golden;
import dev.hadron.ml.Metrics;
import dev.hadron.ml.ModelIO;
import dev.hadron.ml.RealData;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElasticNetTest {
    @Test
    void conformance() {
        Conformance.checkRegressor(ElasticNet.Params.lasso(0.05).withTol(1e-10), Conformance.Options.strict());
        Conformance.checkRegressor(ElasticNet.Params.defaults().withAlpha(0.1).withTol(1e-10), Conformance.Options.strict());
    }

    @Test
    void invalidHyperparameters() {
        assertEquals("Invalid l1Ratio: 1.5 (must be in [0.0, 1.0])",
                assertThrows(IllegalArgumentException.class, () -> ElasticNet.Params.defaults().withL1Ratio(1.5)).getMessage());
        assertEquals("Invalid alpha: -1.0 (must be >= 0 and finite)",
                assertThrows(IllegalArgumentException.class, () -> ElasticNet.Params.lasso(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ElasticNet.Params.defaults().withMaxIter(0));
    }

    @Test
    void largePenaltyZeroesEveryCoefficient() {
        Dataset d = Conformance.regression(3);
        ElasticNet m = ElasticNet.Params.lasso(100).fit(d);
        for (double c : m.coef().toDoubleArray()) {
            assertEquals(0.0, c);
        }
        assertEquals(d.labels().mean().item(), m.intercept(), 1e-12);
    }

    @Test
    void positiveConstraintHolds() {
        Dataset d = Conformance.regression(4);
        ElasticNet m = ElasticNet.Params.lasso(0.01).withPositive(true).fit(d);
        for (double c : m.coef().toDoubleArray()) {
            assertTrue(c >= 0, "coefficient " + c);
        }
        Map<String, Object> json = ModelIO.toJson(m);
        assertEquals(m.intercept(), ((ElasticNet) ModelIO.fromJson(json)).intercept());
    }

    /** HIGGS, weighted: lasso and elastic net coefficients (tight tolerance) and held-out R^2. */
    @Test
    void matchesScikitLearnOnHiggs() {
        Golden golden = Golden.load("linear.json");
        RealData.TrainTest h = RealData.higgs();
        RealData.TrainTest s = h.columns(LinearRegressionTest.range(21)).standardized();
        Dataset train = Dataset.of(s.train().features(), h.train().column(27), s.train().weights());
        double[] testTarget = h.test().column(27).toDoubleArray();
        Object[][] cases = {
            {"lasso", ElasticNet.Params.lasso(0.01).withTol(1e-12).withMaxIter(100000)},
            {"elastic_net", ElasticNet.Params.defaults().withAlpha(0.02).withL1Ratio(0.5).withTol(1e-12).withMaxIter(100000)},
            {"lasso_default_tol", ElasticNet.Params.lasso(0.005)},
        };
        for (Object[] c : cases) {
            String key = (String) c[0];
            Golden g = golden.get(key);
            ElasticNet m = ((ElasticNet.Params) c[1]).fit(train);
            boolean tight = !key.endsWith("default_tol");
            Golden.assertClose(g.array("coef"), m.coef().toDoubleArray(), tight ? 1e-7 : 1e-3, tight ? 1e-9 : 1e-4,
                    key + " coef");
            double[] coef = m.coef().toDoubleArray();
            double[] expected = g.array("coef");
            for (int j = 0; j < coef.length; j++) {
                if (tight) {
                    assertEquals(expected[j] == 0, coef[j] == 0, key + ": feature " + j + " selected differently");
                }
            }
            double r2 = Metrics.r2(testTarget, m.predict(s.test().features()).toDoubleArray(), null);
            Golden.assertClose(g.number("test_r2"), r2, 0, tight ? 1e-8 : 1e-4, key + " test R2");
        }
    }

    @Test
    void weightedLassoMatchesScikitLearnOnAtlas() {
        Golden g = Golden.load("linear.json").get("atlas_lasso");
        RealData.TrainTest a = RealData.atlas();
        RealData.TrainTest s = a.columns(13, 14, 15, 16, 17, 18, 19, 20, 21).standardized();
        double[] w = RealData.balanced(a.train().y(), a.train().w());
        ElasticNet m = ElasticNet.Params.lasso(0.5).withTol(1e-12).withMaxIter(100000).fit(
                Dataset.of(s.train().features(), a.train().column(3), Tensor.of(w, w.length)));
        Golden.assertClose(g.array("coef"), m.coef().toDoubleArray(), 1e-7, 1e-8, "coef");
        double r2 = Metrics.r2(a.test().column(3).toDoubleArray(), m.predict(s.test().features()).toDoubleArray(),
                a.test().w());
        Golden.assertClose(g.number("test_r2"), r2, 0, 1e-8, "weighted test R2");
    }
}
