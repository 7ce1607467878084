package dev.hadron.nn.graph;

import dev.hadron.nn.Module;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Deep Sets (Zaheer et al., 2017), in HEP the Particle Flow Network (Komiske, Metodiev, Thaler,
 * 2019): a per-particle network Φ, a permutation-invariant pooling over the particles of each event,
 * and a per-event network F:
 * <pre>
 * output_event = F( pool_{i in event} Φ(x_i) )
 * </pre>
 * Φ runs once on the flat particle values of the whole batch and the pooling is one segment
 * reduction, so events of any length are batched without padding; an empty event pools to zeros.
 * The output is invariant under any reordering of the particles within an event.
 *
 * <pre>{@code
 * Generator gen = new Generator(7);
 * DeepSets pfn = new DeepSets(
 *         new Sequential(new Linear(3, 64, gen), new ReLU(), new Linear(64, 32, gen), new ReLU()),
 *         Aggregation.SUM,
 *         new Sequential(new Linear(32, 64, gen), new ReLU(), new Linear(64, 2, gen)));
 * Tensor logits = pfn.forward(particles);       // particles: Jagged (total, 3) -> (events, 2)
 * pfn.namedParameters().keySet();               // [phi.0.weight, phi.0.bias, ..., rho.2.bias]
 * }</pre>
 *
 * <p>Parameter names: {@code phi.*} for Φ and {@code rho.*} for F (Zaheer's ρ, EnergyFlow's F).
 */
public final class DeepSets extends Module {
    private final Module phi;
    private final Aggregation pooling;
    private final Module rho;

    /**
     * @param phi the per-particle network, (particles, features) to (particles, latent)
     * @param pooling how the latent vectors of an event are combined (SUM gives the PFN)
     * @param rho the per-event network, (events, latent) to (events, outputs)
     */
    public DeepSets(Module phi, Aggregation pooling, Module rho) {
        if (pooling == null) {
            throw new IllegalArgumentException("DeepSets: pooling must be one of " + java.util.Arrays.toString(
                    Aggregation.values()) + ", got null");
        }
        this.phi = registerModule("phi", phi);
        this.pooling = pooling;
        this.rho = registerModule("rho", rho);
    }

    /** F(pool Φ(x)) for each event: (events, outputs). */
    public Tensor forward(Jagged particles) {
        return rho.forward(embed(particles));
    }

    /** The pooled latent representation of each event, before F: (events, latent). */
    public Tensor embed(Jagged particles) {
        Tensor v = particles.values();
        if (v.dim() < 2) {
            throw new IllegalArgumentException(this.getClass().getSimpleName() + ": expected particle values of shape"
                    + " (particles, features), got " + Shape.toString(v.shape()));
        }
        return pooling.apply(particles.map(phi::forward));
    }

    /** The per-particle network Φ. */
    public Module phi() {
        return phi;
    }

    /** The per-event network F. */
    public Module rho() {
        return rho;
    }

    /** The pooling over particles. */
    public Aggregation pooling() {
        return pooling;
    }

    @Override
    protected String extraRepr() {
        return "pooling=" + pooling.pygName();
    }
}
