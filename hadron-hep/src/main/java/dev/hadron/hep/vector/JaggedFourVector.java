package dev.hadron.hep.vector;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Four-vectors of a variable number of particles per event: the particles of all events back to back in
 * one flat {@link FourVector} (shape (total)), with the event boundaries of a {@link Jagged}. This is
 * awkward-array's {@code vector.zip({...})} over a jagged array: per-particle quantities come back as
 * {@code Jagged}, per-event ones ({@link #sum()}) as tensors with one row per event, and everything stays
 * differentiable.
 *
 * <pre>{@code
 * JaggedFourVector muons = JaggedFourVector.fromPtEtaPhiM(pt, eta, phi, mass);   // four Jagged, same layout
 * Tensor mAll = muons.sum().mass();                 // invariant mass of all muons of each event
 * Jagged hard = muons.pt();                         // per-muon pt, jagged
 * JaggedFourVector central = muons.filter(muons.eta().values().abs().lt(2.4));
 * }</pre>
 */
public final class JaggedFourVector {
    private final FourVector flat;
    private final Jagged layout;

    private JaggedFourVector(FourVector flat, Jagged layout) {
        this.flat = flat;
        this.layout = layout;
    }

    /**
     * Wraps flat four-vectors (shape (total)) in the event layout of {@code layout} (whose values are
     * ignored; only its offsets matter).
     */
    public static JaggedFourVector of(FourVector flat, Jagged layout) {
        if (flat.shape().length != 1 || flat.shape()[0] != layout.numValues()) {
            throw new IllegalArgumentException("JaggedFourVector.of: expected flat four-vectors of shape (" + layout.numValues()
                    + ") to match the layout's " + layout.numValues() + " entries, got shape " + Shape.toString(flat.shape()));
        }
        return new JaggedFourVector(flat, layout);
    }

    /** From four jagged arrays with identical event layouts: pt, η, φ, m. */
    public static JaggedFourVector fromPtEtaPhiM(Jagged pt, Jagged eta, Jagged phi, Jagged m) {
        checkSameLayout("JaggedFourVector.fromPtEtaPhiM", new String[] {"pt", "eta", "phi", "m"}, pt, eta, phi, m);
        return new JaggedFourVector(FourVector.fromPtEtaPhiM(flat1(pt), flat1(eta), flat1(phi), flat1(m)), pt);
    }

    /** From four jagged arrays with identical event layouts: pt, η, φ, E. */
    public static JaggedFourVector fromPtEtaPhiE(Jagged pt, Jagged eta, Jagged phi, Jagged e) {
        checkSameLayout("JaggedFourVector.fromPtEtaPhiE", new String[] {"pt", "eta", "phi", "E"}, pt, eta, phi, e);
        return new JaggedFourVector(FourVector.fromPtEtaPhiE(flat1(pt), flat1(eta), flat1(phi), flat1(e)), pt);
    }

    /** From four jagged arrays with identical event layouts: px, py, pz, E. */
    public static JaggedFourVector fromPxPyPzE(Jagged px, Jagged py, Jagged pz, Jagged e) {
        checkSameLayout("JaggedFourVector.fromPxPyPzE", new String[] {"px", "py", "pz", "E"}, px, py, pz, e);
        return new JaggedFourVector(FourVector.fromPxPyPzE(flat1(px), flat1(py), flat1(pz), flat1(e)), px);
    }

    /** From a jagged array whose values have shape (total, 4) holding (px, py, pz, E). */
    public static JaggedFourVector fromPxPyPzE(Jagged values) {
        return new JaggedFourVector(FourVector.fromTensor(values.values()), values);
    }

    /** From a jagged array whose values have shape (total, 4) holding (pt, η, φ, m). */
    public static JaggedFourVector fromPtEtaPhiM(Jagged values) {
        return new JaggedFourVector(FourVector.fromPtEtaPhiMTensor(values.values()), values);
    }

    private static Tensor flat1(Jagged j) {
        Tensor v = j.values();
        if (v.dim() != 1) {
            throw new IllegalArgumentException("JaggedFourVector: expected one value per particle (1-D values), got values of shape "
                    + Shape.toString(v.shape()));
        }
        return v;
    }

    private static void checkSameLayout(String op, String[] names, Jagged... parts) {
        long[] ref = parts[0].offsetsArray();
        for (int i = 1; i < parts.length; i++) {
            if (!Arrays.equals(ref, parts[i].offsetsArray())) {
                throw new IllegalArgumentException(op + ": " + names[i] + " has a different event layout than " + names[0] + " ("
                        + parts[i].numEvents() + " events, " + parts[i].numValues() + " entries vs " + parts[0].numEvents()
                        + " events, " + parts[0].numValues() + " entries)");
            }
        }
    }

    /** The particles of all events back to back, shape (total). */
    public FourVector flat() {
        return flat;
    }

    /** Number of events. */
    public int numEvents() {
        return layout.numEvents();
    }

    /** Total number of particles. */
    public int numValues() {
        return layout.numValues();
    }

    /** Particles per event (int64). */
    public Tensor counts() {
        return layout.counts();
    }

    /** Event boundaries (events + 1 entries). */
    public long[] offsetsArray() {
        return layout.offsetsArray();
    }

    /** For each particle, its event index (int64). */
    public Tensor segmentIds() {
        return layout.segmentIds();
    }

    /** Any per-particle quantity of the flat four-vectors, as a jagged array with this layout. */
    public Jagged apply(Function<FourVector, Tensor> quantity) {
        return layout.withValues(quantity.apply(flat));
    }

    /** A per-particle tensor (total, ...) in this event layout. */
    public Jagged withValues(Tensor perParticle) {
        return layout.withValues(perParticle);
    }

    /** Per-particle transverse momentum. */
    public Jagged pt() {
        return apply(FourVector::pt);
    }

    /** Per-particle pseudorapidity. */
    public Jagged eta() {
        return apply(FourVector::eta);
    }

    /** Per-particle azimuth. */
    public Jagged phi() {
        return apply(FourVector::phi);
    }

    /** Per-particle rapidity. */
    public Jagged rapidity() {
        return apply(FourVector::rapidity);
    }

    /** Per-particle mass. */
    public Jagged mass() {
        return apply(FourVector::mass);
    }

    /** Per-particle energy. */
    public Jagged e() {
        return apply(FourVector::e);
    }

    /** The four-vector sum of each event's particles, shape (events); empty events give zero vectors. */
    public FourVector sum() {
        return FourVector.fromPxPyPzE(layout.withValues(flat.px()).sum(), layout.withValues(flat.py()).sum(),
                layout.withValues(flat.pz()).sum(), layout.withValues(flat.e()).sum());
    }

    /** One four-vector per event (shape (events)) repeated for each particle of the event, shape (total). */
    public FourVector broadcast(FourVector perEvent) {
        int[] s = perEvent.shape();
        if (s.length != 1 || s[0] != numEvents()) {
            throw new IllegalArgumentException("JaggedFourVector.broadcast: expected one four-vector per event (" + numEvents()
                    + "), got shape " + Shape.toString(s));
        }
        Tensor ids = segmentIds();
        return perEvent.map(t -> t.indexSelect(0, ids));
    }

    /** ΔR (η, φ) of each particle to its event's {@code axis} (e.g. the jet axis). */
    public Jagged deltaR(FourVector axis) {
        return layout.withValues(flat.deltaR(broadcast(axis)));
    }

    /** Each event's particles boosted into the rest frame of that event's {@code frame}. */
    public JaggedFourVector boostCMOfP4(FourVector frame) {
        return new JaggedFourVector(flat.boostCMOfP4(broadcast(frame)), layout);
    }

    /** The four-vectors of event {@code i}. */
    public FourVector event(int i) {
        if (i < 0 || i >= numEvents()) {
            throw new IndexOutOfBoundsException("JaggedFourVector.event: index " + i + " is out of range for " + numEvents()
                    + " events");
        }
        long[] off = layout.offsetsArray();
        int start = (int) off[i];
        int len = (int) (off[i + 1] - off[i]);
        return flat.map(t -> t.narrow(0, start, len));
    }

    /** Only the particles where {@code keep} (bool, one per particle) is true, events kept in place. */
    public JaggedFourVector filter(Tensor keep) {
        if (keep.dtype() != DType.BOOL || keep.dim() != 1 || keep.size(0) != numValues()) {
            throw new IllegalArgumentException("JaggedFourVector.filter: expected a bool mask of shape (" + numValues()
                    + "), got " + keep.dtype() + " " + Shape.toString(keep.shape()));
        }
        boolean[] k = keep.toBooleanArray();
        long[] off = layout.offsetsArray();
        long[] counts = new long[numEvents()];
        int kept = 0;
        for (boolean b : k) {
            kept += b ? 1 : 0;
        }
        long[] idx = new long[kept];
        int n = 0;
        for (int e = 0; e < counts.length; e++) {
            for (long p = off[e]; p < off[e + 1]; p++) {
                if (k[(int) p]) {
                    idx[n++] = p;
                    counts[e]++;
                }
            }
        }
        Tensor index = Tensor.of(idx, kept);
        FourVector f = flat.map(t -> t.indexSelect(0, index));
        return new JaggedFourVector(f, Jagged.fromCounts(index, counts));
    }

    @Override
    public String toString() {
        return "JaggedFourVector(events=" + numEvents() + ", particles=" + numValues() + ", dtype=" + flat.dtype() + ")";
    }
}
