package dev.hadron.hep.jet;

/**
 * A jet (or particle) from a {@link ClusterSequence}: its E-scheme four-momentum in GeV and the indices of
 * its constituents in the clustered input, in increasing order. The array is the jet's own; treat it as
 * read-only.
 *
 * @param px x momentum
 * @param py y momentum
 * @param pz z momentum
 * @param e energy
 * @param constituents input indices of the particles clustered into this jet
 */
public record PseudoJet(double px, double py, double pz, double e, int[] constituents) {
    /** Transverse momentum. */
    public double pt() {
        return Math.hypot(px, py);
    }

    /** Transverse momentum squared. */
    public double pt2() {
        return px * px + py * py;
    }

    /** Azimuth in (−π, π]. */
    public double phi() {
        return pt2() == 0 ? 0 : Math.atan2(py, px);
    }

    /** Rapidity with FastJet's conventions (see {@link ClusterSequence#rapidity}). */
    public double rap() {
        return ClusterSequence.rapidity(px, py, pz, e);
    }

    /** Pseudorapidity {@code asinh(pz/pt)}. */
    public double eta() {
        double pt = pt();
        if (pt == 0) {
            return pz == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, pz);
        }
        double x = pz / pt;
        return Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x);
    }

    /** Invariant mass, negative for space-like four-momenta (ROOT's convention). */
    public double m() {
        double m2 = e * e - px * px - py * py - pz * pz;
        return m2 >= 0 ? Math.sqrt(m2) : -Math.sqrt(-m2);
    }

    /** Number of constituents. */
    public int multiplicity() {
        return constituents.length;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "PseudoJet(pt=%.4g, rap=%.4g, phi=%.4g, m=%.4g, n=%d)", pt(), rap(), phi(), m(),
                constituents.length);
    }
}
