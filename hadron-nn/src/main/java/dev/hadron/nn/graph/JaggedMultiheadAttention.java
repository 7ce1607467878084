package dev.hadron.nn.graph;

import dev.hadron.nn.Functional;
import dev.hadron.nn.Init;
import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.nn.Parameter;
import dev.hadron.tensor.Fused;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Multi-head self-attention among the particles of each event, without padding: each particle
 * attends over its incoming edges, normally those of {@link Graphs#fullyConnected} with self-loops
 * (every particle of its event, itself included), with an optional additive bias per edge and head
 * (Particle Transformer's pairwise interaction U_ij):
 * <pre>
 * a_ij = softmax_{j -> i}( q_i · k_j / sqrt(d) + U_ij ),    out_i = W_o Σ_j a_ij v_j + b_o
 * </pre>
 * On a fully connected graph with loops this equals {@code torch.nn.MultiheadAttention} on the padded
 * events with a key-padding mask and {@code attn_mask = U}, and its parameters have the same names
 * and initialization: {@code in_proj_weight} (3E, E), {@code in_proj_bias} (3E), {@code out_proj.weight},
 * {@code out_proj.bias}. On such a complete graph ({@link Graph#isComplete()}) the attention runs
 * on dense per-event blocks through {@link dev.hadron.tensor.Fused#attention} (events padded to the
 * longest, the padding masked); on any other graph it runs per edge, and memory grows with the number of
 * edges. A node without incoming edges gets {@code out_proj.bias}.
 */
public final class JaggedMultiheadAttention extends Module {
    private final int embedDim;
    private final int numHeads;
    private final Parameter inProjWeight;
    private final Parameter inProjBias;
    private final Linear outProj;

    /** Attention of width {@code embedDim} split into {@code numHeads} heads. */
    public JaggedMultiheadAttention(int embedDim, int numHeads, Generator gen) {
        if (embedDim <= 0 || numHeads <= 0 || embedDim % numHeads != 0) {
            throw new IllegalArgumentException("JaggedMultiheadAttention: embedDim (" + embedDim
                    + ") must be a positive multiple of numHeads (" + numHeads + ")");
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.inProjWeight = registerParameter("in_proj_weight",
                Init.xavierUniform(Tensor.zeros(3 * embedDim, embedDim), gen));
        this.inProjBias = registerParameter("in_proj_bias", Tensor.zeros(3 * embedDim));
        this.outProj = registerModule("out_proj", new Linear(embedDim, embedDim, true, gen));
        Init.zeros(outProj.bias());
    }

    /** Attention over the incoming edges of each particle, no bias. */
    public Tensor forward(Tensor x, Graph graph) {
        return forward(x, graph, null);
    }

    /**
     * @param x particle features (particles, embedDim)
     * @param graph who attends to whom: particle i attends to the sources of its incoming edges
     * @param bias additive attention bias per stored edge and head (edges, heads), or null
     * @return (particles, embedDim)
     */
    public Tensor forward(Tensor x, Graph graph, Tensor bias) {
        graph.checkNodes(x, label());
        if (x.dim() != 2 || x.size(1) != embedDim) {
            throw new IllegalArgumentException(label() + ": expected particle features of shape (particles, " + embedDim
                    + "), got " + Shape.toString(x.shape()));
        }
        if (bias != null) {
            graph.checkEdges(bias, label() + " attention bias");
            if (bias.dim() != 2 || bias.size(1) != numHeads) {
                throw new IllegalArgumentException(label() + ": the attention bias must have shape (edges, heads) = ("
                        + graph.numEdges() + ", " + numHeads + "), got " + Shape.toString(bias.shape()));
            }
        }
        int n = x.size(0);
        Tensor qkv = Functional.linear(x, inProjWeight.value(), inProjBias.value());
        if (graph.isComplete() && n > 0) {
            return outProj.forward(denseAttention(qkv, graph, bias));
        }
        Tensor weights = weights(qkv, graph, bias);
        Tensor v = qkv.narrow(1, 2 * embedDim, embedDim).reshape(n, numHeads, embedDim / numHeads);
        Tensor context = graph.aggregate(graph.gatherSource(v).mul(weights.unsqueeze(2)), Aggregation.SUM);
        return outProj.forward(context.reshape(n, embedDim));
    }

    /**
     * Attention on a complete graph (every particle attends to every particle of its event) as dense
     * per-event blocks: the events padded to the longest, one fused scaled-dot-product attention over
     * (events, heads, length, length) with the padding masked out and the per-edge bias scattered into
     * place, then the padding dropped. The same result as the per-edge form, without its per-edge copies
     * of queries, keys and values (E² rows per event of E particles).
     */
    private Tensor denseAttention(Tensor qkv, Graph graph, Tensor bias) {
        long[] offsets = graph.nodeOffsets();
        int events = offsets.length - 1;
        int dh = embedDim / numHeads;
        Jagged.Padded padded = Jagged.of(qkv, offsets).toDense(0.0);
        int len = padded.values().size(1);
        Tensor dense = padded.values().reshape(events, len, 3, numHeads, dh).permute(2, 0, 3, 1, 4); // (3, B, H, L, dh)
        Tensor keyOk = padded.mask().reshape(events, 1, 1, len);
        Tensor mask;
        if (bias == null) {
            mask = keyOk;
        } else {
            // edge (i <- j) of event e sits at (e, i - offset, j - offset) of the dense (B, L, L) block
            long[] slot = new long[graph.numEdges()];
            long[] edgeOffsets = graph.edgeOffsets();
            for (int e = 0; e < events; e++) {
                int count = (int) (offsets[e + 1] - offsets[e]);
                int first = (int) edgeOffsets[e];
                for (int i = 0; i < count; i++) {
                    for (int j = 0; j < count; j++) {
                        slot[first + i * count + j] = ((long) e * len + i) * len + j;
                    }
                }
            }
            Tensor b = bias.to(qkv.dtype());
            Tensor placed = Tensor.zeros(qkv.dtype(), events * len * len, numHeads)
                    .indexAdd(0, Tensor.wrap(slot, slot.length), b)
                    .reshape(events, len, len, numHeads).permute(0, 3, 1, 2);       // (B, H, L, L)
            Tensor forbidden = Tensor.where(keyOk, Tensor.zeros(qkv.dtype()), Tensor.full(qkv.dtype(),
                    Double.NEGATIVE_INFINITY));
            mask = placed.add(forbidden);
        }
        Tensor context = Fused.attention(dense.get(0), dense.get(1), dense.get(2), mask, 1.0 / Math.sqrt(dh));
        Tensor rows = context.permute(0, 2, 1, 3).reshape(events, len, embedDim);           // (B, L, E)
        return Jagged.fromDense(rows, padded.mask()).values();
    }

    /** The attention weights a_ij per stored edge and head (edges, heads), for inspection. */
    public Tensor attentionWeights(Tensor x, Graph graph, Tensor bias) {
        graph.checkNodes(x, label());
        return weights(Functional.linear(x, inProjWeight.value(), inProjBias.value()), graph, bias);
    }

    private Tensor weights(Tensor qkv, Graph graph, Tensor bias) {
        int n = qkv.size(0);
        int dh = embedDim / numHeads;
        Tensor q = qkv.narrow(1, 0, embedDim).reshape(n, numHeads, dh);
        Tensor k = qkv.narrow(1, embedDim, embedDim).reshape(n, numHeads, dh);
        Tensor scores = graph.gatherTarget(q).mul(graph.gatherSource(k)).sum(new int[] {2}, false)
                .mul(1.0 / Math.sqrt(dh));                                       // (edges, heads)
        if (bias != null) {
            scores = scores.add(bias.to(scores.dtype()));
        }
        return graph.incoming(scores).softmax().values();                      // softmax per node and head
    }

    /** The embedding width E. */
    public int embedDim() {
        return embedDim;
    }

    /** The number of heads. */
    public int numHeads() {
        return numHeads;
    }

    private String label() {
        return "JaggedMultiheadAttention(" + extraRepr() + ")";
    }

    @Override
    protected String extraRepr() {
        return "embed_dim=" + embedDim + ", num_heads=" + numHeads;
    }
}
