package dev.hadron.io.root.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.hadron.io.root.internal.RootConstants.*;

/** Decides each branch's {@link Interpretation} from its leaves, streamer type and C++ type name. */
public final class Identify {
    private Identify() {
    }

    /** Sets interpretation, streamer element and counter branch on every branch of a tree. */
    public static void all(List<BranchModel> branches, Map<String, BranchModel> byLeafName, ObjectReader reader) {
        for (BranchModel b : branches) {
            b.element = element(b, reader);
            for (LeafModel l : b.leaves) {
                if (l.countLeafName() != null) {
                    b.countBranch = byLeafName.get(l.countLeafName());
                }
            }
        }
        for (BranchModel b : branches) {
            b.interpretation = of(b);
        }
    }

    private static StreamerElement element(BranchModel b, ObjectReader reader) {
        if (!b.className.equals("TBranchElement") || b.id < 0 || b.elementClass.isEmpty()) {
            return null;
        }
        StreamerInfo info = reader.streamer(b.elementClass, -1);
        if (info == null || b.id >= info.elements().size()) {
            return null;
        }
        return info.elements().get(b.id);
    }

    static Interpretation of(BranchModel b) {
        if (!b.children.isEmpty()) {
            if (b.type == 3 || b.type == 4) {
                return new Interpretation.Numeric(ValueType.of(ValueType.Kind.I32), new int[0]);
            }
            String cls = b.elementClass.isEmpty() ? "split object" : b.elementClass;
            return new Interpretation.Unsupported("branch '" + b.name + "' is a split object (" + cls
                    + "); read its sub-branches", cls);
        }
        if (b.leaves.isEmpty()) {
            return new Interpretation.Unsupported("branch '" + b.name + "' has no leaves", "unknown");
        }
        if (b.leaves.size() > 1) {
            return leafList(b);
        }
        LeafModel leaf = b.leaves.get(0);
        if (leaf.className().equals("TLeafElement")) {
            return element(b, leaf);
        }
        if (leaf.className().equals("TLeafC")) {
            return new Interpretation.Strings(0, "string");
        }
        ValueType vt = leafType(leaf);
        if (vt == null) {
            return new Interpretation.Unsupported("leaf class " + leaf.className() + " is not supported", leaf.className());
        }
        Dims d = dims(leaf.title(), leaf.len());
        if (badDims(d)) {
            return new Interpretation.Unsupported("leaf title '" + leaf.title() + "' declares an impossible"
                    + " array dimension", leaf.title());
        }
        if (leaf.countLeafName() != null || d.jagged) {
            return new Interpretation.JaggedNumeric(vt, d.fixed, 0, null);
        }
        return new Interpretation.Numeric(vt, d.fixed);
    }

    private static boolean badDims(Dims d) {
        long p = 1;
        for (int x : d.fixed) {
            if (x <= 0) {
                return true;
            }
            p *= x;
            if (p > 1 << 24) {
                return true;
            }
        }
        return false;
    }

    private static Interpretation leafList(BranchModel b) {
        List<Interpretation.LeafList.Field> fields = new ArrayList<>();
        for (LeafModel l : b.leaves) {
            ValueType vt = leafType(l);
            Dims d = dims(l.title(), l.len());
            if (vt == null || l.countLeafName() != null || d.jagged || badDims(d)) {
                return new Interpretation.Unsupported("leaf list '" + b.title + "' has a leaf (" + l.name()
                        + ") that is not a fixed-size number", "leaf list");
            }
            fields.add(new Interpretation.LeafList.Field(l.name(), vt, d.fixed));
        }
        return new Interpretation.LeafList(List.copyOf(fields));
    }

