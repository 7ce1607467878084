package dev.hadron.ml.cluster;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.Predictor;
import dev.hadron.ml.Transformer;
import dev.hadron.ml.internal.support.Check;
import dev.hadron.ml.internal.support.DataChecks;
import dev.hadron.ml.internal.support.JsonFields;
import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted k-means clustering: k centres minimizing the inertia {@code sum_i w_i |x_i - c(x_i)|^2}
 * (scikit-learn's {@code KMeans} with the Lloyd algorithm). Each of {@code nInit} runs starts from
 * k-means++ (or random) centres drawn from the seeded generator and iterates to convergence; the
 * run with the lowest inertia is kept. {@link #predict} gives the nearest centre (int64),
 * {@link #transform} the distances to all centres (n, k).
 *
 * <p>Event weights pull the centres (weighted means) and weight the seeding draws; they must be
 * non-negative. The tolerance is relative, as in scikit-learn: iterations stop when the summed squared
 * centre shift is at most {@code tol} times the mean feature variance.
 *
 * <pre>{@code
 * KMeans km = KMeans.Params.defaults().withClusters(4).withSeed(7).fit(Dataset.of(x));
 * double inertia = km.inertia();
 * Tensor cluster = km.predict(x);
 * }</pre>
 */
public final class KMeans implements Predictor, Transformer {
    private static final String NAME = "KMeans";

    /** How the starting centres are chosen. */
    public enum Init {
        /** Greedy k-means++ seeding. */
        K_MEANS_PLUS_PLUS,
        /** k distinct events at random (probability proportional to weight). */
        RANDOM
    }

    /**
     * Hyperparameters (scikit-learn's names; {@code initialCenters} plays the part of an array {@code init}).
     *
     * @param clusters number of clusters k (>= 1)
     * @param init seeding method, unless {@code initialCenters} is given
     * @param nInit number of seeded runs; the best is kept (1 when {@code initialCenters} is given)
     * @param maxIter iteration limit of each run
     * @param tol relative tolerance on the squared centre shift
     * @param seed seed of the random generator
     * @param initialCenters explicit starting centres (k, features), or null
     */
    public record Params(int clusters, Init init, int nInit, int maxIter, double tol, long seed, Tensor initialCenters)
            implements Estimator<KMeans> {
        /** Validates. */
        public Params {
            Check.atLeast("clusters", clusters, 1);
            Check.notNull("init", init);
            Check.atLeast("nInit", nInit, 1);
            Check.atLeast("maxIter", maxIter, 1);
            Check.nonNegative("tol", tol);
            if (initialCenters != null) {
                if (initialCenters.dim() != 2 || initialCenters.size(0) != clusters) {
                    throw new IllegalArgumentException("Invalid initialCenters: shape " + Shape.toString(initialCenters.shape())
                            + " (must be (clusters, features) = (" + clusters + ", features))");
                }
                initialCenters = Tensor.of(initialCenters.detach().toDoubleArray(), initialCenters.shape());
            }
        }

        /** 8 clusters, k-means++, 10 runs, 300 iterations, tol 1e-4, seed 0 (scikit-learn 1.2's defaults). */
        public static Params defaults() {
            return new Params(8, Init.K_MEANS_PLUS_PLUS, 10, 300, 1e-4, 0, null);
        }

        /** A copy with another number of clusters (dropping explicit centres of another count). */
        public Params withClusters(int value) {
            return new Params(value, init, nInit, maxIter, tol, seed,
                    initialCenters != null && initialCenters.size(0) == value ? initialCenters : null);
        }

        /** A copy with another seeding method. */
        public Params withInit(Init value) {
            return new Params(clusters, value, nInit, maxIter, tol, seed, initialCenters);
        }

        /** A copy with another number of runs. */
        public Params withNInit(int value) {
            return new Params(clusters, init, value, maxIter, tol, seed, initialCenters);
        }

        /** A copy with another iteration limit. */
        public Params withMaxIter(int value) {
            return new Params(clusters, init, nInit, value, tol, seed, initialCenters);
        }

        /** A copy with another tolerance. */
        public Params withTol(double value) {
            return new Params(clusters, init, nInit, maxIter, value, seed, initialCenters);
        }

        /** A copy with another seed. */
        public Params withSeed(long value) {
            return new Params(clusters, init, nInit, maxIter, tol, value, initialCenters);
        }

        /** A copy starting from explicit centres (k, features); their count sets the number of clusters. */
        public Params withInitialCenters(Tensor value) {
            return new Params(value == null ? clusters : value.size(0), init, nInit, maxIter, tol, seed, value);
        }

        @Override
        public KMeans fit(Dataset train) {
            return KMeans.fit(this, train);
        }
    }

    private final int features;
    private final int clusters;
    private final double[] centers;
    private final double inertia;
    private final int iterations;

    private KMeans(int features, int clusters, double[] centers, double inertia, int iterations) {
        this.features = features;
        this.clusters = clusters;
        this.centers = centers;
        this.inertia = inertia;
        this.iterations = iterations;
    }

    /** Fits on the rows of {@code x} (n, f) with optional non-negative weights (n, or null). */
    public static KMeans fit(Params p, Tensor x, Tensor weights) {
        return fit(p, Dataset.of(x, null, weights));
    }

    /** Fits on the features and weights of {@code d} (labels, if any, are ignored). */
    public static KMeans fit(Params p, Dataset d) {
        double[] x = DataChecks.unsupervised(NAME, d, true);
        double[] w = Rows.weights(d);
        int n = d.size();
        int f = d.numFeatures();
        int k = p.clusters();
        int positive = 0;
        for (double v : w) {
            positive += v > 0 ? 1 : 0;
        }
        if (k > n) {
            throw new IllegalArgumentException(NAME + ": " + k + " clusters requested but the training set has only " + n
                    + " events; k must not exceed the number of events");
        }
        if (k > positive) {
            throw new IllegalArgumentException(NAME + ": " + k + " clusters requested but only " + positive
                    + " events have a positive weight");
        }
        double tol = p.tol() * meanVariance(x, n, f);
        if (p.initialCenters() != null) {
            if (p.initialCenters().size(1) != f) {
                throw new IllegalArgumentException(NAME + ": initialCenters have " + p.initialCenters().size(1)
                        + " features, the data has " + f);
            }
            Lloyd run = Lloyd.run(x, w, n, f, k, p.initialCenters().toDoubleArray(), p.maxIter(), tol);
            return new KMeans(f, k, run.centers, run.inertia, run.iterations);
        }
        Generator gen = new Generator(p.seed());
        Lloyd best = null;
        for (int r = 0; r < p.nInit(); r++) {
            double[] init = p.init() == Init.K_MEANS_PLUS_PLUS ? Lloyd.kmeansPlusPlus(x, w, n, f, k, gen)
                    : Lloyd.randomRows(x, w, n, f, k, gen);
            Lloyd run = Lloyd.run(x, w, n, f, k, init, p.maxIter(), tol);
            if (best == null || run.inertia < best.inertia) {
                best = run;
            }
        }
        return new KMeans(f, k, best.centers, best.inertia, best.iterations);
    }

    private static double meanVariance(double[] x, int n, int f) {
        double total = 0;
        for (int j = 0; j < f; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * f + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = x[i * f + j] - mean;
                var += d * d;
            }
            total += var / n;
        }
        return f == 0 ? 0 : total / f;
    }

    /** The cluster centres (k, features), float64. */
    public Tensor centers() {
        return Tensor.of(centers, clusters, features);
    }

    /** Number of clusters. */
    public int numClusters() {
        return clusters;
    }

    /** The weighted inertia of the training set ({@code inertia_}). */
    public double inertia() {
        return inertia;
    }

    /** Lloyd iterations of the kept run ({@code n_iter_}). */
    public int iterations() {
        return iterations;
    }

    /** The inertia of other data, {@code sum_i |x_i - nearest centre|^2} (minus scikit-learn's {@code score}). */
    public double inertia(Tensor x) {
        int n = x.size(0);
        double[] v = Rows.matrix(NAME + ".inertia", x, features);
        int[] labels = new int[n];
        Lloyd.assign(v, n, features, clusters, centers, labels);
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return Lloyd.inertia(v, w, n, features, centers, labels);
    }

    /** Index of the nearest centre for each row (int64, n). */
    @Override
    public Tensor predict(Tensor x) {
        int n = x.size(0);
        double[] v = Rows.matrix(NAME + ".predict", x, features);
        int[] labels = new int[n];
        Lloyd.assign(v, n, features, clusters, centers, labels);
        return Rows.labels(labels);
    }

    /** Euclidean distances to every centre (n, k). */
    @Override
    public Tensor transform(Tensor x) {
        int n = x.size(0);
        double[] v = Rows.matrix(NAME + ".transform", x, features);
        double[] out = new double[n * clusters];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < clusters; c++) {
                out[i * clusters + c] = Math.sqrt(Lloyd.dist(v, i * features, centers, c * features, features));
            }
        }
        return Rows.matrix(out, n, clusters);
    }

    @Override
    public int numFeatures() {
        return features;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", (long) features);
        m.put("clusters", (long) clusters);
        m.put("centers", JsonFields.list(centers));
        m.put("inertia", inertia);
        m.put("iterations", (long) iterations);
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static KMeans fromJson(Map<String, Object> m) {
        int features = JsonFields.count(m, "features", 1 << 24);
        int clusters = JsonFields.count(m, "clusters", 1 << 24);
        if ((long) features * clusters > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model JSON: " + clusters + " clusters of " + features + " features is too large");
        }
        return new KMeans(features, clusters, JsonFields.doubles(m, "centers", features * clusters),
                JsonFields.number(m, "inertia"), JsonFields.integer(m, "iterations"));
    }

    @Override
    public String toString() {
        return NAME + "(clusters=" + clusters + ", features=" + features + ", inertia=" + inertia + ")";
    }
}
