package dev.hadron.nn.graph;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * The edges of a batch of events, each event its own graph, batched the way PyTorch Geometric
 * batches graphs: the nodes (particles) of all events are numbered globally, event {@code e} owning
 * nodes {@code nodeOffsets[e] .. nodeOffsets[e+1]-1} (the offsets of the {@link Jagged} particle
 * batch), and every edge {@code source -> target} joins two nodes of the same event. Messages flow
 * from source to target (PyG's {@code flow="source_to_target"}): node {@code i} aggregates over its
 * incoming edges {@code j -> i}.
 *
 * <p>Edges are stored sorted by target (stable, so edges into the same node keep their given order),
 * which makes the incoming edges of each node, and the edges of each event, contiguous: aggregation
 * over them is a segment reduction on flat arrays ({@link #aggregate}), with no per-node or per-event
 * Java loop creating small tensors. When a graph is made from a user edge list, {@link #edgeOrder()}
 * says where each stored edge came from, so per-edge features can follow with
 * {@link #reorderEdges(Tensor)}.
 *
 * <pre>{@code
 * Jagged particles = Jagged.fromCounts(x, 3, 0, 5);          // 3 events, 8 particles
 * Graph g = Graphs.knn(particles.map(v -> v.narrow(1, 0, 2)), 2, false);   // kNN in (eta, phi)
 * g.edgeIndex();                                              // (2, 16) int64: source row, target row
 * Tensor h = new GCNConv(4, 16, gen).forward(particles.values(), g);       // (8, 16)
 * }</pre>
 *
 * <p>Graphs are immutable; the layers never modify them.
 */
public final class Graph {
    private final long[] nodeOffsets;
    private final long[] source;
    private final long[] target;
    private final long[] order;
    private final long[] incomingOffsets;
    private Tensor sourceTensor;
    private Tensor targetTensor;
    private Jagged incomingTemplate;
    private Boolean complete;

    private Graph(long[] nodeOffsets, long[] source, long[] target, long[] order, long[] incomingOffsets) {
        this.nodeOffsets = nodeOffsets;
        this.source = source;
        this.target = target;
        this.order = order;
        this.incomingOffsets = incomingOffsets;
    }

    /**
     * A graph from global node indices. Edges may come in any order; they are stored sorted by target
     * (stable) and {@link #edgeOrder()} records the permutation.
     *
     * @param nodeOffsets event boundaries over the nodes (events + 1 entries, from 0, non-decreasing)
     * @param source the source node of each edge
     * @param target the target node of each edge (same length as source)
     * @throws IllegalArgumentException when an index is out of range or an edge joins two events
     */
    public static Graph of(long[] nodeOffsets, long[] source, long[] target) {
        checkOffsets(nodeOffsets);
        if (source.length != target.length) {
            throw new IllegalArgumentException("Graph: source and target must have one entry per edge, got "
                    + source.length + " sources and " + target.length + " targets");
        }
        int numNodes = (int) nodeOffsets[nodeOffsets.length - 1];
        long[] eventOf = eventIds(nodeOffsets);
        for (int e = 0; e < source.length; e++) {
            long s = source[e];
            long t = target[e];
            if (s < 0 || s >= numNodes || t < 0 || t >= numNodes) {
                throw new IllegalArgumentException("Graph: edge " + e + " (" + s + " -> " + t + ") refers to a node"
                        + " outside 0.." + (numNodes - 1) + " (" + numNodes + " nodes)");
            }
            if (eventOf[(int) s] != eventOf[(int) t]) {
                throw new IllegalArgumentException("Graph: edge " + e + " (" + s + " -> " + t + ") joins event "
                        + eventOf[(int) s] + " to event " + eventOf[(int) t] + "; edges must stay within one event");
            }
        }
        // Stable counting sort by target.
        long[] incoming = new long[numNodes + 1];
        for (long t : target) {
            incoming[(int) t + 1]++;
        }
        for (int i = 0; i < numNodes; i++) {
            incoming[i + 1] += incoming[i];
        }
        long[] fill = Arrays.copyOf(incoming, numNodes);
        int m = source.length;
        long[] src = new long[m];
        long[] dst = new long[m];
        long[] ord = new long[m];
        for (int e = 0; e < m; e++) {
            int p = (int) fill[(int) target[e]]++;
            src[p] = source[e];
            dst[p] = target[e];
            ord[p] = e;
        }
        return new Graph(nodeOffsets.clone(), src, dst, ord, incoming);
    }

    /**
     * A graph from a PyG-style {@code edge_index}: an integer tensor of shape (2, edges), row 0 the
     * sources and row 1 the targets, in global node numbering.
     */
    public static Graph fromEdgeIndex(long[] nodeOffsets, Tensor edgeIndex) {
        if (edgeIndex.dtype() != DType.INT64 && edgeIndex.dtype() != DType.INT32) {
            throw new IllegalArgumentException("Graph.fromEdgeIndex: edge_index must be int64, got " + edgeIndex.dtype());
        }
        if (edgeIndex.dim() != 2 || edgeIndex.size(0) != 2) {
            throw new IllegalArgumentException("Graph.fromEdgeIndex: edge_index must have shape (2, edges), got "
                    + Shape.toString(edgeIndex.shape()));
        }
        return of(nodeOffsets, edgeIndex.select(0, 0).toLongArray(), edgeIndex.select(0, 1).toLongArray());
    }

    /** Same as {@link #fromEdgeIndex(long[], Tensor)} with the node offsets of a jagged particle batch. */
    public static Graph fromEdgeIndex(Jagged nodes, Tensor edgeIndex) {
        return fromEdgeIndex(nodes.offsetsArray(), edgeIndex);
    }

    /** Builds from edges already sorted by target (the builders in {@link Graphs}); no validation of events. */
    static Graph sortedByTarget(long[] nodeOffsets, long[] source, long[] target) {
        int numNodes = (int) nodeOffsets[nodeOffsets.length - 1];
        long[] incoming = new long[numNodes + 1];
        for (int e = 0; e < target.length; e++) {
            if (e > 0 && target[e] < target[e - 1]) {
                throw new IllegalStateException("Graph: internal edges not sorted by target at edge " + e);
            }
            incoming[(int) target[e] + 1]++;
        }
        for (int i = 0; i < numNodes; i++) {
            incoming[i + 1] += incoming[i];
        }
        long[] ord = new long[source.length];
        for (int e = 0; e < ord.length; e++) {
            ord[e] = e;
        }
        return new Graph(nodeOffsets.clone(), source, target, ord, incoming);
    }

    static void checkOffsets(long[] offsets) {
        if (offsets.length == 0 || offsets[0] != 0) {
            throw new IllegalArgumentException("Graph: node offsets must start with 0 and have events + 1 entries, got "
                    + (offsets.length == 0 ? "none" : "first offset " + offsets[0]));
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IllegalArgumentException("Graph: node offsets must not decrease; offset " + i + " is "
                        + offsets[i] + " after " + offsets[i - 1]);
            }
        }
        if (offsets[offsets.length - 1] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Graph: at most " + Integer.MAX_VALUE + " nodes, got "
                    + offsets[offsets.length - 1]);
        }
    }

    private static long[] eventIds(long[] offsets) {
        long[] ids = new long[(int) offsets[offsets.length - 1]];
        for (int e = 0; e + 1 < offsets.length; e++) {
            Arrays.fill(ids, (int) offsets[e], (int) offsets[e + 1], e);
        }
        return ids;
    }

    // ------------------------------------------------------------------ structure

    /** Number of events (graphs) in the batch. */
    public int numEvents() {
        return nodeOffsets.length - 1;
    }

    /** Number of nodes over all events. */
    public int numNodes() {
        return (int) nodeOffsets[nodeOffsets.length - 1];
    }

    /** Number of edges over all events. */
    public int numEdges() {
        return source.length;
    }

    /** Event boundaries over the nodes (a copy). */
    public long[] nodeOffsets() {
        return nodeOffsets.clone();
    }

    /**
     * Event boundaries over the stored edges (events + 1 entries): the edges into the nodes of event
     * {@code e} are {@code edgeOffsets[e] .. edgeOffsets[e+1]-1}.
     */
    public long[] edgeOffsets() {
        long[] out = new long[nodeOffsets.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = incomingOffsets[(int) nodeOffsets[e]];
        }
        return out;
    }

    /**
     * True when every node receives exactly one edge from each node of its event, itself included, with
     * the sources of each node's edges in node order: the layout {@link Graphs#fullyConnected(long[],
     * boolean) Graphs.fullyConnected(offsets, true)} builds. Attention layers then run on dense
     * per-event blocks instead of per-edge tensors. Computed once, in one pass over the edges.
     */
    public boolean isComplete() {
        if (complete == null) {
            complete = checkComplete();
        }
        return complete;
    }

    private boolean checkComplete() {
        for (int e = 0; e + 1 < nodeOffsets.length; e++) {
            int from = (int) nodeOffsets[e];
            int to = (int) nodeOffsets[e + 1];
            for (int t = from; t < to; t++) {
                long first = incomingOffsets[t];
                if (incomingOffsets[t + 1] - first != to - from) {
                    return false;
                }
                for (int j = 0; j < to - from; j++) {
                    if (source[(int) first + j] != from + j) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Boundaries of the incoming edges of each node (nodes + 1 entries; CSR row pointers by target). */
    public long[] incomingOffsets() {
        return incomingOffsets.clone();
    }

    /** Source node of each stored edge (int64, edges). */
    public Tensor source() {
        if (sourceTensor == null) {
            sourceTensor = Tensor.wrap(source, source.length);
        }
        return sourceTensor;
    }

    /** Target node of each stored edge (int64, edges), non-decreasing. */
    public Tensor target() {
        if (targetTensor == null) {
            targetTensor = Tensor.wrap(target, target.length);
        }
        return targetTensor;
    }

    /** The PyG {@code edge_index}: int64 (2, edges), row 0 sources, row 1 targets. */
    public Tensor edgeIndex() {
        return Tensor.stack(0, source(), target());
    }

    /** Source node of stored edge {@code e}. */
    public long source(int e) {
        return source[e];
    }

    /** Target node of stored edge {@code e}. */
    public long target(int e) {
        return target[e];
    }

    /**
     * For each stored edge, its position in the edge list the graph was made from (int64, edges); the
     * identity for graphs made by {@link Graphs}.
     */
    public Tensor edgeOrder() {
        return Tensor.of(order, order.length);
    }

    /** Per-edge values given in the order of the original edge list, rearranged to the stored order. */
    public Tensor reorderEdges(Tensor perEdge) {
        if (perEdge.dim() == 0 || perEdge.size(0) != numEdges()) {
            throw new IllegalArgumentException("Graph.reorderEdges: expected one row per edge (" + numEdges()
                    + "), got shape " + Shape.toString(perEdge.shape()));
        }
        return perEdge.indexSelect(0, edgeOrder());
    }

    /** Number of incoming edges of each node (int64, nodes). */
    public Tensor inDegree() {
        long[] d = new long[numNodes()];
        for (int i = 0; i < d.length; i++) {
            d[i] = incomingOffsets[i + 1] - incomingOffsets[i];
        }
        return Tensor.of(d, d.length);
    }

    /** Whether some edge joins a node to itself. */
    public boolean hasSelfLoops() {
        for (int e = 0; e < source.length; e++) {
            if (source[e] == target[e]) {
                return true;
            }
        }
        return false;
    }

    /** The same graph without edges {@code i -> i}. */
    public Graph withoutSelfLoops() {
        int keep = 0;
        for (int e = 0; e < source.length; e++) {
            if (source[e] != target[e]) {
                keep++;
            }
        }
        long[] s = new long[keep];
        long[] t = new long[keep];
        long[] o = new long[keep];
        int k = 0;
        for (int e = 0; e < source.length; e++) {
            if (source[e] != target[e]) {
                s[k] = source[e];
                t[k] = target[e];
                o[k] = order[e];
                k++;
            }
        }
        return rebuild(s, t, o);
    }

    /**
     * The graph with exactly one self-loop per node: existing self-loops are dropped and each node gets
     * a loop {@code i -> i} as the last of its incoming edges (PyG's {@code add_remaining_self_loops}
     * for unweighted graphs). The added loops have {@link #edgeOrder()} entries of -1.
     */
    public Graph withSelfLoops() {
        return withSelfLoopsIndexed().graph();
    }

    /**
     * The graph of {@link #withSelfLoops()} and, for each of its edges, the stored edge of this graph it
     * copies, or {@code -1} for a node's loop (where {@code existingLoop} holds the stored index of the
     * last loop the node had here, or -1).
     */
    record Looped(Graph graph, long[] fromStored, long[] existingLoop) {
    }

    Looped withSelfLoopsIndexed() {
        int n = numNodes();
        long[] existing = new long[n];
        Arrays.fill(existing, -1);
        int loops = 0;
        for (int e = 0; e < source.length; e++) {
            if (source[e] == target[e]) {
                existing[(int) target[e]] = e;
                loops++;
            }
        }
        int m = source.length - loops + n;
        long[] s = new long[m];
        long[] t = new long[m];
        long[] o = new long[m];
        long[] from = new long[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (long e = incomingOffsets[i]; e < incomingOffsets[i + 1]; e++) {
                if (source[(int) e] != i) {
                    s[k] = source[(int) e];
                    t[k] = i;
                    o[k] = order[(int) e];
                    from[k] = e;
                    k++;
                }
            }
            s[k] = i;
            t[k] = i;
            o[k] = -1;
            from[k] = -1;
            k++;
        }
        return new Looped(rebuild(s, t, o), from, existing);
    }

    private Graph rebuild(long[] s, long[] t, long[] o) {
        int n = numNodes();
        long[] incoming = new long[n + 1];
        for (long v : t) {
            incoming[(int) v + 1]++;
        }
        for (int i = 0; i < n; i++) {
            incoming[i + 1] += incoming[i];
        }
        return new Graph(nodeOffsets, s, t, o, incoming);
    }

    // ------------------------------------------------------------------ operations on node and edge values

    /** Checks that {@code x} has one row per node; {@code who} names the caller in the message. */
    public void checkNodes(Tensor x, String who) {
        if (x.dim() == 0 || x.size(0) != numNodes()) {
            throw new IllegalArgumentException(who + ": expected one row per node (" + numNodes() + " nodes in "
                    + numEvents() + " events), got shape " + Shape.toString(x.shape()));
        }
    }

    /** Checks that {@code e} has one row per edge; {@code who} names the caller in the message. */
    public void checkEdges(Tensor e, String who) {
        if (e.dim() == 0 || e.size(0) != numEdges()) {
            throw new IllegalArgumentException(who + ": expected one row per edge (" + numEdges() + " edges), got shape "
                    + Shape.toString(e.shape()));
        }
    }

    /** The rows of node values {@code x} at each edge's source ({@code x_j}): (edges, features...). */
    public Tensor gatherSource(Tensor x) {
        checkNodes(x, "Graph.gatherSource");
        return x.indexSelect(0, source());
    }

    /** The rows of node values {@code x} at each edge's target ({@code x_i}): (edges, features...). */
    public Tensor gatherTarget(Tensor x) {
        checkNodes(x, "Graph.gatherTarget");
        return x.indexSelect(0, target());
    }

    /** The per-edge values grouped by target node: a jagged batch with one segment per node. */
    public Jagged incoming(Tensor perEdge) {
        checkEdges(perEdge, "Graph.incoming");
        if (incomingTemplate == null) {
            Jagged t = Jagged.of(target(), incomingOffsets);
            t.segmentIds();
            incomingTemplate = t;
        }
        return incomingTemplate.withValues(perEdge);
    }

    /**
     * Reduces per-edge messages (edges, features...) over the incoming edges of each node: (nodes,
     * features...). Nodes without incoming edges get zeros. Differentiable.
     */
    public Tensor aggregate(Tensor messages, Aggregation aggregation) {
        return aggregation.apply(incoming(messages));
    }

    /** Node values as a jagged batch over events (the nodes of event e in segment e). */
    public Jagged nodes(Tensor x) {
        checkNodes(x, "Graph.nodes");
        return Jagged.of(x, nodeOffsets);
    }

    /** Checks that a jagged batch has this graph's events; {@code who} names the caller. */
    public void checkSameEvents(Jagged x, String who) {
        long[] o = x.offsetsArray();
        if (!Arrays.equals(o, nodeOffsets)) {
            throw new IllegalArgumentException(who + ": the jagged batch (" + x.numEvents() + " events, " + x.numValues()
                    + " entries) does not have the graph's events (" + numEvents() + " events, " + numNodes()
                    + " nodes); build the graph from the same batch");
        }
    }

    @Override
    public String toString() {
        return "Graph(events=" + numEvents() + ", nodes=" + numNodes() + ", edges=" + numEdges() + ")";
    }
}
