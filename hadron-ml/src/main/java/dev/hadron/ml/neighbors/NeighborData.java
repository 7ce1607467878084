package dev.hadron.ml.neighbors;

import dev.hadron.ml.internal.support.JsonFields;

import java.util.Map;

/** JSON pieces shared by the neighbour models. */
final class NeighborData {
    private NeighborData() {
    }

    /** Builds a Params record from its JSON fields. */
    interface ParamsFactory<P> {
        P make(int neighbors, NeighborWeights weights, NearestNeighbors.Algorithm algorithm, int leafSize);
    }

    static <P> P params(Map<String, Object> m, ParamsFactory<P> factory) {
        String w = JsonFields.string(m, "weights");
        String a = JsonFields.string(m, "algorithm");
        NeighborWeights weights;
        NearestNeighbors.Algorithm algorithm;
        try {
            weights = NeighborWeights.valueOf(w);
            algorithm = NearestNeighbors.Algorithm.valueOf(a);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model JSON: unknown weights '" + w + "' or algorithm '" + a + "'", e);
        }
        return factory.make(JsonFields.integer(m, "neighbors"), weights, algorithm, JsonFields.integer(m, "leaf_size"));
    }

    static double[] points(NearestNeighbors index) {
        return index.points();
    }

    static double[] points(Map<String, Object> m, int n, int f) {
        if ((long) n * f > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model JSON: " + n + " events of " + f + " features is too large");
        }
        return JsonFields.doubles(m, "x", n * f);
    }
}
