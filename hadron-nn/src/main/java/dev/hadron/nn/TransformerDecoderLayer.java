package dev.hadron.nn;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

/**
 * One transformer decoder layer, as {@code torch.nn.TransformerDecoderLayer}: masked self-attention over
 * the target, cross-attention to the encoder output ("memory") and a feed-forward block, each with a
 * residual connection and layer norm (post-norm by default, pre-norm with
 * {@link TransformerOptions#withNormFirst}). Children named as PyTorch's: {@code self_attn},
 * {@code multihead_attn}, {@code linear1}, {@code linear2}, {@code norm1..3}. As for the encoder layer,
 * the defaults differ from PyTorch's in having no dropout and a batch-first layout.
 *
 * <pre>{@code
 * TransformerDecoderLayer dec = new TransformerDecoderLayer(64, 4, 128, gen);
 * Tensor y = dec.forward(tgt, memory, TransformerDecoder.causalMask(tgt.size(1)), null, null, null);
 * }</pre>
 */
public final class TransformerDecoderLayer extends Module {
    private final TransformerOptions options;
    private final MultiheadAttention selfAttn;
    private final MultiheadAttention crossAttn;
    private final Linear linear1;
    private final Dropout dropout;
    private final Linear linear2;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final LayerNorm norm3;
    private final Dropout dropout1;
    private final Dropout dropout2;
    private final Dropout dropout3;

    /** Post-norm, ReLU, no dropout, batch-first. */
    public TransformerDecoderLayer(int dModel, int nhead, int dimFeedforward, Generator gen) {
        this(dModel, nhead, dimFeedforward, gen, TransformerOptions.defaults());
    }

    /** A layer with the given settings. */
    public TransformerDecoderLayer(int dModel, int nhead, int dimFeedforward, Generator gen, TransformerOptions options) {
        this.options = options;
        double p = options.dropout();
        double eps = options.layerNormEps();
        selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nhead, gen, p, true, dModel, dModel, true));
        crossAttn = registerModule("multihead_attn", new MultiheadAttention(dModel, nhead, gen, p, true, dModel, dModel,
                true));
        linear1 = registerModule("linear1", new Linear(dModel, dimFeedforward, gen));
        dropout = registerModule("dropout", new Dropout(p, gen));
        linear2 = registerModule("linear2", new Linear(dimFeedforward, dModel, gen));
        norm1 = registerModule("norm1", new LayerNorm(new int[] {dModel}, eps, true));
        norm2 = registerModule("norm2", new LayerNorm(new int[] {dModel}, eps, true));
        norm3 = registerModule("norm3", new LayerNorm(new int[] {dModel}, eps, true));
        dropout1 = registerModule("dropout1", new Dropout(p, gen));
        dropout2 = registerModule("dropout2", new Dropout(p, gen));
        dropout3 = registerModule("dropout3", new Dropout(p, gen));
    }

    /** Not a single-input layer: a decoder needs the target and the memory. */
    @Override
    public Tensor forward(Tensor tgt) {
        throw new UnsupportedOperationException("TransformerDecoderLayer needs the target and the encoder memory: call"
                + " forward(tgt, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask)");
    }

    /**
     * The layer.
     *
     * @param tgt (batch, T, dModel)
     * @param memory (batch, S, dModel), the encoder output
     * @param tgtMask (T, T) mask for the self-attention (e.g. {@link TransformerDecoder#causalMask}), or null
     * @param memoryMask (T, S) mask for the cross-attention, or null
     * @param tgtKeyPaddingMask (batch, T) bool true at padding, or null
     * @param memoryKeyPaddingMask (batch, S) bool true at padding, or null
     */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
                          Tensor memoryKeyPaddingMask) {
        Tensor x = options.batchFirst() ? tgt : tgt.transpose(0, 1);
        Tensor mem = options.batchFirst() ? memory : memory.transpose(0, 1);
        if (options.normFirst()) {
            Tensor n1 = norm1.forward(x);
            x = x.add(dropout1.forward(selfAttn.attend(n1, n1, n1, tgtKeyPaddingMask, tgtMask)));
            x = x.add(dropout2.forward(crossAttn.attend(norm2.forward(x), mem, mem, memoryKeyPaddingMask, memoryMask)));
            x = x.add(feedForward(norm3.forward(x)));
        } else {
            x = norm1.forward(x.add(dropout1.forward(selfAttn.attend(x, x, x, tgtKeyPaddingMask, tgtMask))));
            x = norm2.forward(x.add(dropout2.forward(crossAttn.attend(x, mem, mem, memoryKeyPaddingMask, memoryMask))));
            x = norm3.forward(x.add(feedForward(x)));
        }
        return options.batchFirst() ? x : x.transpose(0, 1);
    }

    private Tensor feedForward(Tensor x) {
        Tensor h = linear1.forward(x);
        h = options.activation().equals("gelu") ? h.gelu() : h.relu();
        return dropout3.forward(linear2.forward(dropout.forward(h)));
    }
}
