package dev.hadron.hep.jet;

import dev.hadron.hep.vector.FourVector;
import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Jet clustering of a whole batch of events, one {@link ClusterSequence} per event.
 *
 * <pre>{@code
 * ClusteredJets out = JetClustering.inclusiveJets(particles, JetDefinition.antiKt(0.4), 20.0);
 * Tensor leadingPt = out.jets().pt().max();        // per event
 * }</pre>
 */
public final class JetClustering {
    private JetClustering() {
    }

    /**
     * The inclusive jets with pt ≥ {@code ptMin} of every event, hardest first, with their constituents. The
     * jet four-momenta are plain sums of the inputs' values (float64); for jets that carry gradients, sum the
     * constituents with {@link ClusteredJets#constituentsOf}.
     */
    public static ClusteredJets inclusiveJets(JaggedFourVector events, JetDefinition definition, double ptMin) {
        FourVector flat = events.flat().detach().to(DType.FLOAT64);
        double[] px = flat.px().toDoubleArray();
        double[] py = flat.py().toDoubleArray();
        double[] pz = flat.pz().toDoubleArray();
        double[] e = flat.e().toDoubleArray();
        long[] off = events.offsetsArray();
        int numEvents = events.numEvents();
        java.util.ArrayList<PseudoJet> all = new java.util.ArrayList<>();
        long[] jetsPerEvent = new long[numEvents];
        java.util.ArrayList<int[]> constituentLists = new java.util.ArrayList<>();
        for (int ev = 0; ev < numEvents; ev++) {
            int start = (int) off[ev];
            int end = (int) off[ev + 1];
            ClusterSequence cs = ClusterSequence.cluster(java.util.Arrays.copyOfRange(px, start, end),
                    java.util.Arrays.copyOfRange(py, start, end), java.util.Arrays.copyOfRange(pz, start, end),
                    java.util.Arrays.copyOfRange(e, start, end), definition);
            List<PseudoJet> jets = cs.inclusiveJets(ptMin);
            jetsPerEvent[ev] = jets.size();
            for (PseudoJet j : jets) {
                all.add(j);
                int[] c = j.constituents().clone();
                for (int k = 0; k < c.length; k++) {
                    c[k] += start;
                }
                constituentLists.add(c);
            }
        }
        int nj = all.size();
        double[] jx = new double[nj];
        double[] jy = new double[nj];
        double[] jz = new double[nj];
        double[] jE = new double[nj];
        long[] counts = new long[nj];
        int total = 0;
        for (int k = 0; k < nj; k++) {
            PseudoJet j = all.get(k);
            jx[k] = j.px();
            jy[k] = j.py();
            jz[k] = j.pz();
            jE[k] = j.e();
            counts[k] = constituentLists.get(k).length;
            total += constituentLists.get(k).length;
        }
        long[] idx = new long[total];
        int p = 0;
        for (int[] c : constituentLists) {
            for (int v : c) {
                idx[p++] = v;
            }
        }
        FourVector jetVectors = FourVector.fromPxPyPzE(Tensor.of(jx, nj), Tensor.of(jy, nj), Tensor.of(jz, nj),
                Tensor.of(jE, nj));
        Jagged layout = Jagged.fromCounts(Tensor.zeros(DType.FLOAT64, nj), jetsPerEvent);
        return new ClusteredJets(JaggedFourVector.of(jetVectors, layout), Jagged.fromCounts(Tensor.of(idx, total), counts));
    }
}
