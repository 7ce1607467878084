package dev.hadron.nn.graph;

import dev.hadron.nn.GELU;
import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Sequential;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

/**
 * Reordering the particles within each event must not change per-event outputs (invariance) and must
 * reorder per-particle outputs the same way (equivariance), with graphs rebuilt from the permuted
 * particles.
 */
class PermutationTest {
    private static final double TOL = 1e-9;
    private final Generator gen = new Generator(31);
    private final Jagged batch = GraphTesting.randomBatch(gen, GraphTesting.COUNTS, 3);
    private final long[] perm = GraphTesting.withinEventPermutation(gen, batch.offsetsArray());
    private final Tensor permIndex = Tensor.of(perm, perm.length);
    private final Jagged permuted = batch.withValues(batch.values().indexSelect(0, permIndex));

    private static <M extends Module> M f64(M m) {
        m.to(DType.FLOAT64);
        return m;
    }

    private void assertEquivariant(String what, Function<Jagged, Tensor> perParticle) {
        Tensor out = perParticle.apply(batch);
        GraphTesting.assertClose(what, out.indexSelect(0, permIndex), perParticle.apply(permuted), TOL);
    }

    @Test
    void deepSetsAndEnergyFlowAreInvariant() {
        for (Aggregation pool : Aggregation.values()) {
            DeepSets ds = f64(new DeepSets(new Sequential(new Linear(3, 8, gen), new ReLU()), pool,
                    new Sequential(new Linear(8, 2, gen))));
            GraphTesting.assertClose("DeepSets " + pool, ds.forward(batch), ds.forward(permuted), TOL);
        }
        EnergyFlowNetwork efn = f64(new EnergyFlowNetwork(new Sequential(new Linear(2, 8, gen), new ReLU()),
                new Sequential(new Linear(8, 2, gen))));
        GraphTesting.assertClose("EFN", efn.forward(batch), efn.forward(permuted), TOL);
    }

    @Test
    void messagePassingLayersAreEquivariant() {
        GCNConv gcn = f64(new GCNConv(3, 4, gen));
        assertEquivariant("GCN on kNN", j -> gcn.forward(j.values(), Graphs.knn(j, 3, false)));
        SAGEConv sage = f64(new SAGEConv(3, 4, gen));
        assertEquivariant("SAGE on radius graph", j -> sage.forward(j.values(), Graphs.radius(j, 1.5, 50, false)));
        DynamicEdgeConv edge = f64(new DynamicEdgeConv(new Sequential(new Linear(6, 4, gen), new ReLU()), 3,
                Aggregation.MAX));
        assertEquivariant("DynamicEdgeConv", j -> edge.forward(j).values());
        GravNetConv grav = f64(new GravNetConv(3, 4, 2, 3, 3, gen));
        assertEquivariant("GravNet", j -> grav.forward(j).values());
        MPNN mpnn = f64(new MPNN(3, new Sequential(new Linear(3, 9, gen)), 2, Aggregation.SUM, gen));
        assertEquivariant("MPNN", j -> {
            Graph g = Graphs.fullyConnected(j, false);
            Tensor attr = g.gatherSource(j.values()).sub(g.gatherTarget(j.values()));   // edge features from the pair
            return mpnn.forward(j.values(), g, attr);
        });
        ParticleAttentionBlock block = f64(new ParticleAttentionBlock(4, 2, 8, gen));
        Module pairEmbed = f64(new Sequential(new Linear(4, 4, gen), new GELU(), new Linear(4, 2, gen)));
        assertEquivariant("ParT block", j -> {
            Graph full = Graphs.fullyConnected(j, true);
            Tensor p4 = DenseReferenceTest.fourMomenta(j).values();
            Tensor x = Tensor.cat(1, j.values(), j.values().narrow(1, 0, 1));
            return block.forward(x, full, pairEmbed.forward(PairFeatures.particleTransformer(p4, full)));
        });
    }
}