    private static Interpretation element(BranchModel b, LeafModel leaf) {
        int st = b.streamerType;
        String title = b.element != null ? b.element.title() : leaf.title();
        if (b.type == 31 || b.type == 41) {
            int code = st > K_OFFSET_L && st < K_OFFSET_P ? st - K_OFFSET_L : st;
            ValueType vt = ValueType.ofCode(code, title);
            if (vt == null) {
                return new Interpretation.Unsupported("member '" + b.name + "' of a split collection has type code "
                        + st, typeName(b));
            }
            int[] inner = st > K_OFFSET_L && st < K_OFFSET_P && b.element != null
                    ? new int[] {Math.max(1, b.element.arrayLength())} : new int[0];
            return new Interpretation.JaggedNumeric(vt, inner, 0, null);
        }
        if (st == K_TSTRING) {
            return new Interpretation.Strings(0, "TString");
        }
        int code = leaf.elementType();
        if (code > K_OFFSET_L && code < K_OFFSET_P) {
            code -= K_OFFSET_L;
        }
        if (st > K_OFFSET_P && st < K_OFFSET_P + 20) {
            ValueType vt = ValueType.ofCode(st - K_OFFSET_P, title);
            if (vt != null) {
                return new Interpretation.JaggedNumeric(vt, new int[0], 1, null);
            }
        }
        ValueType vt = code > 0 && code <= K_FLOAT16 ? ValueType.ofCode(code, title) : null;
        if (vt != null) {
            Dims d = dims(leaf.title(), leaf.len());
            if (badDims(d)) {
                return new Interpretation.Unsupported("leaf title '" + leaf.title() + "' declares an impossible"
                        + " array dimension", leaf.title());
            }
            if (leaf.countLeafName() != null || d.jagged) {
                return new Interpretation.JaggedNumeric(vt, d.fixed, 0, null);
            }
            return new Interpretation.Numeric(vt, d.fixed);
        }
        String cpp = typeName(b);
        return fromCppType(cpp, b.name);
    }

    /** The C++ type of a TBranchElement: its member's declared type, or its class for top-level branches. */
    private static String typeName(BranchModel b) {
        if (b.element != null) {
            return b.element.typeName();
        }
        return b.elementClass;
    }

    static Interpretation fromCppType(String cpp, String branch) {
        String t = cpp.trim();
        if (t.equals("string") || t.equals("std::string")) {
            return new Interpretation.Strings(6, "std::string");
        }
        String inner = StlValues.vectorElement(t);
        if (inner != null) {
            int code = TypeNames.basicCode(inner);
            if (code > 0) {
                ValueType vt = ValueType.ofCode(code, "");
                return new Interpretation.JaggedNumeric(vt, new int[0], 10, "std::vector<" + vt.typeName() + ">");
            }
            if (inner.equals("string") || inner.equals("std::string")) {
                return new Interpretation.VectorStrings(10);
            }
            String inner2 = StlValues.vectorElement(inner);
            if (inner2 != null && TypeNames.basicCode(inner2) > 0) {
                return new Interpretation.NestedVector(ValueType.ofCode(TypeNames.basicCode(inner2), ""), 10);
            }
        }
        return new Interpretation.Unsupported("branch '" + branch + "' holds objects of type " + cpp
                + ", which are not numbers, strings or vectors of them", cpp);
    }

    static ValueType leafType(LeafModel l) {
        boolean u = l.unsigned();
        return switch (l.className()) {
            case "TLeafO" -> ValueType.of(ValueType.Kind.BOOL);
            case "TLeafB" -> ValueType.of(u ? ValueType.Kind.U8 : ValueType.Kind.I8);
            case "TLeafS" -> ValueType.of(u ? ValueType.Kind.U16 : ValueType.Kind.I16);
            case "TLeafI" -> ValueType.of(u ? ValueType.Kind.U32 : ValueType.Kind.I32);
            case "TLeafL", "TLeafG" -> ValueType.of(u ? ValueType.Kind.U64 : ValueType.Kind.I64);
            case "TLeafF" -> ValueType.of(ValueType.Kind.F32);
            case "TLeafD" -> ValueType.of(ValueType.Kind.F64);
            case "TLeafF16" -> ValueType.ofCode(K_FLOAT16, l.title());
            case "TLeafD32" -> ValueType.ofCode(K_DOUBLE32, l.title());
            default -> null;
        };
    }

    /** Fixed dimensions and jaggedness from a leaf title such as {@code "x[3][4]"} or {@code "x[n][3]"}. */
    record Dims(int[] fixed, boolean jagged) {
    }

    static Dims dims(String title, int len) {
        List<Integer> fixed = new ArrayList<>();
        boolean jagged = false;
        int i = title.indexOf('[');
        int slash = title.indexOf('/');
        while (i >= 0 && (slash < 0 || i < slash)) {
            int j = title.indexOf(']', i);
            if (j < 0) {
                break;
            }
            String s = title.substring(i + 1, j).trim();
            if (s.contains(",")) {
                // a Float16_t/Double32_t range such as [0,10,8], not a dimension
                i = title.indexOf('[', j);
                continue;
            }
            try {
                fixed.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                jagged = true;
            }
            i = title.indexOf('[', j);
        }
        if (fixed.isEmpty() && len > 1) {
            fixed.add(len);
        }
        int[] f = new int[fixed.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = fixed.get(k);
        }
        return new Dims(f, jagged);
    }
}
