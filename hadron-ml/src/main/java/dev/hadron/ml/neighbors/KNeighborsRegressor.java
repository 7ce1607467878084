package dev.hadron.ml.neighbors;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.FitChecks;
import dev.hadron.ml.Regressor;
import dev.hadron.ml.internal.support.Check;
import dev.hadron.ml.internal.support.JsonFields;
import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * k-nearest-neighbour regression (scikit-learn's {@code KNeighborsRegressor}, Euclidean metric):
 * the prediction is the vote-weighted mean target of the k nearest training events, a vote being the
 * event weight (divided by the distance with {@link NeighborWeights#DISTANCE}).
 *
 * <p>Event weights change the votes, not which events are neighbours. If the votes of a query sum
 * to zero or less (negative weights), the plain mean of the neighbours' targets is returned.
 *
 * <pre>{@code
 * KNeighborsRegressor knn = KNeighborsRegressor.Params.defaults().withNeighbors(10)
 *         .withWeights(NeighborWeights.DISTANCE).fit(train);
 * }</pre>
 */
public final class KNeighborsRegressor implements Regressor {
    private static final String NAME = "KNeighborsRegressor";

    /**
     * Hyperparameters (scikit-learn's names and defaults).
     *
     * @param neighbors k (>= 1)
     * @param weights how neighbours are weighted
     * @param algorithm how neighbours are searched
     * @param leafSize k-d tree leaf size
     */
    public record Params(int neighbors, NeighborWeights weights, NearestNeighbors.Algorithm algorithm, int leafSize)
            implements Estimator<KNeighborsRegressor> {
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
        public KNeighborsRegressor fit(Dataset train) {
            return KNeighborsRegressor.fit(this, train);
        }
    }

    private final Params params;
    private final double[] targets;
    private final double[] eventWeights;
    private final NearestNeighbors index;

    private KNeighborsRegressor(Params params, double[] x, int n, int f, double[] targets, double[] eventWeights) {
        this.params = params;
        this.targets = targets;
        this.eventWeights = eventWeights;
        this.index = NearestNeighbors.of(x, n, f, params.algorithm(), params.leafSize());
    }

    /** Fits on features (n, f), targets (n) and optional weights (n, or null). */
    public static KNeighborsRegressor fit(Params p, Tensor x, Tensor y, Tensor weights) {
        return fit(p, Dataset.of(x, y, weights));
    }

    /** Stores the features, targets and weights of {@code d} and indexes them. */
    public static KNeighborsRegressor fit(Params p, Dataset d) {
        FitChecks.common(NAME, d, false);
        if (p.neighbors() > d.size()) {
            throw new IllegalArgumentException(NAME + ": " + p.neighbors() + " neighbours requested but the training set has"
                    + " only " + d.size() + " events");
        }
        return new KNeighborsRegressor(p, Rows.features(NAME, d), d.size(), d.numFeatures(), Rows.targets(NAME, d),
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
    public int numFeatures() {
        return index.numFeatures();
    }

    @Override
    public Tensor predict(Tensor x) {
        int m = x.size(0);
        int k = params.neighbors();
        int[] idx = new int[m * k];
        double[] dist = new double[m * k];
        index.query(Rows.matrix(NAME + ".predict", x, numFeatures()), m, k, idx, dist);
        double[] out = new double[m];
        double[] votes = new double[k];
        for (int r = 0; r < m; r++) {
            params.weights().votes(idx, dist, r * k, k, eventWeights, votes);
            double num = 0;
            double den = 0;
            for (int j = 0; j < k; j++) {
                num += votes[j] * targets[idx[r * k + j]];
                den += votes[j];
            }
            if (!(den > 0)) {
                num = 0;
                for (int j = 0; j < k; j++) {
                    num += targets[idx[r * k + j]];
                }
                den = k;
            }
            out[r] = num / den;
        }
        return Rows.vector(out);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("neighbors", (long) params.neighbors());
        m.put("weights", params.weights().name());
        m.put("algorithm", params.algorithm().name());
        m.put("leaf_size", (long) params.leafSize());
        m.put("features", (long) index.numFeatures());
        m.put("x", JsonFields.list(NeighborData.points(index)));
        m.put("targets", JsonFields.list(targets));
        m.put("event_weights", JsonFields.list(eventWeights));
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static KNeighborsRegressor fromJson(Map<String, Object> m) {
        Params p = NeighborData.params(m, (k, w, a, leaf) -> new Params(k, w, a, leaf));
        double[] targets = JsonFields.doubles(m, "targets", -1);
        int n = targets.length;
        int f = JsonFields.count(m, "features", 1 << 24);
        return new KNeighborsRegressor(p, NeighborData.points(m, n, f), n, f, targets,
                JsonFields.doubles(m, "event_weights", n));
    }

    @Override
    public String toString() {
        return NAME + "(k=" + params.neighbors() + ", " + params.weights() + ", " + index.algorithm() + ", events="
                + index.size() + ")";
    }
}
