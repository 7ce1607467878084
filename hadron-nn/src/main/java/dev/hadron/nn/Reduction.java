package dev.hadron.nn;

/**
 * How a loss combines the per-event (or per-element) values, as PyTorch's {@code reduction}.
 *
 * <p>With per-event weights w (negative ones allowed), element losses l are multiplied by the weight of
 * their event; {@link #MEAN} then divides the weighted sum by the number of elements, as PyTorch's
 * {@code BCELoss(weight=...)} does, never by the sum of the weights: a mini-batch whose weights sum to
 * zero or less (possible with NLO samples) still gives a finite, correctly signed loss. Normalize the
 * weights to mean 1 if you want loss values on the scale of the unweighted loss.
 */
public enum Reduction {
    /** Weighted sum divided by the number of elements (or the class-weight total for cross-entropy). */
    MEAN,
    /** Weighted sum. */
    SUM,
    /** No reduction: the weighted per-element (per-event for cross-entropy) losses. */
    NONE
}
