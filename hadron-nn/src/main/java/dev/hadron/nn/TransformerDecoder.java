package dev.hadron.nn;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@link TransformerDecoderLayer}s with an optional final layer norm, as
 * {@code torch.nn.TransformerDecoder} (names {@code layers.0...}, {@code norm...}); each layer is
 * initialized independently.
 */
public final class TransformerDecoder extends Module {
    private final ModuleList<TransformerDecoderLayer> layers;
    private final LayerNorm norm;

    /** {@code numLayers} layers with the given settings and an optional final norm. */
    public TransformerDecoder(int dModel, int nhead, int dimFeedforward, int numLayers, Generator gen,
                              TransformerOptions options, boolean finalNorm) {
        if (numLayers < 1) {
            throw new IllegalArgumentException("TransformerDecoder: numLayers must be >= 1, got " + numLayers);
        }
        List<TransformerDecoderLayer> list = new ArrayList<>();
        for (int i = 0; i < numLayers; i++) {
            list.add(new TransformerDecoderLayer(dModel, nhead, dimFeedforward, gen, options));
        }
        this.layers = registerModule("layers", new ModuleList<>(list));
        this.norm = finalNorm ? registerModule("norm", new LayerNorm(new int[] {dModel}, options.layerNormEps(), true))
                : null;
    }

    /**
     * A boolean (n, n) mask that is {@code true} above the diagonal: position i may not attend to later
     * positions (PyTorch's {@code generate_square_subsequent_mask}, as a boolean mask).
     */
    public static Tensor causalMask(int n) {
        return Functional.causalAllowed(n, n).logicalNot();
    }

    /** Not a single-input module: a decoder needs the target and the memory. */
    @Override
    public Tensor forward(Tensor tgt) {
        throw new UnsupportedOperationException("TransformerDecoder needs the target and the encoder memory: call"
                + " forward(tgt, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask)");
    }

    /** The stack; arguments as {@link TransformerDecoderLayer#forward(Tensor, Tensor, Tensor, Tensor, Tensor, Tensor)}. */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
                          Tensor memoryKeyPaddingMask) {
        Tensor x = tgt;
        for (TransformerDecoderLayer layer : layers) {
            x = layer.forward(x, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
        }
        return norm == null ? x : norm.forward(x);
    }
}
