package dev.hadron.hep.jet;

/**
 * A jet algorithm and its radius parameter R, with E-scheme recombination (four-momenta are added) and
 * distances in rapidity–azimuth, as FastJet's {@code JetDefinition(algorithm, R)}. Common choices: anti-kT
 * R = 0.4 (small-radius jets at the LHC), R = 0.8 (CMS large-radius jets, the top-tagging reference data),
 * R = 1.0 (ATLAS large-radius jets).
 *
 * @param algorithm the clustering algorithm
 * @param r the radius parameter, in (0, 1000]
 */
public record JetDefinition(JetAlgorithm algorithm, double r) {
    /** The largest radius accepted, FastJet's {@code max_allowable_R}: large enough that nothing merges with the beam. */
    public static final double MAX_ALLOWABLE_R = 1000.0;

    /** Validates the definition. */
    public JetDefinition {
        if (algorithm == null) {
            throw new IllegalArgumentException("JetDefinition: the algorithm is null");
        }
        if (!(r > 0) || !(r <= MAX_ALLOWABLE_R)) {
            throw new IllegalArgumentException("JetDefinition: R must be in (0, " + MAX_ALLOWABLE_R + "], got " + r);
        }
    }

    /** Anti-kT with radius {@code r}. */
    public static JetDefinition antiKt(double r) {
        return new JetDefinition(JetAlgorithm.ANTI_KT, r);
    }

    /** kT with radius {@code r}. */
    public static JetDefinition kt(double r) {
        return new JetDefinition(JetAlgorithm.KT, r);
    }

    /** Cambridge/Aachen with radius {@code r}. */
    public static JetDefinition cambridgeAachen(double r) {
        return new JetDefinition(JetAlgorithm.CAMBRIDGE_AACHEN, r);
    }

    /** A copy with another radius. */
    public JetDefinition withR(double newR) {
        return new JetDefinition(algorithm, newR);
    }

    /** A copy with another algorithm. */
    public JetDefinition withAlgorithm(JetAlgorithm newAlgorithm) {
        return new JetDefinition(newAlgorithm, r);
    }
}
