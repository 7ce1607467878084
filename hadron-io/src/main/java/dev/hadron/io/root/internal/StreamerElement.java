package dev.hadron.io.root.internal;

/**
 * One member of a class as a TStreamerElement describes it: its name, ROOT type code ({@code fType}),
 * C++ type name, fixed array length, the counter member of a variable array, the STL container kind
 * and the packing range of Float16_t/Double32_t members.
 *
 * @param kind the element's class ({@code TStreamerBase}, {@code TStreamerBasicType},
 *             {@code TStreamerSTL}, ...)
 */
public record StreamerElement(String kind, String name, String title, int type, int size, int arrayLength,
                              int arrayDim, int[] maxIndex, String typeName, int baseVersion, String countName,
                              int stlType, int ctype) {

    public boolean isBase() {
        return kind.equals("TStreamerBase");
    }
}
