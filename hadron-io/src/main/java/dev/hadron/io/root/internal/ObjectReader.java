package dev.hadron.io.root.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.hadron.io.root.internal.RootConstants.*;

/**
 * Deserializes ROOT objects from their streamed bytes, using the class layouts of the file's
 * TStreamerInfo records. Classes with custom streamers that metadata needs (TObject, TObjArray,
 * TList, TArray*, TObjString, TBasket and the TStreamer* classes themselves) are read by hand.
 *
 * <p>Every object that carries a byte count is read within it: members this reader cannot interpret
 * are skipped by jumping to the object's end, and a declared end outside the record is an error.
 * Nesting is limited, so corrupted references cannot recurse without bound.
 */
public final class ObjectReader {
    private static final int MAX_DEPTH = 64;

    private final Map<String, List<StreamerInfo>> infos = new HashMap<>();

    /** A reader that knows only the hand-written classes (enough to read the streamer list itself). */
    public ObjectReader() {
    }

    /** Registers class layouts read from the file. */
    public void addStreamers(List<StreamerInfo> list) {
        for (StreamerInfo s : list) {
            infos.computeIfAbsent(s.className(), k -> new ArrayList<>()).add(s);
        }
    }

    /** The layout of {@code className} (the one with {@code version} when several exist), or null. */
    public StreamerInfo streamer(String className, int version) {
        List<StreamerInfo> l = infos.get(className);
        if (l == null || l.isEmpty()) {
            return null;
        }
        for (StreamerInfo s : l) {
            if (s.classVersion() == version) {
                return s;
            }
        }
        return l.get(l.size() - 1);
    }

    /** All known class names with layouts. */
    public java.util.Set<String> classNames() {
        return infos.keySet();
    }

    // ------------------------------------------------------------------ headers

    /** A version header: the instance version and the end position of the object (-1 when unknown). */
    record Header(int version, int end, boolean memberwise) {
    }

    Header header(RBuffer b) {
        int start = b.pos();
        int first = b.peekI32();
        if ((first & K_BYTE_COUNT_MASK) != 0 && first != K_NEW_CLASS_TAG) {
            b.i32();
            long bcnt = first & ~K_BYTE_COUNT_MASK;
            long end = start + 4 + bcnt;
            if (bcnt < 2 || end > b.limit()) {
                throw b.fail("object byte count " + bcnt + " runs past the end of the record (" + b.limit() + " bytes)");
            }
            int v = b.u16();
            return new Header(v & ~K_STREAMED_MEMBERWISE, (int) end, (v & K_STREAMED_MEMBERWISE) != 0);
        }
        int v = b.u16();
        return new Header(v & ~K_STREAMED_MEMBERWISE, -1, (v & K_STREAMED_MEMBERWISE) != 0);
    }

    private static void finish(RBuffer b, Header h) {
        if (h.end() >= 0) {
            b.seek(h.end());
        }
    }

    // ------------------------------------------------------------------ object references

    /** ROOT's ReadObjectAny: a class tag (new, or a reference) then the object, or a reference, or null. */
    public Object readObjectAny(RBuffer b, int depth) {
        checkDepth(b, depth);
        int beg = b.displacement();
        int bcnt = b.i32();
        int tag;
        int start = 0;
        boolean hasCount = (bcnt & K_BYTE_COUNT_MASK) != 0 && bcnt != K_NEW_CLASS_TAG;
        if (hasCount) {
            start = b.displacement();
            tag = b.i32();
        } else {
            tag = bcnt;
            bcnt = 0;
        }
        int endPos = hasCount ? beg - b.origin() + 4 + (bcnt & ~K_BYTE_COUNT_MASK) : -1;
        if (hasCount && (endPos < b.pos() || endPos > b.limit())) {
            throw b.fail("object byte count " + (bcnt & ~K_BYTE_COUNT_MASK) + " runs outside the record");
        }
        Map<Integer, Object> refs = b.refs();
        if ((tag & K_CLASS_MASK) == 0) {
            if (tag == 0) {
                return null;
            }
            Object o = refs.get(tag);
            if (o instanceof RObject || o instanceof List<?>) {
                return o;
            }
            if (endPos >= 0) {
                b.seek(endPos);
            }
            return null;
        }
        String cls;
        if (tag == K_NEW_CLASS_TAG) {
            cls = b.cstring(256);
            refs.put(hasCount ? start + K_MAP_OFFSET : refs.size() + 1, cls);
        } else {
            int ref = tag & ~K_CLASS_MASK;
            if (!(refs.get(ref) instanceof String s)) {
                throw b.fail("reference to unknown class tag " + ref);
            }
            cls = s;
        }
        int key = hasCount ? beg + K_MAP_OFFSET : refs.size() + 1;
        Object obj = readNamed(b, cls, depth + 1, key, endPos);
        if (endPos >= 0) {
            b.seek(endPos);
        }
        return obj;
    }

