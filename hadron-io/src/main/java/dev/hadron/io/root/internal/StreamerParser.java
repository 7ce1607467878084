package dev.hadron.io.root.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-written readers of TStreamerInfo and the TStreamerElement classes: the class layouts that the
 * file carries, which must be read before anything else can be.
 */
final class StreamerParser {
    private static final Set<String> CLASSES = Set.of("TStreamerInfo", "TStreamerElement", "TStreamerBase",
            "TStreamerBasicType", "TStreamerBasicPointer", "TStreamerLoop", "TStreamerObject",
            "TStreamerObjectPointer", "TStreamerObjectAny", "TStreamerObjectAnyPointer", "TStreamerString",
            "TStreamerSTL", "TStreamerSTLstring", "TStreamerArtificial");

    private StreamerParser() {
    }

    static boolean handles(String cls) {
        return CLASSES.contains(cls);
    }

    static void read(ObjectReader r, RBuffer b, RObject o, int depth) {
        ObjectReader.Header h = r.header(b);
        o.version(h.version());
        String cls = o.className();
        if (cls.equals("TStreamerInfo")) {
            RObject named = r.readObject(b, "TNamed", depth + 1);
            long checksum = b.u32();
            int classVersion = b.i32();
            Object elements = r.readObjectAny(b, depth + 1);
            List<StreamerElement> list = new ArrayList<>();
            if (elements instanceof List<?> l) {
                for (Object e : l) {
                    if (e instanceof RObject eo && eo.get("@element") instanceof StreamerElement se) {
                        list.add(se);
                    }
                }
            }
            o.put("@info", new StreamerInfo(named.string("fName"), classVersion, checksum, List.copyOf(list)));
            finish(b, h);
            return;
        }
        if (cls.equals("TStreamerSTLstring")) {
            RObject inner = new RObject("TStreamerSTL");
            read(r, b, inner, depth + 1);
            StreamerElement e = (StreamerElement) inner.get("@element");
            o.put("@element", new StreamerElement(cls, e.name(), e.title(), e.type(), e.size(), e.arrayLength(),
                    e.arrayDim(), e.maxIndex(), e.typeName(), 0, "", e.stlType(), e.ctype()));
            finish(b, h);
            return;
        }
        // the TStreamerElement base part
        ObjectReader.Header eh = r.header(b);
        RObject named = r.readObject(b, "TNamed", depth + 1);
        int type = b.i32();
        int size = b.i32();
        int arrayLength = b.i32();
        int arrayDim = b.i32();
        int[] maxIndex;
        if (eh.version() == 1) {
            int n = b.count(b.i32(), 4, "fMaxIndex");
            maxIndex = new int[n];
            for (int i = 0; i < n; i++) {
                maxIndex[i] = b.i32();
            }
        } else {
            maxIndex = new int[5];
            for (int i = 0; i < 5; i++) {
                maxIndex[i] = b.i32();
            }
        }
        String typeName = b.tstring();
        if (type == RootConstants.K_UCHAR && (typeName.equals("Bool_t") || typeName.equals("bool"))) {
            type = RootConstants.K_BOOL;
        }
        if (eh.version() == 3) {
            b.f64();
            b.f64();
            b.f64();
        }
        finish(b, eh);
        int baseVersion = 0;
        String countName = "";
        int stlType = 0;
        int ctype = 0;
        switch (cls) {
            case "TStreamerBase" -> {
                if (h.version() > 2) {
                    baseVersion = b.i32();
                }
            }
            case "TStreamerBasicPointer", "TStreamerLoop" -> {
                b.i32();
                countName = b.tstring();
                b.tstring();
            }
            case "TStreamerSTL" -> {
                stlType = b.i32();
                ctype = b.i32();
            }
            default -> {
            }
        }
        o.put("@element", new StreamerElement(cls, named.string("fName"), named.string("fTitle"), type, size,
                arrayLength, arrayDim, maxIndex, typeName, baseVersion, countName, stlType, ctype));
        finish(b, h);
    }

    private static void finish(RBuffer b, ObjectReader.Header h) {
        if (h.end() >= 0) {
            b.seek(h.end());
        }
    }

    /** The class layouts in a TList of TStreamerInfo objects (other entries, such as rules, are ignored). */
    static List<StreamerInfo> infos(List<?> list) {
        List<StreamerInfo> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof RObject r && r.get("@info") instanceof StreamerInfo s) {
                out.add(s);
            }
        }
        return out;
    }
}
