package dev.hadron.hep.jet;

import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.tensor.Jagged;

/**
 * The jets of a batch of events and, for each jet, its constituents.
 *
 * @param jets the jets of each event, hardest first (a jagged collection over events)
 * @param constituents for each jet in the flat order of {@code jets}, the flat indices of its constituents in
 *     the clustered particles (a jagged int64 array over jets)
 */
public record ClusteredJets(JaggedFourVector jets, Jagged constituents) {
    /**
     * The constituents of every jet as a jagged collection over jets (one "event" per jet), taken from the
     * particles that were clustered; differentiable with respect to them.
     */
    public JaggedFourVector constituentsOf(JaggedFourVector particles) {
        return JaggedFourVector.of(particles.flat().map(t -> t.indexSelect(0, constituents.values())), constituents);
    }
}
