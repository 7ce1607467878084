package dev.hadron.io.root.internal;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;


/**
 * A numeric type as stored in a basket (big-endian) and the tensor type it is read into:
 * bool → BOOL; int8, uint8, int16, uint16, int32 → INT32; uint32, int64, uint64 → INT64 (uint64 keeps
 * its 64 bits, so values of 2^63 and above read as negative); float and Float16_t → FLOAT32; double and
 * Double32_t → FLOAT64.
 */
public record ValueType(Kind kind, PackedFloat packed) {

    /** The stored representations. */
    public enum Kind {
        BOOL(1, DType.BOOL, "bool"), I8(1, DType.INT32, "int8"), U8(1, DType.INT32, "uint8"),
        I16(2, DType.INT32, "int16"), U16(2, DType.INT32, "uint16"), I32(4, DType.INT32, "int32"),
        U32(4, DType.INT64, "uint32"), I64(8, DType.INT64, "int64"), U64(8, DType.INT64, "uint64"),
        F32(4, DType.FLOAT32, "float"), F64(8, DType.FLOAT64, "double"),
        F16(0, DType.FLOAT32, "Float16_t"), D32(0, DType.FLOAT64, "Double32_t");

        final int size;
        final DType dtype;
        final String typeName;

        Kind(int size, DType dtype, String typeName) {
            this.size = size;
            this.dtype = dtype;
            this.typeName = typeName;
        }
    }

    public static ValueType of(Kind kind) {
        return new ValueType(kind, null);
    }

    /** The value type of a ROOT basic type code, with the title for Float16_t/Double32_t packing. */
    public static ValueType ofCode(int code, String title) {
        return switch (code) {
            case RootConstants.K_BOOL -> of(Kind.BOOL);
            case RootConstants.K_CHAR, RootConstants.K_LEGACY_CHAR -> of(Kind.I8);
            case RootConstants.K_UCHAR -> of(Kind.U8);
            case RootConstants.K_SHORT -> of(Kind.I16);
            case RootConstants.K_USHORT -> of(Kind.U16);
            case RootConstants.K_INT, RootConstants.K_COUNTER -> of(Kind.I32);
            case RootConstants.K_UINT, RootConstants.K_BITS -> of(Kind.U32);
            case RootConstants.K_LONG, RootConstants.K_LONG64 -> of(Kind.I64);
            case RootConstants.K_ULONG, RootConstants.K_ULONG64 -> of(Kind.U64);
            case RootConstants.K_FLOAT -> of(Kind.F32);
            case RootConstants.K_DOUBLE -> of(Kind.F64);
            case RootConstants.K_FLOAT16 -> new ValueType(Kind.F16, PackedFloat.fromTitle(title, true));
            case RootConstants.K_DOUBLE32 -> new ValueType(Kind.D32, PackedFloat.fromTitle(title, false));
            default -> null;
        };
    }

    /** Bytes per stored value. */
    public int size() {
        return packed != null ? packed.itemSize() : kind.size;
    }

    public DType dtype() {
        return kind.dtype;
    }

    /** The type name used in summaries ("float", "int32", "Double32_t", ...). */
    public String typeName() {
        return kind.typeName;
    }

    /** A Java array for {@code n} values of the target type. */
    public Object allocate(int n) {
        return switch (kind.dtype) {
            case BOOL -> new byte[n];
            case INT32 -> new int[n];
            case INT64 -> new long[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
    }

    /** A tensor over an array made by {@link #allocate} (no copy). */
    public Tensor wrap(Object array, int... shape) {
        Storage s = switch (array) {
            case byte[] a -> new Storage.Bool(a);
            case int[] a -> new Storage.I32(a);
            case long[] a -> new Storage.I64(a);
            case float[] a -> new Storage.F32(a);
            case double[] a -> new Storage.F64(a);
            default -> throw new IllegalStateException("not a column array: " + array);
        };
        return Tensor.wrap(s, shape);
    }

    /** Decodes {@code n} values from {@code src[srcPos...]} into {@code dst[dstPos...]}. */
    public void decode(byte[] src, int srcPos, int n, Object dst, int dstPos) {
        switch (kind) {
            case BOOL -> {
                byte[] d = (byte[]) dst;
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = src[srcPos + i] != 0 ? (byte) 1 : 0;
                }
            }
            case I8 -> {
                int[] d = (int[]) dst;
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = src[srcPos + i];
                }
            }
            case U8 -> {
                int[] d = (int[]) dst;
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = src[srcPos + i] & 0xFF;
                }
            }
            case I16 -> {
                int[] d = (int[]) dst;
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = RBuffer.getI16(src, srcPos + 2 * i);
                }
            }
            case U16 -> {
                int[] d = (int[]) dst;
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = RBuffer.getI16(src, srcPos + 2 * i) & 0xFFFF;
                }
            }
            case I32 -> {
                int[] d = (int[]) dst;
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = RBuffer.getI32(src, srcPos + 4 * i);
                }
            }
            case U32 -> {
                long[] d = (long[]) dst;
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = RBuffer.getI32(src, srcPos + 4 * i) & 0xFFFFFFFFL;
                }
            }
            case I64, U64 -> {
                long[] d = (long[]) dst;
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = RBuffer.getI64(src, srcPos + 8 * i);
                }
            }
            case F32 -> {
                float[] d = (float[]) dst;
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = RBuffer.getF32(src, srcPos + 4 * i);
                }
            }
            case F64 -> {
                double[] d = (double[]) dst;
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = RBuffer.getF64(src, srcPos + 8 * i);
                }
            }
            case F16 -> {
                float[] d = (float[]) dst;
                int sz = packed.itemSize();
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = (float) packed.decode(src, srcPos + sz * i);
                }
            }
            case D32 -> {
                double[] d = (double[]) dst;
                int sz = packed.itemSize();
                for (int i = 0; i < n; i++) {
                    d[dstPos + i] = packed.decode(src, srcPos + sz * i);
                }
            }
        }
    }
}
