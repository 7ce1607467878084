package dev.hadron.ml;

import dev.hadron.data.Dataset;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks every estimator must pass (in the spirit of scikit-learn's {@code check_estimator}).
 * Each estimator's test calls {@link #checkClassifier} or {@link #checkRegressor}.
 */
public final class Conformance {
    private Conformance() {
    }

    /**
     * What to expect of an estimator.
     *
     * @param orderInvariant fitting on shuffled rows gives the same model (deterministic methods)
     * @param weightIsDuplicate weight 2 on a row equals that row duplicated (methods without row sampling)
     * @param tolerance for comparing predictions of equivalent fits
     */
    public record Options(boolean orderInvariant, boolean weightIsDuplicate, double tolerance) {
        /** Everything expected, tolerance 1e-6. */
        public static Options strict() {
            return new Options(true, true, 1e-6);
        }
    }

    /** Two Gaussian blobs in 4 dimensions (classes 0 and 1), 160 events, float64. */
    public static Dataset blobs(long seed) {
        Generator g = new Generator(seed);
        int n = 160;
        Tensor y = Tensor.cat(0, Tensor.zeros(DType.INT64, n / 2), Tensor.ones(DType.INT64, n / 2));
        Tensor shift = y.to(DType.FLOAT64).mul(1.5).unsqueeze(1).expand(n, 4);
        Tensor x = Tensor.normal(g, DType.FLOAT64, 0, 1, n, 4).add(shift);
        return Dataset.of(x, y);
    }

    /** A noisy smooth function of 3 features, 160 events, float64. */
    public static Dataset regression(long seed) {
        Generator g = new Generator(seed);
        int n = 160;
        Tensor x = Tensor.uniform(g, DType.FLOAT64, -2, 2, n, 3);
        Tensor y = x.select(1, 0).mul(2).add(x.select(1, 1).sin()).sub(x.select(1, 2).square().mul(0.5))
                .add(Tensor.normal(g, DType.FLOAT64, 0, 0.1, n));
        return Dataset.of(x, y);
    }

    /** Runs all checks on a classifier. */
    public static void checkClassifier(Estimator<? extends Classifier> est, Options o) {
        Dataset d = blobs(1);
        checkCommon(est, d, o);
        Classifier m = est.fit(d);
        Tensor p = m.predictProba(d.features());
        assertArrayEquals(new int[] {d.size(), m.numClasses()}, p.shape(), "predictProba shape");
        double[] rowSums = p.sum(1).toDoubleArray();
        for (double s : rowSums) {
            assertTrue(Math.abs(s - 1) < 1e-6, "predictProba rows must sum to 1, got " + s);
        }
        double accuracy = m.predict(d.features()).eq(d.labels()).to(DType.FLOAT64).mean().item();
        assertTrue(accuracy > 0.8, "training accuracy on separable blobs is only " + accuracy);
        Dataset oneClass = d.withLabels(Tensor.zeros(DType.INT64, d.size()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> est.fit(oneClass));
        assertTrue(e.getMessage().contains("one class"), "one-class error should say so: " + e.getMessage());
    }

    /** Runs all checks on a regressor. */
    public static void checkRegressor(Estimator<? extends Regressor> est, Options o) {
        checkCommon(est, regression(2), o);
    }

    private static <M extends Predictor> void checkCommon(Estimator<M> est, Dataset d, Options o) {
        Tensor x = d.features();
        M m1 = est.fit(d);
        M m2 = est.fit(d);
        assertArrayEquals(m1.predict(x).toDoubleArray(), m2.predict(x).toDoubleArray(), 0.0,
                "two fits with the same hyperparameters (and seed) must give the same model");
        if (m1 instanceof Classifier c1) {
            assertArrayEquals(c1.predictProba(x).toDoubleArray(), ((Classifier) m2).predictProba(x).toDoubleArray(), 0.0);
        }
        if (o.orderInvariant()) {
            Dataset shuffled = d.shuffle(new Generator(99));
            assertClose(scores(m1, x), scores(est.fit(shuffled), x), o.tolerance(), "fit on shuffled rows");
        }
        if (o.weightIsDuplicate()) {
            long[] idx = new long[d.size() + 1];
            for (int i = 0; i < d.size(); i++) {
                idx[i] = i;
            }
            idx[d.size()] = 3;
            Dataset duplicated = d.subset(idx);
            double[] w = new double[d.size()];
            Arrays.fill(w, 1);
            w[3] = 2;
            Dataset weighted = d.withWeights(Tensor.of(w, w.length));
            assertClose(scores(est.fit(duplicated), x), scores(est.fit(weighted), x), o.tolerance(),
                    "weight 2 versus a duplicated row");
        }
        // zero total weight
        Dataset zero = d.withWeights(Tensor.zeros(DType.FLOAT64, d.size()));
        IllegalArgumentException ez = assertThrows(IllegalArgumentException.class, () -> est.fit(zero));
        assertTrue(ez.getMessage().contains("weight"), "zero-weight error should mention the weight: " + ez.getMessage());
        // NaN labels and mismatched lengths are refused when the data is assembled
        Tensor badLabels = d.labels().to(DType.FLOAT64).clone();
        badLabels.storage().setDouble(5, Double.NaN);
        IllegalArgumentException en = assertThrows(IllegalArgumentException.class, () -> est.fit(Dataset.of(x, badLabels)));
        assertTrue(en.getMessage().contains("label"), en.getMessage());
        assertThrows(IllegalArgumentException.class, () -> est.fit(Dataset.of(x, d.labels().narrow(0, 0, 10))));
        // wrong width at prediction time
        assertThrows(IllegalArgumentException.class, () -> m1.predict(x.narrow(1, 0, x.size(1) - 1)));
        // JSON round trip
        try {
            Path tmp = Files.createTempFile("hadron-model", ".json");
            ModelIO.save(m1, tmp);
            Model loaded = ModelIO.load(tmp);
            Files.deleteIfExists(tmp);
            assertClose(scores(m1, x), scores((Predictor) loaded, x), 1e-12, "model saved and loaded as JSON");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double[] scores(Predictor m, Tensor x) {
        return m instanceof Classifier c ? c.predictProba(x).toDoubleArray() : m.predict(x).toDoubleArray();
    }

    private static void assertClose(double[] a, double[] b, double tol, String what) {
        assertTrue(a.length == b.length, what + ": different lengths");
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tol * Math.max(1, Math.abs(a[i]))) {
                throw new AssertionError(what + ": predictions differ at " + i + ": " + a[i] + " vs " + b[i]);
            }
        }
    }
}
