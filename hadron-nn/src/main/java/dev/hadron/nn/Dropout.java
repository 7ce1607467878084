package dev.hadron.nn;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

/**
 * Inverted dropout, as {@code torch.nn.Dropout}: in training mode each element is zeroed with
 * probability {@code p} and the others scaled by 1 / (1 - p); in evaluation mode the input passes
 * unchanged. Masks come from a {@link RandomStream} seeded by the generator given here, so runs are
 * reproducible and a resumed training draws the same masks.
 */
public final class Dropout extends Module {
    private final double p;
    private final RandomStream random;

    /** Dropout with probability {@code p} in [0, 1]. */
    public Dropout(double p, Generator gen) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: probability must be in [0, 1], got " + p);
        }
        this.p = p;
        this.random = registerRandomStream("random", gen);
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) {
            return x;
        }
        return Functional.dropout(x, p, true, random.next());
    }

    /** The drop probability. */
    public double p() {
        return p;
    }

    @Override
    protected String extraRepr() {
        return "p=" + p;
    }
}
