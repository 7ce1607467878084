package dev.hadron.nn;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Gated recurrent unit (Cho et al., 2014), as {@code torch.nn.GRU} with gates in PyTorch's order
 * (reset, update, new):
 * <pre>
 * r = sigmoid(x W_ir + b_ir + h W_hr + b_hr);   z = sigmoid(x W_iz + b_iz + h W_hz + b_hz)
 * n = tanh(x W_in + b_in + r (h W_hn + b_hn));  h' = (1 - z) n + z h
 * </pre>
 * Batch-first by default; see {@link LSTM} for the calling conventions, which are the same (without a
 * cell state).
 */
public final class GRU extends RecurrentBase {
    /** A batch-first GRU of {@code numLayers} stacked layers, with bias, no dropout, one direction. */
    public GRU(int inputSize, int hiddenSize, int numLayers, Generator gen) {
        this(inputSize, hiddenSize, gen, RecurrentOptions.defaults().withNumLayers(numLayers));
    }

    /** A GRU with the given settings. */
    public GRU(int inputSize, int hiddenSize, Generator gen, RecurrentOptions options) {
        super(inputSize, hiddenSize, 3, gen, options);
    }

    @Override
    boolean hasCell() {
        return false;
    }

    @Override
    Tensor[] cell(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh) {
        Tensor gh = Functional.linear(h, wHh, bHh);
        List<Tensor> xi = xw.chunk(3, 1);
        List<Tensor> hh = gh.chunk(3, 1);
        Tensor r = xi.get(0).add(hh.get(0)).sigmoid();
        Tensor z = xi.get(1).add(hh.get(1)).sigmoid();
        Tensor n = xi.get(2).add(r.mul(hh.get(2))).tanh();
        return new Tensor[] {n.add(z.mul(h.sub(n))), null};
    }
}
