package dev.hadron.nn.graph;

import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.nn.Parameter;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * The edge-conditioned convolution (Gilmer et al., 2017; Simonovsky and Komodakis, 2017), as
 * PyTorch Geometric's {@code NNConv}: an edge network maps each edge's features e_ji to a matrix
 * Θ(e_ji) of shape (in, out) that carries the message from x_j:
 * <pre>
 * x'_i = W x_i + aggr_{j -> i} x_j · Θ(e_ji) + b
 * </pre>
 * It is the message function of the MPNN ({@link MPNN}). Edge features are given per stored edge of
 * the graph (use {@link Graph#reorderEdges} when they follow a user edge list).
 *
 * <p>Parameters as PyG names them: {@code bias} (zeros), {@code nn.*} (the edge network, output
 * in · out), {@code lin.weight} (W, the root weight, no bias).
 */
public final class NNConv extends Module {
    private final int inChannels;
    private final int outChannels;
    private final Module nn;
    private final Aggregation aggregation;
    private final Linear lin;
    private final Parameter bias;

    /**
     * @param nn the edge network, (edges, edge features) to (edges, in · out)
     * @param aggregation how messages are combined (PyG's default is SUM; Gilmer's QM9 model uses MEAN)
     */
    public NNConv(int inChannels, int outChannels, Module nn, Aggregation aggregation, Generator gen) {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("NNConv: in and out channels must be >= 1, got in=" + inChannels
                    + ", out=" + outChannels);
        }
        if (aggregation == null) {
            throw new IllegalArgumentException("NNConv: aggregation must not be null");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.aggregation = aggregation;
        this.bias = registerParameter("bias", Tensor.zeros(outChannels));
        this.nn = registerModule("nn", nn);
        this.lin = registerModule("lin", new Linear(inChannels, outChannels, false, gen));
    }

    /**
     * @param x node features (nodes, in)
     * @param graph the batched graph
     * @param edgeAttr edge features (edges, edge features) in the graph's stored edge order
     */
    public Tensor forward(Tensor x, Graph graph, Tensor edgeAttr) {
        graph.checkNodes(x, label());
        graph.checkEdges(edgeAttr, label() + " edge features");
        if (x.dim() != 2 || x.size(1) != inChannels) {
            throw new IllegalArgumentException(label() + ": expected node features of shape (nodes, " + inChannels
                    + "), got " + Shape.toString(x.shape()));
        }
        int edges = graph.numEdges();
        Tensor theta = nn.forward(edgeAttr);
        if (theta.dim() != 2 || theta.size(1) != inChannels * outChannels) {
            throw new IllegalArgumentException(label() + ": the edge network must give (edges, in * out) = (" + edges
                    + ", " + inChannels * outChannels + "), got " + Shape.toString(theta.shape()));
        }
        Tensor xj = graph.gatherSource(x).unsqueeze(1);                                  // (E, 1, in)
        Tensor messages = xj.matmul(theta.reshape(edges, inChannels, outChannels)).squeeze(1);   // (E, out)
        return graph.aggregate(messages, aggregation).add(lin.forward(x)).add(bias.value());
    }

    /** The edge network. */
    public Module nn() {
        return nn;
    }

    private String label() {
        return "NNConv(" + extraRepr() + ")";
    }

    @Override
    protected String extraRepr() {
        return inChannels + ", " + outChannels + ", aggr=" + aggregation.pygName();
    }
}
