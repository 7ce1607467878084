package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Decoding of one basket slice of a variable-size branch (jagged numbers, strings, vectors of
 * strings, vectors of vectors, leaf lists) into a {@link Piece}, validating every entry's size.
 */
final class PieceDecoder {
    private PieceDecoder() {
    }

    /** Decodes entries [a, z) of a basket of a variable-size branch. */
    static Piece decode(RootSource src, BranchModel b, Interpretation in, BasketData d, int a, int z) {
        int[] off = d.offsets();
        if (off == null) {
            off = offsetsFromCounts(src, b, d, in);
        }
        return switch (in) {
            case Interpretation.JaggedNumeric j -> jagged(src, b, j, d, off, a, z);
            case Interpretation.Strings s -> strings(src, b, s, d, off, a, z);
            case Interpretation.VectorStrings v -> vectorStrings(src, b, d, off, a, z);
            case Interpretation.NestedVector nv -> nested(src, b, nv, d, off, a, z);
            case Interpretation.LeafList ll -> leafList(src, b, ll, d, off, a, z);
            default -> throw new IllegalStateException("not a variable-size interpretation: " + in);
        };
    }

    private static Piece jagged(RootSource src, BranchModel b, Interpretation.JaggedNumeric j, BasketData d,
                                int[] off, int a, int z) {
        byte[] data = d.data();
        int item = j.type().size() * Interpretation.product(j.inner());
        long[] counts = new long[z - a];
        int total = 0;
        for (int i = a; i < z; i++) {
            int len = off[i + 1] - off[i] - j.header();
            if (len < 0 || len % item != 0) {
                throw bad(src, b, d, "entry " + (d.entryStart() + i) + " has " + (off[i + 1] - off[i])
                        + " bytes, not a " + j.header() + "-byte header plus whole " + item + "-byte items");
            }
            int c = len / item;
            if (j.header() == 10 && RBuffer.getI32(data, off[i] + 6) != c) {
                throw bad(src, b, d, "entry " + (d.entryStart() + i) + " says it has "
                        + RBuffer.getI32(data, off[i] + 6) + " elements but holds " + c);
            }
            counts[i - a] = c;
            total += c;
        }
        int m = Interpretation.product(j.inner());
        Object values = j.type().allocate(total * m);
        if (j.header() == 0) {
            j.type().decode(data, off[a], total * m, values, 0);
        } else {
            int pos = 0;
            for (int i = a; i < z; i++) {
                int c = (int) counts[i - a] * m;
                j.type().decode(data, off[i] + j.header(), c, values, pos);
                pos += c;
            }
        }
        return new Piece(values, total, counts, null, null);
    }

    private static Piece strings(RootSource src, BranchModel b, Interpretation.Strings s, BasketData d,
                                int[] off, int a, int z) {
        List<Object> out = new ArrayList<>(z - a);
        for (int i = a; i < z; i++) {
            RBuffer rb = entry(src, b, d, off, i, s.header());
            out.add(rb.remaining() == 0 ? "" : rb.tstring());
        }
        return new Piece(null, z - a, null, out, null);
    }

