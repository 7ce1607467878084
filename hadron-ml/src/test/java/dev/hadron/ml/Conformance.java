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
 * Each estimator's test calls {@link #checkClassifier}, {@link #checkRegressor} or
 * {@link #checkUnsupervised}.
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

    /**
     * Runs the checks that apply without labels on a clustering or a transformer (k-means, PCA): the
     * model's output is its {@code transform} if it has one, else its {@code predict}.
     */
    public static void checkUnsupervised(Estimator<? extends Model> est, Options o) {
        Dataset d = Dataset.of(blobs(5).features());
        Tensor x = d.features();
        Model m1 = est.fit(d);
        assertArrayEquals(output(m1, x), output(est.fit(d), x), 0.0,
                "two fits with the same hyperparameters (and seed) must give the same model");
        if (o.orderInvariant()) {
            assertClose(output(m1, x), output(est.fit(d.shuffle(new Generator(99))), x), o.tolerance(),
                    "fit on shuffled rows");
        }
        if (o.weightIsDuplicate()) {
            assertClose(output(est.fit(duplicated(d, 3)), x), output(est.fit(doubled(d, 3)), x), o.tolerance(),
                    "weight 2 versus a duplicated row");
        }
        Dataset zero = d.withWeights(Tensor.zeros(DType.FLOAT64, d.size()));
        IllegalArgumentException ez = assertThrows(IllegalArgumentException.class, () -> est.fit(zero));
        assertTrue(ez.getMessage().contains("weight"), "zero-weight error should mention the weight: " + ez.getMessage());
        IllegalArgumentException el = assertThrows(IllegalArgumentException.class,
                () -> est.fit(Dataset.of(x, null, Tensor.ones(DType.FLOAT64, d.size() - 1))));
        assertTrue(el.getMessage().contains("weights"), el.getMessage());
        Tensor nan = x.clone();
        nan.storage().setDouble(7, Double.NaN);
        IllegalArgumentException enan = assertThrows(IllegalArgumentException.class, () -> est.fit(Dataset.of(nan)));
        assertTrue(enan.getMessage().contains("NaN"), enan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> output(m1, x.narrow(1, 0, x.size(1) - 1)));
        assertClose(output(m1, x), output(roundTrip(m1), x), 1e-12, "model saved and loaded as JSON");
    }

    /** The rows of {@code d} with row {@code row} appended once more. */
    static Dataset duplicated(Dataset d, int row) {
        long[] idx = new long[d.size() + 1];
        for (int i = 0; i < d.size(); i++) {
            idx[i] = i;
        }
        idx[d.size()] = row;
        return d.subset(idx);
    }

    /** {@code d} with weight 2 on row {@code row} and 1 elsewhere. */
    static Dataset doubled(Dataset d, int row) {
        double[] w = new double[d.size()];
        Arrays.fill(w, 1);
        w[row] = 2;
        return d.withWeights(Tensor.of(w, w.length));
    }

    /**
     * Saves {@code m} with {@link ModelIO}, checks the file is versioned, pretty-printed JSON naming
     * the model class, and loads it back.
     */
    static Model roundTrip(Model m) {
        try {
            Path tmp = Files.createTempFile("hadron-model", ".json");
            try {
                ModelIO.save(m, tmp);
                String text = Files.readString(tmp);
                assertTrue(text.contains("\"format\": \"hadron-model\"") && text.contains("\"version\": " + ModelIO.VERSION)
                        && text.contains(m.getClass().getName()), "versioned envelope missing in " + text.lines().limit(5).toList());
                assertTrue(text.lines().count() > 5, "the model file should be human-readable (one field per line)");
                Model loaded = ModelIO.load(tmp);
                assertTrue(loaded.getClass() == m.getClass(), "loaded " + loaded.getClass() + ", saved " + m.getClass());
                assertTrue(loaded.numFeatures() == m.numFeatures(), "numFeatures after loading");
                return loaded;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double[] output(Model m, Tensor x) {
        if (m instanceof Transformer t) {
            return t.transform(x).toDoubleArray();
        }
        return ((Predictor) m).predict(x).to(DType.FLOAT64).toDoubleArray();
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
            assertClose(scores(est.fit(duplicated(d, 3)), x), scores(est.fit(doubled(d, 3)), x), o.tolerance(),
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
        // mismatched lengths of weights
        IllegalArgumentException el = assertThrows(IllegalArgumentException.class,
                () -> est.fit(d.withWeights(Tensor.ones(DType.FLOAT64, d.size() - 1))));
        assertTrue(el.getMessage().contains("weights"), el.getMessage());
        assertClose(scores(m1, x), scores((Predictor) roundTrip(m1), x), 1e-12, "model saved and loaded as JSON");
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
