package dev.hadron.tensor;

import dev.hadron.internal.kernel.Index;
import dev.hadron.internal.ops.Indexing;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A batch of events with a variable number of entries each (particles, constituents, hits): the
 * entries of all events stored back to back in one {@link #values()} tensor of shape
 * (total, features...), and event boundaries in {@link #offsets()} (events + 1 positions). This is
 * awkward-array's / uproot's jagged layout and PyTorch Geometric's batching.
 *
 * <p>Per-event reductions ({@link #sum}, {@link #mean}, {@link #max}, {@link #min}), the per-event
 * {@link #softmax}, {@link #broadcast} of per-event values back to the entries, and conversion to and
 * from a padded dense block ({@link #toDense}, {@link #fromDense}) are all differentiable, so Deep
 * Sets, graph networks and attention run on ragged events without padding.
 *
 * <pre>{@code
 * Jagged pt = Jagged.fromCounts(Tensor.of(new float[] {30, 20, 50, 10, 5}, 5), 2, 0, 3);
 * pt.sum();    // tensor([50., 0., 65.])
 * }</pre>
 */
public final class Jagged {
    private final Tensor values;
    private final long[] offsets;
    private Tensor segmentIds;

    private Jagged(Tensor values, long[] offsets) {
        this.values = values;
        this.offsets = offsets;
    }

    /** Padded dense form: values (events, maxCount, features...) and a bool mask (events, maxCount). */
    public record Padded(Tensor values, Tensor mask) {
    }

    /** A jagged batch from flat values and int64 offsets (events + 1 entries, starting at 0). */
    public static Jagged of(Tensor values, Tensor offsets) {
        if (offsets.dtype() != DType.INT64 && offsets.dtype() != DType.INT32) {
            throw new IllegalArgumentException("Jagged: offsets must be int64, got " + offsets.dtype());
        }
        if (offsets.dim() != 1) {
            throw new IllegalArgumentException("Jagged: offsets must be 1-D, got shape " + Shape.toString(offsets.shape()));
        }
        return of(values, offsets.toLongArray());
    }

    /** A jagged batch from flat values and offsets (events + 1 entries, starting at 0, non-decreasing). */
    public static Jagged of(Tensor values, long[] offsets) {
        if (values.dim() == 0) {
            throw new IllegalArgumentException("Jagged: values must have at least one dimension (entries), got a scalar");
        }
        if (offsets.length == 0 || offsets[0] != 0) {
            throw new IllegalArgumentException("Jagged: offsets must start with 0 and have events + 1 entries, got "
                    + (offsets.length == 0 ? "none" : "first offset " + offsets[0]));
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IllegalArgumentException("Jagged: offsets must not decrease; offset " + i + " is " + offsets[i]
                        + " after " + offsets[i - 1]);
            }
        }
        long last = offsets[offsets.length - 1];
        if (last != values.size(0)) {
            throw new IllegalArgumentException("Jagged: the last offset (" + last + ") must equal the number of entries in"
                    + " values (" + values.size(0) + ")");
        }
        return new Jagged(values, offsets.clone());
    }

    /** A jagged batch from flat values and the number of entries of each event. */
    public static Jagged fromCounts(Tensor values, long... counts) {
        long[] off = new long[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("Jagged: count of event " + i + " is negative (" + counts[i] + ")");
            }
            off[i + 1] = off[i] + counts[i];
        }
        return of(values, off);
    }

    /** A jagged batch from flat values and an integer tensor of counts. */
    public static Jagged fromCounts(Tensor values, Tensor counts) {
        return fromCounts(values, counts.toLongArray());
    }

    /** A jagged batch from one tensor per event (each (count, features...), equal feature shapes). */
    public static Jagged fromList(List<Tensor> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("Jagged.fromList: at least one event is needed to know the feature shape");
        }
        long[] counts = new long[events.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = events.get(i).size(0);
        }
        return fromCounts(Tensor.cat(events, 0), counts);
    }

    /** The entries where {@code mask} (events, maxCount) is true, in order, from a dense (events, maxCount, ...) block. */
    public static Jagged fromDense(Tensor dense, Tensor mask) {
        if (mask.dtype() != DType.BOOL || mask.dim() != 2 || dense.dim() < 2 || dense.size(0) != mask.size(0)
                || dense.size(1) != mask.size(1)) {
            throw new IllegalArgumentException("Jagged.fromDense: expected dense (events, maxCount, ...) and a bool mask"
                    + " (events, maxCount), got shapes " + Shape.toString(dense.shape()) + " and "
                    + Shape.toString(mask.shape()) + " (" + mask.dtype() + ")");
        }
        int n = dense.size(0);
        int m = dense.size(1);
        int[] s = dense.shape();
        int[] flatShape = new int[s.length - 1];
        flatShape[0] = n * m;
        System.arraycopy(s, 2, flatShape, 1, s.length - 2);
        Tensor idx = Index.nonzeroFlat(mask.detach());
        Tensor values = dense.reshape(flatShape).indexSelect(0, idx);
        return fromCounts(values, mask.to(DType.INT64).sum(1));
    }

    /** The flat entries, (total, features...). */
    public Tensor values() {
        return values;
    }

    /** Event boundaries as an int64 tensor of events + 1 entries. */
    public Tensor offsets() {
        return Tensor.of(offsets, offsets.length);
    }

    /** Event boundaries as a Java array (a copy). */
    public long[] offsetsArray() {
        return offsets.clone();
    }

    /** Number of events. */
    public int numEvents() {
        return offsets.length - 1;
    }

    /** Total number of entries over all events. */
    public int numValues() {
        return (int) offsets[offsets.length - 1];
    }

    /** Entries per event (int64). */
    public Tensor counts() {
        long[] c = new long[numEvents()];
        for (int i = 0; i < c.length; i++) {
            c[i] = offsets[i + 1] - offsets[i];
        }
        return Tensor.of(c, c.length);
    }

    /** The largest number of entries in one event. */
    public int maxCount() {
        long m = 0;
        for (int i = 0; i < numEvents(); i++) {
            m = Math.max(m, offsets[i + 1] - offsets[i]);
        }
        return (int) m;
    }

    /** For each entry, the index of its event (int64, length total). */
    public Tensor segmentIds() {
        if (segmentIds == null) {
            long[] ids = new long[numValues()];
            for (int e = 0; e < numEvents(); e++) {
                Arrays.fill(ids, (int) offsets[e], (int) offsets[e + 1], e);
            }
            segmentIds = Tensor.wrap(ids, ids.length);
        }
        return segmentIds;
    }

    /** The entries of event {@code i} (a view of the values). */
    public Tensor event(int i) {
        if (i < 0 || i >= numEvents()) {
            throw new IndexOutOfBoundsException("Jagged.event: index " + i + " is out of range for " + numEvents()
                    + " events");
        }
        return values.narrow(0, (int) offsets[i], (int) (offsets[i + 1] - offsets[i]));
    }

    /** The same event structure with new values (same number of entries). */
    public Jagged withValues(Tensor newValues) {
        if (newValues.dim() == 0 || newValues.size(0) != numValues()) {
            throw new IllegalArgumentException("Jagged.withValues: expected " + numValues() + " entries, got shape "
                    + Shape.toString(newValues.shape()));
        }
        Jagged j = new Jagged(newValues, offsets);
        j.segmentIds = segmentIds;
        return j;
    }

    /** Applies a per-entry function (e.g. a particle network) to the values. */
    public Jagged map(UnaryOperator<Tensor> f) {
        return withValues(f.apply(values));
    }

    private int[] perEventShape() {
        int[] s = values.shape();
        s[0] = numEvents();
        return s;
    }

    /** Sum over each event's entries: (events, features...); empty events give 0. */
    public Tensor sum() {
        return Tensor.zeros(values.dtype(), perEventShape()).indexAdd(0, segmentIds(), values);
    }

    /** Mean over each event's entries; empty events give 0. */
    public Tensor mean() {
        int[] cs = new int[values.dim()];
        Arrays.fill(cs, 1);
        cs[0] = numEvents();
        Tensor counts = counts().clampMin(1).to(values.dtype()).reshape(cs);
        return sum().div(counts);
    }

    /** Maximum over each event's entries (per feature); empty events give 0. */
    public Tensor max() {
        return Indexing.segmentExtreme(values, offsets, true)[0];
    }

    /** Minimum over each event's entries (per feature); empty events give 0. */
    public Tensor min() {
        return Indexing.segmentExtreme(values, offsets, false)[0];
    }

    /** Softmax over each event's entries (per feature), e.g. attention weights over particles. */
    public Jagged softmax() {
        Tensor m = max().detach();
        Tensor e = values.sub(broadcastValues(m)).exp();
        Tensor s = withValues(e).sum();
        return withValues(e.div(broadcastValues(s)));
    }

    /** Per-event values (events, ...) repeated for each entry of the event: a jagged batch of them. */
    public Jagged broadcast(Tensor perEvent) {
        return withValues(broadcastValues(perEvent));
    }

    private Tensor broadcastValues(Tensor perEvent) {
        if (perEvent.dim() == 0 || perEvent.size(0) != numEvents()) {
            throw new IllegalArgumentException("Jagged.broadcast: expected one row per event (" + numEvents()
                    + "), got shape " + Shape.toString(perEvent.shape()));
        }
        return perEvent.indexSelect(0, segmentIds());
    }

    /** Padded to the longest event with {@code padValue}, with a mask of the real entries. */
    public Padded toDense(double padValue) {
        return toDense(maxCount(), padValue);
    }

    /** Padded (or truncated, keeping the first entries) to {@code length} per event. */
    public Padded toDense(int length, double padValue) {
        if (length < 0) {
            throw new IllegalArgumentException("Jagged.toDense: length must be >= 0, got " + length);
        }
        int n = numEvents();
        int total = numValues();
        long[] keep = new long[total];
        long[] pos = new long[total];
        boolean[] mask = new boolean[n * length];
        int k = 0;
        for (int e = 0; e < n; e++) {
            for (long p = offsets[e]; p < offsets[e + 1]; p++) {
                int j = (int) (p - offsets[e]);
                if (j < length) {
                    keep[k] = p;
                    pos[k] = (long) e * length + j;
                    mask[e * length + j] = true;
                    k++;
                }
            }
        }
        Tensor kept = k == total ? values : values.indexSelect(0, Tensor.wrap(Arrays.copyOf(keep, k), k));
        int[] flatShape = values.shape();
        flatShape[0] = n * length;
        Tensor flat = Tensor.zeros(values.dtype(), flatShape).indexAdd(0, Tensor.wrap(Arrays.copyOf(pos, k), k), kept);
        int[] denseShape = new int[values.dim() + 1];
        denseShape[0] = n;
        denseShape[1] = length;
        System.arraycopy(values.shape(), 1, denseShape, 2, values.dim() - 1);
        Tensor m = Tensor.of(mask, n, length);
        Tensor dense = flat.reshape(denseShape);
        if (padValue != 0) {
            int[] ms = new int[denseShape.length];
            Arrays.fill(ms, 1);
            ms[0] = n;
            ms[1] = length;
            dense = Tensor.where(m.reshape(ms), dense, padValue);
        }
        return new Padded(dense, m);
    }

    @Override
    public String toString() {
        int[] s = values.shape();
        return "Jagged(events=" + numEvents() + ", entries=" + numValues() + ", features="
                + Shape.toString(Arrays.copyOfRange(s, 1, s.length)) + ", dtype=" + values.dtype() + ")";
    }
}
