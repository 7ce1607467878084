package dev.hadron.ml.svm;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.ml.Golden;
import dev.hadron.ml.Metrics;
import dev.hadron.ml.ModelIO;
import dev.hadron.ml.RealData;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SVCTest {
    @Test
    void conformance() {
        // Platt's cross-validation folds follow the row order, so probabilities are checked for
        // reproducibility only; the decision function is checked for order and weights below
        Conformance.checkClassifier(SVC.Params.defaults().withProbability(true), new Conformance.Options(false, false, 0));
    }

    /** The SVM optimum does not depend on row order, and C w_i with w = 2 is a duplicated event. */
    @Test
    void decisionFunctionIsOrderInvariantAndWeightTwoIsADuplicate() {
        Dataset d = Conformance.blobs(4);
        Tensor x = d.features();
        for (SVC.Kernel k : SVC.Kernel.values()) {
            // an explicit gamma: "scale" follows Var(X), which a duplicated row changes
            SVC.Params p = SVC.Params.defaults().withKernel(k).withTol(1e-9).withC(0.7).withGamma(0.3);
            double[] base = p.fit(d).decisionFunction(x).toDoubleArray();
            double[] shuffled = p.fit(d.shuffle(new Generator(12))).decisionFunction(x).toDoubleArray();
            assertArrayEquals(base, shuffled, 1e-6, k + ": fit on shuffled rows");
            long[] idx = new long[d.size() + 1];
            for (int i = 0; i < d.size(); i++) {
                idx[i] = i;
            }
            idx[d.size()] = 5;
            double[] w = new double[d.size()];
            Arrays.fill(w, 1);
            w[5] = 2;
            double[] dup = p.fit(d.subset(idx)).decisionFunction(x).toDoubleArray();
            double[] weighted = p.fit(d.withWeights(Tensor.of(w, w.length))).decisionFunction(x).toDoubleArray();
            assertArrayEquals(dup, weighted, 1e-6, k + ": weight 2 versus a duplicated row");
        }
    }

    @Test
    void clearErrors() {
        Dataset d = Conformance.blobs(2);
        SVC plain = SVC.Params.defaults().fit(d);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plain.predictProba(d.features()));
        assertTrue(e.getMessage().contains("probability"), e.getMessage());
        double[] w = new double[d.size()];
        Arrays.fill(w, 1);
        w[3] = -1;
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> SVC.Params.defaults().fit(d.withWeights(Tensor.of(w, w.length))));
        assertTrue(n.getMessage().contains("negative weight"), n.getMessage());
        assertEquals("Invalid C: -1.0 (must be > 0 and finite)",
                assertThrows(IllegalArgumentException.class, () -> SVC.Params.defaults().withC(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SVC.Params.defaults().withDegree(0));
    }

    /** HIGGS (2000 weighted training events): decision values of RBF, linear and cubic machines equal scikit-learn's. */
    @Test
    void matchesScikitLearnOnHiggs() throws Exception {
        Golden golden = Golden.load("svm.json");
        RealData.TrainTest s = RealData.higgs().head(2000, 1000).standardized();
        Dataset train = Dataset.of(s.train().features(), s.train().labels(), s.train().weights());
        Object[][] cases = {
            {"rbf_c1", SVC.Params.defaults()},
            {"linear_c01", SVC.Params.defaults().withKernel(SVC.Kernel.LINEAR).withC(0.1)},
            {"poly3_c05", SVC.Params.defaults().withKernel(SVC.Kernel.POLYNOMIAL).withDegree(3).withCoef0(1).withC(0.5)},
        };
        for (Object[] c : cases) {
            String key = (String) c[0];
            Golden g = golden.get(key);
            SVC m = ((SVC.Params) c[1]).withTol(1e-5).fit(train);
            assertEquals(g.number("gamma"), m.gamma(), 1e-15, key + " gamma");
            double[] dec = m.decisionFunction(s.test().features()).toDoubleArray();
            Golden.assertClose(g.array("decision"), dec, 0, 2e-3, key + " decision function");
            Golden.assertClose(g.number("n_support"), m.numSupportVectors(), 0.01, 0, key + " support vectors");
            Golden.assertClose(g.number("test_auc"), Metrics.auc(s.test().y(), dec, null), 0, 2e-4, key + " test AUC");
            if (key.equals("rbf_c1")) {
                java.nio.file.Path tmp = java.nio.file.Files.createTempFile("svc", ".json");
                ModelIO.save(m, tmp);
                SVC loaded = (SVC) ModelIO.load(tmp);
                java.nio.file.Files.delete(tmp);
                assertArrayEquals(dec, loaded.decisionFunction(s.test().features()).toDoubleArray(), 0.0);
            }
        }
    }

    /** Platt probabilities: the same ranking quality and accuracy as scikit-learn's (its folds are random too). */
    @Test
    void plattProbabilitiesOnHiggs() {
        Golden g = Golden.load("svm.json").get("rbf_probability");
        RealData.TrainTest s = RealData.higgs().head(2000, 1000).standardized();
        SVC m = SVC.Params.defaults().withProbability(true).fit(Dataset.of(s.train().features(), s.train().labels()));
        double[] p = m.predictProba(s.test().features()).select(1, 1).contiguous().toDoubleArray();
        Golden.assertClose(g.number("test_auc"), Metrics.auc(s.test().y(), p, null), 0, 3e-3, "test AUC");
        Golden.assertClose(g.number("test_accuracy"), Metrics.accuracy(m.predict(s.test().features()).toLongArray(),
                s.test().y()), 0, 0.01, "test accuracy");
    }

    /** ATLAS with balanced physics weights (every 4th training event): weighted held-out AUC as scikit-learn. */
    @Test
    void weightedFitMatchesScikitLearnOnAtlas() {
        Golden g = Golden.load("svm.json").get("atlas_rbf_balanced");
        RealData.TrainTest a = RealData.atlas();
        RealData.TrainTest s = new RealData.TrainTest(a.train().every(4), a.test()).standardized();
        double[] w = RealData.balanced(s.train().y(), s.train().w());
        SVC m = SVC.Params.defaults().withTol(1e-5).fit(Dataset.of(s.train().features(), s.train().labels(),
                Tensor.of(w, w.length)));
        double[] dec = m.decisionFunction(s.test().features()).toDoubleArray();
        Golden.assertClose(g.array("decision_head"), Arrays.copyOf(dec, 200), 0, 2e-3, "decision function");
        Golden.assertClose(g.number("n_support"), m.numSupportVectors(), 0.01, 0, "support vectors");
        Golden.assertClose(g.number("test_auc_weighted"), Metrics.auc(s.test().y(), dec, s.test().w()), 0, 2e-4,
                "weighted test AUC");
    }

    /** ATLAS jet multiplicity (4 classes, one-against-one): votes, decision shape and accuracy as scikit-learn. */
    @Test
    void multiclassMatchesScikitLearnOnAtlas() {
        Golden g = Golden.load("svm.json").get("atlas_multiclass");
        RealData.TrainTest a = RealData.atlas();
        int[] cols = {1, 2, 3, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21};
        RealData.TrainTest s = new RealData.TrainTest(a.train().every(5).withLabelsFromColumn(22),
                a.test().withLabelsFromColumn(22)).columns(cols).standardized();
        SVC m = SVC.Params.defaults().withC(3).withTol(1e-5).fit(Dataset.of(s.train().features(), s.train().labels()));
        assertEquals(4, m.numClasses());
        Tensor dec = m.decisionFunction(s.test().head(50).features());
        assertArrayEquals(new int[] {50, 4}, dec.shape());
        Golden.assertClose(g.array("decision_head"), dec.toDoubleArray(), 0, 1e-3, "one-versus-rest decision values");
        long[] pred = m.predict(s.test().features()).toLongArray();
        double[] head = Arrays.stream(Arrays.copyOf(pred, 200)).asDoubleStream().toArray();
        int differ = 0;
        double[] expected = g.array("test_predict_head");
        for (int i = 0; i < 200; i++) {
            differ += head[i] != expected[i] ? 1 : 0;
        }
        assertTrue(differ <= 1, differ + " of the first 200 predictions differ from scikit-learn's");
        Golden.assertClose(g.number("test_accuracy"), Metrics.accuracy(pred, s.test().y()), 0, 1e-3, "test accuracy");
        assertEquals(DType.INT64, m.predict(s.test().head(3).features()).dtype());
    }
}
