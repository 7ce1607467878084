package dev.hadron.nn;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@link TransformerEncoderLayer}s with an optional final layer norm, as
 * {@code torch.nn.TransformerEncoder}; parameters are named {@code layers.0.self_attn.in_proj_weight},
 * ..., {@code norm.weight}. Unlike PyTorch, which deep-copies one layer (so all layers start identical),
 * each layer here is initialized independently from the generator.
 *
 * <pre>{@code
 * TransformerEncoder enc = new TransformerEncoder(64, 4, 128, 2, gen, TransformerOptions.defaults(), false);
 * Tensor y = enc.forward(particles, null, padding);    // (batch, particles, 64)
 * }</pre>
 */
public final class TransformerEncoder extends Module {
    private final ModuleList<TransformerEncoderLayer> layers;
    private final LayerNorm norm;

    /** {@code numLayers} post-norm layers without dropout and without a final norm. */
    public TransformerEncoder(int dModel, int nhead, int dimFeedforward, int numLayers, Generator gen) {
        this(dModel, nhead, dimFeedforward, numLayers, gen, TransformerOptions.defaults(), false);
    }

    /**
     * {@code numLayers} layers with the given settings; {@code finalNorm} adds a LayerNorm after the last
     * layer (usual with pre-norm layers).
     */
    public TransformerEncoder(int dModel, int nhead, int dimFeedforward, int numLayers, Generator gen,
                              TransformerOptions options, boolean finalNorm) {
        this(build(dModel, nhead, dimFeedforward, numLayers, gen, options),
                finalNorm ? new LayerNorm(new int[] {dModel}, options.layerNormEps(), true) : null);
    }

    /** The given layers and an optional final norm (null for none). */
    public TransformerEncoder(List<TransformerEncoderLayer> layers, LayerNorm norm) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("TransformerEncoder: needs at least one layer");
        }
        this.layers = registerModule("layers", new ModuleList<>(layers));
        this.norm = norm == null ? null : registerModule("norm", norm);
    }

    private static List<TransformerEncoderLayer> build(int dModel, int nhead, int ff, int n, Generator gen,
                                                       TransformerOptions options) {
        if (n < 1) {
            throw new IllegalArgumentException("TransformerEncoder: numLayers must be >= 1, got " + n);
        }
        List<TransformerEncoderLayer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new TransformerEncoderLayer(dModel, nhead, ff, gen, options));
        }
        return list;
    }

    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /** The stack with an attention mask and a key padding mask (either may be null); see the layer. */
    public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        for (TransformerEncoderLayer layer : layers) {
            x = layer.forward(x, mask, srcKeyPaddingMask);
        }
        return norm == null ? x : norm.forward(x);
    }

    /** The number of layers. */
    public int numLayers() {
        return layers.size();
    }
}
