package dev.hadron.ml.neighbors;

/** How the k neighbours of a query are weighted (scikit-learn's {@code weights} parameter). */
public enum NeighborWeights {
    /** Every neighbour counts the same (times its event weight). */
    UNIFORM,
    /**
     * Neighbours count by the inverse of their distance (times their event weight); if some
     * neighbours coincide with the query, only those count.
     */
    DISTANCE;

    /**
     * Writes the vote of each of the {@code k} neighbours found for one query (at {@code offset} in
     * {@code idx}/{@code dist}) into {@code votes}.
     */
    void votes(int[] idx, double[] dist, int offset, int k, double[] eventWeights, double[] votes) {
        boolean exact = false;
        if (this == DISTANCE) {
            for (int j = 0; j < k; j++) {
                if (dist[offset + j] == 0) {
                    exact = true;
                    break;
                }
            }
        }
        for (int j = 0; j < k; j++) {
            double d = dist[offset + j];
            double v = this == UNIFORM ? 1 : (exact ? (d == 0 ? 1 : 0) : 1 / d);
            votes[j] = v * eventWeights[idx[offset + j]];
        }
    }
}
