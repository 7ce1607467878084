package dev.hadron.io.root.internal;

import dev.hadron.io.root.NestedJagged;
import dev.hadron.io.root.RootFormatException;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Joins the decoded pieces of a variable-size branch into its column (Jagged, strings, ...). */
final class PieceAssembler {
    private PieceAssembler() {
    }

    /** Joins the pieces of all baskets, in basket order, into the column of {@code n} entries. */
    static Object assemble(Interpretation in, List<Piece> pieces, int n) {
        return switch (in) {
            case Interpretation.Numeric num -> numeric(num, pieces, n);
            case Interpretation.JaggedNumeric j -> jagged(j, pieces, n);
            case Interpretation.Strings s -> strings(pieces, n);
            case Interpretation.VectorStrings v -> vectorStrings(pieces, n);
            case Interpretation.NestedVector nv -> nested(nv, pieces, n);
            case Interpretation.LeafList ll -> leafList(ll, pieces, n);
            default -> throw new IllegalStateException("unexpected interpretation " + in);
        };
    }

    private static Object jagged(Interpretation.JaggedNumeric j, List<Piece> pieces, int n) {
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

    private static Object strings(List<Piece> pieces, int n) {
        List<String> out = new ArrayList<>(n);
        for (Piece p : pieces) {
            p.objects().forEach(o -> out.add((String) o));
        }
        return out;
    }

    private static Object vectorStrings(List<Piece> pieces, int n) {
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

    private static Object nested(Interpretation.NestedVector nv, List<Piece> pieces, int n) {
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

    private static Object leafList(Interpretation.LeafList ll, List<Piece> pieces, int n) {
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

    private static Object numeric(Interpretation.Numeric num, List<Piece> pieces, int n) {
        int m = num.itemsPerEntry();
        int[] shape = shape(n, num.inner());
        long total = 0;
        for (Piece p : pieces) {
            total += p.count();
        }
        if (total != n) {
            throw new RootFormatException("baskets hold " + total + " entries, " + n + " were requested");
        }
        if (pieces.size() == 1) {
            return num.type().wrap(pieces.get(0).values(), shape);
        }
        Object out = num.type().allocate(n * m);
        int pos = 0;
        for (Piece p : pieces) {
            System.arraycopy(p.values(), 0, out, pos, p.count() * m);
            pos += p.count() * m;
        }
        return num.type().wrap(out, shape);
    }

    private static int[] shape(int n, int[] inner) {
        int[] s = new int[inner.length + 1];
        s[0] = n;
        System.arraycopy(inner, 0, s, 1, inner.length);
        return s;
    }
}