    private Object readNamed(RBuffer b, String cls, int depth, int refKey, int endPos) {
        if (cls.equals("TObjArray") || cls.equals("TList") || cls.equals("THashList") || cls.equals("TSeqCollection")) {
            List<Object> list = new ArrayList<>();
            b.refs().put(refKey, list);
            readCollection(b, cls, list, depth);
            return list;
        }
        RObject o = new RObject(cls);
        b.refs().put(refKey, o);
        if (endPos < 0 && !hasReader(cls)) {
            throw b.fail("object of class " + cls + " has no byte count and no known layout");
        }
        if (hasReader(cls)) {
            readInto(b, o, depth);
        } else if (endPos >= 0) {
            b.seek(endPos);
        }
        return o;
    }

    private boolean hasReader(String cls) {
        return infos.containsKey(cls) || StreamerParser.handles(cls) || cls.equals("TObject")
                || cls.equals("TObjString") || cls.equals("TBasket") || cls.equals("TNamed");
    }

    // ------------------------------------------------------------------ objects

    /** Reads an object of a known class (with its version header) into a new RObject. */
    public RObject readObject(RBuffer b, String cls, int depth) {
        checkDepth(b, depth);
        RObject o = new RObject(cls);
        readInto(b, o, depth);
        return o;
    }

    private void readInto(RBuffer b, RObject o, int depth) {
        String cls = o.className();
        switch (cls) {
            case "TObject" -> readTObject(b, o);
            case "TNamed" -> {
                Header h = header(b);
                o.version(h.version());
                readTObject(b, o);
                o.put("fName", b.tstring());
                o.put("fTitle", b.tstring());
                finish(b, h);
            }
            case "TObjString" -> {
                Header h = header(b);
                o.version(h.version());
                readTObject(b, o);
                o.put("fString", b.tstring());
                finish(b, h);
            }
            case "TBasket" -> EmbeddedBasket.read(b, o);
            default -> {
                if (StreamerParser.handles(cls)) {
                    StreamerParser.read(this, b, o, depth);
                } else {
                    readWithStreamer(b, o, depth);
                }
            }
        }
    }

    void readTObject(RBuffer b, RObject o) {
        Header h = header(b);
        if (o.version() == 0) {
            o.version(h.version());
        }
        o.put("fUniqueID", b.u32());
        long bits = b.u32();
        o.put("fBits", bits);
        if ((bits & K_IS_REFERENCED) != 0) {
            b.u16();
        }
        finish(b, h);
    }

    /** Reads TObjArray / TList / THashList contents into {@code out}. */
    void readCollection(RBuffer b, String cls, List<Object> out, int depth) {
        Header h = header(b);
        boolean isList = !cls.equals("TObjArray");
        if (!isList) {
            if (h.version() > 2) {
                readTObject(b, new RObject("TObject"));
            }
            if (h.version() > 1) {
                b.tstring();
            }
            int n = b.count(b.i32(), 4, cls + " entries");
            b.i32();
            for (int i = 0; i < n; i++) {
                out.add(readObjectAny(b, depth + 1));
            }
        } else {
            if (h.version() > 3) {
                readTObject(b, new RObject("TObject"));
                b.tstring();
            }
            int n = b.count(b.i32(), 5, cls + " entries");
            for (int i = 0; i < n; i++) {
                out.add(readObjectAny(b, depth + 1));
                if (h.version() > 4) {
                    int nch = b.u8();
                    b.skip(nch);
                }
            }
        }
        finish(b, h);
    }

    // ------------------------------------------------------------------ streamer-driven reading

    private void readWithStreamer(RBuffer b, RObject o, int depth) {
        checkDepth(b, depth);
        Header h = header(b);
        if (o.version() == 0) {
            o.version(h.version());
        }
        StreamerInfo info = streamer(o.className(), h.version());
        if (info == null) {
            if (h.end() >= 0) {
                b.seek(h.end());
                return;
            }
            throw b.fail("no streamer info for class " + o.className() + " in the file");
        }
        for (StreamerElement e : info.elements()) {
            if (!readMember(b, o, e, depth)) {
                if (h.end() < 0) {
                    throw b.fail("cannot read member " + e.name() + " (type " + e.type() + ", " + e.typeName()
                            + ") of class " + o.className());
                }
                break;
            }
        }
        finish(b, h);
    }

