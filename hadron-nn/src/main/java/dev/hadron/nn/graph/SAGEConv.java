package dev.hadron.nn.graph;

import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * The GraphSAGE operator (Hamilton, Ying, Leskovec, 2017), as PyTorch Geometric's {@code SAGEConv}:
 * <pre>
 * x'_i = W · aggr_{j -> i} x_j + B · x_i + b
 * </pre>
 * With {@link Aggregation#MEAN} (the default) and an activation σ applied to the result this is
 * exactly the GraphSAGE update h_v^k = σ(W_k · mean_{u∈N(v)} h_u^{k−1} + B_k · h_v^{k−1}); the layer
 * itself applies no activation (as PyG), so write {@code sage.forward(h, g).relu()}. A node without
 * incoming edges aggregates to zeros. With {@code normalize} the output rows are scaled to unit L2
 * norm.
 *
 * <pre>{@code
 * SAGEConv sage = new SAGEConv(4, 32, gen);
 * Tensor h = sage.forward(particles.values(), Graphs.knn(etaPhi, 8, false)).relu();
 * }</pre>
 *
 * <p>Parameters as PyG names them: {@code lin_l.weight}, {@code lin_l.bias} (W and b, applied to the
 * aggregated neighbours) and {@code lin_r.weight} (B, applied to the node itself), with PyTorch's
 * default Linear initialization.
 */
public final class SAGEConv extends Module {
    private final int inChannels;
    private final int outChannels;
    private final Aggregation aggregation;
    private final boolean normalize;
    private final Linear linL;
    private final Linear linR;

    /** Mean aggregation, no normalization. */
    public SAGEConv(int inChannels, int outChannels, Generator gen) {
        this(inChannels, outChannels, Aggregation.MEAN, false, gen);
    }

    /**
     * @param aggregation how neighbours are combined (MEAN for GraphSAGE-mean)
     * @param normalize whether to L2-normalize the output rows
     */
    public SAGEConv(int inChannels, int outChannels, Aggregation aggregation, boolean normalize, Generator gen) {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("SAGEConv: in and out channels must be >= 1, got in=" + inChannels
                    + ", out=" + outChannels);
        }
        if (aggregation == null) {
            throw new IllegalArgumentException("SAGEConv: aggregation must not be null");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.aggregation = aggregation;
        this.normalize = normalize;
        this.linL = registerModule("lin_l", new Linear(inChannels, outChannels, true, gen));
        this.linR = registerModule("lin_r", new Linear(inChannels, outChannels, false, gen));
    }

    /** x (nodes, in) to (nodes, out). */
    public Tensor forward(Tensor x, Graph graph) {
        graph.checkNodes(x, label());
        if (x.dim() != 2 || x.size(1) != inChannels) {
            throw new IllegalArgumentException(label() + ": expected node features of shape (nodes, " + inChannels
                    + "), got " + Shape.toString(x.shape()));
        }
        Tensor neighbours = graph.aggregate(graph.gatherSource(x), aggregation);
        Tensor out = linL.forward(neighbours).add(linR.forward(x));
        if (normalize) {
            Tensor norm = out.norm(2, new int[] {1}, true).clampMin(1e-12);
            out = out.div(norm);
        }
        return out;
    }

    /** W and b, applied to the aggregated neighbours. */
    public Linear linL() {
        return linL;
    }

    /** B, applied to the node itself. */
    public Linear linR() {
        return linR;
    }

    private String label() {
        return "SAGEConv(" + inChannels + ", " + outChannels + ", aggr=" + aggregation.pygName() + ")";
    }

    @Override
    protected String extraRepr() {
        return inChannels + ", " + outChannels + ", aggr=" + aggregation.pygName()
                + (normalize ? ", normalize=true" : "");
    }
}
