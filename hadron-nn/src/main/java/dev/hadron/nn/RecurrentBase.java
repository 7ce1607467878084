package dev.hadron.nn;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared machinery of RNN, LSTM and GRU: PyTorch's parameter layout ({@code weight_ih_l0},
 * {@code weight_hh_l0}, {@code bias_ih_l0}, {@code bias_hh_l0}, then {@code ..._reverse} for the backward
 * direction, per layer), its initialization U(-1/sqrt(hidden), 1/sqrt(hidden)), stacking, bidirectional
 * passes, inter-layer dropout and variable-length sequences by masking: steps past a sequence's length
 * leave its state unchanged and output zeros, so results equal PyTorch's packed sequences.
 */
abstract class RecurrentBase extends Module {
    final int inputSize;
    final int hiddenSize;
    final RecurrentOptions options;
    final int gates;
    private final Parameter[][] wIh;
    private final Parameter[][] wHh;
    private final Parameter[][] bIh;
    private final Parameter[][] bHh;
    private final RandomStream dropoutStream;

    RecurrentBase(int inputSize, int hiddenSize, int gates, Generator gen, RecurrentOptions options) {
        String name = getClass().getSimpleName();
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException(name + ": input and hidden sizes must be positive, got " + inputSize + ", "
                    + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.options = options;
        this.gates = gates;
        int dirs = options.bidirectional() ? 2 : 1;
        int layers = options.numLayers();
        wIh = new Parameter[layers][dirs];
        wHh = new Parameter[layers][dirs];
        bIh = new Parameter[layers][dirs];
        bHh = new Parameter[layers][dirs];
        double k = 1 / Math.sqrt(hiddenSize);
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputSize : hiddenSize * dirs;
            for (int d = 0; d < dirs; d++) {
                String sfx = "_l" + l + (d == 1 ? "_reverse" : "");
                wIh[l][d] = registerParameter("weight_ih" + sfx, Init.uniform(Tensor.zeros(gates * hiddenSize, in), -k, k, gen));
                wHh[l][d] = registerParameter("weight_hh" + sfx,
                        Init.uniform(Tensor.zeros(gates * hiddenSize, hiddenSize), -k, k, gen));
                if (options.bias()) {
                    bIh[l][d] = registerParameter("bias_ih" + sfx, Init.uniform(Tensor.zeros(gates * hiddenSize), -k, k, gen));
                    bHh[l][d] = registerParameter("bias_hh" + sfx, Init.uniform(Tensor.zeros(gates * hiddenSize), -k, k, gen));
                }
            }
        }
        dropoutStream = options.dropout() > 0 && layers > 1 ? registerRandomStream("dropout_random", gen) : null;
    }

    /** Whether the cell has a separate cell state (LSTM). */
    abstract boolean hasCell();

    /**
     * One step of the cell.
     *
     * @param xw the input projection at this step, {@code x W_ih^T + b_ih} (batch, gates * hidden)
     * @param h the hidden state (batch, hidden)
     * @param c the cell state (LSTM) or null
     * @param wHh the recurrent weight (gates * hidden, hidden)
     * @param bHh the recurrent bias or null
     * @return {h', c'} (c' null without a cell state)
     */
    abstract Tensor[] cell(Tensor xw, Tensor h, Tensor c, Tensor wHh, Tensor bHh);

    /** The output sequence: (batch, time, directions * hidden) batch-first. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null, null, null).output();
    }

    /** Runs over sequences of the given lengths (one per batch entry, each in 1..time). */
    public RecurrentOutput forward(Tensor x, long[] lengths) {
        return forward(x, lengths, null, null);
    }

