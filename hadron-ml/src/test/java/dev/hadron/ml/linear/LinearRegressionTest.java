package dev.hadron.ml.linear;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.ml.Golden;
import dev.hadron.ml.Metrics;
import dev.hadron.ml.RealData;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearRegressionTest {
    @Test
    void conformance() {
        Conformance.checkRegressor(LinearRegression.Params.defaults(), Conformance.Options.strict());
        Conformance.checkRegressor(LinearRegression.Params.ridge(3.0), Conformance.Options.strict());
    }

    @Test
    void invalidHyperparameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearRegression.Params.ridge(-1));
        assertEquals("Invalid alpha: -1.0 (must be >= 0 and finite)", e.getMessage());
    }

    @Test
    void recoversExactLinearFunction() {
        double[][] x = {{1, 2}, {2, 0}, {3, 5}, {4, 1}, {5, 7}};
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 3 * x[i][0] - 2 * x[i][1] + 0.5;
        }
        LinearRegression m = LinearRegression.Params.defaults().fit(Dataset.of(Tensor.of(x), Tensor.of(y)));
        Golden.assertClose(new double[] {3, -2}, m.coef().toDoubleArray(), 0, 1e-12, "coef");
        assertEquals(0.5, m.intercept(), 1e-12);
    }

    @Test
    void collinearFeaturesGetTheMinimumNormSolution() {
        // the second column duplicates the first: least squares splits the coefficient evenly
        double[][] x = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};
        double[] y = {2, 4, 6, 8};
        LinearRegression m = LinearRegression.Params.defaults().fit(Dataset.of(Tensor.of(x), Tensor.of(y)));
        Golden.assertClose(new double[] {1, 1}, m.coef().toDoubleArray(), 0, 1e-9, "coef");
    }

    @Test
    void negativeWeightsThatBreakTheProblemAreRefused() {
        double[][] x = {{0}, {1}, {2}, {3}};
        Dataset d = Dataset.of(Tensor.of(x), Tensor.of(1.0, 2, 3, 4), Tensor.of(1.0, -5, 1, -5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearRegression.Params.defaults().fit(d));
        assertTrue(e.getMessage().contains("centring") || e.getMessage().contains("negative"), e.getMessage());
    }

    /** HIGGS: m_wwbb from the 21 low-level features, weighted; coefficients and held-out R^2 as scikit-learn. */
    @Test
    void matchesScikitLearnOnHiggs() {
        Golden golden = Golden.load("linear.json");
        RealData.TrainTest h = RealData.higgs();
        RealData.TrainTest s = h.columns(range(21)).standardized();
        Tensor target = h.train().column(27);
        double[] testTarget = h.test().column(27).toDoubleArray();
        Dataset train = Dataset.of(s.train().features(), target, s.train().weights());
        for (String key : new String[] {"ols", "ridge"}) {
            Golden g = golden.get(key);
            LinearRegression m = (key.equals("ols") ? LinearRegression.Params.defaults() : LinearRegression.Params.ridge(10))
                    .fit(train);
            Golden.assertClose(g.array("coef"), m.coef().toDoubleArray(), 1e-9, 1e-11, key + " coef");
            Golden.assertClose(g.number("intercept"), m.intercept(), 1e-10, 0, key + " intercept");
            double r2 = Metrics.r2(testTarget, m.predict(s.test().features()).toDoubleArray(), null);
            Golden.assertClose(g.number("test_r2"), r2, 0, 1e-9, key + " test R2");
        }
    }

    @Test
    void weightedRidgeMatchesScikitLearnOnAtlas() {
        Golden g = Golden.load("linear.json").get("atlas_ridge");
        RealData.TrainTest a = RealData.atlas();
        RealData.TrainTest s = a.columns(13, 14, 15, 16, 17, 18, 19, 20, 21).standardized();
        double[] w = RealData.balanced(a.train().y(), a.train().w());
        LinearRegression m = LinearRegression.Params.ridge(5).fit(
                Dataset.of(s.train().features(), a.train().column(3), Tensor.of(w, w.length)));
        Golden.assertClose(g.array("coef"), m.coef().toDoubleArray(), 1e-9, 1e-10, "coef");
        double r2 = Metrics.r2(a.test().column(3).toDoubleArray(), m.predict(s.test().features()).toDoubleArray(),
                a.test().w());
        Golden.assertClose(g.number("test_r2"), r2, 0, 1e-9, "weighted test R2");
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
