package dev.hadron.nn;

/**
 * Settings of the transformer layers. Defaults follow PyTorch except two, on purpose: no dropout
 * (PyTorch's default is 0.1; ask for it with {@link #withDropout}) and batch-first layout (PyTorch's
 * default is time-first).
 *
 * @param dropout dropout after attention and in the feed-forward block, in training mode, in [0, 1)
 * @param activation "relu" (default) or "gelu"
 * @param layerNormEps eps of the layer norms (1e-5)
 * @param batchFirst (batch, length, dModel) rather than (length, batch, dModel)
 * @param normFirst pre-norm (LayerNorm before attention and feed-forward) rather than post-norm (default)
 */
public record TransformerOptions(double dropout, String activation, double layerNormEps, boolean batchFirst,
                                 boolean normFirst) {
    public TransformerOptions {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("Transformer: dropout must be in [0, 1), got " + dropout);
        }
        if (!activation.equals("relu") && !activation.equals("gelu")) {
            throw new IllegalArgumentException("Transformer: activation must be \"relu\" or \"gelu\", got \"" + activation
                    + "\"");
        }
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("Transformer: layerNormEps must be positive, got " + layerNormEps);
        }
    }

    /** No dropout, ReLU, eps 1e-5, batch-first, post-norm. */
    public static TransformerOptions defaults() {
        return new TransformerOptions(0, "relu", 1e-5, true, false);
    }

    public TransformerOptions withDropout(double p) {
        return new TransformerOptions(p, activation, layerNormEps, batchFirst, normFirst);
    }

    public TransformerOptions withActivation(String a) {
        return new TransformerOptions(dropout, a, layerNormEps, batchFirst, normFirst);
    }

    public TransformerOptions withLayerNormEps(double e) {
        return new TransformerOptions(dropout, activation, e, batchFirst, normFirst);
    }

    public TransformerOptions withBatchFirst(boolean b) {
        return new TransformerOptions(dropout, activation, layerNormEps, b, normFirst);
    }

    public TransformerOptions withNormFirst(boolean n) {
        return new TransformerOptions(dropout, activation, layerNormEps, batchFirst, n);
    }
}
