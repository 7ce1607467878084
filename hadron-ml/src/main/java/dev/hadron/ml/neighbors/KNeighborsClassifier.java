package dev.hadron.ml.neighbors;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Classifier;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.FitChecks;
import dev.hadron.ml.internal.support.Check;
import dev.hadron.ml.internal.support.JsonFields;
import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * k-nearest-neighbour classification (scikit-learn's {@code KNeighborsClassifier}, Euclidean
 * metric): the class probabilities of a query are the votes of its k nearest training events,
 * normalized. A vote is the neighbour's event weight, divided by its distance with
 * {@link NeighborWeights#DISTANCE}.
 *
 * <p>Event weights change the votes, not which events are neighbours (so a weight of 2 is not the
 * same as a duplicated event, which would take two of the k places). With negative weights a
 * class's summed vote can be negative: such scores are clamped at zero before normalizing, and if
 * no class keeps a positive score the unweighted vote decides.
 *
 * <p>The model keeps the training set (and saves it in its JSON); the search index is rebuilt on
 * loading.
 *
 * <pre>{@code
 * KNeighborsClassifier knn = KNeighborsClassifier.Params.defaults().withNeighbors(25).fit(train);
 * Tensor p = knn.predictProba(test.features());
 * }</pre>
 */
public final class KNeighborsClassifier implements Classifier {
    private static final String NAME = "KNeighborsClassifier";

    /**
     * Hyperparameters (scikit-learn's names and defaults).
     *
     * @param neighbors k (>= 1)
     * @param weights how neighbours are weighted
     * @param algorithm how neighbours are searched
     * @param leafSize k-d tree leaf size
     */
    public record Params(int neighbors, NeighborWeights weights, NearestNeighbors.Algorithm algorithm, int leafSize)
            implements Estimator<KNeighborsClassifier> {
        /** Validates. */
        public Params {
            Check.atLeast("neighbors", neighbors, 1);
            Check.notNull("weights", weights);
            Check.notNull("algorithm", algorithm);
            Check.atLeast("leafSize", leafSize, 1);
        }

        /** 5 neighbours, uniform weights, automatic index, leaf size 30. */
        public static Params defaults() {
            return new Params(5, NeighborWeights.UNIFORM, NearestNeighbors.Algorithm.AUTO, 30);
        }

        /** A copy with another k. */
        public Params withNeighbors(int value) {
            return new Params(value, weights, algorithm, leafSize);
        }

        /** A copy with another neighbour weighting. */
        public Params withWeights(NeighborWeights value) {
            return new Params(neighbors, value, algorithm, leafSize);
        }

        /** A copy with another search algorithm. */
        public Params withAlgorithm(NearestNeighbors.Algorithm value) {
            return new Params(neighbors, weights, value, leafSize);
        }

        /** A copy with another leaf size. */
        public Params withLeafSize(int value) {
            return new Params(neighbors, weights, algorithm, value);
        }

        @Override
        public KNeighborsClassifier fit(Dataset train) {
            return KNeighborsClassifier.fit(this, train);
        }
    }

    private final Params params;
    private final int classes;
    private final int[] labels;
    private final double[] eventWeights;
    private final NearestNeighbors index;

    private KNeighborsClassifier(Params params, int classes, double[] x, int n, int f, int[] labels, double[] eventWeights) {
        this.params = params;
        this.classes = classes;
        this.labels = labels;
        this.eventWeights = eventWeights;
        this.index = NearestNeighbors.of(x, n, f, params.algorithm(), params.leafSize());
    }

    /** Fits on features (n, f), integer class labels (n) and optional weights (n, or null). */
    public static KNeighborsClassifier fit(Params p, Tensor x, Tensor y, Tensor weights) {
        return fit(p, Dataset.of(x, y, weights));
    }

    /** Stores the features, class labels and weights of {@code d} and indexes them. */
    public static KNeighborsClassifier fit(Params p, Dataset d) {
        FitChecks.common(NAME, d, false);
        int classes = FitChecks.classification(NAME, d);
        if (p.neighbors() > d.size()) {
            throw new IllegalArgumentException(NAME + ": " + p.neighbors() + " neighbours requested but the training set has"
                    + " only " + d.size() + " events");
        }
        return new KNeighborsClassifier(p, classes, Rows.features(NAME, d), d.size(), d.numFeatures(), Rows.classes(d),
                Rows.weights(d));
    }

    /** The hyperparameters. */
    public Params params() {
        return params;
    }

    /** The search index over the training events. */
    public NearestNeighbors index() {
        return index;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    @Override
    public int numFeatures() {
        return index.numFeatures();
    }

    @Override
    public Tensor predictProba(Tensor x) {
        int m = x.size(0);
        int k = params.neighbors();
        int[] idx = new int[m * k];
        double[] dist = new double[m * k];
        index.query(Rows.matrix(NAME + ".predictProba", x, numFeatures()), m, k, idx, dist);
        double[] p = new double[m * classes];
        double[] votes = new double[k];
        for (int r = 0; r < m; r++) {
            params.weights().votes(idx, dist, r * k, k, eventWeights, votes);
            int o = r * classes;
            for (int j = 0; j < k; j++) {
                p[o + labels[idx[r * k + j]]] += votes[j];
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                p[o + c] = Math.max(p[o + c], 0);
                sum += p[o + c];
            }
            if (!(sum > 0)) {
                // every class's weighted vote is <= 0 (negative weights): fall back to the unweighted vote
                java.util.Arrays.fill(p, o, o + classes, 0);
                for (int j = 0; j < k; j++) {
                    p[o + labels[idx[r * k + j]]] += 1;
                }
                sum = k;
            }
            for (int c = 0; c < classes; c++) {
                p[o + c] /= sum;
            }
        }
        return Rows.matrix(p, m, classes);
    }

    /** The probabilities (n, classes): k-nearest-neighbour votes have no scores before a link function. */
    @Override
    public Tensor decisionFunction(Tensor x) {
        Tensor p = predictProba(x);
        return classes == 2 ? p.select(1, 1).contiguous() : p;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("neighbors", (long) params.neighbors());
        m.put("weights", params.weights().name());
        m.put("algorithm", params.algorithm().name());
        m.put("leaf_size", (long) params.leafSize());
        m.put("classes", (long) classes);
        m.put("features", (long) index.numFeatures());
        m.put("x", JsonFields.list(NeighborData.points(index)));
        m.put("labels", JsonFields.list(labels));
        m.put("event_weights", JsonFields.list(eventWeights));
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static KNeighborsClassifier fromJson(Map<String, Object> m) {
        Params p = NeighborData.params(m, (k, w, a, leaf) -> new Params(k, w, a, leaf));
        int classes = JsonFields.count(m, "classes", 1 << 20);
        int[] labels = JsonFields.ints(m, "labels", -1);
        int n = labels.length;
        int f = JsonFields.count(m, "features", 1 << 24);
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("model JSON: label " + labels[i] + " of event " + i + " is not in 0.."
                        + (classes - 1));
            }
        }
        double[] x = NeighborData.points(m, n, f);
        return new KNeighborsClassifier(p, classes, x, n, f, labels, JsonFields.doubles(m, "event_weights", n));
    }

    @Override
    public String toString() {
        return NAME + "(k=" + params.neighbors() + ", " + params.weights() + ", " + index.algorithm() + ", events="
                + index.size() + ")";
    }
}
