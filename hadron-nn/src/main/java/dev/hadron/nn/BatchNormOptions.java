package dev.hadron.nn;

/**
 * Settings of {@link BatchNorm1d} and {@link BatchNorm2d}, with PyTorch's defaults.
 *
 * @param eps added to the variance, > 0 (1e-5)
 * @param momentum weight of the new batch in the running statistics, in [0, 1] (0.1); NaN for a
 *                 cumulative average over all batches seen (PyTorch's {@code momentum=None})
 * @param affine learnable per-channel scale ({@code weight}) and shift ({@code bias})
 * @param trackRunningStats keep running statistics for evaluation mode; without them evaluation uses
 *                          the batch statistics too
 */
public record BatchNormOptions(double eps, double momentum, boolean affine, boolean trackRunningStats) {
    public BatchNormOptions {
        if (!(eps > 0)) {
            throw new IllegalArgumentException("BatchNorm: eps must be positive, got " + eps);
        }
        if (!Double.isNaN(momentum) && !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm: momentum must be in [0, 1] (or NaN for a cumulative average),"
                    + " got " + momentum);
        }
    }

    /** eps 1e-5, momentum 0.1, affine, tracking running statistics. */
    public static BatchNormOptions defaults() {
        return new BatchNormOptions(1e-5, 0.1, true, true);
    }

    public BatchNormOptions withEps(double e) {
        return new BatchNormOptions(e, momentum, affine, trackRunningStats);
    }

    public BatchNormOptions withMomentum(double m) {
        return new BatchNormOptions(eps, m, affine, trackRunningStats);
    }

    /** Running statistics as the plain average over all batches (PyTorch's {@code momentum=None}). */
    public BatchNormOptions withCumulativeAverage() {
        return new BatchNormOptions(eps, Double.NaN, affine, trackRunningStats);
    }

    public BatchNormOptions withAffine(boolean a) {
        return new BatchNormOptions(eps, momentum, a, trackRunningStats);
    }

    public BatchNormOptions withTrackRunningStats(boolean t) {
        return new BatchNormOptions(eps, momentum, affine, t);
    }
}
