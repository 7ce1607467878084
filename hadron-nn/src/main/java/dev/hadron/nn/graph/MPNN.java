package dev.hadron.nn.graph;

import dev.hadron.nn.GRU;
import dev.hadron.nn.Module;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * A message-passing neural network (Gilmer et al., 2017) with edge-network messages and a GRU
 * vertex update, as in PyTorch Geometric's QM9 example: the node states h⁰ = x (width
 * {@code hidden}) are updated {@code steps} times with the same weights,
 * <pre>
 * m^t_i = relu( NNConv(h^t, e)_i ),      h^{t+1}_i = GRU(m^t_i, h^t_i)
 * </pre>
 * The input is expected already embedded to {@code hidden} features (e.g. by a Linear layer), the
 * readout over the nodes of each event is left to the caller (e.g. {@code Aggregation.SUM.apply(
 * graph.nodes(h))}).
 *
 * <pre>{@code
 * Module edgeNet = new Sequential(new Linear(4, 64, gen), new ReLU(), new Linear(64, 32 * 32, gen));
 * MPNN mpnn = new MPNN(32, edgeNet, 3, Aggregation.MEAN, gen);
 * Tensor h = mpnn.forward(embedded, graph, edgeAttr);   // (nodes, 32)
 * }</pre>
 *
 * <p>Parameter names: {@code conv.*} ({@link NNConv}: {@code conv.bias}, {@code conv.nn.*},
 * {@code conv.lin.weight}) and {@code gru.weight_ih_l0}, {@code gru.weight_hh_l0},
 * {@code gru.bias_ih_l0}, {@code gru.bias_hh_l0} (as {@code torch.nn.GRU}).
 */
public final class MPNN extends Module {
    private final int hidden;
    private final int steps;
    private final NNConv conv;
    private final GRU gru;

    /**
     * @param hidden width of the node states
     * @param edgeNetwork (edges, edge features) to (edges, hidden · hidden)
     * @param steps message-passing iterations, >= 1
     * @param aggregation how messages into a node are combined
     */
    public MPNN(int hidden, Module edgeNetwork, int steps, Aggregation aggregation, Generator gen) {
        if (hidden < 1) {
            throw new IllegalArgumentException("MPNN: hidden must be >= 1, got " + hidden);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("MPNN: steps must be >= 1, got " + steps);
        }
        this.hidden = hidden;
        this.steps = steps;
        this.conv = registerModule("conv", new NNConv(hidden, hidden, edgeNetwork, aggregation, gen));
        this.gru = registerModule("gru", new GRU(hidden, hidden, 1, gen));
    }

    /**
     * @param x node states (nodes, hidden)
     * @param graph the batched graph
     * @param edgeAttr edge features in the graph's stored edge order
     * @return the node states after the last step (nodes, hidden)
     */
    public Tensor forward(Tensor x, Graph graph, Tensor edgeAttr) {
        graph.checkNodes(x, "MPNN");
        if (x.dim() != 2 || x.size(1) != hidden) {
            throw new IllegalArgumentException("MPNN: expected node states of shape (nodes, " + hidden + "), got "
                    + Shape.toString(x.shape()));
        }
        Tensor out = x;
        Tensor h = x.unsqueeze(0);   // (1, nodes, hidden): one layer of GRU state
        for (int t = 0; t < steps; t++) {
            Tensor m = conv.forward(out, graph, edgeAttr).relu();
            h = gru.forward(m.unsqueeze(1), null, h, null).hN();   // one time step per node
            out = h.squeeze(0);
        }
        return out;
    }

    /** The message function. */
    public NNConv conv() {
        return conv;
    }

    /** The vertex update. */
    public GRU gru() {
        return gru;
    }

    @Override
    protected String extraRepr() {
        return "hidden=" + hidden + ", steps=" + steps;
    }
}
