package dev.hadron.io.root.internal;

import java.util.List;

/** How the bytes of a branch's entries become arrays. */
public sealed interface Interpretation {

    /** The uproot-like type string ("float", "3 * int32", "var * float", "std::vector<float>", ...). */
    String typeName();

    /** Product of a shape (1 for an empty shape). */
    static int product(int[] shape) {
        int p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }

    private static String dims(int[] inner) {
        StringBuilder sb = new StringBuilder();
        for (int d : inner) {
            sb.append(d).append(" * ");
        }
        return sb.toString();
    }

    /** A fixed number of values per entry (shape {@code inner}). */
    record Numeric(ValueType type, int[] inner) implements Interpretation {
        public int itemsPerEntry() {
            return product(inner);
        }

        @Override
        public String typeName() {
            return dims(inner) + type.typeName();
        }
    }

    /**
     * A variable number of values per entry, each entry preceded by {@code header} bytes (10 for an
     * object-wise {@code std::vector}: byte count, version and size; 0 for a counter-leaf array).
     */
    record JaggedNumeric(ValueType type, int[] inner, int header, String cppName) implements Interpretation {
        @Override
        public String typeName() {
            return cppName != null ? cppName : "var * " + dims(inner) + type.typeName();
        }
    }

    /** One string per entry, after {@code header} bytes. */
    record Strings(int header, String cppName) implements Interpretation {
        @Override
        public String typeName() {
            return cppName;
        }
    }

    /** A {@code std::vector<std::string>} per entry. */
    record VectorStrings(int header) implements Interpretation {
        @Override
        public String typeName() {
            return "std::vector<std::string>";
        }
    }

    /** A {@code std::vector<std::vector<T>>} per entry. */
    record NestedVector(ValueType type, int header) implements Interpretation {
        @Override
        public String typeName() {
            return "std::vector<std::vector<" + type.typeName() + ">>";
        }
    }

    /** Several leaves side by side in each entry ({@code "x/D:y/I"}). */
    record LeafList(List<Field> fields) implements Interpretation {
        /** One leaf of the list. */
        public record Field(String name, ValueType type, int[] inner) {
        }

        public int entrySize() {
            int s = 0;
            for (Field f : fields) {
                s += f.type().size() * product(f.inner());
            }
            return s;
        }

        @Override
        public String typeName() {
            StringBuilder sb = new StringBuilder("{");
            for (Field f : fields) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(f.name()).append(": ").append(dims(f.inner())).append(f.type().typeName());
            }
            return sb.append('}').toString();
        }
    }

    /** A branch this reader cannot turn into arrays, with the reason. */
    record Unsupported(String reason, String cppName) implements Interpretation {
        @Override
        public String typeName() {
            return cppName;
        }
    }
}
