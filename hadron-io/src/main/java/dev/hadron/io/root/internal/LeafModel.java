package dev.hadron.io.root.internal;

/** A TLeaf's metadata: class, name, title, length, type size, signedness, counter leaf and (TLeafElement) type code. */
public record LeafModel(String className, String name, String title, int len, int lenType, boolean unsigned,
                        String countLeafName, int elementType) {

    static LeafModel of(RObject o) {
        String count = null;
        if (o.get("fLeafCount") instanceof RObject c) {
            count = c.string("fName");
        }
        return new LeafModel(o.className(), o.string("fName"), o.string("fTitle"), o.intValue("fLen", 1),
                o.intValue("fLenType", 0), o.boolValue("fIsUnsigned"), count, o.intValue("fType", -1));
    }
}
