package dev.hadron.nn.graph;

import dev.hadron.nn.Linear;
import dev.hadron.nn.Sequential;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad shapes, bad hyperparameters and mismatched events end in messages naming the layer, the value and what was expected. */
class GraphLayerErrorsTest {
    private final Generator gen = new Generator(2);
    private final Jagged batch = Jagged.fromCounts(Tensor.randn(gen, 6, 3), 2, 4);
    private final Graph graph = Graphs.knn(batch, 2, false);

    private static void assertMessage(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" should contain \"" + f + "\"");
        }
    }

    @Test
    void wrongFeatureWidthsAndRowCounts() {
        GCNConv gcn = new GCNConv(3, 4, gen);
        assertMessage(() -> gcn.forward(Tensor.randn(gen, 6, 5), graph), "GCNConv(3, 4)", "(nodes, 3)", "[6, 5]");
        assertMessage(() -> gcn.forward(Tensor.randn(gen, 7, 3), graph), "GCNConv(3, 4)", "6 nodes in 2 events",
                "[7, 3]");
        assertMessage(() -> gcn.forward(batch.values(), graph, Tensor.ones(3)), "edge weights", "one row per edge");
        SAGEConv sage = new SAGEConv(3, 4, gen);
        assertMessage(() -> sage.forward(Tensor.randn(gen, 6, 2), graph), "SAGEConv(3, 4, aggr=mean)", "[6, 2]");
        GravNetConv grav = new GravNetConv(3, 4, 2, 2, 3, gen);
        assertMessage(() -> grav.forward(batch.withValues(Tensor.randn(gen, 6, 4))), "GravNetConv", "(particles, 3)");
        NNConv nn = new NNConv(3, 4, new Sequential(new Linear(2, 5, gen)), Aggregation.SUM, gen);
        assertMessage(() -> nn.forward(batch.values(), graph, Tensor.randn(gen, graph.numEdges(), 2)),
                "edge network must give (edges, in * out)", "12", "[10, 5]");
        JaggedMultiheadAttention attn = new JaggedMultiheadAttention(4, 2, gen);
        Graph full = Graphs.fullyConnected(batch, true);
        assertMessage(() -> attn.forward(Tensor.randn(gen, 6, 4), full, Tensor.randn(gen, full.numEdges(), 3)),
                "attention bias must have shape (edges, heads) = (20, 2)", "[20, 3]");
        assertMessage(() -> PairFeatures.particleTransformer(Tensor.randn(gen, 6, 3), full), "(px, py, pz, E)");
    }

    @Test
    void badHyperparameters() {
        Sequential net = new Sequential(new Linear(6, 2, gen));
        assertMessage(() -> new DynamicEdgeConv(net, 0, Aggregation.MEAN), "k must be >= 1, got 0");
        assertMessage(() -> new GravNetConv(3, 4, 2, 2, 0, gen), "k must be >= 1, got 0");
        assertMessage(() -> new GCNConv(0, 4, gen), "in and out channels must be >= 1");
        assertMessage(() -> new JaggedMultiheadAttention(5, 2, gen), "embedDim (5)", "numHeads (2)");
        assertMessage(() -> new MPNN(4, net, 0, Aggregation.MEAN, gen), "steps must be >= 1, got 0");
        assertMessage(() -> new DeepSets(net, null, net), "pooling must be one of");
    }

    @Test
    void mismatchedJaggedOffsets() {
        EnergyFlowNetwork efn = new EnergyFlowNetwork(new Sequential(new Linear(2, 2, gen)),
                new Sequential(new Linear(2, 1, gen)));
        Jagged z = Jagged.fromCounts(Tensor.rand(gen, 6), 3, 3);
        Jagged angles = Jagged.fromCounts(Tensor.randn(gen, 6, 2), 2, 4);
        assertMessage(() -> efn.forward(z, angles), "same event offsets", "2 events, 6 particles");
        assertMessage(() -> efn.forward(Jagged.fromCounts(Tensor.randn(gen, 6, 1), 2, 4)), "(particles, 1 + angles)");
        DynamicEdgeConv conv = new DynamicEdgeConv(new Sequential(new Linear(6, 2, gen)), 2, Aggregation.MEAN);
        assertMessage(() -> conv.forward(batch, z.withValues(Tensor.randn(gen, 6, 2))).values(),
                "does not have the graph's events");
    }
}
