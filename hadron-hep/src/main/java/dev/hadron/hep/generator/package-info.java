/**
 * A built-in toy jet generator: a simplified parton shower in the manner of Ginkgo plus a crude detector,
 * producing QCD, W and top jets with constituents, high-level features and images, so that examples, tests
 * and benchmarks run with nothing downloaded. It is a toy, not Pythia + Delphes; see
 * {@link dev.hadron.hep.generator.JetGenerator} for exactly what it models and what it does not.
 *
 * <p>Units and conventions: GeV; constituents are massless (pt, η, φ, E) with φ in (−π, π]; jets are the
 * leading anti-kT jet with R = 0.8 by default; the initiating object has pt in [550, 650] GeV and |η| &lt; 2
 * by default.
 *
 * <pre>{@code
 * GeneratedJets jets = JetGenerator.defaults().generateMixture(10_000, new Generator(1), JetType.QCD, JetType.TOP);
 * Tensor mass = jets.feature("mass");
 * Tensor tau32 = jets.feature("tau32");
 * }</pre>
 */
package dev.hadron.hep.generator;
