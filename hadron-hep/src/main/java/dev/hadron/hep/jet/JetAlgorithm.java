package dev.hadron.hep.jet;

/**
 * The generalised-kT family of sequential recombination algorithms, with distances
 * {@code d_ij = min(kt_i^2p, kt_j^2p)·ΔR_ij²/R²} and {@code d_iB = kt_i^2p} (FastJet's conventions).
 */
public enum JetAlgorithm {
    /** p = 1: clusters soft, collinear pairs first; its history is ordered in relative kT (exclusive jets). */
    KT(1, "kt_algorithm"),
    /** p = 0: purely angular clustering (Cambridge/Aachen). */
    CAMBRIDGE_AACHEN(0, "cambridge_algorithm"),
    /** p = −1: clusters around hard particles, giving cone-like jets; the LHC default. */
    ANTI_KT(-1, "antikt_algorithm");

    private final int power;
    private final String fastjetName;

    JetAlgorithm(int power, String fastjetName) {
        this.power = power;
        this.fastjetName = fastjetName;
    }

    /** The exponent p of the momentum weight kt^2p. */
    public int power() {
        return power;
    }

    /** The name of the same algorithm in FastJet. */
    public String fastjetName() {
        return fastjetName;
    }
}
