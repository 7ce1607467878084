package dev.hadron.io.npy;

import dev.hadron.io.FileFormatException;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed header of an {@code .npy} array: element type, byte order, memory order and shape.
 *
 * @param descr        numpy's type string, e.g. {@code <f8}
 * @param kind         the type kind: {@code b} bool, {@code i} signed, {@code u} unsigned, {@code f} float
 * @param itemSize     bytes per element
 * @param order        byte order of the data
 * @param fortranOrder true if the data is stored column-major
 * @param shape        dimensions (empty for a 0-d array)
 * @param dataOffset   where the data starts in the file
 */
public record NpyHeader(String descr, char kind, int itemSize, ByteOrder order, boolean fortranOrder, long[] shape,
                        long dataOffset) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 20;

    /** Number of elements (the product of the shape). */
    public long numel() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Bytes of data the header announces. */
    public long dataBytes() {
        return numel() * itemSize;
    }

    /** The dtype name numpy prints ({@code float64}, {@code uint16}, {@code bool}). */
    public String dtypeName() {
        return switch (kind) {
            case 'b' -> "bool";
            case 'i' -> "int" + itemSize * 8;
            case 'u' -> "uint" + itemSize * 8;
            default -> "float" + itemSize * 8;
        };
    }

    /** The shape as a list. */
    public List<Long> shapeList() {
        List<Long> l = new ArrayList<>();
        for (long d : shape) {
            l.add(d);
        }
        return l;
    }

    /**
     * Parses the header at the start of {@code bytes} (which must hold at least the whole header).
     * {@code source} names the file or archive entry in error messages.
     */
    static NpyHeader parse(byte[] bytes, int available, String source) {
        if (available < 10) {
            throw bad(source, "too short (" + available + " bytes) for an .npy header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw bad(source, "not an .npy array: the file does not start with the magic \\x93NUMPY");
            }
        }
        int major = bytes[6] & 0xff;
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (available < 12) {
                throw bad(source, "too short for a version " + major + " header");
            }
            long len = (bytes[8] & 0xffL) | (bytes[9] & 0xffL) << 8 | (bytes[10] & 0xffL) << 16 | (bytes[11] & 0xffL) << 24;
            if (len > MAX_HEADER) {
                throw bad(source, "header length " + len + " is larger than the " + MAX_HEADER + " bytes allowed");
            }
            headerLen = (int) len;
            start = 12;
        } else {
            throw bad(source, "unsupported .npy format version " + major + "." + (bytes[7] & 0xff) + "; expected 1.0, 2.0 or 3.0");
        }
        if (start + headerLen > available) {
            throw bad(source, "header of " + headerLen + " bytes runs past the end of the data (" + available + " bytes)");
        }
        String text = new String(bytes, start, headerLen, major == 3 ? java.nio.charset.StandardCharsets.UTF_8
                : java.nio.charset.StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new Literal(text, source).dict();
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shape = dict.get("shape");
        if (descr == null || fortran == null || shape == null) {
            throw bad(source, "header must have the keys 'descr', 'fortran_order' and 'shape', got " + dict.keySet());
        }
        if (descr instanceof List) {
            throw bad(source, "structured arrays (record dtypes " + text.strip() + ") are not supported; save each field"
                    + " as its own array (e.g. with np.savez)");
        }
        if (!(descr instanceof String d) || !(fortran instanceof Boolean f) || !(shape instanceof List<?> s)) {
            throw bad(source, "malformed header " + text.strip());
        }
        long[] dims = new long[s.size()];
        long numel = 1;
        for (int i = 0; i < dims.length; i++) {
            if (!(s.get(i) instanceof Long v) || v < 0) {
                throw bad(source, "shape " + s + " must hold non-negative integers");
            }
            dims[i] = v;
            if (v != 0 && numel > Long.MAX_VALUE / v) {
                throw bad(source, "shape " + s + " has more elements than can be addressed");
            }
            numel *= v;
        }
        return fromDescr(d, f, dims, start + headerLen, source);
    }

    private static NpyHeader fromDescr(String descr, boolean fortran, long[] shape, long offset, String source) {
        if (descr.length() < 2) {
            throw bad(source, "unsupported dtype '" + descr + "'");
        }
        char endian = descr.charAt(0);
        char kind = descr.charAt(1);
        String sizeText = descr.substring(2);
        if (kind == 'O') {
            throw bad(source, "object arrays (dtype '" + descr + "', pickled Python objects) are not supported: they can"
                    + " run arbitrary code when loaded; save a numeric array instead");
        }
        if (kind == 'U' || kind == 'S' || kind == 'c' || kind == 'M' || kind == 'm' || kind == 'V') {
            throw bad(source, "dtype '" + descr + "' (" + switch (kind) {
                case 'U', 'S' -> "strings";
                case 'c' -> "complex numbers";
                case 'M', 'm' -> "dates or times";
                default -> "raw bytes";
            } + ") is not supported; expected bool, (unsigned) integers or floats");
        }
        int size;
        try {
            size = Integer.parseInt(sizeText);
        } catch (NumberFormatException e) {
            throw bad(source, "unsupported dtype '" + descr + "'");
        }
        boolean ok = switch (kind) {
            case 'b' -> size == 1;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'f' -> size == 2 || size == 4 || size == 8;
            default -> false;
        };
        if (!ok) {
            throw bad(source, "unsupported dtype '" + descr + "'; expected bool, int8-64, uint8-64 or float16/32/64");
        }
        ByteOrder order = switch (endian) {
            case '<', '|', '=' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> throw bad(source, "dtype '" + descr + "' has an unknown byte-order mark '" + endian + "'");
        };
        if (endian == '=' && ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            order = ByteOrder.nativeOrder();
        }
        return new NpyHeader(descr, kind, size, order, fortran, shape, offset);
    }

    static FileFormatException bad(String source, String what) {
        return new FileFormatException(source, what, null);
    }

    /** A parser for the Python literal subset numpy writes: a dict of strings, booleans, ints and tuples/lists. */
    private static final class Literal {
        private final String s;
        private final String source;
        private int i;

        Literal(String s, String source) {
            this.s = s;
            this.source = source;
        }

        Map<String, Object> dict() {
            skip();
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            skip();
            while (peek() != '}') {
                Object k = value(0);
                if (!(k instanceof String key)) {
                    throw error("dictionary keys must be strings");
                }
                skip();
                expect(':');
                m.put(key, value(0));
                skip();
                if (peek() == ',') {
                    i++;
                    skip();
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            i++;
            skip();
            if (i != s.length()) {
                throw error("unexpected text after the dictionary");
            }
            return m;
        }

        private Object value(int depth) {
            if (depth > 16) {
                throw error("nesting too deep");
            }
            skip();
            char c = peek();
            if (c == '\'' || c == '"') {
                i++;
                int end = s.indexOf(c, i);
                if (end < 0) {
                    throw error("unterminated string");
                }
                String v = s.substring(i, end);
                i = end + 1;
                return v;
            }
            if (c == '(' || c == '[') {
                char close = c == '(' ? ')' : ']';
                i++;
                List<Object> items = new ArrayList<>();
                skip();
                while (peek() != close) {
                    items.add(value(depth + 1));
                    skip();
                    if (peek() == ',') {
                        i++;
                        skip();
                    } else if (peek() != close) {
                        throw error("expected ',' or '" + close + "'");
                    }
                }
                i++;
                return items;
            }
            if (s.startsWith("True", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            int start = i;
            if (c == '-' || c == '+') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == 'L') {
                i++;
            }
            String num = s.substring(start, i).replace("L", "");
            if (num.isEmpty() || num.equals("-") || num.equals("+")) {
                throw error("unexpected character '" + c + "'");
            }
            try {
                return Long.parseLong(num);
            } catch (NumberFormatException e) {
                throw error("number " + num + " is out of range");
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw error("header ends early");
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private FileFormatException error(String what) {
            return bad(source, "malformed .npy header (" + what + " at character " + i + "): " + s.strip());
        }
    }
}
