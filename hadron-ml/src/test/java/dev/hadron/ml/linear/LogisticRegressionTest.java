package dev.hadron.ml.linear;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.ml.Golden;
import dev.hadron.ml.Metrics;
import dev.hadron.ml.RealData;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticRegressionTest {
    @Test
    void conformance() {
        Conformance.checkClassifier(LogisticRegression.Params.defaults(), new Conformance.Options(true, true, 1e-6));
        Conformance.checkClassifier(LogisticRegression.Params.defaults().withPenalty(LogisticRegression.Penalty.L1)
                .withC(0.5).withTol(1e-10), new Conformance.Options(true, true, 1e-5));
    }

    @Test
    void invalidHyperparameters() {
        assertEquals("Invalid C: 0.0 (must be > 0 and finite)",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegression.Params.defaults().withC(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.Params.defaults().withPenalty(null));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.Params.defaults().withL1Ratio(-0.1));
    }

    @Test
    void multinomialOnThreeBlobs() {
        Generator g = new Generator(5);
        int n = 300;
        long[] y = new long[n];
        double[] x = new double[n * 2];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[2 * i] = 3 * Math.cos(2 * Math.PI * y[i] / 3) + g.nextGaussian();
            x[2 * i + 1] = 3 * Math.sin(2 * Math.PI * y[i] / 3) + g.nextGaussian();
        }
        Dataset d = Dataset.of(Tensor.of(x, n, 2), Tensor.of(y, n));
        LogisticRegression m = LogisticRegression.Params.defaults().fit(d);
        assertEquals(3, m.numClasses());
        assertArrayEquals(new int[] {3, 2}, m.coef().shape());
        assertArrayEquals(new int[] {n, 3}, m.decisionFunction(d.features()).shape());
        double acc = m.predict(d.features()).eq(d.labels()).to(DType.FLOAT64).mean().item();
        assertTrue(acc > 0.9, "accuracy " + acc);
        // with an L2 penalty and intercepts, multinomial coefficients sum to zero over classes at the optimum
        double[] c = m.coef().toDoubleArray();
        assertEquals(0, c[0] + c[2] + c[4], 1e-6);
    }

    @Test
    void l1DrivesCoefficientsToExactZeros() {
        Dataset d = Conformance.blobs(8);
        LogisticRegression m = LogisticRegression.Params.defaults().withPenalty(LogisticRegression.Penalty.L1).withC(0.002)
                .fit(d);
        for (double v : m.coef().toDoubleArray()) {
            assertEquals(0.0, v, "a strong L1 penalty leaves only the intercept");
        }
    }

    /** HIGGS (weighted): coefficients of L2 / L1 / elastic-net fits and held-out AUC against scikit-learn. */
    @Test
    void matchesScikitLearnOnHiggs() {
        Golden golden = Golden.load("logistic.json");
        RealData.TrainTest s = RealData.higgs().standardized();
        Dataset train = Dataset.of(s.train().features(), s.train().labels(), s.train().weights());
        LogisticRegression.Params base = LogisticRegression.Params.defaults().withTol(1e-10);
        Object[][] cases = {
            {"l2_c1", base, 1e-6},
            {"l2_c001", base.withC(0.01), 1e-6},
            {"l1_c005", base.withPenalty(LogisticRegression.Penalty.L1).withC(0.05), 1e-5},
            {"enet_c005", base.withPenalty(LogisticRegression.Penalty.ELASTIC_NET).withC(0.05).withL1Ratio(0.5), 1e-5},
            {"l2_default", LogisticRegression.Params.defaults(), 1e-3},
        };
        for (Object[] c : cases) {
            String key = (String) c[0];
            double tol = (Double) c[2];
            Golden g = golden.get(key);
            LogisticRegression m = ((LogisticRegression.Params) c[1]).fit(train);
            Golden.assertClose(g.array("coef"), m.coef().toDoubleArray(), tol, tol, key + " coef");
            Golden.assertClose(g.array("intercept"), m.intercept().toDoubleArray(), tol, tol, key + " intercept");
            double[] p = m.predictProba(s.test().features()).select(1, 1).contiguous().toDoubleArray();
            Golden.assertClose(g.array("test_proba_head"), java.util.Arrays.copyOf(p, 20), tol, tol, key + " probabilities");
            Golden.assertClose(g.number("test_auc"), Metrics.auc(s.test().y(), p, null), 0, tol, key + " test AUC");
        }
    }

    /** ATLAS with balanced physics weights; weighted held-out AUC. */
    @Test
    void weightedFitMatchesScikitLearnOnAtlas() {
        Golden g = Golden.load("logistic.json").get("atlas_l2_balanced");
        RealData.TrainTest s = RealData.atlas().standardized();
        double[] w = RealData.balanced(s.train().y(), s.train().w());
        LogisticRegression m = LogisticRegression.Params.defaults().withTol(1e-10).fit(
                Dataset.of(s.train().features(), s.train().labels(), Tensor.of(w, w.length)));
        Golden.assertClose(g.array("coef"), m.coef().toDoubleArray(), 1e-6, 1e-6, "coef");
        double[] p = m.predictProba(s.test().features()).select(1, 1).contiguous().toDoubleArray();
        Golden.assertClose(g.number("test_auc_weighted"), Metrics.auc(s.test().y(), p, s.test().w()), 0, 1e-6, "AUC");
    }

    /** Each class's coefficients minus those of class 0. */
    private static double[] contrasts(double[] coef, int classes) {
        int f = coef.length / classes;
        double[] out = new double[coef.length - f];
        for (int k = 1; k < classes; k++) {
            for (int j = 0; j < f; j++) {
                out[(k - 1) * f + j] = coef[k * f + j] - coef[j];
            }
        }
        return out;
    }

    private static double l1Norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Math.abs(x);
        }
        return s;
    }

    /** ATLAS jet multiplicity (4 classes) from the non-jet features: multinomial L2 and L1. */
    @Test
    void multinomialMatchesScikitLearnOnAtlas() {
        Golden golden = Golden.load("logistic.json");
        RealData.TrainTest a = RealData.atlas();
        int[] cols = {1, 2, 3, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21};
        RealData.TrainTest s = new RealData.TrainTest(a.train().withLabelsFromColumn(22), a.test().withLabelsFromColumn(22))
                .columns(cols).standardized();
        Dataset train = Dataset.of(s.train().features(), s.train().labels(), s.train().weights());
        LogisticRegression.Params base = LogisticRegression.Params.defaults().withTol(1e-10).withMaxIter(5000);
        Object[][] cases = {{"multinomial_l2", base, 1e-5}, {"multinomial_l1", base.withPenalty(LogisticRegression.Penalty.L1)
                .withC(0.1), 1e-4}};
        for (Object[] c : cases) {
            String key = (String) c[0];
            double tol = (Double) c[2];
            Golden g = golden.get(key);
            LogisticRegression m = ((LogisticRegression.Params) c[1]).fit(train);
            assertEquals(4, m.numClasses());
            // adding one vector to every class's coefficients leaves the softmax unchanged; with an L1 penalty
            // and an even number of classes the optimum is only unique up to such a shift (any point between the
            // two middle values of each column), so compare the shift-free contrasts and the L1 norm
            Golden.assertClose(contrasts(g.array("coef"), 4), contrasts(m.coef().toDoubleArray(), 4), tol, tol,
                    key + " coefficient contrasts");
            Golden.assertClose(l1Norm(g.array("coef")), l1Norm(m.coef().toDoubleArray()), tol, tol, key + " |coef|_1");
            Golden.assertClose(g.array("test_proba_head"),
                    java.util.Arrays.copyOf(m.predictProba(s.test().features()).toDoubleArray(), 40), tol, tol,
                    key + " probabilities");
            double acc = Metrics.accuracy(m.predict(s.test().features()).toLongArray(), s.test().y());
            Golden.assertClose(g.number("test_accuracy"), acc, 0, 1e-3, key + " test accuracy");
        }
    }
}
