/**
 * Hadron HEP: differentiable four-vectors over tensors and jagged collections, jet clustering (anti-kT, kT,
 * Cambridge/Aachen), jet substructure observables, jet images, a toy jet generator in the manner of Ginkgo,
 * and a catalog of public HEP benchmark datasets with checksummed, cached downloads.
 */
module dev.hadron.hep {
    requires transitive dev.hadron.core;
    requires java.net.http;

    exports dev.hadron.hep.vector;
    exports dev.hadron.hep.jet;
    exports dev.hadron.hep.substructure;
    exports dev.hadron.hep.image;
    exports dev.hadron.hep.generator;
    exports dev.hadron.hep.datasets;
}
