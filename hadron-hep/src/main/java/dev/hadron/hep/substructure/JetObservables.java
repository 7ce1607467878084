package dev.hadron.hep.substructure;

import dev.hadron.hep.vector.FourVector;
import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.tensor.Tensor;

/**
 * Simple jet-level observables from constituents (one jet per event of the jagged collection), all
 * differentiable tensor expressions.
 */
public final class JetObservables {
    private JetObservables() {
    }

    /** The jet four-momentum: the E-scheme sum of the constituents, shape (jets). */
    public static FourVector jet(JaggedFourVector constituents) {
        return constituents.sum();
    }

    /** The jet invariant mass (GeV). */
    public static Tensor mass(JaggedFourVector constituents) {
        return constituents.sum().mass();
    }

    /** The number of constituents (int64). */
    public static Tensor multiplicity(JaggedFourVector constituents) {
        return constituents.counts();
    }

    /**
     * The pt-weighted width (girth, linear radial moment) {@code Σ pt_i ΔR_i / Σ pt_i} around the jet axis, with
     * ΔR in rapidity–azimuth; 0 for empty jets.
     */
    public static Tensor girth(JaggedFourVector constituents) {
        FourVector axis = constituents.sum();
        Tensor pt = constituents.flat().pt();
        Tensor dr = constituents.flat().deltaRapidityPhi(constituents.broadcast(axis));
        return SafeMath.divOrZero(constituents.withValues(pt.mul(dr)).sum(), constituents.withValues(pt).sum());
    }
}
