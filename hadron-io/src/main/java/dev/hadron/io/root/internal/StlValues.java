package dev.hadron.io.root.internal;

import java.util.ArrayList;
import java.util.List;

import static dev.hadron.io.root.internal.RootConstants.*;

/**
 * STL members inside objects: {@code std::vector} of numbers or strings and {@code std::string}.
 * Anything else returns null so that the caller skips the enclosing object by its byte count.
 */
final class StlValues {
    private StlValues() {
    }

    static Object read(RBuffer b, ObjectReader r, StreamerElement e) {
        String type = e.typeName().trim();
        if (e.type() == K_STL_STRING || type.equals("string") || type.equals("std::string")) {
            ObjectReader.Header h = r.header(b);
            String s = b.tstring();
            if (h.end() >= 0) {
                b.seek(h.end());
            }
            return s;
        }
        String inner = vectorElement(type);
        if (inner == null) {
            return null;
        }
        ObjectReader.Header h = r.header(b);
        if (h.memberwise()) {
            return null;
        }
        int n = b.i32();
        Object out;
        int code = TypeNames.basicCode(inner);
        if (code > 0) {
            out = BasicValues.readArray(b, code, b.count(n, BasicValues.size(code), "vector elements"), "");
        } else if (inner.equals("string") || inner.equals("std::string") || inner.equals("TString")) {
            b.count(n, 1, "vector<string> elements");
            List<String> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                l.add(b.tstring());
            }
            out = l;
        } else {
            return null;
        }
        if (h.end() >= 0) {
            b.seek(h.end());
        }
        return out;
    }

    /** The element type of {@code vector<T>} / {@code std::vector<T>}, or null. */
    static String vectorElement(String type) {
        String t = type.trim().replaceAll("\\s*([<>,])\\s*", "$1").replaceAll("\\s+", " ");
        if (t.startsWith("std::")) {
            t = t.substring(5);
        }
        if (!t.startsWith("vector<") || !t.endsWith(">")) {
            return null;
        }
        String inner = t.substring(7, t.length() - 1);
        int comma = topLevelComma(inner);
        return comma >= 0 ? inner.substring(0, comma) : inner;
    }

    private static int topLevelComma(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
