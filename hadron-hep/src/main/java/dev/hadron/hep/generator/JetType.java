package dev.hadron.hep.generator;

/** What initiates a generated jet; {@link #label()} is the class index used in the generated labels. */
public enum JetType {
    /** A light quark or gluon: one prong, a broad, falling mass distribution. */
    QCD(0),
    /** A boosted W boson decaying to two quarks: two prongs, mass near 80.4 GeV. */
    W(1),
    /** A boosted top quark decaying to b W → b q q̄: three prongs, mass near 172.5 GeV. */
    TOP(2);

    private final int label;

    JetType(int label) {
        this.label = label;
    }

    /** The class index (0 QCD, 1 W, 2 top). */
    public int label() {
        return label;
    }
}