    /** Reads one member; false when its kind is not supported (the caller then skips the object). */
    private boolean readMember(RBuffer b, RObject o, StreamerElement e, int depth) {
        int t = e.type();
        if (e.isBase()) {
            String base = e.name();
            if (base.equals("TObject")) {
                readTObject(b, o);
            } else if (base.startsWith("TArray")) {
                o.put("fArray", readTArray(b, base));
            } else {
                RObject tmp = new RObject(base);
                readInto(b, tmp, depth + 1);
                for (Map.Entry<String, Object> m : tmp.members().entrySet()) {
                    o.members().putIfAbsent(m.getKey(), m.getValue());
                }
            }
            return true;
        }
        if (t >= K_CHAR && t <= K_FLOAT16) {
            o.put(e.name(), BasicValues.readScalar(b, t, e.title()));
            return true;
        }
        if (t > K_OFFSET_L && t < K_OFFSET_P) {
            o.put(e.name(), BasicValues.readArray(b, t - K_OFFSET_L, Math.max(1, e.arrayLength()), e.title()));
            return true;
        }
        if (t > K_OFFSET_P && t < K_OFFSET_P + 20) {
            long n = o.longValue(e.countName(), -1);
            if (n < 0) {
                return false;
            }
            int flag = b.u8();
            o.put(e.name(), flag == 0 ? null : BasicValues.readArray(b, t - K_OFFSET_P, (int) n, e.title()));
            return true;
        }
        switch (t) {
            case K_CHAR_STAR -> {
                int n = b.count(b.i32(), 1, "char*");
                o.put(e.name(), new String(b.bytes(n), java.nio.charset.StandardCharsets.ISO_8859_1));
                return true;
            }
            case K_TSTRING -> {
                o.put(e.name(), b.tstring());
                return true;
            }
            case K_TOBJECT -> {
                readTObject(b, new RObject("TObject"));
                return true;
            }
            case K_OBJECT, K_ANY, K_TNAMED, K_OBJECTP, K_ANYP -> {
                if (e.arrayLength() > 1) {
                    return false;
                }
                String cls = stripPointer(e.typeName());
                o.put(e.name(), readEmbedded(b, cls, depth + 1));
                return true;
            }
            case K_OBJECT_P, K_ANY_P -> {
                if (e.arrayLength() > 1) {
                    return false;
                }
                o.put(e.name(), readObjectAny(b, depth + 1));
                return true;
            }
            case K_STL, K_STLP -> {
                Object v = StlValues.read(b, this, e);
                if (v == null) {
                    return false;
                }
                o.put(e.name(), v);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** An object stored inline (no class tag): collections, arrays and classes with layouts. */
    Object readEmbedded(RBuffer b, String cls, int depth) {
        checkDepth(b, depth);
        if (cls.startsWith("TArray")) {
            return readTArray(b, cls);
        }
        if (cls.equals("TObjArray") || cls.equals("TList") || cls.equals("THashList")) {
            List<Object> list = new ArrayList<>();
            readCollection(b, cls, list, depth);
            return list;
        }
        if (cls.equals("TString")) {
            return b.tstring();
        }
        if (!hasReader(cls)) {
            Header h = header(b);
            if (h.end() < 0) {
                throw b.fail("inline object of class " + cls + " has no byte count and no known layout");
            }
            b.seek(h.end());
            return new RObject(cls);
        }
        return readObject(b, cls, depth);
    }

    static Object readTArray(RBuffer b, String cls) {
        int n = b.i32();
        return switch (cls) {
            case "TArrayC" -> BasicValues.readArray(b, K_CHAR, b.count(n, 1, cls), "");
            case "TArrayS" -> BasicValues.readArray(b, K_SHORT, b.count(n, 2, cls), "");
            case "TArrayI" -> BasicValues.readArray(b, K_INT, b.count(n, 4, cls), "");
            case "TArrayL", "TArrayL64" -> BasicValues.readArray(b, K_LONG64, b.count(n, 8, cls), "");
            case "TArrayF" -> BasicValues.readArray(b, K_FLOAT, b.count(n, 4, cls), "");
            case "TArrayD" -> BasicValues.readArray(b, K_DOUBLE, b.count(n, 8, cls), "");
            default -> throw b.fail("unknown array class " + cls);
        };
    }

    static String stripPointer(String typeName) {
        String s = typeName.trim();
        while (s.endsWith("*")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s;
    }

    private static void checkDepth(RBuffer b, int depth) {
        if (depth > MAX_DEPTH) {
            throw b.fail("objects nested more than " + MAX_DEPTH + " deep (corrupted references?)");
        }
    }
}
