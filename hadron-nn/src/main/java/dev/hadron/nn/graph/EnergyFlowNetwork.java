package dev.hadron.nn.graph;

import dev.hadron.nn.Module;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * The Energy Flow Network (Komiske, Metodiev, Thaler, 2019): an infrared- and collinear-safe Deep
 * Set in which each particle's latent vector Φ(p̂_i) of its angular coordinates (e.g. rapidity and
 * azimuth relative to the jet axis) is weighted by its energy (or transverse-momentum) fraction z_i:
 * <pre>
 * output_event = F( Σ_{i in event} z_i Φ(p̂_i) )
 * </pre>
 * As in the EnergyFlow package, inputs are the fractions z and the angular coordinates separately, or
 * one jagged batch whose first column is z and whose other columns are the angles. The sum is one
 * segment reduction over the flat batch; an empty event gives F(0).
 *
 * <pre>{@code
 * EnergyFlowNetwork efn = new EnergyFlowNetwork(
 *         new Sequential(new Linear(2, 64, gen), new ReLU(), new Linear(64, 16, gen), new ReLU()),
 *         new Sequential(new Linear(16, 64, gen), new ReLU(), new Linear(64, 1, gen)));
 * Tensor logit = efn.forward(zFractions, etaPhi);   // Jagged (total) and Jagged (total, 2) -> (events, 1)
 * }</pre>
 *
 * <p>Parameter names: {@code phi.*} and {@code rho.*} (F).
 */
public final class EnergyFlowNetwork extends Module {
    private final Module phi;
    private final Module rho;

    /**
     * @param phi the per-particle network on angular coordinates, (particles, angles) to (particles, latent)
     * @param rho the per-event network F, (events, latent) to (events, outputs)
     */
    public EnergyFlowNetwork(Module phi, Module rho) {
        this.phi = registerModule("phi", phi);
        this.rho = registerModule("rho", rho);
    }

    /**
     * F(Σ z_i Φ(p̂_i)).
     *
     * @param z energy or pT fraction of each particle: values of shape (particles) or (particles, 1)
     * @param angles angular coordinates: values (particles, angles), with the same events as {@code z}
     */
    public Tensor forward(Jagged z, Jagged angles) {
        return rho.forward(embed(z, angles));
    }

    /** F(Σ z_i Φ(p̂_i)) for particles whose column 0 is z and whose other columns are the angles. */
    public Tensor forward(Jagged particles) {
        Tensor v = particles.values();
        if (v.dim() != 2 || v.size(1) < 2) {
            throw new IllegalArgumentException("EnergyFlowNetwork: expected particles of shape (particles, 1 + angles)"
                    + " with z in column 0, got " + Shape.toString(v.shape()));
        }
        return forward(particles.withValues(v.select(1, 0)), particles.withValues(v.narrow(1, 1, v.size(1) - 1)));
    }

    /** The weighted sum Σ z_i Φ(p̂_i) of each event, before F: (events, latent). */
    public Tensor embed(Jagged z, Jagged angles) {
        if (!Arrays.equals(z.offsetsArray(), angles.offsetsArray())) {
            throw new IllegalArgumentException("EnergyFlowNetwork: z (" + z.numEvents() + " events, " + z.numValues()
                    + " particles) and angles (" + angles.numEvents() + " events, " + angles.numValues()
                    + " particles) must have the same event offsets");
        }
        Tensor zv = z.values();
        if (zv.dim() == 2 && zv.size(1) == 1) {
            zv = zv.squeeze(1);
        }
        if (zv.dim() != 1) {
            throw new IllegalArgumentException("EnergyFlowNetwork: z must have shape (particles) or (particles, 1), got "
                    + Shape.toString(z.values().shape()));
        }
        if (angles.values().dim() != 2) {
            throw new IllegalArgumentException("EnergyFlowNetwork: angles must have shape (particles, angles), got "
                    + Shape.toString(angles.values().shape()));
        }
        Tensor latent = phi.forward(angles.values());
        return angles.withValues(latent.mul(zv.unsqueeze(1))).sum();
    }

    /** The per-particle network Φ. */
    public Module phi() {
        return phi;
    }

    /** The per-event network F. */
    public Module rho() {
        return rho;
    }
}
