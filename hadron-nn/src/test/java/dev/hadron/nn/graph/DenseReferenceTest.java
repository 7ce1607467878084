package dev.hadron.nn.graph;

import dev.hadron.nn.GELU;
import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.nn.MultiheadAttention;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Sequential;
import dev.hadron.nn.Tanh;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flat, segment-reduced layers against references computed independently per event with dense
 * (n, n) adjacency matrices and ordinary dense tensor ops, on batches with empty and single-particle
 * events.
 */
class DenseReferenceTest {
    private static final double TOL = 1e-10;
    private final Generator gen = new Generator(21);
    private final Jagged batch = GraphTesting.randomBatch(gen, GraphTesting.COUNTS, 3);
    private final long[] off = batch.offsetsArray();

    private static <M extends Module> M f64(M m) {
        m.to(DType.FLOAT64);
        return m;
    }

    private Tensor event(Tensor values, int e) {
        return values.narrow(0, (int) off[e], (int) (off[e + 1] - off[e]));
    }

    /** adjacency[i][j] = 1 when edge j -> i exists (local indices of event e). */
    private double[][] adjacency(Graph g, int e) {
        int n = (int) (off[e + 1] - off[e]);
        double[][] a = new double[n][n];
        for (int k = 0; k < g.numEdges(); k++) {
            long t = g.target(k);
            if (t >= off[e] && t < off[e + 1]) {
                a[(int) (t - off[e])][(int) (g.source(k) - off[e])] += 1;
            }
        }
        return a;
    }

