/**
 * Lorentz four-vectors over tensors ({@link dev.hadron.hep.vector.FourVector}) and over jagged event
 * collections ({@link dev.hadron.hep.vector.JaggedFourVector}), vectorized and differentiable.
 *
 * <p>Physics conventions used throughout Hadron:
 * <ul>
 *   <li>energies, momenta and masses in GeV; natural units (c = 1);
 *   <li>the z axis along the beam; pt = sqrt(px² + py²); the azimuth φ = atan2(py, px) in (−π, π], and every
 *       φ difference is wrapped into (−π, π];
 *   <li>the pseudorapidity η = asinh(pz/pt) = −ln tan(θ/2), ±∞ for particles along the beam; the rapidity
 *       y = ½ ln((E + pz)/(E − pz)), equal to η for massless particles;
 *   <li>ΔR = sqrt(Δη² + Δφ²) as in ROOT and scikit-hep vector; the jet algorithms and jet substructure use
 *       the rapidity instead ({@code deltaRapidityPhi}), as FastJet does;
 *   <li>metric (+, −, −, −); the mass of a space-like vector is −sqrt(−m²), as in ROOT.
 * </ul>
 *
 * <pre>{@code
 * // the dimuon mass of every event, from jagged muon branches (e.g. read from a ROOT file)
 * JaggedFourVector mu = JaggedFourVector.fromPtEtaPhiM(pt, eta, phi, mass);
 * JaggedFourVector hard = mu.filter(mu.flat().pt().gt(20.0));   // muons above 20 GeV, events kept in place
 * Tensor mmumu = hard.sum().mass();                             // (events,): mass of the muon system
 * Tensor twoMuons = hard.counts().eq(2);                        // events with exactly two such muons
 * Tensor dr = hard.deltaR(hard.sum()).values();                 // each muon's ΔR to the muon system
 * }</pre>
 */
package dev.hadron.hep.vector;
