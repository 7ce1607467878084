package dev.hadron.nn.graph;

import dev.hadron.autodiff.GradCheck;
import dev.hadron.nn.GELU;
import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.nn.Sequential;
import dev.hadron.nn.Tanh;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

/**
 * Finite-difference checks (float64) of every layer: input gradients with core's GradCheck (reverse
 * and forward mode, full Jacobian) and parameter gradients element by element.
 */
class GraphGradientTest {
    private static final long[] COUNTS = {3, 0, 1, 4};
    private static final double TOL = 1e-6;
    private final Generator gen = new Generator(8);
    private final Jagged batch = GraphTesting.randomBatch(gen, COUNTS, 3);
    private final long[] off = batch.offsetsArray();

    private static <M extends Module> M f64(M m) {
        m.to(DType.FLOAT64);
        return m;
    }

    private static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.checkAll(f, GradCheck.Options.defaults().withTolerance(1e-6, 1e-4), inputs);
    }

    @Test
    void deepSetsAndEnergyFlow() {
        for (Aggregation pool : Aggregation.values()) {
            DeepSets ds = f64(new DeepSets(new Sequential(new Linear(3, 4, gen), new Tanh()), pool,
                    new Sequential(new Linear(4, 2, gen))));
            check(xs -> ds.forward(Jagged.of(xs[0], off)), batch.values());
            GraphTesting.checkParameterGradients(ds, () -> GraphTesting.weightedSum(ds.forward(batch), 1), TOL);
        }
        EnergyFlowNetwork efn = f64(new EnergyFlowNetwork(new Sequential(new Linear(2, 4, gen), new Tanh()),
                new Sequential(new Linear(4, 1, gen))));
        check(xs -> efn.forward(Jagged.of(xs[0], off), Jagged.of(xs[1], off)),
                batch.values().select(1, 0).contiguous(), batch.values().narrow(1, 1, 2).contiguous());
        GraphTesting.checkParameterGradients(efn, () -> GraphTesting.weightedSum(efn.forward(batch), 2), TOL);
    }

    @Test
    void gcnAndSage() {
        Graph g = Graphs.knn(batch, 2, false);
        GCNConv gcn = f64(new GCNConv(3, 2, gen));
        Tensor w = Tensor.uniform(gen, DType.FLOAT64, 0.5, 2, g.numEdges());
        check(xs -> gcn.forward(xs[0], g, xs[1]), batch.values(), w);
        GraphTesting.checkParameterGradients(gcn, () -> GraphTesting.weightedSum(gcn.forward(batch.values(), g), 3), TOL);
        SAGEConv sage = f64(new SAGEConv(3, 2, gen));
        check(xs -> sage.forward(xs[0], g), batch.values());
        GraphTesting.checkParameterGradients(sage, () -> GraphTesting.weightedSum(sage.forward(batch.values(), g), 4),
                TOL);
        SAGEConv sageMaxNorm = f64(new SAGEConv(3, 2, Aggregation.MAX, true, gen));
        check(xs -> sageMaxNorm.forward(xs[0], g), batch.values());
    }

    @Test
    void edgeConvStaticAndDynamic() {
        Graph g = Graphs.knn(batch, 2, false);
        for (Aggregation aggr : new Aggregation[] {Aggregation.MEAN, Aggregation.MAX}) {
            EdgeConv conv = f64(new EdgeConv(new Sequential(new Linear(6, 4, gen), new Tanh(), new Linear(4, 2, gen)),
                    aggr));
            check(xs -> conv.forward(xs[0], g), batch.values());
            GraphTesting.checkParameterGradients(conv,
                    () -> GraphTesting.weightedSum(conv.forward(batch.values(), g), 5), TOL);
            DynamicEdgeConv dyn = f64(new DynamicEdgeConv(new Sequential(new Linear(6, 2, gen), new Tanh()), 2, aggr));
            check(xs -> dyn.forward(Jagged.of(xs[0], off)).values(), batch.values());
        }
    }

    @Test
    void gravNet() {
        GravNetConv conv = f64(new GravNetConv(3, 2, 2, 2, 2, gen));
        check(xs -> conv.forward(Jagged.of(xs[0], off)).values(), batch.values());
        GraphTesting.checkParameterGradients(conv, () -> GraphTesting.weightedSum(conv.forward(batch).values(), 6), TOL);
    }

    @Test
    void nnConvAndMpnn() {
        Graph g = Graphs.knn(batch, 2, false);
        Tensor attr = Tensor.randn(gen, g.numEdges(), 2).to(DType.FLOAT64);
        NNConv conv = f64(new NNConv(3, 2, new Sequential(new Linear(2, 6, gen)), Aggregation.SUM, gen));
        check(xs -> conv.forward(xs[0], g, xs[1]), batch.values(), attr);
        GraphTesting.checkParameterGradients(conv,
                () -> GraphTesting.weightedSum(conv.forward(batch.values(), g, attr), 7), TOL);
        MPNN mpnn = f64(new MPNN(3, new Sequential(new Linear(2, 9, gen)), 2, Aggregation.MEAN, gen));
        check(xs -> mpnn.forward(xs[0], g, xs[1]), batch.values(), attr);
        GraphTesting.checkParameterGradients(mpnn,
                () -> GraphTesting.weightedSum(mpnn.forward(batch.values(), g, attr), 8), TOL);
    }

    @Test
    void attentionBlockAndPairFeatures() {
        Jagged x = GraphTesting.randomBatch(gen, COUNTS, 4);
        Graph full = Graphs.fullyConnected(x, true);
        Tensor bias = Tensor.randn(gen, full.numEdges(), 2).to(DType.FLOAT64);
        JaggedMultiheadAttention attn = f64(new JaggedMultiheadAttention(4, 2, gen));
        check(xs -> attn.forward(xs[0], full, xs[1]), x.values(), bias);
        ParticleAttentionBlock block = f64(new ParticleAttentionBlock(4, 2, 6, gen));
        Module pairEmbed = f64(new Sequential(new Linear(4, 3, gen), new GELU(), new Linear(3, 2, gen)));
        Tensor p4 = DenseReferenceTest.fourMomenta(batch).values();
        Graph noLoops = Graphs.fullyConnected(x, false);
        check(xs -> PairFeatures.particleTransformer(xs[0], noLoops), p4);
        check(xs -> block.forward(xs[0], full, pairEmbed.forward(PairFeatures.particleTransformer(p4, full))),
                x.values());
        GraphTesting.checkParameterGradients(block, () -> GraphTesting.weightedSum(
                block.forward(x.values(), full, bias), 9), TOL);
    }
}
