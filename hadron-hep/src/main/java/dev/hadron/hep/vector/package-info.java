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
 * // the dimuon mass of every event, from jagged muon branches
 * JaggedFourVector mu = JaggedFourVector.fromPtEtaPhiM(pt, eta, phi, mass);
 * JaggedFourVector two = mu.filter(...);                 // e.g. events with two muons kept via a mask
 * Tensor mmumu = mu.sum().mass();
 * }</pre>
 */
package dev.hadron.hep.vector;
