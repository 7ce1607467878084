package dev.hadron.ml.discriminant;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.ml.Golden;
import dev.hadron.ml.Metrics;
import dev.hadron.ml.RealData;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FisherDiscriminantTest {
    @Test
    void conformance() {
        Conformance.checkClassifier(FisherDiscriminant.Params.defaults(), Conformance.Options.strict());
        Conformance.checkClassifier(FisherDiscriminant.Params.defaults().withMethod(FisherDiscriminant.Method.MAHALANOBIS),
                Conformance.Options.strict());
    }

    @Test
    void refusesThreeClassesAndSingularCovariance() {
        Dataset d = Conformance.blobs(3);
        Tensor y3 = d.labels().clone();
        y3.storage().setDouble(0, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FisherDiscriminant.Params.defaults().fit(d.withLabels(y3)));
        assertTrue(e.getMessage().contains("two classes"), e.getMessage());
        Tensor constant = Tensor.cat(1, d.features(), Tensor.ones(DType.FLOAT64, d.size(), 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> FisherDiscriminant.Params.defaults().fit(d.withFeatures(constant)));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FisherDiscriminant.Params(null));
    }

    /** HIGGS (unweighted): probabilities equal scikit-learn's LinearDiscriminantAnalysis(solver="lsqr"). */
    @Test
    void probabilitiesMatchLinearDiscriminantAnalysisOnHiggs() {
        Golden g = Golden.load("fisher.json").get("higgs_lda");
        RealData.TrainTest h = RealData.higgs();
        FisherDiscriminant m = FisherDiscriminant.Params.defaults().fit(Dataset.of(h.train().features(), h.train().labels()));
        double[] p = m.predictProba(h.test().features()).select(1, 1).contiguous().toDoubleArray();
        Golden.assertClose(g.array("test_proba_head"), java.util.Arrays.copyOf(p, 20), 1e-9, 1e-10, "probabilities");
        Golden.assertClose(g.number("test_auc"), Metrics.auc(h.test().y(), p, null), 0, 1e-9, "test AUC");
        // TMVA's output orders events as the LDA log-odds do
        double[] f = m.decisionFunction(h.test().features()).toDoubleArray();
        Golden.assertClose(g.number("test_auc"), Metrics.auc(h.test().y(), f, null), 0, 1e-9, "AUC of the Fisher output");
    }

    /** ATLAS with balanced weights: TMVA's coefficients, offset and discriminating power (numpy reference). */
    @Test
    void weightedCoefficientsMatchTmvaFormulaOnAtlas() {
        Golden golden = Golden.load("fisher.json");
        int[] keep = new int[29];
        for (int j = 0, k = 0; j < 30; j++) {
            if (j != 9) {
                keep[k++] = j; // DER_sum_pt is an exact sum of three other features
            }
        }
        RealData.TrainTest a = RealData.atlas().columns(keep);
        double[] w = RealData.balanced(a.train().y(), a.train().w());
        Dataset train = Dataset.of(a.train().features(), a.train().labels(), Tensor.of(w, w.length));
        for (FisherDiscriminant.Method method : FisherDiscriminant.Method.values()) {
            Golden g = golden.get(method == FisherDiscriminant.Method.FISHER ? "atlas_fisher" : "atlas_mahalanobis");
            FisherDiscriminant m = FisherDiscriminant.Params.defaults().withMethod(method).fit(train);
            Golden.assertClose(g.array("coef"), m.coef().toDoubleArray(), 1e-7, 1e-12, method + " coef");
            Golden.assertClose(g.number("offset"), m.offset(), 1e-7, 1e-12, method + " offset");
            Golden.assertClose(g.array("discriminating_power"), m.discriminatingPower().toDoubleArray(), 1e-9, 1e-12,
                    method + " discriminating power");
            double auc = Metrics.auc(a.test().y(), m.decisionFunction(a.test().features()).toDoubleArray(), a.test().w());
            Golden.assertClose(g.number("test_auc_weighted"), auc, 0, 1e-9, method + " weighted test AUC");
            double sum = 0;
            for (double v : m.featureImportances().toDoubleArray()) {
                sum += v;
            }
            assertEquals(1, sum, 1e-12);
        }
    }
}
