package dev.hadron.eval.metrics;

/**
 * An AUC with its bootstrap uncertainty, from {@link Roc#aucBootstrap}.
 *
 * @param auc the AUC of the full sample
 * @param standardError the standard deviation of the bootstrap replicas (with n − 1)
 * @param lower the 15.87 % quantile of the replicas (lower edge of the central 68.27 % interval)
 * @param upper the 84.13 % quantile of the replicas (upper edge of the central 68.27 % interval)
 * @param replicas the number of bootstrap replicas that entered the estimate
 */
public record AucEstimate(double auc, double standardError, double lower, double upper, int replicas) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.5f ± %.5f", auc, standardError);
    }
}
