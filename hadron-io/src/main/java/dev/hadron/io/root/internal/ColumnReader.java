package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

import java.util.ArrayList;
import java.util.List;
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

    /** Starts reading branch {@code b} over {@code [start, stop)}. */
    public static Pending start(RootSource src, BranchModel b, long start, long stop, BasketCache cache) {
        Interpretation in = b.interpretation;
        if (in instanceof Interpretation.Unsupported u) {
            throw new RootFormatException(src.name() + ": " + u.reason());
        }
        int n = (int) (stop - start);
        List<int[]> plan = plan(src, b, start, stop);
        if (in instanceof Interpretation.Numeric num && (long) n * num.itemsPerEntry() > Integer.MAX_VALUE - 16) {
            throw new RootFormatException(src.name() + ": branch '" + b.name + "' has " + (long) n * num.itemsPerEntry()
                    + " values in the requested range, more than one array can hold; read it in chunks");
        }
        // every basket is decoded into its own array, and the column is allocated only once the
        // baskets have shown how much data they really hold: declared sizes are never trusted
        List<Future<Piece>> fs = new ArrayList<>();
        for (int[] p : plan) {
            fs.add(submit(plan.size(), () -> {
                BasketData d = load(src, b, p[0], stop, cache);
                if (in instanceof Interpretation.Numeric num) {
                    return decodeFixed(src, b, d, p[1], p[2], num.type(), num.itemsPerEntry());
                }
                return PieceDecoder.decode(src, b, in, d, p[1], p[2]);
            }));
        }
        return () -> {
            List<Piece> pieces = new ArrayList<>();
            for (Future<Piece> f : fs) {
                pieces.add(Pool.join(f));
            }
            return PieceAssembler.assemble(in, pieces, n);
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

    static RootFormatException bad(RootSource src, BranchModel b, BasketData d, String msg) {
        return new RootFormatException(src.name() + ": branch '" + b.name + "', basket starting at entry "
                + d.entryStart() + ": " + msg);
    }

    // ------------------------------------------------------------------ fixed-size entries

    private static Piece decodeFixed(RootSource src, BranchModel b, BasketData d, int a, int z, ValueType vt, int m) {
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
        Object out = vt.allocate((z - a) * m);
        vt.decode(d.data(), from, (z - a) * m, out, 0);
        return new Piece(out, z - a, null, null, null);
    }
}
