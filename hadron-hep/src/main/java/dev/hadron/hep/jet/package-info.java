/**
 * Sequential-recombination jet clustering: anti-kT, kT and Cambridge/Aachen with E-scheme recombination,
 * inclusive jets and exclusive jets (to N jets or to a distance cut), as in FastJet.
 *
 * <p>Distances use the rapidity and the azimuth. Typical radii: R = 0.4 for LHC small-radius jets,
 * R = 0.8 for boosted-object jets (CMS AK8, the top-tagging reference dataset, Hadron's jet generator),
 * R = 1.0 for ATLAS large-radius jets; exclusive-kT subjet axes use
 * {@link dev.hadron.hep.jet.JetDefinition#MAX_ALLOWABLE_R} so that nothing leaves the clustering early.
 *
 * <pre>{@code
 * ClusterSequence cs = ClusterSequence.cluster(px, py, pz, e, JetDefinition.antiKt(0.4));
 * for (PseudoJet jet : cs.inclusiveJets(25.0)) {
 *     System.out.println(jet.pt() + " " + jet.rap() + " " + jet.multiplicity());
 * }
 * }</pre>
 */
package dev.hadron.hep.jet;
