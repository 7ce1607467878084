package dev.hadron.nn.graph;

import dev.hadron.nn.Golden;
import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Sequential;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GCN, SAGE, EdgeConv, GravNet and NNConv against the NumPy reference in golden/graph/make_graph_golden.py. */
class GraphLayerGoldenTest {
    private static final double TOL = 1e-10;
    private final Map<String, Tensor> gold = Golden.load("graph/graph_layers");
    private final Generator gen = new Generator(11);
    private final Tensor x = gold.get("x");
    private final long[] offsets = gold.get("offsets").toLongArray();
    private final Graph graph = Graph.fromEdgeIndex(offsets, gold.get("edge_index"));

    private <M extends Module> M load(M m, String prefix) {
        m.to(DType.FLOAT64);
        m.loadStateDict(Golden.prefixed(gold, prefix));
        return m;
    }

    @Test
    void gcnMatchesNumpy() {
        GCNConv conv = load(new GCNConv(3, 4, gen), "gcn");
        assertEquals(List.of("bias", "lin.weight"), List.copyOf(conv.stateDict().keySet()));
        GraphTesting.assertClose("GCNConv", gold.get("out.gcn"), conv.forward(x, graph), TOL);
        Tensor w = graph.reorderEdges(gold.get("edge_weight"));
        GraphTesting.assertClose("GCNConv weighted", gold.get("out_weighted.gcn"), conv.forward(x, graph, w), TOL);
    }

    @Test
    void sageMatchesNumpy() {
        SAGEConv conv = load(new SAGEConv(3, 4, gen), "sage");
        assertEquals(List.of("lin_l.weight", "lin_l.bias", "lin_r.weight"), List.copyOf(conv.stateDict().keySet()));
        GraphTesting.assertClose("SAGEConv", gold.get("out.sage"), conv.forward(x, graph), TOL);
    }

    private Sequential edgeNet() {
        return new Sequential(new Linear(6, 5, gen), new ReLU(), new Linear(5, 4, gen));
    }

    @Test
    void edgeConvMatchesNumpy() {
        EdgeConv max = load(new EdgeConv(edgeNet(), Aggregation.MAX), "edgeconv");
        GraphTesting.assertClose("EdgeConv max", gold.get("out_max.edgeconv"), max.forward(x, graph), TOL);
        EdgeConv mean = load(new EdgeConv(edgeNet(), Aggregation.MEAN), "edgeconv");
        GraphTesting.assertClose("EdgeConv mean", gold.get("out_mean.edgeconv"), mean.forward(x, graph), TOL);
        assertEquals(List.of("nn.0.weight", "nn.0.bias", "nn.2.weight", "nn.2.bias"),
                List.copyOf(mean.stateDict().keySet()));
    }

    @Test
    void gravNetMatchesNumpy() {
        GravNetConv conv = load(new GravNetConv(3, 4, 2, 3, 2, gen), "gravnet");
        Tensor out = conv.forward(Jagged.of(x, offsets)).values();
        GraphTesting.assertClose("GravNetConv", gold.get("out.gravnet"), out, TOL);
    }

    @Test
    void nnConvMatchesNumpy() {
        NNConv conv = load(new NNConv(3, 4, new Sequential(new Linear(2, 12, gen)), Aggregation.MEAN, gen), "nnconv");
        assertEquals(List.of("bias", "nn.0.weight", "nn.0.bias", "lin.weight"), List.copyOf(conv.stateDict().keySet()));
        Tensor attr = graph.reorderEdges(gold.get("edge_attr"));
        GraphTesting.assertClose("NNConv", gold.get("out.nnconv"), conv.forward(x, graph, attr), TOL);
    }
}
