package dev.hadron.nn.graph;

import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

/**
 * How a set of vectors is reduced to one: the pooling of {@link DeepSets} over the particles of an
 * event, and the aggregation of messages over the incoming edges of a node in the message-passing
 * layers (PyG's {@code aggr="add" | "mean" | "max" | "min"}). Every reduction is differentiable; an
 * empty set (an event without particles, a node without incoming edges) gives zeros, as PyTorch
 * Geometric's scatter reductions do.
 */
public enum Aggregation {
    /** Sum of the entries (PyG's {@code "add"}); the Particle Flow Network's pooling. */
    SUM,
    /** Mean of the entries. */
    MEAN,
    /** Element-wise maximum (the gradient goes to the entry that holds the maximum). */
    MAX,
    /** Element-wise minimum. */
    MIN;

    /** The reduction of each event (segment) of {@code sets}: shape (events, features...). */
    public Tensor apply(Jagged sets) {
        return switch (this) {
            case SUM -> sets.sum();
            case MEAN -> sets.mean();
            case MAX -> sets.max();
            case MIN -> sets.min();
        };
    }

    /** The lower-case name PyTorch Geometric uses ({@code "sum"}, {@code "mean"}, {@code "max"}, {@code "min"}). */
    public String pygName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
