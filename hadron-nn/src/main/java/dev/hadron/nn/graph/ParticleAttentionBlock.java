package dev.hadron.nn.graph;

import dev.hadron.nn.LayerNorm;
import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * The particle attention block of the Particle Transformer (Qu, Li, Qian, 2022), on jagged events: a
 * pre-norm transformer block whose self-attention among the particles of each event is biased by a
 * pairwise interaction U_ij per head (from {@link PairFeatures#particleTransformer}, embedded to one
 * value per head by a small network):
 * <pre>
 * x = x + MHA(LN1(x), U);     x = x + fc2(GELU(fc1(LN2(x))))
 * </pre>
 * The graph is normally {@code Graphs.fullyConnected(particles, true)}. No dropout.
 *
 * <pre>{@code
 * Graph full = Graphs.fullyConnected(particles, true);
 * Tensor pairs = PairFeatures.particleTransformer(fourMomenta, full);              // (edges, 4)
 * Module pairEmbed = new Sequential(new Linear(4, 32, gen), new GELU(), new Linear(32, 8, gen));
 * ParticleAttentionBlock block = new ParticleAttentionBlock(64, 8, 256, gen);
 * Tensor h = block.forward(embedded, full, pairEmbed.forward(pairs));             // (particles, 64)
 * }</pre>
 *
 * <p>Parameter names: {@code norm1.*}, {@code attn.in_proj_weight}, {@code attn.in_proj_bias},
 * {@code attn.out_proj.*}, {@code norm2.*}, {@code fc1.*}, {@code fc2.*}.
 */
public final class ParticleAttentionBlock extends Module {
    private final int embedDim;
    private final LayerNorm norm1;
    private final JaggedMultiheadAttention attn;
    private final LayerNorm norm2;
    private final Linear fc1;
    private final Linear fc2;

    /**
     * @param embedDim particle feature width
     * @param numHeads attention heads (dividing embedDim)
     * @param ffnDim hidden width of the feed-forward part
     */
    public ParticleAttentionBlock(int embedDim, int numHeads, int ffnDim, Generator gen) {
        if (ffnDim < 1) {
            throw new IllegalArgumentException("ParticleAttentionBlock: ffnDim must be >= 1, got " + ffnDim);
        }
        this.embedDim = embedDim;
        this.norm1 = registerModule("norm1", new LayerNorm(embedDim));
        this.attn = registerModule("attn", new JaggedMultiheadAttention(embedDim, numHeads, gen));
        this.norm2 = registerModule("norm2", new LayerNorm(embedDim));
        this.fc1 = registerModule("fc1", new Linear(embedDim, ffnDim, gen));
        this.fc2 = registerModule("fc2", new Linear(ffnDim, embedDim, gen));
    }

    /**
     * @param x particle features (particles, embedDim)
     * @param graph who attends to whom (normally fully connected with self-loops)
     * @param interaction attention bias per stored edge and head (edges, heads), or null
     */
    public Tensor forward(Tensor x, Graph graph, Tensor interaction) {
        if (x.dim() != 2 || x.size(1) != embedDim) {
            throw new IllegalArgumentException("ParticleAttentionBlock: expected particle features of shape (particles, "
                    + embedDim + "), got " + Shape.toString(x.shape()));
        }
        Tensor h = x.add(attn.forward(norm1.forward(x), graph, interaction));
        return h.add(fc2.forward(fc1.forward(norm2.forward(h)).gelu()));
    }

    /** The attention. */
    public JaggedMultiheadAttention attn() {
        return attn;
    }

    @Override
    protected String extraRepr() {
        return "embed_dim=" + embedDim + ", num_heads=" + attn.numHeads();
    }
}
