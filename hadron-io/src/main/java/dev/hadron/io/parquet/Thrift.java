package dev.hadron.io.parquet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for Thrift's compact protocol, the encoding of Parquet's footer and page headers. It reads
 * any struct into a generic {@link Struct} (field id to value) without a generated schema; the callers
 * pick the fields they know. Every length and count is checked against the bytes that remain and the
 * nesting depth is bounded, so a damaged footer ends in a {@link ParquetFormatError}, not an
 * out-of-memory or a stack overflow.
 */
final class Thrift {
    private static final int MAX_DEPTH = 64;

    /** A decoded struct: field ids to values (Boolean, Long for all integers, Double, byte[], List, Struct). */
    static final class Struct {
        private final Map<Integer, Object> fields = new HashMap<>();

        boolean has(int id) {
            return fields.containsKey(id);
        }

        Object get(int id) {
            return fields.get(id);
        }

        long i64(int id, String what) {
            Object v = fields.get(id);
            if (!(v instanceof Long l)) {
                throw new ParquetFormatError("missing or mistyped field " + what + " (id " + id + ")");
            }
            return l;
        }

        long i64(int id, long fallback) {
            return fields.get(id) instanceof Long l ? l : fallback;
        }

        int i32(int id, String what) {
            long v = i64(id, what);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new ParquetFormatError(what + " = " + v + " is out of the int32 range");
            }
            return (int) v;
        }

        int i32(int id, int fallback) {
            return fields.get(id) instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (int) (long) l
                    : fallback;
        }

        boolean bool(int id, boolean fallback) {
            return fields.get(id) instanceof Boolean b ? b : fallback;
        }

        String string(int id) {
            return fields.get(id) instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : null;
        }

        Struct struct(int id) {
            return fields.get(id) instanceof Struct s ? s : null;
        }

        List<?> list(int id) {
            return fields.get(id) instanceof List<?> l ? l : List.of();
        }
    }

    private final byte[] b;
    private int pos;
    private final int end;

    Thrift(byte[] bytes, int offset, int end) {
        this.b = bytes;
        this.pos = offset;
        this.end = end;
    }

    /** Position after the last struct read. */
    int position() {
        return pos;
    }

    private int readByte() {
        if (pos >= end) {
            throw new ParquetFormatError("Thrift data ends early at byte " + pos);
        }
        return b[pos++] & 0xff;
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int x = readByte();
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new ParquetFormatError("Thrift varint longer than 10 bytes at byte " + pos);
    }

    private long zigzag() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    private int length(String what) {
        long n = varint();
        if (n < 0 || n > end - pos) {
            throw new ParquetFormatError("Thrift " + what + " length " + n + " exceeds the " + (end - pos)
                    + " bytes that remain");
        }
        return (int) n;
    }

    /** Reads one struct. */
    Struct struct() {
        return struct(0);
    }

    private Struct struct(int depth) {
        if (depth > MAX_DEPTH) {
            throw new ParquetFormatError("Thrift structs nested deeper than " + MAX_DEPTH);
        }
        Struct s = new Struct();
        int lastId = 0;
        while (true) {
            int header = readByte();
            if (header == 0) {
                return s;
            }
            int type = header & 0x0f;
            int delta = header >>> 4;
            int id = delta != 0 ? lastId + delta : (int) zigzag();
            lastId = id;
            Object v = switch (type) {
                case 1 -> Boolean.TRUE;
                case 2 -> Boolean.FALSE;
                default -> value(type, depth);
            };
            s.fields.put(id, v);
        }
    }

    private Object value(int type, int depth) {
        return switch (type) {
            case 1, 2 -> readByte() == 1;
            case 3 -> (long) (byte) readByte();
            case 4, 5, 6 -> zigzag();
            case 7 -> {
                if (end - pos < 8) {
                    throw new ParquetFormatError("Thrift double cut short at byte " + pos);
                }
                long bits = 0;
                for (int i = 0; i < 8; i++) {
                    bits |= (long) (b[pos + i] & 0xff) << (8 * i);
                }
                pos += 8;
                yield Double.longBitsToDouble(bits);
            }
            case 8 -> {
                int n = length("binary");
                byte[] v = java.util.Arrays.copyOfRange(b, pos, pos + n);
                pos += n;
                yield v;
            }
            case 9, 10 -> list(depth);
            case 11 -> map(depth);
            case 12 -> struct(depth + 1);
            default -> throw new ParquetFormatError("unknown Thrift type " + type + " at byte " + (pos - 1));
        };
    }

    private List<Object> list(int depth) {
        int header = readByte();
        int elem = header & 0x0f;
        long size = header >>> 4;
        if (size == 15) {
            size = varint();
        }
        if (size < 0 || size > end - pos) {
            throw new ParquetFormatError("Thrift list of " + size + " elements cannot fit in the " + (end - pos)
                    + " bytes that remain");
        }
        List<Object> out = new ArrayList<>((int) size);
        for (long i = 0; i < size; i++) {
            out.add(value(elem, depth + 1));
        }
        return out;
    }

    private Map<Object, Object> map(int depth) {
        long size = varint();
        if (size < 0 || size > end - pos) {
            throw new ParquetFormatError("Thrift map of " + size + " entries cannot fit in the bytes that remain");
        }
        Map<Object, Object> m = new HashMap<>();
        if (size == 0) {
            return m;
        }
        int types = readByte();
        for (long i = 0; i < size; i++) {
            Object k = value(types >>> 4, depth + 1);
            m.put(k instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : k, value(types & 0x0f, depth + 1));
        }
        return m;
    }
}
