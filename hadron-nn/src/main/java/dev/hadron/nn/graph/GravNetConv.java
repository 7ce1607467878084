package dev.hadron.nn.graph;

import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * The GravNet layer (Qasim, Kieseler, Iiyama, Pierini, 2019), as PyTorch Geometric's
 * {@code GravNetConv}: each particle is placed in a learned space s = lin_s(x) and carries learned
 * features h = lin_h(x); it gathers the features of its k nearest particles of the same event in that
 * space (itself included, at distance 0), weighted by exp(−10 d²), aggregated by both mean and max:
 * <pre>
 * m_i = [ mean_j w_ij h_j , max_j w_ij h_j ],   w_ij = exp(−10 ‖s_i − s_j‖²)
 * x'_i = lin_out1(x_i) + lin_out2(m_i)
 * </pre>
 * The neighbour search is not differentiable, but the weights are, so lin_s learns through them.
 * Events with fewer than k particles use all of their particles.
 *
 * <pre>{@code
 * GravNetConv grav = new GravNetConv(10, 32, 4, 22, 16, gen);   // in, out, space, propagate, k
 * Jagged h = grav.forward(hits);                                 // (total, 10) -> (total, 32)
 * }</pre>
 *
 * <p>Parameters as PyG names them: {@code lin_s.*}, {@code lin_h.*}, {@code lin_out1.weight} (no bias),
 * {@code lin_out2.*}.
 */
public final class GravNetConv extends Module {
    private final int inChannels;
    private final int outChannels;
    private final int k;
    private final Linear linS;
    private final Linear linH;
    private final Linear linOut1;
    private final Linear linOut2;

    /**
     * @param inChannels input features per particle
     * @param outChannels output features per particle
     * @param spaceDimensions dimensions of the learned space where neighbours are searched
     * @param propagateDimensions features exchanged between neighbours
     * @param k neighbours per particle, itself included
     */
    public GravNetConv(int inChannels, int outChannels, int spaceDimensions, int propagateDimensions, int k,
                       Generator gen) {
        if (inChannels < 1 || outChannels < 1 || spaceDimensions < 1 || propagateDimensions < 1) {
            throw new IllegalArgumentException("GravNetConv: in, out, space and propagate dimensions must be >= 1, got "
                    + inChannels + ", " + outChannels + ", " + spaceDimensions + ", " + propagateDimensions);
        }
        if (k < 1) {
            throw new IllegalArgumentException("GravNetConv: k must be >= 1, got " + k);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.k = k;
        this.linS = registerModule("lin_s", new Linear(inChannels, spaceDimensions, gen));
        this.linH = registerModule("lin_h", new Linear(inChannels, propagateDimensions, gen));
        this.linOut1 = registerModule("lin_out1", new Linear(inChannels, outChannels, false, gen));
        this.linOut2 = registerModule("lin_out2", new Linear(2 * propagateDimensions, outChannels, gen));
    }

    /** The layer on a jagged batch of particles (total, in), giving (total, out) with the same events. */
    public Jagged forward(Jagged x) {
        Tensor v = x.values();
        if (v.dim() != 2 || v.size(1) != inChannels) {
            throw new IllegalArgumentException(label() + ": expected particle features of shape (particles, "
                    + inChannels + "), got " + Shape.toString(v.shape()));
        }
        Tensor s = linS.forward(v);
        Tensor h = linH.forward(v);
        Graph g = Graphs.knn(x.withValues(s), k, true);
        Tensor d = g.gatherSource(s).sub(g.gatherTarget(s));
        Tensor w = d.square().sum(new int[] {1}, true).mul(-10.0).exp();   // (edges, 1)
        Tensor messages = g.gatherSource(h).mul(w);
        Tensor m = Tensor.cat(1, g.aggregate(messages, Aggregation.MEAN), g.aggregate(messages, Aggregation.MAX));
        return x.withValues(linOut1.forward(v).add(linOut2.forward(m)));
    }

    /** The graph the layer builds for this input: kNN (with self) in the learned space. */
    public Graph graph(Jagged x) {
        return Graphs.knn(x.withValues(linS.forward(x.values()).detach()), k, true);
    }

    private String label() {
        return "GravNetConv(" + extraRepr() + ")";
    }

    @Override
    protected String extraRepr() {
        return inChannels + ", " + outChannels + ", k=" + k;
    }
}
