package dev.hadron.nn;

import dev.hadron.tensor.Fused;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

/**
 * One transformer encoder layer (Vaswani et al., 2017), as {@code torch.nn.TransformerEncoderLayer}:
 * self-attention and a feed-forward block {@code linear2(act(linear1(x)))}, each with a residual
 * connection and layer norm. Post-norm by default ({@code x = norm1(x + sa(x)); x = norm2(x + ff(x))});
 * pre-norm with {@link TransformerOptions#withNormFirst}.
 *
 * <p><b>Defaults differ from PyTorch in two places:</b> there is no dropout unless asked for
 * ({@code TransformerOptions.defaults().withDropout(0.1)}; PyTorch's default is 0.1), and the layout is
 * batch-first, (batch, length, dModel). Activation ReLU, layer-norm eps 1e-5, as PyTorch. Parameter names
 * match PyTorch's ({@code self_attn.in_proj_weight}, {@code linear1.weight}, {@code norm1.weight}, ...), so
 * weights move between the two through safetensors.
 *
 * <pre>{@code
 * TransformerEncoderLayer layer = new TransformerEncoderLayer(64, 4, 128, gen);
 * Tensor y = layer.forward(x);                         // x: (batch, particles, 64)
 * Tensor z = layer.forward(x, null, paddingMask);      // paddingMask: (batch, particles), true = padding
 * }</pre>
 */
public final class TransformerEncoderLayer extends Module {
    private final TransformerOptions options;
    private final MultiheadAttention selfAttn;
    private final Linear linear1;
    private final Dropout dropout;
    private final Linear linear2;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final Dropout dropout1;
    private final Dropout dropout2;

    /** Post-norm, ReLU, no dropout, batch-first. */
    public TransformerEncoderLayer(int dModel, int nhead, int dimFeedforward, Generator gen) {
        this(dModel, nhead, dimFeedforward, gen, TransformerOptions.defaults());
    }

    /** A layer with the given settings. */
    public TransformerEncoderLayer(int dModel, int nhead, int dimFeedforward, Generator gen, TransformerOptions options) {
        this.options = options;
        selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nhead, gen, options.dropout(), true, dModel,
                dModel, true));
        linear1 = registerModule("linear1", new Linear(dModel, dimFeedforward, gen));
        dropout = registerModule("dropout", new Dropout(options.dropout(), gen));
        linear2 = registerModule("linear2", new Linear(dimFeedforward, dModel, gen));
        norm1 = registerModule("norm1", new LayerNorm(new int[] {dModel}, options.layerNormEps(), true));
        norm2 = registerModule("norm2", new LayerNorm(new int[] {dModel}, options.layerNormEps(), true));
        dropout1 = registerModule("dropout1", new Dropout(options.dropout(), gen));
        dropout2 = registerModule("dropout2", new Dropout(options.dropout(), gen));
    }

    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /**
     * The layer with masks.
     *
     * @param src (batch, length, dModel) batch-first
     * @param srcMask (L, L) attention mask (bool true = not allowed, or float added), or null
     * @param srcKeyPaddingMask (batch, L) bool true at padding positions, or null
     */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        Tensor x = options.batchFirst() ? src : src.transpose(0, 1);
        if (options.normFirst()) {
            x = x.add(selfAttentionBlock(norm1.forward(x), srcMask, srcKeyPaddingMask));
            x = x.add(feedForwardBlock(norm2.forward(x)));
        } else {
            x = norm1.forward(x.add(selfAttentionBlock(x, srcMask, srcKeyPaddingMask)));
            x = norm2.forward(x.add(feedForwardBlock(x)));
        }
        return options.batchFirst() ? x : x.transpose(0, 1);
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor mask, Tensor padding) {
        return dropout1.forward(selfAttn.attend(x, x, x, padding, mask));
    }

    private Tensor feedForwardBlock(Tensor x) {
        Tensor h = options.activation().equals("gelu") ? linear1.forward(x).gelu()
                : linear1.forward(x, Fused.Activation.RELU);
        return dropout2.forward(linear2.forward(dropout.forward(h)));
    }

    /** The settings. */
    public TransformerOptions options() {
        return options;
    }
}
