package dev.hadron.ml.decomposition;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.ml.Golden;
import dev.hadron.ml.ModelIO;
import dev.hadron.ml.RealData;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PCATest {
    @Test
    void conformance() {
        Conformance.checkUnsupervised(PCA.Params.defaults(), Conformance.Options.strict());
        Conformance.checkUnsupervised(PCA.Params.defaults().withComponents(2).withWhiten(true), Conformance.Options.strict());
    }

    /** HIGGS standardized: components, explained variance (and ratio), noise variance and projections as scikit-learn's full-SVD PCA. */
    @Test
    void matchesScikitLearnOnHiggs() {
        Golden golden = Golden.load("pca.json");
        RealData.TrainTest s = RealData.higgs().standardized();
        Dataset train = Dataset.of(s.train().features());
        Object[][] cases = {
            {"higgs_10", PCA.Params.defaults().withComponents(10)},
            {"higgs_whiten_5", PCA.Params.defaults().withComponents(5).withWhiten(true)},
            {"higgs_var_0_8", PCA.Params.defaults().withVarianceFraction(0.8)},
        };
        for (Object[] c : cases) {
            String key = (String) c[0];
            Golden g = golden.get(key);
            PCA p = ((PCA.Params) c[1]).fit(train);
            assertEquals((int) g.number("n_components"), p.numComponents(), key);
            Golden.assertClose(g.array("explained_variance"), p.explainedVariance().toDoubleArray(), 1e-10, 1e-12, key);
            Golden.assertClose(g.array("explained_variance_ratio"), p.explainedVarianceRatio().toDoubleArray(), 1e-10, 1e-12,
                    key);
            Golden.assertClose(g.array("components"), p.components().toDoubleArray(), 1e-7, 1e-9, key + " components");
            Golden.assertClose(g.number("noise_variance"), p.noiseVariance(), 1e-9, 1e-12, key + " noise variance");
            Golden.assertClose(g.array("test_transform_head"), p.transform(s.test().head(5).features()).toDoubleArray(),
                    1e-7, 1e-9, key + " projections");
        }
    }

    @Test
    void weightsAreFrequenciesAndRoundTrip() throws Exception {
        Generator g = new Generator(4);
        Tensor x = Tensor.normal(g, DType.FLOAT64, 0, 1, 50, 4).matmul(Tensor.of(new double[] {
            2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0.5, 0, 0, 0, 0.2, 0.1}, 4, 4));
        double[] w = new double[50];
        java.util.Arrays.fill(w, 1);
        w[9] = 2;
        long[] idx = new long[51];
        for (int i = 0; i < 50; i++) {
            idx[i] = i;
        }
        idx[50] = 9;
        PCA weighted = PCA.Params.defaults().fit(Dataset.of(x, null, Tensor.of(w, 50)));
        PCA duplicated = PCA.Params.defaults().fit(Dataset.of(x).subset(idx));
        assertArrayEquals(duplicated.explainedVariance().toDoubleArray(), weighted.explainedVariance().toDoubleArray(), 1e-12);
        assertArrayEquals(duplicated.components().toDoubleArray(), weighted.components().toDoubleArray(), 1e-10);
        // all components: the inverse transform restores the data
        assertTrue(weighted.inverseTransform(weighted.transform(x)).allClose(x, 1e-10, 1e-10));
        PCA whitened = PCA.Params.defaults().withWhiten(true).withComponents(2).fit(Dataset.of(x));
        double[] z = whitened.transform(x).toDoubleArray();
        double var = 0;
        for (int i = 0; i < 50; i++) {
            var += z[2 * i] * z[2 * i];
        }
        assertEquals(1.0, var / 49, 1e-10, "whitened components have unit variance");
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("pca", ".json");
        ModelIO.save(whitened, tmp);
        PCA loaded = (PCA) ModelIO.load(tmp);
        java.nio.file.Files.delete(tmp);
        assertArrayEquals(whitened.transform(x).toDoubleArray(), loaded.transform(x).toDoubleArray(), 0.0);
    }

    @Test
    void clearErrors() {
        Tensor x = Tensor.normal(new Generator(1), DType.FLOAT64, 0, 1, 10, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PCA.Params.defaults().withComponents(4).fit(Dataset.of(x)));
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PCA.Params.defaults().withVarianceFraction(0));
        assertThrows(IllegalArgumentException.class, () -> PCA.Params.defaults().withComponents(-1));
        e = assertThrows(IllegalArgumentException.class,
                () -> PCA.Params.defaults().fit(Dataset.of(x, null, Tensor.full(DType.FLOAT64, 0.01, 10))));
        assertTrue(e.getMessage().contains("more than 1"), e.getMessage());
        Tensor flat = Tensor.cat(1, x, Tensor.zeros(DType.FLOAT64, 10, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> PCA.Params.defaults().withWhiten(true).fit(Dataset.of(flat)));
        assertTrue(e.getMessage().contains("zero variance"), e.getMessage());
    }
}
