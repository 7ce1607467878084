package dev.hadron.train;

import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

/**
 * One mini-batch from a {@link DataLoader}: features (dense, or jagged for variable-length events),
 * labels and per-event weights of the selected events, with their positions in the dataset.
 *
 * @param index the batch number within the epoch (0-based)
 * @param events the dataset indices of the events, in batch order
 * @param features dense features (batch, f...), or null when the dataset is jagged
 * @param jaggedFeatures jagged features of the batch's events, or null when the dataset is dense
 * @param labels labels (batch), or null for unlabelled data
 * @param weights per-event weights (batch), or null when the dataset has none
 */
public record Batch(int index, long[] events, Tensor features, Jagged jaggedFeatures, Tensor labels, Tensor weights) {
    /** The number of events. */
    public int size() {
        return events.length;
    }

    /** Dense features; fails for jagged data. */
    @Override
    public Tensor features() {
        if (features == null) {
            throw new IllegalStateException("Batch: the features are jagged; use jaggedFeatures() (and a Trainer forward"
                    + " function that takes them)");
        }
        return features;
    }
}