    /** Brute-force kNN adjacency of one event from its coordinates (independent of Graphs). */
    private static double[][] knnAdjacency(Tensor coords, int k, boolean loop) {
        int n = coords.size(0);
        double[] c = coords.contiguous().toDoubleArray();
        int d = coords.size(1);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            Integer[] js = new Integer[n];
            double[] dist = new double[n];
            for (int j = 0; j < n; j++) {
                js[j] = j;
                for (int q = 0; q < d; q++) {
                    dist[j] += (c[i * d + q] - c[j * d + q]) * (c[i * d + q] - c[j * d + q]);
                }
            }
            final int fi = i;
            Integer[] order = Arrays.stream(js).filter(j -> loop || j != fi)
                    .sorted((p, q) -> Double.compare(dist[p], dist[q])).toArray(Integer[]::new);
            for (int q = 0; q < Math.min(k, order.length); q++) {
                a[i][order[q]] = 1;
            }
        }
        return a;
    }

    private Tensor catEvents(List<Tensor> parts, int width) {
        List<Tensor> nonEmpty = new ArrayList<>();
        for (Tensor p : parts) {
            if (p.size(0) > 0) {
                nonEmpty.add(p);
            }
        }
        return nonEmpty.isEmpty() ? Tensor.zeros(DType.FLOAT64, 0, width) : Tensor.cat(nonEmpty, 0);
    }

    @Test
    void deepSetsEqualsPerEventPooling() {
        for (Aggregation pool : Aggregation.values()) {
            DeepSets ds = f64(new DeepSets(new Sequential(new Linear(3, 8, gen), new Tanh()), pool,
                    new Sequential(new Linear(8, 2, gen))));
            List<Tensor> pooled = new ArrayList<>();
            for (int e = 0; e + 1 < off.length; e++) {
                Tensor phi = ds.phi().forward(event(batch.values(), e));
                Tensor p = phi.size(0) == 0 ? Tensor.zeros(DType.FLOAT64, 1, 8) : switch (pool) {
                    case SUM -> phi.sum(new int[] {0}, true);
                    case MEAN -> phi.mean(new int[] {0}, true);
                    case MAX -> phi.amax(new int[] {0}, true);
                    case MIN -> phi.amin(new int[] {0}, true);
                };
                pooled.add(p);
            }
            Tensor expected = ds.rho().forward(Tensor.cat(pooled, 0));
            GraphTesting.assertClose("DeepSets " + pool, expected, ds.forward(batch), TOL);
        }
    }

    @Test
    void energyFlowNetworkEqualsPerEventWeightedSum() {
        EnergyFlowNetwork efn = f64(new EnergyFlowNetwork(new Sequential(new Linear(2, 6, gen), new ReLU()),
                new Sequential(new Linear(6, 1, gen))));
        Tensor v = batch.values();
        List<Tensor> sums = new ArrayList<>();
        for (int e = 0; e + 1 < off.length; e++) {
            Tensor ev = event(v, e);
            Tensor phi = efn.phi().forward(ev.narrow(1, 1, 2));
            sums.add(phi.mul(ev.narrow(1, 0, 1)).sum(new int[] {0}, true));
        }
        Tensor expected = efn.rho().forward(Tensor.cat(sums, 0));
        GraphTesting.assertClose("EFN", expected, efn.forward(batch), TOL);
        GraphTesting.assertClose("EFN z/angles", expected,
                efn.forward(batch.withValues(v.select(1, 0)), batch.withValues(v.narrow(1, 1, 2))), TOL);
    }

    @Test
    void gcnEqualsDenseNormalizedAdjacency() {
        GCNConv conv = f64(new GCNConv(3, 4, gen));
        try (var s = dev.hadron.autodiff.Autodiff.noGrad()) {
            conv.bias().copyFrom(Tensor.randn(gen, 4));
        }
        Graph g = Graphs.knn(batch, 3, false);
        List<Tensor> parts = new ArrayList<>();
        for (int e = 0; e + 1 < off.length; e++) {
            double[][] a = adjacency(g, e);
            int n = a.length;
            for (int i = 0; i < n; i++) {
                a[i][i] = 1;
            }
            if (n == 0) {
                continue;
            }
            Tensor adj = Tensor.of(a);
            Tensor dinv = adj.sum(1).rsqrt();
            Tensor norm = dinv.unsqueeze(1).mul(adj).mul(dinv.unsqueeze(0));
            parts.add(norm.matmul(event(batch.values(), e).matmul(conv.lin().weight().t())).add(conv.bias()));
        }
        GraphTesting.assertClose("GCN vs dense", catEvents(parts, 4), conv.forward(batch.values(), g), TOL);
    }

    @Test
    void sageEqualsDenseMeanOfNeighbours() {
        SAGEConv conv = f64(new SAGEConv(3, 4, gen));
        Graph g = Graphs.radius(batch, 1.5, 3, false);
        List<Tensor> parts = new ArrayList<>();
        for (int e = 0; e + 1 < off.length; e++) {
            double[][] a = adjacency(g, e);
            if (a.length == 0) {
                continue;
            }
            Tensor adj = Tensor.of(a);
            Tensor meanAdj = adj.div(adj.sum(new int[] {1}, true).clampMin(1));
            Tensor xe = event(batch.values(), e);
            parts.add(conv.linL().forward(meanAdj.matmul(xe)).add(conv.linR().forward(xe)));
        }
        GraphTesting.assertClose("SAGE vs dense", catEvents(parts, 4), conv.forward(batch.values(), g), TOL);
    }

    /** out_i = aggr over mask[i, j] of f(all pairs (i, j)), computed on the dense (n, n, F) block. */
    private static Tensor denseAggregate(Tensor pairValues, double[][] mask, Aggregation aggr) {
        int n = mask.length;
        int f = pairValues.size(2);
        Tensor m = Tensor.of(mask).unsqueeze(2);
        return switch (aggr) {
            case SUM -> pairValues.mul(m).sum(new int[] {1}, false);
            case MEAN -> pairValues.mul(m).sum(new int[] {1}, false).div(m.sum(new int[] {1}, false).clampMin(1));
            case MAX -> {
                Tensor filled = Tensor.where(m.gt(0).expand(n, n, f), pairValues, Double.NEGATIVE_INFINITY);
                Tensor mx = filled.amax(new int[] {1}, false);
                yield Tensor.where(mx.isInf(), Tensor.zerosLike(mx), mx);
            }
            case MIN -> throw new IllegalArgumentException("not used");
        };
    }

    @Test
    void dynamicEdgeConvEqualsDensePairsOnKnn() {
        for (Aggregation aggr : new Aggregation[] {Aggregation.MEAN, Aggregation.MAX}) {
            DynamicEdgeConv conv = f64(new DynamicEdgeConv(
                    new Sequential(new Linear(6, 5, gen), new ReLU(), new Linear(5, 4, gen)), 3, aggr));
            List<Tensor> parts = new ArrayList<>();
            for (int e = 0; e + 1 < off.length; e++) {
                Tensor xe = event(batch.values(), e);
                int n = xe.size(0);
                if (n == 0) {
                    continue;
                }
                Tensor xi = xe.unsqueeze(1).expand(n, n, 3);
                Tensor xj = xe.unsqueeze(0).expand(n, n, 3);
                Tensor pairs = conv.namedChildren().get("nn").forward(Tensor.cat(2, xi, xj.sub(xi)));
                parts.add(denseAggregate(pairs, knnAdjacency(xe, 3, false), aggr));
            }
            GraphTesting.assertClose("DynamicEdgeConv " + aggr, catEvents(parts, 4), conv.forward(batch).values(), TOL);
        }
    }

    @Test
    void gravNetEqualsDenseWeightedAggregation() {
        GravNetConv conv = f64(new GravNetConv(3, 4, 2, 3, 3, gen));
        var named = conv.namedChildren();
        List<Tensor> parts = new ArrayList<>();
        for (int e = 0; e + 1 < off.length; e++) {
            Tensor xe = event(batch.values(), e);
            int n = xe.size(0);
            if (n == 0) {
                continue;
            }
            Tensor s = named.get("lin_s").forward(xe);
            Tensor h = named.get("lin_h").forward(xe);
            Tensor d2 = s.unsqueeze(1).sub(s.unsqueeze(0)).square().sum(new int[] {2}, true);   // (n, n, 1)
            Tensor msg = h.unsqueeze(0).expand(n, n, 3).mul(d2.mul(-10).exp());
            double[][] mask = knnAdjacency(s, 3, true);
            Tensor agg = Tensor.cat(1, denseAggregate(msg, mask, Aggregation.MEAN),
                    denseAggregate(msg, mask, Aggregation.MAX));
            parts.add(named.get("lin_out1").forward(xe).add(named.get("lin_out2").forward(agg)));
        }
        GraphTesting.assertClose("GravNet vs dense", catEvents(parts, 4), conv.forward(batch).values(), TOL);
    }

    @Test
    void jaggedAttentionEqualsPaddedMultiheadAttentionWithMasks() {
        int heads = 2;
        JaggedMultiheadAttention jag = f64(new JaggedMultiheadAttention(4, heads, gen));
        MultiheadAttention dense = f64(new MultiheadAttention(4, heads, gen));
        dense.loadStateDict(jag.stateDict());
        Jagged x = GraphTesting.randomBatch(gen, GraphTesting.COUNTS, 4);
        Graph full = Graphs.fullyConnected(x, true);
        Tensor bias = Tensor.randn(gen, full.numEdges(), heads).to(DType.FLOAT64);
        Tensor out = jag.forward(x.values(), full, bias);

        Jagged.Padded padded = x.toDense(0);
        int b = x.numEvents();
        int l = x.maxCount();
        double[] attnMask = new double[b * heads * l * l];   // bias where an edge exists, 0 at padding
        double[] bv = bias.toDoubleArray();
        for (int e = 0; e < full.numEdges(); e++) {
            int t = (int) full.target(e);
            int s = (int) full.source(e);
            int ev = 0;
            while (off[ev + 1] <= t) {
                ev++;
            }
            for (int h = 0; h < heads; h++) {
                attnMask[((ev * heads + h) * l + (int) (t - off[ev])) * l + (int) (s - off[ev])] = bv[e * heads + h];
            }
        }
        Tensor kpm = padded.mask().logicalNot();
        // empty events would have every key masked: give them one unmasked dummy key, their rows are dropped
        for (int ev = 0; ev < b; ev++) {
            if (off[ev + 1] == off[ev]) {
                boolean[] m = kpm.toBooleanArray();
                m[ev * l] = false;
                kpm = Tensor.of(m, b, l);
            }
        }
        Tensor y = dense.forward(padded.values(), padded.values(), padded.values(), kpm,
                Tensor.of(attnMask, b * heads, l, l), true).output();
        Tensor expected = Jagged.fromDense(y, padded.mask()).values();
        GraphTesting.assertClose("jagged vs padded attention", expected, out, TOL);
    }

    @Test
    void completeGraphsTakeTheDensePathWithTheSameValuesAndGradients() {
        int heads = 2;
        JaggedMultiheadAttention attn = f64(new JaggedMultiheadAttention(4, heads, gen));
        Jagged x = GraphTesting.randomBatch(gen, GraphTesting.COUNTS, 4);
        long[] o = x.offsetsArray();
        Graph full = Graphs.fullyConnected(x, true);
        assertTrue(full.isComplete());
        assertFalse(Graphs.fullyConnected(x, false).isComplete());
        assertFalse(Graphs.knn(x, 2, true).isComplete());
        // The same complete graph with each node's sources listed in reverse: not in the canonical layout,
        // so it takes the per-edge path; the bias of edge (t <- s) is the same number in both.
        List<Long> src = new ArrayList<>();
        List<Long> dst = new ArrayList<>();
        for (int e = 0; e + 1 < o.length; e++) {
            for (long t = o[e]; t < o[e + 1]; t++) {
                for (long s = o[e + 1] - 1; s >= o[e]; s--) {
                    src.add(s);
                    dst.add(t);
                }
            }
        }
        Graph reversed = Graph.of(o, src.stream().mapToLong(Long::longValue).toArray(),
                dst.stream().mapToLong(Long::longValue).toArray());
        assertFalse(reversed.isComplete());
        int edges = full.numEdges();
        double[] table = Tensor.randn(gen, 64 * 64 * heads).to(DType.FLOAT64).toDoubleArray();
        double[] bFull = new double[edges * heads];
        double[] bRev = new double[edges * heads];
        for (int e = 0; e < edges; e++) {
            for (int h = 0; h < heads; h++) {
                bFull[e * heads + h] = table[(int) ((full.target(e) * 64 + full.source(e)) * heads + h)];
                bRev[e * heads + h] = table[(int) ((reversed.target(e) * 64 + reversed.source(e)) * heads + h)];
            }
        }
        Tensor xa = x.values().detach().requiresGrad(true);
        Tensor ba = Tensor.of(bFull, edges, heads).requiresGrad(true);
        Tensor dense = attn.forward(xa, full, ba);
        GraphTesting.weightedSum(dense, 5).backward();
        Tensor xb = x.values().detach().requiresGrad(true);
        Tensor bb = Tensor.of(bRev, edges, heads).requiresGrad(true);
        Tensor perEdge = attn.forward(xb, reversed, bb);
        GraphTesting.weightedSum(perEdge, 5).backward();
        GraphTesting.assertClose("dense vs per-edge attention", perEdge, dense, TOL);
        GraphTesting.assertClose("dense vs per-edge input gradient", xb.grad(), xa.grad(), TOL);
        // bias gradients compared edge by edge through the (target, source) table
        double[] gFull = ba.grad().toDoubleArray();
        double[] gRev = bb.grad().toDoubleArray();
        double[] byPair = new double[64 * 64 * heads];
        for (int e = 0; e < edges; e++) {
            for (int h = 0; h < heads; h++) {
                byPair[(int) ((reversed.target(e) * 64 + reversed.source(e)) * heads + h)] = gRev[e * heads + h];
            }
        }
        for (int e = 0; e < edges; e++) {
            for (int h = 0; h < heads; h++) {
                assertEquals(byPair[(int) ((full.target(e) * 64 + full.source(e)) * heads + h)], gFull[e * heads + h],
                        TOL, "bias gradient of edge " + e + ", head " + h);
            }
        }
        // and without a bias
        GraphTesting.assertClose("dense vs per-edge, no bias", attn.forward(x.values(), reversed, null),
                attn.forward(x.values(), full, null), TOL);
    }

    @Test
    void mpnnBatchedEqualsEventByEvent() {
        MPNN mpnn = f64(new MPNN(3, new Sequential(new Linear(2, 9, gen)), 2, Aggregation.MEAN, gen));
        Graph g = Graphs.knn(batch, 2, false);
        Tensor attr = Tensor.randn(gen, g.numEdges(), 2).to(DType.FLOAT64);
        Tensor out = mpnn.forward(batch.values(), g, attr);
        long[] edgeOff = g.edgeOffsets();
        List<Tensor> parts = new ArrayList<>();
        for (int e = 0; e + 1 < off.length; e++) {
            int n = (int) (off[e + 1] - off[e]);
            if (n == 0) {
                continue;
            }
            Jagged one = Jagged.fromCounts(event(batch.values(), e), n);
            Graph ge = Graphs.knn(one, 2, false);
            assertEquals(edgeOff[e + 1] - edgeOff[e], ge.numEdges());
            Tensor ae = attr.narrow(0, (int) edgeOff[e], ge.numEdges());
            parts.add(mpnn.forward(one.values(), ge, ae));
        }
        GraphTesting.assertClose("MPNN batched", catEvents(parts, 3), out, TOL);
    }

    @Test
    void particleAttentionBlockBatchedEqualsEventByEvent() {
        ParticleAttentionBlock block = f64(new ParticleAttentionBlock(4, 2, 8, gen));
        Module pairEmbed = f64(new Sequential(new Linear(4, 6, gen), new GELU(), new Linear(6, 2, gen)));
        Jagged p4 = fourMomenta(batch);
        Jagged x = GraphTesting.randomBatch(gen, GraphTesting.COUNTS, 4);
        Graph full = Graphs.fullyConnected(x, true);
        Tensor out = block.forward(x.values(), full,
                pairEmbed.forward(PairFeatures.particleTransformer(p4.values(), full)));
        List<Tensor> parts = new ArrayList<>();
        for (int e = 0; e + 1 < off.length; e++) {
            int n = (int) (off[e + 1] - off[e]);
            if (n == 0) {
                continue;
            }
            Graph ge = Graphs.fullyConnected(new long[] {0, n}, true);
            Tensor u = pairEmbed.forward(PairFeatures.particleTransformer(event(p4.values(), e), ge));
            parts.add(block.forward(event(x.values(), e), ge, u));
        }
        GraphTesting.assertClose("ParT block batched", catEvents(parts, 4), out, TOL);
    }

    /** Massive four-momenta (px, py, pz, E) from the random batch's three columns. */
    static Jagged fourMomenta(Jagged batch) {
        Tensor p = batch.values().mul(10);
        Tensor e = p.square().sum(new int[] {1}, true).add(0.14 * 0.14).sqrt();
        return batch.withValues(Tensor.cat(1, p, e));
    }

    @Test
    void pairFeaturesMatchHandComputation() {
        // two massless particles: pT 10 at (y 0, phi 0) and pT 5 at (y 0, phi 0.5)
        double c = Math.cos(0.5);
        double s = Math.sin(0.5);
        Tensor p4 = Tensor.of(new double[] {10, 0, 0, 10, 5 * c, 5 * s, 0, 5}, 2, 4);
        Graph g = Graph.of(new long[] {0, 2}, new long[] {1}, new long[] {0});
        double[] f = PairFeatures.particleTransformer(p4, g).toDoubleArray();
        double m2 = 15 * 15 - (Math.pow(10 + 5 * c, 2) + 25 * s * s);
        double[] expected = {Math.log(0.5), Math.log(5 * 0.5), Math.log(5.0 / 15), Math.log(m2)};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], f[i], 1e-12, "feature " + i);
        }
    }

    @Test
    void batchesWithoutParticlesOrEdgesGiveEmptyOrZeroOutputs() {
        Jagged none = Jagged.fromCounts(Tensor.zeros(DType.FLOAT64, 0, 3), 0, 0);
        Jagged single = Jagged.fromCounts(Tensor.randn(gen, 1, 3).to(DType.FLOAT64), 1);
        GCNConv gcn = f64(new GCNConv(3, 2, gen));
        assertEquals(0, gcn.forward(none.values(), Graphs.knn(none, 3, false)).size(0));
        DynamicEdgeConv edge = f64(new DynamicEdgeConv(new Sequential(new Linear(6, 2, gen)), 3, Aggregation.MAX));
        assertEquals(0, edge.forward(none).numValues());
        GraphTesting.assertClose("size-1 event without neighbours", Tensor.zeros(DType.FLOAT64, 1, 2),
                edge.forward(single).values(), 0);
        GravNetConv grav = f64(new GravNetConv(3, 2, 2, 2, 4, gen));
        assertEquals(1, grav.forward(single).numValues());
        DeepSets ds = f64(new DeepSets(new Sequential(new Linear(3, 2, gen)), Aggregation.MAX,
                new Sequential(new Linear(2, 1, gen))));
        assertEquals(2, ds.forward(none).size(0));
    }
}
