/**
 * Jet substructure observables computed from constituents for whole batches of jets, differentiable in the
 * constituent four-momenta: N-subjettiness τ_N with exclusive-kT axes and its ratios τ₂₁, τ₃₂
 * ({@link dev.hadron.hep.substructure.NSubjettiness}), energy correlation functions and C2/D2
 * ({@link dev.hadron.hep.substructure.EnergyCorrelation}), mass, multiplicity and girth
 * ({@link dev.hadron.hep.substructure.JetObservables}).
 *
 * <p>Inputs are {@link dev.hadron.hep.vector.JaggedFourVector} collections with one jet per "event", e.g.
 * {@link dev.hadron.hep.jet.ClusteredJets#constituentsOf}. Angles are rapidity–azimuth distances and
 * weights are transverse momenta (FastJet contrib's {@code pt_R} measure); energies in GeV.
 *
 * <pre>{@code
 * JaggedFourVector constituents = clustered.constituentsOf(particles);
 * Tensor taus = NSubjettiness.defaults().compute(constituents);   // (jets, 3): tau1, tau2, tau3
 * Tensor tau21 = NSubjettiness.ratio(taus, 2);
 * Tensor d2 = new EnergyCorrelation(2.0).d2(constituents);
 * }</pre>
 */
package dev.hadron.hep.substructure;
