package dev.hadron.io.parquet;

import java.util.ArrayList;
import java.util.List;

/**
 * The flattened Parquet schema: for every leaf column, its physical and logical type and its
 * maximum definition and repetition levels (Dremel encoding), which say how nulls and list
 * boundaries are recorded.
 */
final class Schema {
    static final String[] PHYSICAL = {"BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY",
            "FIXED_LEN_BYTE_ARRAY"};
    static final String[] CONVERTED = {"UTF8", "MAP", "MAP_KEY_VALUE", "LIST", "ENUM", "DECIMAL", "DATE", "TIME_MILLIS",
            "TIME_MICROS", "TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "UINT_8", "UINT_16", "UINT_32", "UINT_64", "INT_8",
            "INT_16", "INT_32", "INT_64", "JSON", "BSON", "INTERVAL"};

    /** How the values of a leaf are stored in Hadron. */
    enum Kind { BOOL, INT32, UINT32, INT64, UINT64, FLOAT, DOUBLE, HALF, STRING, UNSUPPORTED }

    /** A leaf column. */
    record Leaf(String name, List<String> path, int physical, int typeLength, String logical, Kind kind,
                String unsupported, int maxDef, int maxRep, int repeatedDef) {
        String dtypeName() {
            String base = switch (kind) {
                case BOOL -> "bool";
                case INT32 -> "int32";
                case UINT32, INT64, UINT64 -> "int64";
                case FLOAT, HALF -> "float32";
                case DOUBLE -> "float64";
                case STRING -> "string";
                case UNSUPPORTED -> "unsupported";
            };
            return maxRep == 1 && kind != Kind.UNSUPPORTED ? "jagged " + base : base;
        }

        ParquetColumn describe() {
            return new ParquetColumn(name, path, physical >= 0 && physical < PHYSICAL.length ? PHYSICAL[physical]
                    : "type " + physical, logical, dtypeName(), maxRep == 1, maxDef > 0, unsupported);
        }
    }

    final List<Leaf> leaves = new ArrayList<>();
    private final List<Thrift.Struct> elements;
    private int next;

    private Schema(List<Thrift.Struct> elements) {
        this.elements = elements;
    }

    static Schema parse(List<?> raw) {
        List<Thrift.Struct> elements = new ArrayList<>();
        for (Object o : raw) {
            if (!(o instanceof Thrift.Struct s)) {
                throw new ParquetFormatError("schema element is not a struct");
            }
            elements.add(s);
        }
        if (elements.isEmpty()) {
            throw new ParquetFormatError("the schema is empty");
        }
        Schema schema = new Schema(elements);
        Thrift.Struct root = elements.get(0);
        schema.next = 1;
        int children = root.i32(5, 0);
        for (int i = 0; i < children; i++) {
            schema.node(new ArrayList<>(), new ArrayList<>(), 0, 0, 0, 0, Role.NORMAL);
        }
        if (schema.next != elements.size()) {
            throw new ParquetFormatError("schema has " + elements.size() + " elements but the tree uses " + schema.next);
        }
        return schema;
    }

    private static boolean isList(Thrift.Struct e) {
        Thrift.Struct logical = e.struct(10);
        return e.i32(6, -1) == 3 || e.i32(6, -1) == 1 || (logical != null && (logical.has(3) || logical.has(2)));
    }

    /** How a node's name enters the column name: list and map wrapper levels do not. */
    private enum Role { NORMAL, WRAPPER_REPEATED, WRAPPER_ELEMENT }

