package dev.hadron.io.root.internal;

import dev.hadron.io.root.NestedJagged;
import dev.hadron.io.root.RootFormatException;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Reads the entries {@code [start, stop)} of one branch: the overlapping baskets are loaded and
 * decoded as tasks on the shared {@link Pool} (one task per basket), and the pieces are joined in
 * basket order. {@link #start} submits the work, {@link Pending#finish} assembles it, so the
 * baskets of several branches can be decompressed at the same time.
 */
public final class ColumnReader {
    private ColumnReader() {
    }

    /** Work submitted for one branch; {@link #finish} waits for it and builds the column. */
    public interface Pending {
        Object finish();
    }

    /** One decoded basket slice of a variable-length column. */
    private record Piece(Object values, int count, long[] counts, List<Object> objects, long[] innerCounts) {
    }

    /** Starts reading branch {@code b} over {@code [start, stop)}. */
    public static Pending start(RootSource src, BranchModel b, long start, long stop, BasketCache cache) {
        Interpretation in = b.interpretation;
        if (in instanceof Interpretation.Unsupported u) {
            throw new RootFormatException(src.name() + ": " + u.reason());
        }
        int n = (int) (stop - start);
        List<int[]> plan = plan(src, b, start, stop);
        if (in instanceof Interpretation.Numeric num) {
            int m = num.itemsPerEntry();
            long total = (long) n * m;
            if (total > Integer.MAX_VALUE - 16) {
                throw new RootFormatException(src.name() + ": branch '" + b.name + "' has " + total
                        + " values in the requested range, more than one array can hold; read it in chunks");
            }
            Object out = num.type().allocate((int) total);
            List<Future<Piece>> fs = new ArrayList<>();
            for (int[] p : plan) {
                fs.add(submit(plan.size(), () -> {
                    BasketData d = load(src, b, p[0], stop, cache);
                    decodeFixed(src, b, d, p[1], p[2], num.type(), m, out, (int) ((d.entryStart() + p[1] - start) * m));
                    return null;
                }));
            }
            int[] shape = shape(n, num.inner());
            return () -> {
                fs.forEach(Pool::join);
                return num.type().wrap(out, shape);
            };
        }
        List<Future<Piece>> fs = new ArrayList<>();
        for (int[] p : plan) {
            fs.add(submit(plan.size(), () -> {
                BasketData d = load(src, b, p[0], stop, cache);
                return decodeVariable(src, b, in, d, p[1], p[2]);
            }));
        }
        return () -> {
            List<Piece> pieces = new ArrayList<>();
            for (Future<Piece> f : fs) {
                pieces.add(Pool.join(f));
            }
            return assemble(in, pieces, n);
        };
    }

    private static Future<Piece> submit(int tasks, java.util.concurrent.Callable<Piece> c) {
        if (tasks <= 1 || Pool.isPoolThread()) {
            java.util.concurrent.CompletableFuture<Piece> f = new java.util.concurrent.CompletableFuture<>();
            try {
                f.complete(c.call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RootFormatException(e.toString(), e);
            }
            return f;
        }
        return Pool.submit(c);
    }

    /** The baskets overlapping [start, stop) as {index, first entry in basket, stop entry in basket}. */
    private static List<int[]> plan(RootSource src, BranchModel b, long start, long stop) {
        List<int[]> out = new ArrayList<>();
        long covered = start;
        for (int i = 0; i < b.numBaskets() && covered < stop; i++) {
            long bs = b.basketStart(i);
            long be = b.basketStop(i);
            if (be <= covered || bs >= stop) {
                continue;
            }
            if (bs > covered) {
                throw new RootFormatException(src.name() + ": branch '" + b.name + "': no basket holds entry " + covered);
            }
            long from = Math.max(covered, bs);
            long to = Math.min(stop, be);
            out.add(new int[] {i, (int) (from - bs), (int) (to - bs)});
            covered = to;
        }
        if (covered < stop) {
            throw new RootFormatException(src.name() + ": branch '" + b.name + "' has baskets up to entry " + covered
                    + " but entries up to " + stop + " were requested (the tree has " + b.entries + " in this branch)");
        }
        return out;
    }

    private static BasketData load(RootSource src, BranchModel b, int index, long stop, BasketCache cache) {
        if (cache != null) {
            BasketData d = cache.get(b, index);
            if (d != null) {
                return d;
            }
        }
        BasketData d = BasketData.load(src, b, index);
        if (cache != null && b.basketStop(index) > stop) {
            cache.put(b, index, d);
        }
        return d;
    }

    private static int[] shape(int n, int[] inner) {
        int[] s = new int[inner.length + 1];
        s[0] = n;
        System.arraycopy(inner, 0, s, 1, inner.length);
        return s;
    }

    private static RootFormatException bad(RootSource src, BranchModel b, BasketData d, String msg) {
        return new RootFormatException(src.name() + ": branch '" + b.name + "', basket starting at entry "
                + d.entryStart() + ": " + msg);
    }

    // ------------------------------------------------------------------ fixed-size entries

    private static void decodeFixed(RootSource src, BranchModel b, BasketData d, int a, int z, ValueType vt, int m,
                                    Object out, int outPos) {
        int entrySize = vt.size() * m;
        int from;
        int to;
        if (d.offsets() != null) {
            from = d.start(a);
            to = d.start(z);
            if (to - from != (z - a) * entrySize) {
                throw bad(src, b, d, (to - from) + " bytes for " + (z - a) + " entries of " + entrySize + " bytes");
            }
        } else {
            if ((long) d.entries() * entrySize != d.border()) {
                throw bad(src, b, d, d.border() + " bytes for " + d.entries() + " entries of " + entrySize + " bytes ("
                        + b.interpretation.typeName() + ")");
            }
            from = a * entrySize;
            to = z * entrySize;
        }
        vt.decode(d.data(), from, (z - a) * m, out, outPos);
    }

    // ------------------------------------------------------------------ variable-size entries

    private static Piece decodeVariable(RootSource src, BranchModel b, Interpretation in, BasketData d, int a, int z) {
        int[] off = d.offsets();
        if (off == null) {
            off = offsetsFromCounts(src, b, d, in);
        }
        byte[] data = d.data();
        switch (in) {
            case Interpretation.JaggedNumeric j -> {
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
            case Interpretation.Strings s -> {
                List<Object> out = new ArrayList<>(z - a);
                for (int i = a; i < z; i++) {
                    RBuffer rb = entry(src, b, d, off, i, s.header());
                    out.add(rb.remaining() == 0 ? "" : rb.tstring());
                }
                return new Piece(null, z - a, null, out, null);
            }
            case Interpretation.VectorStrings v -> {
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
            case Interpretation.NestedVector nv -> {
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
            case Interpretation.LeafList ll -> {
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
            default -> throw new IllegalStateException("not a variable-size interpretation: " + in);
        }
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
        Tensor counts = (Tensor) start(src, b.countBranch, d.entryStart(), d.entryStart() + d.entries(), null).finish();
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

    // ------------------------------------------------------------------ assembly

    private static Object assemble(Interpretation in, List<Piece> pieces, int n) {
        switch (in) {
            case Interpretation.JaggedNumeric j -> {
                long total = 0;
                for (Piece p : pieces) {
                    total += p.count();
                }
                int m = Interpretation.product(j.inner());
                if (total * m > Integer.MAX_VALUE - 16) {
                    throw new RootFormatException("more than 2^31 values requested at once; read in chunks");
                }
                Object values = j.type().allocate((int) total * m);
                long[] offsets = new long[n + 1];
                int pos = 0;
                int e = 0;
                for (Piece p : pieces) {
                    System.arraycopy(p.values(), 0, values, pos * m, p.count() * m);
                    pos += p.count();
                    for (long c : p.counts()) {
                        offsets[e + 1] = offsets[e] + c;
                        e++;
                    }
                }
                return Jagged.of(j.type().wrap(values, shape((int) total, j.inner())), offsets);
            }
            case Interpretation.Strings s -> {
                List<String> out = new ArrayList<>(n);
                for (Piece p : pieces) {
                    p.objects().forEach(o -> out.add((String) o));
                }
                return out;
            }
            case Interpretation.VectorStrings v -> {
                List<List<String>> out = new ArrayList<>(n);
                for (Piece p : pieces) {
                    for (Object o : p.objects()) {
                        @SuppressWarnings("unchecked")
                        List<String> l = (List<String>) o;
                        out.add(l);
                    }
                }
                return out;
            }
            case Interpretation.NestedVector nv -> {
                long total = 0;
                int lists = 0;
                for (Piece p : pieces) {
                    total += p.count();
                    lists += p.innerCounts().length;
                }
                Object values = nv.type().allocate((int) total);
                long[] inner = new long[lists + 1];
                long[] outer = new long[n + 1];
                int pos = 0;
                int li = 0;
                int e = 0;
                for (Piece p : pieces) {
                    System.arraycopy(p.values(), 0, values, pos, p.count());
                    pos += p.count();
                    for (long c : p.innerCounts()) {
                        inner[li + 1] = inner[li] + c;
                        li++;
                    }
                    for (long c : p.counts()) {
                        outer[e + 1] = outer[e] + c;
                        e++;
                    }
                }
                return new NestedJagged(outer, Jagged.of(nv.type().wrap(values, (int) total), inner));
            }
            case Interpretation.LeafList ll -> {
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (int k = 0; k < ll.fields().size(); k++) {
                    Interpretation.LeafList.Field f = ll.fields().get(k);
                    int m = Interpretation.product(f.inner());
                    Object arr = f.type().allocate(n * m);
                    int pos = 0;
                    for (Piece p : pieces) {
                        System.arraycopy(p.objects().get(k), 0, arr, pos, p.count() * m);
                        pos += p.count() * m;
                    }
                    out.put(f.name(), f.type().wrap(arr, shape(n, f.inner())));
                }
                return out;
            }
            default -> throw new IllegalStateException("unexpected interpretation " + in);
        }
    }

    static String latin1(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
}
