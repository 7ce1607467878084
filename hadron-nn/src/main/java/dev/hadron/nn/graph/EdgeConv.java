package dev.hadron.nn.graph;

import dev.hadron.nn.Module;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * The edge convolution of DGCNN (Wang et al., 2019) used by ParticleNet (Qu and Gouskos, 2020), as
 * PyTorch Geometric's {@code EdgeConv}: an edge network h_Θ on the pair (x_i, x_j − x_i) of each edge
 * {@code j -> i}, aggregated over the incoming edges of each node:
 * <pre>
 * x'_i = aggr_{j -> i} h_Θ([x_i, x_j − x_i])
 * </pre>
 * The edge network runs once on all edges of the batch (edges, 2 · features). ParticleNet aggregates
 * with {@link Aggregation#MEAN}; PyG's default is {@link Aggregation#MAX}. A node without incoming
 * edges gets zeros. For the graph recomputed from the features at every layer, use
 * {@link DynamicEdgeConv}.
 *
 * <pre>{@code
 * EdgeConv conv = new EdgeConv(new Sequential(new Linear(2 * 4, 32, gen), new ReLU()), Aggregation.MEAN);
 * Tensor h = conv.forward(particles.values(), Graphs.knn(etaPhi, 16, false));   // (nodes, 32)
 * }</pre>
 *
 * <p>Parameter names: {@code nn.*} (the edge network), as PyG.
 */
public final class EdgeConv extends Module {
    private final Module nn;
    private final Aggregation aggregation;

    /**
     * @param nn the edge network, (edges, 2 · features) to (edges, out)
     * @param aggregation how the messages into a node are combined
     */
    public EdgeConv(Module nn, Aggregation aggregation) {
        if (aggregation == null) {
            throw new IllegalArgumentException("EdgeConv: aggregation must not be null");
        }
        this.nn = registerModule("nn", nn);
        this.aggregation = aggregation;
    }

    /** x (nodes, features) to (nodes, out) on the given graph. */
    public Tensor forward(Tensor x, Graph graph) {
        return apply(nn, aggregation, x, graph, "EdgeConv");
    }

    static Tensor apply(Module nn, Aggregation aggregation, Tensor x, Graph graph, String who) {
        graph.checkNodes(x, who);
        if (x.dim() != 2) {
            throw new IllegalArgumentException(who + ": expected node features of shape (nodes, features), got "
                    + Shape.toString(x.shape()));
        }
        Tensor xi = graph.gatherTarget(x);
        Tensor xj = graph.gatherSource(x);
        Tensor messages = nn.forward(Tensor.cat(1, xi, xj.sub(xi)));
        return graph.aggregate(messages, aggregation);
    }

    /** The edge network. */
    public Module nn() {
        return nn;
    }

    /** The aggregation over incoming edges. */
    public Aggregation aggregation() {
        return aggregation;
    }

    @Override
    protected String extraRepr() {
        return "aggr=" + aggregation.pygName();
    }
}
