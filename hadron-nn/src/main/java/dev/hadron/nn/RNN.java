package dev.hadron.nn;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

/**
 * The Elman recurrent layer, as {@code torch.nn.RNN}: {@code h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh)}
 * with act = tanh (default) or relu. Batch-first by default; see {@link LSTM} for the calling
 * conventions, which are the same (without a cell state).
 */
public final class RNN extends RecurrentBase {
    private final boolean relu;

    /** A batch-first tanh RNN of {@code numLayers} stacked layers. */
    public RNN(int inputSize, int hiddenSize, int numLayers, Generator gen) {
        this(inputSize, hiddenSize, gen, RecurrentOptions.defaults().withNumLayers(numLayers), "tanh");
    }

    /**
     * An RNN with the given settings.
     *
     * @param nonlinearity "tanh" or "relu"
     */
    public RNN(int inputSize, int hiddenSize, Generator gen, RecurrentOptions options, String nonlinearity) {
        super(inputSize, hiddenSize, 1, gen, options);
        if (!nonlinearity.equals("tanh") && !nonlinearity.equals("relu")) {
            throw new IllegalArgumentException("RNN: nonlinearity must be \"tanh\" or \"relu\", got \"" + nonlinearity + "\"");
        }
        this.relu = nonlinearity.equals("relu");
    }

    @Override
    boolean hasCell() {
        return false;
    }

    @Override
    Tensor[] cell(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh) {
        Tensor pre = Functional.linear(h, wHh, bHh).add(xw);
        return new Tensor[] {relu ? pre.relu() : pre.tanh(), null};
    }

    @Override
    protected String extraRepr() {
        return super.extraRepr() + (relu ? ", nonlinearity=relu" : "");
    }
}
