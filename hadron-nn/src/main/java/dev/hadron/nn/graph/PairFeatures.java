package dev.hadron.nn.graph;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Pairwise features of the particles joined by each edge, for interaction-biased attention and edge
 * networks. Differentiable tensor expressions over the whole batch of edges.
 */
public final class PairFeatures {
    private static final double EPS = 1e-8;

    private PairFeatures() {
    }

    /**
     * The Particle Transformer's four interaction features of each edge (a = target, b = source), from
     * four-momenta (px, py, pz, E):
     * <pre>
     * ln Δ,  Δ = sqrt((y_a − y_b)² + (φ_a − φ_b)²)      (rapidity y, azimuth difference wrapped to [−π, π))
     * ln kT, kT = min(pT_a, pT_b) Δ
     * ln z,  z = min(pT_a, pT_b) / (pT_a + pT_b)
     * ln m², m² = (E_a + E_b)² − |p_a + p_b|²
     * </pre>
     * Each argument of the logarithm is clamped at 1e-8 first (as the ParT code does), so self-loops
     * (Δ = 0) give ln 1e-8 rather than −∞.
     *
     * @param fourMomenta (particles, 4) as (px, py, pz, E)
     * @return (edges, 4): ln Δ, ln kT, ln z, ln m²
     */
    public static Tensor particleTransformer(Tensor fourMomenta, Graph graph) {
        graph.checkNodes(fourMomenta, "PairFeatures.particleTransformer");
        if (fourMomenta.dim() != 2 || fourMomenta.size(1) != 4) {
            throw new IllegalArgumentException("PairFeatures.particleTransformer: expected four-momenta of shape"
                    + " (particles, 4) as (px, py, pz, E), got " + Shape.toString(fourMomenta.shape()));
        }
        Tensor a = graph.gatherTarget(fourMomenta);
        Tensor b = graph.gatherSource(fourMomenta);
        Tensor ptA = pt(a);
        Tensor ptB = pt(b);
        Tensor dy = rapidity(a).sub(rapidity(b));
        Tensor dphi = phi(a).sub(phi(b)).add(Math.PI).remainder(2 * Math.PI).sub(Math.PI);
        Tensor delta = dy.square().add(dphi.square()).clampMin(EPS * EPS).sqrt();
        Tensor ptMin = ptA.minimum(ptB);
        Tensor lnDelta = delta.clampMin(EPS).log();
        Tensor lnKt = ptMin.mul(delta).clampMin(EPS).log();
        Tensor lnZ = ptMin.div(ptA.add(ptB).clampMin(EPS)).clampMin(EPS).log();
        Tensor sum = a.add(b);
        Tensor m2 = sum.select(1, 3).square().sub(sum.narrow(1, 0, 3).square().sum(new int[] {1}, false));
        Tensor lnM2 = m2.clampMin(EPS).log();
        return Tensor.stack(1, lnDelta, lnKt, lnZ, lnM2);
    }

    private static Tensor pt(Tensor p) {
        return p.select(1, 0).square().add(p.select(1, 1).square()).clampMin(EPS * EPS).sqrt();
    }

    private static Tensor rapidity(Tensor p) {
        Tensor e = p.select(1, 3);
        Tensor pz = p.select(1, 2);
        return e.add(pz).clampMin(EPS).div(e.sub(pz).clampMin(EPS)).log().mul(0.5);
    }

    private static Tensor phi(Tensor p) {
        return p.select(1, 1).atan2(p.select(1, 0));
    }
}
