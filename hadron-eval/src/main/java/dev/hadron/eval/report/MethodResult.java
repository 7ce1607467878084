package dev.hadron.eval.report;

/**
 * Everything a study knows about one trained method: its outputs on the test sample (required) and on
 * the training sample (for the overtraining check; may be null), its training curves (may be null) and
 * how long training took.
 *
 * @param name the method's display name, unique within a study
 * @param test outputs on the test sample
 * @param train outputs on the training sample, or null
 * @param history per-epoch curves, or null
 * @param trainSeconds wall-clock training time in seconds (0 if unknown)
 */
public record MethodResult(String name, Predictions test, Predictions train, TrainingHistory history, double trainSeconds) {
    /** Validates. */
    public MethodResult {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("MethodResult: name must be non-empty");
        }
        if (test == null) {
            throw new IllegalArgumentException("MethodResult '" + name + "': test predictions must be given");
        }
        if (!(trainSeconds >= 0) || Double.isInfinite(trainSeconds)) {
            throw new IllegalArgumentException("MethodResult '" + name + "': trainSeconds is " + trainSeconds + "; expected a finite value >= 0");
        }
        if (train != null && train.output().dim() != test.output().dim()) {
            throw new IllegalArgumentException("MethodResult '" + name + "': train outputs have " + train.output().dim()
                    + " dimensions but test outputs " + test.output().dim() + "; expected the same model outputs");
        }
    }

    /** A method with test outputs only. */
    public static MethodResult of(String name, Predictions test) {
        return new MethodResult(name, test, null, null, 0);
    }
}