    private static Piece vectorStrings(RootSource src, BranchModel b, BasketData d,
                                int[] off, int a, int z) {
        List<Object> out = new ArrayList<>(z - a);
        for (int i = a; i < z; i++) {
            RBuffer rb = entry(src, b, d, off, i, 6);
            int n = rb.count(rb.i32(), 1, "strings");
            List<String> l = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                l.add(rb.tstring());
            }
            out.add(List.copyOf(l));
        }
        return new Piece(null, z - a, null, out, null);
    }

    private static Piece nested(RootSource src, BranchModel b, Interpretation.NestedVector nv, BasketData d,
                                int[] off, int a, int z) {
        byte[] data = d.data();
        long[] counts = new long[z - a];
        List<Long> inner = new ArrayList<>();
        int total = 0;
        int size = nv.type().size();
        for (int i = a; i < z; i++) {
            RBuffer rb = entry(src, b, d, off, i, 6);
            int n = rb.count(rb.i32(), 4, "inner vectors");
            counts[i - a] = n;
            for (int k = 0; k < n; k++) {
                int c = rb.count(rb.i32(), size, "vector elements");
                rb.skip(c * size);
                inner.add((long) c);
                total += c;
            }
        }
        Object values = nv.type().allocate(total);
        int pos = 0;
        for (int i = a; i < z; i++) {
            int p = off[i] + 10;
            for (int k = 0; k < counts[i - a]; k++) {
                int c = RBuffer.getI32(data, p);
                nv.type().decode(data, p + 4, c, values, pos);
                pos += c;
                p += 4 + c * size;
            }
        }
        long[] ic = new long[inner.size()];
        for (int k = 0; k < ic.length; k++) {
            ic[k] = inner.get(k);
        }
        return new Piece(values, total, counts, null, ic);
    }

    private static Piece leafList(RootSource src, BranchModel b, Interpretation.LeafList ll, BasketData d,
                                int[] off, int a, int z) {
        byte[] data = d.data();
        int es = ll.entrySize();
        List<Object> cols = new ArrayList<>();
        int fieldPos = 0;
        for (Interpretation.LeafList.Field f : ll.fields()) {
            int m = Interpretation.product(f.inner());
            Object arr = f.type().allocate((z - a) * m);
            for (int i = a; i < z; i++) {
                int base = d.offsets() != null ? off[i] : i * es;
                if (base + es > d.border()) {
                    throw bad(src, b, d, "entry " + (d.entryStart() + i) + " runs past the basket data");
                }
                f.type().decode(data, base + fieldPos, m, arr, (i - a) * m);
            }
            cols.add(arr);
            fieldPos += f.type().size() * m;
        }
        if (d.offsets() == null && (long) d.entries() * es != d.border()) {
            throw bad(src, b, d, d.border() + " bytes for " + d.entries() + " entries of " + es + " bytes");
        }
        return new Piece(null, z - a, null, cols, null);
    }

    /** A cursor over the bytes of one entry, after skipping {@code header} bytes. */
    private static RBuffer entry(RootSource src, BranchModel b, BasketData d, int[] off, int i, int header) {
        int s = off[i] + header;
        int e = off[i + 1];
        if (s > e) {
            throw bad(src, b, d, "entry " + (d.entryStart() + i) + " has " + (e - off[i]) + " bytes, fewer than its "
                    + header + "-byte header");
        }
        byte[] slice = java.util.Arrays.copyOfRange(d.data(), s, e);
        return new RBuffer(slice, 0, src.name(), "branch '" + b.name + "', entry " + (d.entryStart() + i));
    }

    /** Entry offsets of a basket without them, from the counter branch (fixed item size only). */
    private static int[] offsetsFromCounts(RootSource src, BranchModel b, BasketData d, Interpretation in) {
        if (in instanceof Interpretation.LeafList) {
            return null;
        }
        if (!(in instanceof Interpretation.JaggedNumeric j) || j.header() != 0 || b.countBranch == null
                || !(b.countBranch.interpretation instanceof Interpretation.Numeric)) {
            throw bad(src, b, d, "variable-size entries but the basket has no entry offsets");
        }
        Tensor counts = (Tensor) ColumnReader.start(src, b.countBranch, d.entryStart(), d.entryStart() + d.entries(), null).finish();
        long[] c = counts.toLongArray();
        int item = j.type().size() * Interpretation.product(j.inner());
        int[] off = new int[c.length + 1];
        for (int i = 0; i < c.length; i++) {
            long next = off[i] + c[i] * item;
            if (c[i] < 0 || next > d.border()) {
                throw bad(src, b, d, "counter says entry " + (d.entryStart() + i) + " has " + c[i]
                        + " items, which do not fit the basket");
            }
            off[i + 1] = (int) next;
        }
        return off;
    }

    static RootFormatException bad(RootSource src, BranchModel b, BasketData d, String msg) {
        return ColumnReader.bad(src, b, d, msg);
    }
}
