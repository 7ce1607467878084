package dev.hadron.nn;

/**
 * Settings of {@link RNN}, {@link LSTM} and {@link GRU}. Defaults follow PyTorch except the layout:
 * Hadron's recurrent layers are batch-first (batch, time, features) by default, PyTorch's are
 * time-first.
 *
 * @param numLayers stacked layers, >= 1
 * @param bias whether the layers have biases {@code bias_ih_l*} and {@code bias_hh_l*}
 * @param batchFirst inputs and outputs as (batch, time, features) (default) rather than (time, batch, features)
 * @param dropout dropout on the outputs of every layer but the last, in training mode, in [0, 1)
 * @param bidirectional run a second pass backwards in time; outputs concatenate both directions
 */
public record RecurrentOptions(int numLayers, boolean bias, boolean batchFirst, double dropout, boolean bidirectional) {
    public RecurrentOptions {
        if (numLayers < 1) {
            throw new IllegalArgumentException("recurrent layer: numLayers must be >= 1, got " + numLayers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("recurrent layer: dropout must be in [0, 1), got " + dropout);
        }
    }

    /** One layer, with bias, batch-first, no dropout, one direction. */
    public static RecurrentOptions defaults() {
        return new RecurrentOptions(1, true, true, 0, false);
    }

    public RecurrentOptions withNumLayers(int n) {
        return new RecurrentOptions(n, bias, batchFirst, dropout, bidirectional);
    }

    public RecurrentOptions withBias(boolean b) {
        return new RecurrentOptions(numLayers, b, batchFirst, dropout, bidirectional);
    }

    public RecurrentOptions withBatchFirst(boolean b) {
        return new RecurrentOptions(numLayers, bias, b, dropout, bidirectional);
    }

    public RecurrentOptions withDropout(double p) {
        return new RecurrentOptions(numLayers, bias, batchFirst, p, bidirectional);
    }

    public RecurrentOptions withBidirectional(boolean b) {
        return new RecurrentOptions(numLayers, bias, batchFirst, dropout, b);
    }
}
