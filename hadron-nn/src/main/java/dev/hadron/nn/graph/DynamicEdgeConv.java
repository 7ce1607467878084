package dev.hadron.nn.graph;

import dev.hadron.nn.Module;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

/**
 * {@link EdgeConv} on a k-nearest-neighbour graph recomputed at every call from the layer's input
 * (or from given coordinates), within each event: ParticleNet's EdgeConv block, where the first block
 * finds neighbours in (Δη, Δφ) and later blocks in the learned feature space. As PyG's
 * {@code DynamicEdgeConv}, except that by default a particle is not its own neighbour (ParticleNet
 * drops the particle itself from its k + 1 nearest); pass {@code loop = true} for PyG's behaviour.
 * Events with at most k particles connect each particle to all others of its event (see
 * {@link Graphs#knn}).
 *
 * <pre>{@code
 * DynamicEdgeConv block = new DynamicEdgeConv(
 *         new Sequential(new Linear(2 * 7, 64, gen), new ReLU(), new Linear(64, 64, gen), new ReLU()),
 *         16, Aggregation.MEAN);
 * Jagged h1 = block.forward(features, etaPhi);   // neighbours in (eta, phi)
 * Jagged h2 = block2.forward(h1);                // neighbours in the 64-d feature space
 * }</pre>
 *
 * <p>Parameter names: {@code nn.*}.
 */
public final class DynamicEdgeConv extends Module {
    private final Module nn;
    private final int k;
    private final Aggregation aggregation;
    private final boolean loop;

    /** ParticleNet style: k neighbours other than the particle itself. */
    public DynamicEdgeConv(Module nn, int k, Aggregation aggregation) {
        this(nn, k, aggregation, false);
    }

    /**
     * @param nn the edge network, (edges, 2 · features) to (edges, out)
     * @param k number of neighbours, >= 1
     * @param aggregation how the messages into a particle are combined
     * @param loop whether the particle itself counts as one of its k neighbours (PyG's behaviour)
     */
    public DynamicEdgeConv(Module nn, int k, Aggregation aggregation, boolean loop) {
        if (k < 1) {
            throw new IllegalArgumentException("DynamicEdgeConv: k must be >= 1, got " + k);
        }
        if (aggregation == null) {
            throw new IllegalArgumentException("DynamicEdgeConv: aggregation must not be null");
        }
        this.nn = registerModule("nn", nn);
        this.k = k;
        this.aggregation = aggregation;
        this.loop = loop;
    }

    /** Neighbours found in the input features themselves. */
    public Jagged forward(Jagged x) {
        return forward(x, x);
    }

    /**
     * Neighbours found in {@code coordinates} (same events as {@code x}); the messages use {@code x}.
     */
    public Jagged forward(Jagged x, Jagged coordinates) {
        Graph g = graph(coordinates);
        g.checkSameEvents(x, "DynamicEdgeConv");
        return x.withValues(EdgeConv.apply(nn, aggregation, x.values(), g, "DynamicEdgeConv"));
    }

    /** The graph this layer uses for the given coordinates. */
    public Graph graph(Jagged coordinates) {
        return Graphs.knn(coordinates, k, loop);
    }

    /** Number of neighbours. */
    public int k() {
        return k;
    }

    @Override
    protected String extraRepr() {
        return "k=" + k + ", aggr=" + aggregation.pygName() + (loop ? ", loop=true" : "");
    }
}
