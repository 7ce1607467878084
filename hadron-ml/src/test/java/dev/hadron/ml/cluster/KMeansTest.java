package dev.hadron.ml.cluster;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.ml.Golden;
import dev.hadron.ml.ModelIO;
import dev.hadron.ml.RealData;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansTest {
    private static Dataset threeClusters(long seed, int n) {
        Generator g = new Generator(seed);
        double[] x = new double[n * 2];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[2 * i] = 10 * c + g.nextGaussian();
            x[2 * i + 1] = (c == 1 ? 10 : 0) + g.nextGaussian();
        }
        return Dataset.of(Tensor.of(x, n, 2));
    }

    @Test
    void conformance() {
        // k-means++ seeding samples events, so only reproducibility holds for it; from given centres
        // Lloyd's iterations are weighted means, invariant to row order and to duplicated events
        Conformance.checkUnsupervised(KMeans.Params.defaults().withClusters(3).withSeed(7),
                new Conformance.Options(false, false, 0));
        Tensor init = Conformance.blobs(5).features().narrow(0, 78, 3).clone();
        Conformance.checkUnsupervised(KMeans.Params.defaults().withInitialCenters(init), Conformance.Options.strict());
    }

    @Test
    void findsSeparatedClustersReproducibly() throws Exception {
        Dataset d = threeClusters(1, 300);
        KMeans.Params p = KMeans.Params.defaults().withClusters(3).withSeed(42);
        KMeans a = p.fit(d);
        KMeans b = p.fit(d);
        assertArrayEquals(a.centers().toDoubleArray(), b.centers().toDoubleArray(), 0.0, "same seed, same centres");
        assertEquals(a.inertia(), b.inertia());
        long[] labels = a.predict(d.features()).toLongArray();
        // every true cluster maps to one k-means cluster
        for (int c = 0; c < 3; c++) {
            for (int i = c; i < 300; i += 3) {
                assertEquals(labels[c], labels[i], "event " + i);
            }
        }
        assertEquals(a.inertia(), a.inertia(d.features()), 1e-9 * a.inertia());
        assertArrayEquals(new int[] {300, 3}, a.transform(d.features()).shape());
        Path tmp = Files.createTempFile("kmeans", ".json");
        ModelIO.save(a, tmp);
        KMeans loaded = (KMeans) ModelIO.load(tmp);
        Files.delete(tmp);
        assertArrayEquals(a.transform(d.features()).toDoubleArray(), loaded.transform(d.features()).toDoubleArray(), 0.0);
    }

    @Test
    void weightTwoEqualsDuplicatedEventAndOrderDoesNotMatter() {
        Dataset d = threeClusters(2, 90);
        Tensor init = d.features().narrow(0, 0, 3).clone();
        KMeans.Params p = KMeans.Params.defaults().withInitialCenters(init);
        double[] w = new double[90];
        java.util.Arrays.fill(w, 1);
        w[7] = 2;
        long[] idx = new long[91];
        for (int i = 0; i < 90; i++) {
            idx[i] = i;
        }
        idx[90] = 7;
        KMeans weighted = p.fit(d.withWeights(Tensor.of(w, 90)));
        KMeans duplicated = p.fit(d.subset(idx));
        assertArrayEquals(duplicated.centers().toDoubleArray(), weighted.centers().toDoubleArray(), 1e-12);
        assertEquals(duplicated.inertia(), weighted.inertia(), 1e-9);
        KMeans shuffled = p.fit(d.shuffle(new Generator(3)));
        assertArrayEquals(p.fit(d).centers().toDoubleArray(), shuffled.centers().toDoubleArray(), 1e-12);
    }

    @Test
    void clearErrors() {
        Dataset d = threeClusters(3, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeans.Params.defaults().withClusters(10).fit(d));
        assertTrue(e.getMessage().contains("10 clusters") && e.getMessage().contains("only 5 events"), e.getMessage());
        assertEquals("Invalid clusters: 0 (must be >= 1)",
                assertThrows(IllegalArgumentException.class, () -> KMeans.Params.defaults().withClusters(0)).getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> KMeans.Params.defaults().withClusters(2).fit(d.withWeights(Tensor.zeros(DType.FLOAT64, 5))));
        assertTrue(e.getMessage().contains("weight"), e.getMessage());
        Tensor negative = Tensor.of(1.0, 1, -1, 1, 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> KMeans.Params.defaults().withClusters(2).fit(d.withWeights(negative)));
        assertTrue(e.getMessage().contains("negative weight"), e.getMessage());
        Tensor nan = d.features().clone();
        nan.storage().setDouble(3, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> KMeans.Params.defaults().withClusters(2).fit(Dataset.of(nan)));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        KMeans m = KMeans.Params.defaults().withClusters(2).fit(d);
        assertThrows(IllegalArgumentException.class, () -> m.predict(Tensor.zeros(DType.FLOAT64, 2, 3)));
    }

    /** HIGGS standardized, k = 4 from the first four events: Lloyd's iterations as scikit-learn, to rounding. */
    @Test
    void matchesScikitLearnFromGivenCentres() {
        Golden golden = Golden.load("kmeans.json");
        RealData.TrainTest s = RealData.higgs().standardized();
        Tensor init = s.train().head(4).features();
        for (String key : new String[] {"given_init", "given_init_weighted"}) {
            Golden g = golden.get(key);
            Dataset train = key.endsWith("weighted") ? Dataset.of(s.train().features(), null, s.train().weights())
                    : Dataset.of(s.train().features());
            KMeans m = KMeans.Params.defaults().withInitialCenters(init).fit(train);
            Golden.assertClose(g.number("inertia"), m.inertia(), 1e-10, 0, key + " inertia");
            assertEquals((int) g.number("n_iter"), m.iterations(), key + " iterations");
            Golden.assertClose(g.array("centers"), m.centers().toDoubleArray(), 1e-9, 1e-10, key + " centres");
            double[] labels = m.predict(s.test().head(50).features()).to(DType.FLOAT64).toDoubleArray();
            assertArrayEquals(g.array("test_labels_head"), labels, 0.0, key + " test labels");
        }
    }

    /** k-means++ with 10 seeded runs reaches scikit-learn's best inertia (over its seeds) to 1e-4. */
    @Test
    void kmeansPlusPlusReachesScikitLearnInertia() {
        double[] sk = Golden.load("kmeans.json").get("kmeanspp_n_init10").array("inertia_by_seed");
        double best = java.util.Arrays.stream(sk).min().orElseThrow();
        RealData.TrainTest s = RealData.higgs().standardized();
        KMeans m = KMeans.Params.defaults().withClusters(4).withSeed(1).fit(Dataset.of(s.train().features()));
        assertTrue(Math.abs(m.inertia() - best) <= 1e-4 * best, "inertia " + m.inertia() + ", scikit-learn " + best);
    }
}
