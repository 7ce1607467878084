package dev.hadron.hep.jet;

import dev.hadron.hep.vector.FourVector;
import dev.hadron.tensor.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The clustering of one event's particles with a {@link JetDefinition}: FastJet's {@code ClusterSequence}.
 * Sequential recombination with E-scheme merging and distances in rapidity–azimuth; at each step the
 * smallest of all {@code d_ij} and {@code d_iB} is either a merge of two pseudojets or a pseudojet leaving as
 * a jet ("merging with the beam").
 *
 * <p>The search uses the nearest-neighbour bookkeeping of FastJet's {@code N2Plain} strategy (Cacciari and
 * Salam, "Dispelling the N³ myth for the kt jet-finder", hep-ph/0512210): the pair with the smallest
 * {@code d_ij} is always a pseudojet and its geometric nearest neighbour, so each step scans N candidates
 * and updates only the neighbours that changed, O(N²) overall for the usual inputs instead of O(N³).
 * Results are those of FastJet up to ties in distances.
 *
 * <p>The full history is kept, so one clustering answers inclusive jets ({@link #inclusiveJets}),
 * exclusive jets with a fixed number of jets ({@link #exclusiveJets(int)}) or a distance cut
 * ({@link #exclusiveJetsDcut}), and the merging scales {@link #exclusiveDmerge}.
 *
 * <pre>{@code
 * ClusterSequence cs = ClusterSequence.cluster(px, py, pz, e, JetDefinition.antiKt(0.4));
 * List<PseudoJet> jets = cs.inclusiveJets(20.0);            // pt > 20 GeV, hardest first
 * ClusterSequence kt = ClusterSequence.cluster(px, py, pz, e, JetDefinition.kt(JetDefinition.MAX_ALLOWABLE_R));
 * List<PseudoJet> twoSubjets = kt.exclusiveJets(2);
 * }</pre>
 */
public final class ClusterSequence {
    /** Rapidity given to particles with zero pt, plus |pz| (FastJet's {@code MaxRap}). */
    public static final double MAX_RAP = 1e5;
    private static final double TWO_PI = 2 * Math.PI;
    private static final int BEAM = -1;
    private static final int NONE = -1;

    private final JetDefinition definition;
    private final int n;
    private final double[] jpx;
    private final double[] jpy;
    private final double[] jpz;
    private final double[] je;
    // history: entries 0..n-1 are the particles, then one entry per clustering step
    private final int[] parent1;
    private final int[] parent2;
    private final int[] child;
    private final int[] jetOf;
    private final double[] dij;
    private final double[] maxDij;
    private int historySize;

    private ClusterSequence(JetDefinition definition, double[] px, double[] py, double[] pz, double[] e) {
        this.definition = definition;
        this.n = px.length;
        int cap = Math.max(1, 2 * n);
        jpx = Arrays.copyOf(px, cap);
        jpy = Arrays.copyOf(py, cap);
        jpz = Arrays.copyOf(pz, cap);
        je = Arrays.copyOf(e, cap);
        parent1 = new int[cap];
        parent2 = new int[cap];
        child = new int[cap];
        jetOf = new int[cap];
        dij = new double[cap];
        maxDij = new double[cap];
        for (int i = 0; i < n; i++) {
            parent1[i] = NONE;
            parent2[i] = NONE;
            child[i] = NONE;
            jetOf[i] = i;
        }
        historySize = n;
    }

    /**
     * Clusters one event given as Cartesian components (GeV). Arrays must have equal lengths and finite
     * values with E ≥ 0.
     */
    public static ClusterSequence cluster(double[] px, double[] py, double[] pz, double[] e, JetDefinition definition) {
        if (definition == null) {
            throw new IllegalArgumentException("ClusterSequence.cluster: the jet definition is null");
        }
        if (px.length != py.length || px.length != pz.length || px.length != e.length) {
            throw new IllegalArgumentException("ClusterSequence.cluster: px, py, pz and E must have equal lengths, got "
                    + px.length + ", " + py.length + ", " + pz.length + ", " + e.length);
        }
        for (int i = 0; i < px.length; i++) {
            if (!Double.isFinite(px[i]) || !Double.isFinite(py[i]) || !Double.isFinite(pz[i]) || !Double.isFinite(e[i])
                    || e[i] < 0) {
                throw new IllegalArgumentException("ClusterSequence.cluster: particle " + i + " has (px, py, pz, E) = ("
                        + px[i] + ", " + py[i] + ", " + pz[i] + ", " + e[i] + "); expected finite values and E >= 0");
            }
        }
        ClusterSequence cs = new ClusterSequence(definition, px, py, pz, e);
        cs.run();
        return cs;
    }

    /** Clusters the particles of a 1-D {@link FourVector} (values are read, not differentiated). */
    public static ClusterSequence cluster(FourVector particles, JetDefinition definition) {
        if (particles.shape().length != 1) {
            throw new IllegalArgumentException("ClusterSequence.cluster: expected one event as a 1-D FourVector, got shape "
                    + Shape.toString(particles.shape()));
        }
        FourVector p = particles.detach();
        return cluster(p.px().toDoubleArray(), p.py().toDoubleArray(), p.pz().toDoubleArray(), p.e().toDoubleArray(),
                definition);
    }

    /**
     * Rapidity with FastJet's conventions: {@code ½ ln((pt² + m²)/(E + |pz|)²)} signed like pz, with the mass
     * squared clamped at 0; particles along the beam (pt = 0, E = |pz|) get ±({@link #MAX_RAP} + |pz|).
     */
    public static double rapidity(double px, double py, double pz, double e) {
        double pt2 = px * px + py * py;
        if (e == Math.abs(pz) && pt2 == 0) {
            double y = MAX_RAP + Math.abs(pz);
            return pz >= 0 ? y : -y;
        }
        double m2 = Math.max(0, e * e - pt2 - pz * pz);
        double ePlusPz = e + Math.abs(pz);
        double y = 0.5 * Math.log((pt2 + m2) / (ePlusPz * ePlusPz));
        return pz > 0 ? -y : y;
    }

    private double scale(double kt2) {
        return switch (definition.algorithm()) {
            case KT -> kt2;
            case CAMBRIDGE_AACHEN -> 1.0;
            case ANTI_KT -> kt2 > 1e-300 ? 1.0 / kt2 : 1e300;
        };
    }

    private void run() {
        int cap = jpx.length;
        double[] rap = new double[cap];
        double[] phi = new double[cap];
        double[] diB = new double[cap];
        int[] nn = new int[cap];
        double[] nnDist = new double[cap];
        int[] histOfJet = new int[cap];
        int[] active = new int[n];
        int[] pos = new int[cap];
        int na = n;
        for (int i = 0; i < n; i++) {
            geometry(i, rap, phi, diB);
            active[i] = i;
            pos[i] = i;
            histOfJet[i] = i;
        }
        for (int a = 0; a < na; a++) {
            findNeighbour(active[a], active, na, rap, phi, nn, nnDist);
        }
        double invR2 = 1.0 / (definition.r() * definition.r());
        int nextJet = n;
        double runningMax = 0;
        while (na > 0) {
            double best = Double.POSITIVE_INFINITY;
            int bi = -1;
            int bj = -1;
            for (int a = 0; a < na; a++) {
                int i = active[a];
                double d = diB[i];
                int j = -1;
                if (nn[i] >= 0) {
                    double dij = Math.min(diB[i], diB[nn[i]]) * nnDist[i] * invR2;
                    if (dij < d) {
                        d = dij;
                        j = nn[i];
                    }
                }
                if (d < best || bi < 0) {
                    best = d;
                    bi = i;
                    bj = j;
                }
            }
            runningMax = Math.max(runningMax, best);
            if (bj < 0) {
                int h = historySize++;
                parent1[h] = histOfJet[bi];
                parent2[h] = BEAM;
                child[h] = NONE;
                jetOf[h] = NONE;
                dij[h] = best;
                maxDij[h] = runningMax;
                child[histOfJet[bi]] = h;
                na = remove(bi, active, pos, na);
                for (int a = 0; a < na; a++) {
                    int m = active[a];
                    if (nn[m] == bi) {
                        findNeighbour(m, active, na, rap, phi, nn, nnDist);
                    }
                }
            } else {
                int k = nextJet++;
                jpx[k] = jpx[bi] + jpx[bj];
                jpy[k] = jpy[bi] + jpy[bj];
                jpz[k] = jpz[bi] + jpz[bj];
                je[k] = je[bi] + je[bj];
                geometry(k, rap, phi, diB);
                int hi = histOfJet[bi];
                int hj = histOfJet[bj];
                int h = historySize++;
                parent1[h] = Math.min(hi, hj);
                parent2[h] = Math.max(hi, hj);
                child[h] = NONE;
                jetOf[h] = k;
                dij[h] = best;
                maxDij[h] = runningMax;
                child[hi] = h;
                child[hj] = h;
                histOfJet[k] = h;
                na = remove(bi, active, pos, na);
                na = remove(bj, active, pos, na);
                active[na] = k;
                pos[k] = na;
                na++;
                for (int a = 0; a < na - 1; a++) {
                    int m = active[a];
                    if (nn[m] == bi || nn[m] == bj) {
                        findNeighbour(m, active, na, rap, phi, nn, nnDist);
                    } else {
                        double d = distance(m, k, rap, phi);
                        if (d < nnDist[m]) {
                            nnDist[m] = d;
                            nn[m] = k;
                        }
                    }
                }
                findNeighbour(k, active, na, rap, phi, nn, nnDist);
            }
        }
    }

    private static int remove(int jet, int[] active, int[] pos, int na) {
        int p = pos[jet];
        int last = active[na - 1];
        active[p] = last;
        pos[last] = p;
        return na - 1;
    }

    private void geometry(int j, double[] rap, double[] phi, double[] diB) {
        double pt2 = jpx[j] * jpx[j] + jpy[j] * jpy[j];
        rap[j] = rapidity(jpx[j], jpy[j], jpz[j], je[j]);
        double f = pt2 == 0 ? 0 : Math.atan2(jpy[j], jpx[j]);
        if (f < 0) {
            f += TWO_PI;
        }
        if (f >= TWO_PI) {
            f -= TWO_PI;
        }
        phi[j] = f;
        diB[j] = scale(pt2);
    }

    private static double distance(int i, int j, double[] rap, double[] phi) {
        double dphi = Math.abs(phi[i] - phi[j]);
        if (dphi > Math.PI) {
            dphi = TWO_PI - dphi;
        }
        double dy = rap[i] - rap[j];
        return dy * dy + dphi * dphi;
    }

    private static void findNeighbour(int i, int[] active, int na, double[] rap, double[] phi, int[] nn, double[] nnDist) {
        double best = Double.POSITIVE_INFINITY;
        int bestJ = -1;
        for (int a = 0; a < na; a++) {
            int j = active[a];
            if (j != i) {
                double d = distance(i, j, rap, phi);
                if (d < best) {
                    best = d;
                    bestJ = j;
                }
            }
        }
        nn[i] = bestJ;
        nnDist[i] = best;
    }

    // ------------------------------------------------------------------ results

    /** The definition this event was clustered with. */
    public JetDefinition definition() {
        return definition;
    }

    /** Number of input particles. */
    public int numParticles() {
        return n;
    }

    private PseudoJet jetAtHistory(int h) {
        int j = h < n ? h : jetOf[h];
        return new PseudoJet(jpx[j], jpy[j], jpz[j], je[j], constituents(h));
    }

    private int[] constituents(int h) {
        int[] out = new int[16];
        int count = 0;
        int[] stack = new int[32];
        int sp = 0;
        stack[sp++] = h;
        while (sp > 0) {
            int x = stack[--sp];
            if (x < n) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, 2 * count);
                }
                out[count++] = x;
            } else {
                if (sp + 2 > stack.length) {
                    stack = Arrays.copyOf(stack, 2 * stack.length);
                }
                stack[sp++] = parent1[x];
                if (parent2[x] >= 0) {
                    stack[sp++] = parent2[x];
                }
            }
        }
        int[] result = Arrays.copyOf(out, count);
        Arrays.sort(result);
        return result;
    }

    private static List<PseudoJet> byPt(List<PseudoJet> jets) {
        jets.sort(Comparator.comparingDouble(PseudoJet::pt2).reversed());
        return jets;
    }

    /** The jets that left the clustering with pt ≥ {@code ptMin} (GeV), hardest first (FastJet's inclusive jets). */
    public List<PseudoJet> inclusiveJets(double ptMin) {
        List<PseudoJet> out = new ArrayList<>();
        double pt2Min = ptMin > 0 ? ptMin * ptMin : 0;
        for (int h = n; h < historySize; h++) {
            if (parent2[h] == BEAM) {
                int j = parent1[h] < n ? parent1[h] : jetOf[parent1[h]];
                double pt2 = jpx[j] * jpx[j] + jpy[j] * jpy[j];
                if (pt2 >= pt2Min) {
                    out.add(jetAtHistory(parent1[h]));
                }
            }
        }
        return byPt(out);
    }

    private void checkExclusive(String op) {
        if (definition.algorithm() == JetAlgorithm.ANTI_KT) {
            throw new IllegalStateException("ClusterSequence." + op + ": exclusive jets are defined for the kT and"
                    + " Cambridge/Aachen algorithms, whose histories are ordered in distance; anti-kT's is not (FastJet warns"
                    + " likewise). Recluster the particles with JetDefinition.kt(...) or cambridgeAachen(...)");
        }
    }

    private int stopPoint(String op, int njets) {
        checkExclusive(op);
        if (njets < 0 || njets > n) {
            throw new IllegalArgumentException("ClusterSequence." + op + ": asked for " + njets + " exclusive jets, but the event has "
                    + n + " particles (expected 0.." + n + ")");
        }
        return 2 * n - njets;
    }

    /**
     * The jets present when the clustering had {@code njets} left, i.e. undoing its last {@code njets}
     * steps (FastJet's {@code exclusive_jets(n)}), hardest first. With a finite R, jets that had already
     * merged with the beam are not among them.
     */
    public List<PseudoJet> exclusiveJets(int njets) {
        int stop = stopPoint("exclusiveJets", njets);
        List<PseudoJet> out = new ArrayList<>();
        for (int h = 2 * n - 1; h >= stop; h--) {
            if (parent1[h] < stop) {
                out.add(jetAtHistory(parent1[h]));
            }
            if (parent2[h] >= 0 && parent2[h] < stop) {
                out.add(jetAtHistory(parent2[h]));
            }
        }
        return byPt(out);
    }

    /**
     * For each input particle, the index of the exclusive jet (in the order of {@link #exclusiveJets(int)})
     * that contains it, or −1 when it belongs to a jet that had merged with the beam before.
     */
    public int[] exclusiveLabels(int njets) {
        List<PseudoJet> jets = exclusiveJets(njets);
        int[] label = new int[n];
        Arrays.fill(label, -1);
        for (int k = 0; k < jets.size(); k++) {
            for (int c : jets.get(k).constituents()) {
                label[c] = k;
            }
        }
        return label;
    }

    /** The number of exclusive jets left when no remaining pair or beam distance is below {@code dcut}. */
    public int numExclusiveJets(double dcut) {
        checkExclusive("numExclusiveJets");
        int i = historySize - 1;
        while (i >= 0 && maxDij[i] > dcut) {
            i--;
        }
        return 2 * n - (i + 1);
    }

    /** The exclusive jets obtained by clustering until all distances exceed {@code dcut} (FastJet's {@code exclusive_jets(dcut)}). */
    public List<PseudoJet> exclusiveJetsDcut(double dcut) {
        return exclusiveJets(numExclusiveJets(dcut));
    }

    /**
     * The distance of the step that went from {@code njets + 1} to {@code njets} jets (d_{n,n+1}, FastJet's
     * {@code exclusive_dmerge}); 0 when {@code njets} ≥ the number of particles.
     */
    public double exclusiveDmerge(int njets) {
        if (njets < 0) {
            throw new IllegalArgumentException("ClusterSequence.exclusiveDmerge: njets must be >= 0, got " + njets);
        }
        return njets >= n ? 0.0 : dij[2 * n - njets - 1];
    }

    /** The largest distance of all steps up to the one from {@code njets + 1} to {@code njets} jets. */
    public double exclusiveDmergeMax(int njets) {
        if (njets < 0) {
            throw new IllegalArgumentException("ClusterSequence.exclusiveDmergeMax: njets must be >= 0, got " + njets);
        }
        return njets >= n ? 0.0 : maxDij[2 * n - njets - 1];
    }
}
