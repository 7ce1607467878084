package dev.hadron.nn.graph;

import dev.hadron.nn.Init;
import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.nn.Parameter;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * The graph convolution of Kipf and Welling (2017), as PyTorch Geometric's {@code GCNConv}: with
 * self-loops added (one per node, weight 1, or the weight of the node's existing loop) and the
 * symmetric normalization by degrees counted at the target,
 * <pre>
 * x'_i = Σ_{j -> i} w_ji / sqrt(deg_j deg_i) · (W x_j) + b,     deg_i = Σ_{j -> i} w_ji
 * </pre>
 * i.e. {@code D^-1/2 (A + I) D^-1/2 X W^T + b} for undirected graphs. No activation is applied.
 *
 * <pre>{@code
 * GCNConv conv = new GCNConv(4, 32, gen);
 * Tensor h = conv.forward(particles.values(), Graphs.knn(etaPhi, 8, false)).relu();   // (nodes, 32)
 * }</pre>
 *
 * <p>Parameters as PyG names them: {@code bias} (out, zeros) and {@code lin.weight} (out, in, Glorot
 * uniform).
 */
public final class GCNConv extends Module {
    private final int inChannels;
    private final int outChannels;
    private final Linear lin;
    private final Parameter bias;

    /** A layer with bias. */
    public GCNConv(int inChannels, int outChannels, Generator gen) {
        this(inChannels, outChannels, true, gen);
    }

    /** A layer with or without bias. */
    public GCNConv(int inChannels, int outChannels, boolean bias, Generator gen) {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("GCNConv: in and out channels must be >= 1, got in=" + inChannels
                    + ", out=" + outChannels);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.bias = bias ? registerParameter("bias", Tensor.zeros(outChannels)) : null;
        this.lin = registerModule("lin", new Linear(inChannels, outChannels, false, gen));
        Init.xavierUniform(lin.weight(), gen);
    }

    /** The convolution on an unweighted graph: x (nodes, in) to (nodes, out). */
    public Tensor forward(Tensor x, Graph graph) {
        return forward(x, graph, null);
    }

    /**
     * The convolution with per-edge weights.
     *
     * @param x node features (nodes, in)
     * @param graph the batched graph
     * @param edgeWeight one weight per stored edge of {@code graph} (edges), or null for all ones
     */
    public Tensor forward(Tensor x, Graph graph, Tensor edgeWeight) {
        graph.checkNodes(x, label());
        if (x.dim() != 2 || x.size(1) != inChannels) {
            throw new IllegalArgumentException(label() + ": expected node features of shape (nodes, " + inChannels
                    + "), got " + Shape.toString(x.shape()));
        }
        Graph.Looped looped = graph.withSelfLoopsIndexed();
        Graph g = looped.graph();
        Tensor w = loopWeights(looped, graph, edgeWeight, x);
        Tensor deg = Tensor.zeros(x.dtype(), g.numNodes()).indexAdd(0, g.target(), w);
        Tensor positive = deg.gt(0);
        Tensor invSqrt = Tensor.where(positive, Tensor.where(positive, deg, 1.0).rsqrt(), 0.0);
        Tensor norm = g.gatherSource(invSqrt).mul(w).mul(g.gatherTarget(invSqrt));
        Tensor h = lin.forward(x);
        Tensor out = g.aggregate(g.gatherSource(h).mul(norm.unsqueeze(1)), Aggregation.SUM);
        return bias == null ? out : out.add(bias.value());
    }

    /** The weight of every edge of the looped graph (edges copied keep theirs; loops get 1 or their old weight). */
    private Tensor loopWeights(Graph.Looped looped, Graph graph, Tensor edgeWeight, Tensor x) {
        int m = looped.fromStored().length;
        if (edgeWeight == null) {
            return Tensor.ones(x.dtype(), m);
        }
        graph.checkEdges(edgeWeight, label() + " edge weights");
        if (edgeWeight.dim() != 1) {
            throw new IllegalArgumentException(label() + ": edge weights must have shape (edges), got "
                    + Shape.toString(edgeWeight.shape()));
        }
        // Index into [edgeWeight, 1]: position E is the fill value 1 for nodes without an existing loop.
        int e = graph.numEdges();
        long[] from = looped.fromStored();
        long[] idx = new long[m];
        Graph g = looped.graph();
        for (int k = 0; k < m; k++) {
            if (from[k] >= 0) {
                idx[k] = from[k];
            } else {
                long old = looped.existingLoop()[(int) g.target(k)];
                idx[k] = old >= 0 ? old : e;
            }
        }
        Tensor ext = Tensor.cat(0, edgeWeight.to(x.dtype()), Tensor.ones(x.dtype(), 1));
        return ext.indexSelect(0, Tensor.wrap(idx, m));
    }

    /** The linear map W as a submodule (weight (out, in)). */
    public Linear lin() {
        return lin;
    }

    /** The bias (out), or null. */
    public Tensor bias() {
        return bias == null ? null : bias.value();
    }

    private String label() {
        return "GCNConv(" + extraRepr() + ")";
    }

    @Override
    protected String extraRepr() {
        return inChannels + ", " + outChannels;
    }
}
