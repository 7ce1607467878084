package dev.hadron.io.root;

import dev.hadron.tensor.Jagged;

import java.util.Arrays;

/**
 * Doubly variable-length data, such as a {@code std::vector<std::vector<float>>} branch: for each
 * entry a variable number of lists, each of variable length. {@link #inner()} holds all the lists of
 * all entries back to back (a {@link Jagged} over the values); {@link #offsets()} says which lists
 * belong to which entry (entries + 1 positions into {@code inner}).
 *
 * <pre>{@code
 * NestedJagged hits = tree.nested("hits");
 * Jagged ofEvent3 = hits.event(3);     // the lists of entry 3
 * }</pre>
 */
public final class NestedJagged {
    private final long[] offsets;
    private final Jagged inner;

    /** Entry boundaries over the lists of {@code inner}; offsets start at 0 and end at its list count. */
    public NestedJagged(long[] offsets, Jagged inner) {
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != inner.numEvents()) {
            throw new IllegalArgumentException("NestedJagged: offsets must run from 0 to the " + inner.numEvents()
                    + " inner lists, got " + (offsets.length == 0 ? "none" : offsets[0] + " .. " + offsets[offsets.length - 1]));
        }
        this.offsets = offsets.clone();
        this.inner = inner;
    }

    /** Entry boundaries (entries + 1 positions into the inner lists). */
    public long[] offsets() {
        return offsets.clone();
    }

    /** All inner lists of all entries, in order. */
    public Jagged inner() {
        return inner;
    }

    /** Number of entries. */
    public int numEntries() {
        return offsets.length - 1;
    }

    /** The lists of entry {@code i} as a Jagged (one "event" per list). */
    public Jagged event(int i) {
        if (i < 0 || i >= numEntries()) {
            throw new IndexOutOfBoundsException("entry " + i + " outside [0, " + numEntries() + ")");
        }
        long[] io = inner.offsetsArray();
        int a = (int) offsets[i];
        int b = (int) offsets[i + 1];
        long[] sub = new long[b - a + 1];
        for (int k = 0; k <= b - a; k++) {
            sub[k] = io[a + k] - io[a];
        }
        return Jagged.of(inner.values().narrow(0, (int) io[a], (int) (io[b] - io[a])), sub);
    }

    @Override
    public String toString() {
        return "NestedJagged(entries=" + numEntries() + ", lists=" + inner.numEvents() + ", values="
                + inner.numValues() + ", offsets=" + Arrays.toString(Arrays.copyOf(offsets, Math.min(6, offsets.length))) + ")";
    }
}
