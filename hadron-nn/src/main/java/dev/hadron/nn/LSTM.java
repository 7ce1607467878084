package dev.hadron.nn;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Long short-term memory (Hochreiter and Schmidhuber, 1997), as {@code torch.nn.LSTM} with gates in
 * PyTorch's order (input, forget, cell, output):
 * <pre>
 * i, f, g, o = split(x W_ih^T + b_ih + h W_hh^T + b_hh)
 * c' = sigmoid(f) c + sigmoid(i) tanh(g);   h' = sigmoid(o) tanh(c')
 * </pre>
 * Batch-first by default: {@link #forward(Tensor)} maps (batch, time, input) to the output sequence
 * (batch, time, directions * hidden); {@link #forward(Tensor, long[], Tensor, Tensor)} also takes
 * sequence lengths and initial states and returns the final ones. Stacking, bidirectional passes and
 * inter-layer dropout come with {@link RecurrentOptions}. Parameters are named as PyTorch's
 * ({@code weight_ih_l0}, {@code weight_hh_l0}, {@code bias_ih_l0}, {@code bias_hh_l0}, ...).
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(1, 32, 2, gen);                       // 2 stacked layers
 * RecurrentOutput r = lstm.forward(x, lengths);               // x: (batch, 10, 1), lengths 1..10
 * Tensor last = r.hN().select(0, 1);                          // top layer's final state (batch, 32)
 * }</pre>
 */
public final class LSTM extends RecurrentBase {
    /** A batch-first LSTM of {@code numLayers} stacked layers, with bias, no dropout, one direction. */
    public LSTM(int inputSize, int hiddenSize, int numLayers, Generator gen) {
        this(inputSize, hiddenSize, gen, RecurrentOptions.defaults().withNumLayers(numLayers));
    }

    /** An LSTM with the given settings. */
    public LSTM(int inputSize, int hiddenSize, Generator gen, RecurrentOptions options) {
        super(inputSize, hiddenSize, 4, gen, options);
    }

    @Override
    boolean hasCell() {
        return true;
    }

    @Override
    Tensor[] cell(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh) {
        Tensor g = Functional.linear(h, wHh, bHh).add(xw);
        List<Tensor> parts = g.chunk(4, 1);
        Tensor i = parts.get(0).sigmoid();
        Tensor f = parts.get(1).sigmoid();
        Tensor cand = parts.get(2).tanh();
        Tensor o = parts.get(3).sigmoid();
        Tensor c2 = f.mul(c).add(i.mul(cand));
        return new Tensor[] {o.mul(c2.tanh()), c2};
    }
}
