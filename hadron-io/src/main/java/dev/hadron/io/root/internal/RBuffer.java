package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A bounds-checked big-endian cursor over the bytes of one ROOT record (a key's object, a basket).
 * Every read checks that the bytes exist and every failure names the file, the record and the byte
 * position. {@code origin} is the displacement of index 0 in ROOT's object-reference numbering
 * (the key length: references count from the start of the key).
 */
public final class RBuffer {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle F64 = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    private final int limit;
    private final int origin;
    private final String file;
    private final String what;
    private int pos;
    private Map<Integer, Object> refs;

    /** A cursor over {@code data[0, limit)}; {@code what} describes the record for error messages. */
    public RBuffer(byte[] data, int limit, int origin, String file, String what) {
        if (limit < 0 || limit > data.length) {
            throw new IllegalArgumentException("limit " + limit + " outside buffer of " + data.length);
        }
        this.data = data;
        this.limit = limit;
        this.origin = origin;
        this.file = file;
        this.what = what;
    }

    /** A cursor over all of {@code data}. */
    public RBuffer(byte[] data, int origin, String file, String what) {
        this(data, data.length, origin, file, what);
    }

    public byte[] array() {
        return data;
    }

    public int pos() {
        return pos;
    }

    public int limit() {
        return limit;
    }

    public int remaining() {
        return limit - pos;
    }

    public String file() {
        return file;
    }

    public String what() {
        return what;
    }

    /** The ROOT displacement of the current position (position plus the key length). */
    public int displacement() {
        return pos + origin;
    }

    public int origin() {
        return origin;
    }

    public void seek(int newPos) {
        if (newPos < 0 || newPos > limit) {
            throw fail("jump to byte " + newPos + " outside the record of " + limit + " bytes");
        }
        pos = newPos;
    }

    public void skip(int n) {
        need(n);
        pos += n;
    }

    /** An exception naming the file, the record and the current position. */
    public RootFormatException fail(String message) {
        return new RootFormatException(file + ": " + what + ", byte " + pos + ": " + message);
    }

    /** Checks that {@code n} more bytes exist. */
    public void need(long n) {
        if (n < 0 || n > limit - pos) {
            throw fail("needs " + n + " bytes but only " + (limit - pos) + " remain (truncated or corrupted data)");
        }
    }

    /** Checks a declared element count against the bytes left, before anything is allocated. */
    public int count(long n, int bytesPerItem, String name) {
        if (n < 0 || n * (long) bytesPerItem > limit - pos) {
            throw fail("declared " + name + " count " + n + " needs " + (n * (long) bytesPerItem)
                    + " bytes but only " + (limit - pos) + " remain");
        }
        return (int) n;
    }

    public byte i8() {
        need(1);
        return data[pos++];
    }

    public int u8() {
        return i8() & 0xFF;
    }

    public boolean bool() {
        return i8() != 0;
    }

    public short i16() {
        need(2);
        short v = (short) I16.get(data, pos);
        pos += 2;
        return v;
    }

    public int u16() {
        return i16() & 0xFFFF;
    }

    public int i32() {
        need(4);
        int v = (int) I32.get(data, pos);
        pos += 4;
        return v;
    }

    public long u32() {
        return i32() & 0xFFFFFFFFL;
    }

    public int peekI32() {
        need(4);
        return (int) I32.get(data, pos);
    }

    public long i64() {
        need(8);
        long v = (long) I64.get(data, pos);
        pos += 8;
        return v;
    }

    public float f32() {
        need(4);
        float v = (float) F32.get(data, pos);
        pos += 4;
        return v;
    }

    public double f64() {
        need(8);
        double v = (double) F64.get(data, pos);
        pos += 8;
        return v;
    }

    public byte[] bytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** A ROOT TString: one length byte, or 255 followed by a 32-bit length, then the characters. */
    public String tstring() {
        int n = u8();
        if (n == 255) {
            n = i32();
        }
        need(n);
        String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    /** A NUL-terminated C string (class names in object tags). */
    public String cstring(int maxLength) {
        int end = pos;
        int max = Math.min(limit, pos + maxLength);
        while (end < max && data[end] != 0) {
            end++;
        }
        if (end >= max) {
            throw fail("unterminated class name (no NUL within " + maxLength + " bytes)");
        }
        String s = new String(data, pos, end - pos, StandardCharsets.ISO_8859_1);
        pos = end + 1;
        return s;
    }

    /** The object-reference table of this buffer (ROOT's map of displacements to classes and objects). */
    public Map<Integer, Object> refs() {
        if (refs == null) {
            refs = new HashMap<>();
        }
        return refs;
    }

    // ---------------------------------------------------------------- static big-endian helpers

    public static short getI16(byte[] b, int at) {
        return (short) I16.get(b, at);
    }

    public static int getI32(byte[] b, int at) {
        return (int) I32.get(b, at);
    }

    public static long getI64(byte[] b, int at) {
        return (long) I64.get(b, at);
    }

    public static float getF32(byte[] b, int at) {
        return (float) F32.get(b, at);
    }

    public static double getF64(byte[] b, int at) {
        return (double) F64.get(b, at);
    }
}
