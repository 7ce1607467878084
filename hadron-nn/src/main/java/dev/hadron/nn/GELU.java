package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/** Gaussian error linear unit x * Phi(x), as {@code torch.nn.GELU}: exact ("none") or the "tanh" approximation. */
public final class GELU extends Module {
    private final String approximate;

    /** The exact (erf) form. */
    public GELU() {
        this("none");
    }

    /** {@code "none"} (exact) or {@code "tanh"}. */
    public GELU(String approximate) {
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw new IllegalArgumentException("GELU: approximate must be \"none\" or \"tanh\", got \"" + approximate + "\"");
        }
        this.approximate = approximate;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.gelu(approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate=" + approximate;
    }
}