    private void node(List<String> path, List<String> name, int def, int rep, int repeatedDef, int depth, Role role) {
        if (next >= elements.size()) {
            throw new ParquetFormatError("schema tree refers to more elements than the " + elements.size() + " present");
        }
        if (depth > 32) {
            throw new ParquetFormatError("schema nested deeper than 32 levels");
        }
        Thrift.Struct e = elements.get(next++);
        String n = e.string(4);
        if (n == null) {
            throw new ParquetFormatError("schema element " + (next - 1) + " has no name");
        }
        int repetition = e.i32(3, 0);
        int d = def + (repetition != 0 ? 1 : 0);
        int r = rep + (repetition == 2 ? 1 : 0);
        int rd = repetition == 2 ? d : repeatedDef;
        List<String> p = new ArrayList<>(path);
        p.add(n);
        List<String> nm = new ArrayList<>(name);
        if (role == Role.NORMAL || (role == Role.WRAPPER_REPEATED && repetition != 2)) {
            nm.add(n);
        }
        int children = e.i32(5, 0);
        if (children < 0 || children > elements.size()) {
            throw new ParquetFormatError("schema element '" + n + "' declares " + children + " children");
        }
        if (children == 0) {
            leaves.add(leaf(e, p, String.join(".", nm), d, r, rd));
            return;
        }
        Role childRole = isList(e) && children == 1 ? Role.WRAPPER_REPEATED
                : role == Role.WRAPPER_REPEATED && repetition == 2 && children == 1 ? Role.WRAPPER_ELEMENT : Role.NORMAL;
        for (int i = 0; i < children; i++) {
            node(p, nm, d, r, rd, depth + 1, childRole);
        }
    }

    private static Leaf leaf(Thrift.Struct e, List<String> path, String name, int maxDef, int maxRep, int repeatedDef) {
        int physical = e.i32(1, -1);
        int typeLength = e.i32(2, 0);
        int converted = e.i32(6, -1);
        Thrift.Struct logical = e.struct(10);
        String logicalName = converted >= 0 && converted < CONVERTED.length ? CONVERTED[converted] : "";
        boolean unsigned = false;
        int bitWidth = 0;
        if (logical != null) {
            Thrift.Struct integer = logical.struct(10);
            if (integer != null) {
                bitWidth = (int) integer.i64(1, 0);
                unsigned = !integer.bool(2, true);
                logicalName = (unsigned ? "UINT_" : "INT_") + bitWidth;
            } else if (logical.has(1)) {
                logicalName = "STRING";
            } else if (logical.has(15)) {
                logicalName = "FLOAT16";
            } else if (logical.has(5)) {
                logicalName = "DECIMAL";
            }
        } else if (converted >= 11 && converted <= 18) {
            unsigned = converted <= 14;
            bitWidth = switch (converted) {
                case 11, 15 -> 8;
                case 12, 16 -> 16;
                case 13, 17 -> 32;
                default -> 64;
            };
        }
        Kind kind;
        String why = null;
        switch (physical) {
            case 0 -> kind = Kind.BOOL;
            case 1 -> kind = unsigned && bitWidth == 32 ? Kind.UINT32 : Kind.INT32;
            case 2 -> kind = unsigned ? Kind.UINT64 : Kind.INT64;
            case 4 -> kind = Kind.FLOAT;
            case 5 -> kind = Kind.DOUBLE;
            case 6 -> kind = Kind.STRING;
            case 7 -> {
                if (logicalName.equals("FLOAT16") && typeLength == 2) {
                    kind = Kind.HALF;
                } else {
                    kind = Kind.UNSUPPORTED;
                    why = "fixed-length byte arrays (" + (logicalName.isEmpty() ? "length " + typeLength : logicalName)
                            + ") are not supported";
                }
            }
            case 3 -> {
                kind = Kind.UNSUPPORTED;
                why = "INT96 (legacy timestamps) is not supported";
            }
            default -> {
                kind = Kind.UNSUPPORTED;
                why = "unknown physical type " + physical;
            }
        }
        if (logicalName.equals("DECIMAL") && kind != Kind.UNSUPPORTED) {
            kind = Kind.UNSUPPORTED;
            why = "DECIMAL columns are not supported";
        }
        if (maxRep > 1 && kind != Kind.UNSUPPORTED) {
            kind = Kind.UNSUPPORTED;
            why = "nested lists (" + maxRep + " repetition levels) are not supported: a Jagged holds one level of lists";
        }
        if (maxRep == 1 && kind == Kind.STRING) {
            kind = Kind.UNSUPPORTED;
            why = "lists of strings are not supported";
        }
        return new Leaf(name, path, physical, typeLength, logicalName, kind, why, maxDef, maxRep, repeatedDef);
    }
}
