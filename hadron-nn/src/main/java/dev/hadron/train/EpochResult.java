package dev.hadron.train;

import java.util.Map;

/**
 * What one training epoch produced.
 *
 * @param epoch the epoch number (0-based)
 * @param trainLoss the mean training loss over the epoch's batches, weighted by batch size
 * @param validLoss the validation loss (mean over the validation events), or NaN without validation data
 * @param metrics validation metrics by name ({@code val_} prefix) and anything callbacks add
 * @param lr the learning rate of the first parameter group during the epoch
 * @param events training events seen
 * @param seconds wall-clock duration (for display; never used in decisions)
 */
public record EpochResult(int epoch, double trainLoss, double validLoss, Map<String, Double> metrics, double lr,
                          long events, double seconds) {
    public EpochResult {
        metrics = Map.copyOf(metrics);
    }

    /**
     * A monitored quantity by name: {@code "loss"} (training), {@code "val_loss"}, or a metric such as
     * {@code "val_accuracy"}.
     */
    public double get(String name) {
        return switch (name) {
            case "loss", "train_loss" -> trainLoss;
            case "val_loss" -> validLoss;
            case "lr" -> lr;
            default -> {
                Double v = metrics.get(name);
                if (v == null) {
                    throw new IllegalArgumentException("no quantity '" + name + "' in epoch " + epoch + "; available: loss,"
                            + " val_loss, lr" + (metrics.isEmpty() ? "" : ", " + String.join(", ", metrics.keySet())));
                }
                yield v;
            }
        };
    }
}
