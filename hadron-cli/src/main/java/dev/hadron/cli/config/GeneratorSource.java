package dev.hadron.cli.config;

import dev.hadron.hep.generator.JetType;

/**
 * The built-in data source {@code generator: {kind: jets, signal: W, events: 5000}}: Hadron's toy jet
 * generator ({@link dev.hadron.hep.generator.JetGenerator}) makes {@code events} QCD jets (label 0) and
 * as many signal jets (label 1), each with high-level features ({@code inputs: features}), a jet image
 * ({@code inputs: images}) and its constituents ({@code inputs: constituents}).
 *
 * @param signal the signal jet type (W or TOP)
 * @param events jets per class
 * @param ptMin lower edge of the jet pt range (GeV)
 * @param ptMax upper edge of the jet pt range (GeV)
 */
public record GeneratorSource(JetType signal, int events, double ptMin, double ptMax) {
}