    /**
     * The full computation.
     *
     * @param x (batch, time, input) batch-first, (time, batch, input) otherwise, or unbatched (time, input)
     * @param lengths valid length of each sequence, or null when all use the full time dimension
     * @param h0 initial hidden state (layers * directions, batch, hidden), or null for zeros
     * @param c0 initial cell state for LSTM (same shape), or null for zeros; must be null for RNN and GRU
     */
    public RecurrentOutput forward(Tensor x, long[] lengths, Tensor h0, Tensor c0) {
        boolean unbatched = x.dim() == 2;
        if (x.dim() != 3 && !unbatched) {
            throw new IllegalArgumentException(this + ": expected input of shape " + layout() + " or (time, input), got "
                    + Shape.toString(x.shape()));
        }
        Tensor seq = unbatched ? x.unsqueeze(0) : (options.batchFirst() ? x : x.transpose(0, 1));   // (B, T, I)
        if (seq.size(2) != inputSize) {
            throw new IllegalArgumentException(this + ": expected " + inputSize + " input features in the last dimension,"
                    + " got shape " + Shape.toString(x.shape()));
        }
        Functional.checkDtype(this, "rnn", seq, wIh[0][0].value());
        int batch = seq.size(0);
        int time = seq.size(1);
        int dirs = options.bidirectional() ? 2 : 1;
        int layers = options.numLayers();
        Tensor[] masks = lengthMasks(lengths, batch, time);
        checkState("h0", h0, layers * dirs, batch, unbatched);
        if (c0 != null && !hasCell()) {
            throw new IllegalArgumentException(this + ": has no cell state; pass c0 = null");
        }
        checkState("c0", c0, layers * dirs, batch, unbatched);
        Tensor h0b = h0 == null ? null : (unbatched ? h0.unsqueeze(1) : h0);
        Tensor c0b = c0 == null ? null : (unbatched ? c0.unsqueeze(1) : c0);
        List<Tensor> hFinal = new ArrayList<>();
        List<Tensor> cFinal = new ArrayList<>();
        Tensor layerIn = seq;
        for (int l = 0; l < layers; l++) {
            Tensor[] dirOut = new Tensor[dirs];
            for (int d = 0; d < dirs; d++) {
                int idx = l * dirs + d;
                Tensor h = h0b == null ? Tensor.zeros(seq.dtype(), batch, hiddenSize) : h0b.select(0, idx);
                Tensor c = !hasCell() ? null : c0b == null ? Tensor.zeros(seq.dtype(), batch, hiddenSize) : c0b.select(0, idx);
                Tensor b1 = bIh[l][d] == null ? null : bIh[l][d].value();
                Tensor b2 = bHh[l][d] == null ? null : bHh[l][d].value();
                Tensor xw = Functional.linear(layerIn, wIh[l][d].value(), b1);   // (B, T, G*H)
                Tensor[] outs = new Tensor[time];
                for (int s = 0; s < time; s++) {
                    int t = d == 0 ? s : time - 1 - s;
                    Tensor[] hc = cell(xw.select(1, t), h, c, wHh[l][d].value(), b2);
                    if (masks == null) {
                        h = hc[0];
                        c = hc[1];
                        outs[t] = h;
                    } else {
                        Tensor m = masks[t];
                        h = Tensor.where(m, hc[0], h);
                        if (c != null) {
                            c = Tensor.where(m, hc[1], c);
                        }
                        outs[t] = Tensor.where(m, hc[0], 0.0);
                    }
                }
                dirOut[d] = Tensor.stack(1, outs);
                hFinal.add(h);
                if (c != null) {
                    cFinal.add(c);
                }
            }
            layerIn = dirs == 1 ? dirOut[0] : Tensor.cat(-1, dirOut);
            if (dropoutStream != null && l < layers - 1 && isTraining()) {
                layerIn = Functional.dropout(layerIn, options.dropout(), true, dropoutStream.next());
            }
        }
        Tensor out = layerIn;
        Tensor hN = Tensor.stack(hFinal, 0);
        Tensor cN = hasCell() ? Tensor.stack(cFinal, 0) : null;
        if (unbatched) {
            out = out.squeeze(0);
            hN = hN.squeeze(1);
            cN = cN == null ? null : cN.squeeze(1);
        } else if (!options.batchFirst()) {
            out = out.transpose(0, 1);
        }
        return new RecurrentOutput(out, hN, cN);
    }

    private String layout() {
        return options.batchFirst() ? "(batch, time, input)" : "(time, batch, input)";
    }

    private void checkState(String what, Tensor s, int n, int batch, boolean unbatched) {
        if (s == null) {
            return;
        }
        int[] expected = unbatched ? new int[] {n, hiddenSize} : new int[] {n, batch, hiddenSize};
        if (!Arrays.equals(s.shape(), expected)) {
            throw new IllegalArgumentException(this + ": " + what + " must have shape " + Shape.toString(expected)
                    + " (layers * directions, batch, hidden), got " + Shape.toString(s.shape()));
        }
    }

    /** Per time step a bool (B, 1) mask "t < length", or null when every sequence has the full length. */
    private Tensor[] lengthMasks(long[] lengths, int batch, int time) {
        if (lengths == null) {
            return null;
        }
        if (lengths.length != batch) {
            throw new IllegalArgumentException(this + ": got " + lengths.length + " lengths for a batch of " + batch);
        }
        boolean full = true;
        for (int b = 0; b < batch; b++) {
            if (lengths[b] < 1 || lengths[b] > time) {
                throw new IllegalArgumentException(this + ": length " + lengths[b] + " of sequence " + b
                        + " is out of range 1.." + time);
            }
            full &= lengths[b] == time;
        }
        if (full) {
            return null;
        }
        Tensor[] masks = new Tensor[time];
        for (int t = 0; t < time; t++) {
            boolean[] m = new boolean[batch];
            for (int b = 0; b < batch; b++) {
                m[b] = t < lengths[b];
            }
            masks[t] = Tensor.of(m, batch, 1);
        }
        return masks;
    }

    /** The input-to-hidden weight of layer {@code layer}, direction 0 (forward) or 1 (reverse). */
    public Tensor weightIh(int layer, int direction) {
        return wIh[layer][direction].value();
    }

    /** The hidden-to-hidden weight of layer {@code layer}, direction 0 (forward) or 1 (reverse). */
    public Tensor weightHh(int layer, int direction) {
        return wHh[layer][direction].value();
    }

    /** The hidden size. */
    public int hiddenSize() {
        return hiddenSize;
    }

    @Override
    protected String extraRepr() {
        StringBuilder sb = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
        if (options.numLayers() != 1) {
            sb.append(", num_layers=").append(options.numLayers());
        }
        if (!options.bias()) {
            sb.append(", bias=false");
        }
        sb.append(", batch_first=").append(options.batchFirst());
        if (options.dropout() != 0) {
            sb.append(", dropout=").append(options.dropout());
        }
        if (options.bidirectional()) {
            sb.append(", bidirectional=true");
        }
        return sb.toString();
    }
}
