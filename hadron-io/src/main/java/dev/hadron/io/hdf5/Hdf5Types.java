package dev.hadron.io.hdf5;

import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Conversions between jHDF's Java arrays and Hadron tensors, and numpy-style names for HDF5 types.
 * int8, int16, uint8, uint16 and int32 become int32; uint32 and int64 become int64; uint64 becomes
 * int64 when it fits; float16 and float32 become float32; float64 stays; booleans (h5py's
 * {@code FALSE/TRUE} enum, or a bitfield) become bool.
 */
final class Hdf5Types {
    private Hdf5Types() {
    }

    /** The numpy-style name of a datatype ({@code float32}, {@code uint16}, {@code bool}, {@code string}, ...). */
    static String name(DataType t) {
        return switch (t) {
            case FixedPoint f -> (f.isSigned() ? "int" : "uint") + f.getBitPrecision();
            case FloatingPoint f -> "float" + f.getBitPrecision();
            case EnumDataType e -> isBoolEnum(e) ? "bool" : "enum";
            case BitField b -> "bool";
            case StringData s -> "string";
            case VariableLength v -> v.isVariableLengthString() ? "string" : "vlen " + name(v.getParent());
            case CompoundDataType c -> {
                List<String> fields = new ArrayList<>();
                for (CompoundDataType.CompoundDataMember m : c.getMembers()) {
                    fields.add(m.getName() + ": " + name(m.getDataType()));
                }
                yield "compound{" + String.join(", ", fields) + "}";
            }
            default -> t.getClass().getSimpleName();
        };
    }

    static boolean isBoolEnum(EnumDataType e) {
        Collection<String> names = e.getEnumMapping().values();
        return names.size() == 2 && names.contains("FALSE") && names.contains("TRUE");
    }

    /**
     * A tensor of {@code shape} from a flat Java array as jHDF returns it; throws
     * {@link IllegalArgumentException} with what was found when the values are not numeric.
     */
    static Tensor tensor(Object flat, int[] shape, DataType type, String where) {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        if (n == 0) {
            return Tensor.zeros(emptyType(type), shape);
        }
        return switch (flat) {
            case double[] a -> Tensor.wrap(a, shape);
            case float[] a -> Tensor.wrap(a, shape);
            case long[] a -> Tensor.wrap(a, shape);
            case int[] a -> Tensor.wrap(new Storage.I32(a), shape);
            case short[] a -> {
                int[] v = new int[a.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = a[i];
                }
                yield Tensor.wrap(new Storage.I32(v), shape);
            }
            case byte[] a -> {
                int[] v = new int[a.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = a[i];
                }
                yield Tensor.wrap(new Storage.I32(v), shape);
            }
            case boolean[] a -> {
                byte[] v = new byte[a.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = a[i] ? (byte) 1 : 0;
                }
                yield Tensor.wrap(new Storage.Bool(v), shape);
            }
            case BigInteger[] a -> {
                long[] v = new long[a.length];
                for (int i = 0; i < v.length; i++) {
                    if (a[i].bitLength() > 63) {
                        throw new IllegalArgumentException(where + ": uint64 element " + i + " is " + a[i]
                                + ", larger than the int64 maximum Hadron can hold");
                    }
                    v[i] = a[i].longValue();
                }
                yield Tensor.wrap(v, shape);
            }
            case String[] a when type instanceof EnumDataType e && isBoolEnum(e) -> {
                byte[] v = new byte[a.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = "TRUE".equals(a[i]) ? (byte) 1 : 0;
                }
                yield Tensor.wrap(new Storage.Bool(v), shape);
            }
            default -> throw new IllegalArgumentException(where + " holds " + name(type)
                    + " values, which are not numeric; expected bool, integers or floats");
        };
    }

    private static dev.hadron.tensor.DType emptyType(DataType t) {
        return switch (t) {
            case FloatingPoint f -> f.getBitPrecision() == 64 ? dev.hadron.tensor.DType.FLOAT64 : dev.hadron.tensor.DType.FLOAT32;
            case FixedPoint f -> f.getBitPrecision() <= 16 || (f.getBitPrecision() == 32 && f.isSigned())
                    ? dev.hadron.tensor.DType.INT32 : dev.hadron.tensor.DType.INT64;
            case BitField b -> dev.hadron.tensor.DType.BOOL;
            case EnumDataType e when isBoolEnum(e) -> dev.hadron.tensor.DType.BOOL;
            default -> throw new IllegalArgumentException("type " + name(t) + " is not numeric");
        };
    }

    /** A nested Java array of {@code t}'s shape (what jHDF writes), or a boxed scalar for a 0-d tensor. */
    static Object javaArray(Tensor t) {
        Tensor c = t.detach().contiguous();
        int[] shape = c.shape();
        Object flat = switch (c.dtype()) {
            case FLOAT32 -> c.toFloatArray();
            case FLOAT64 -> c.toDoubleArray();
            case INT32 -> c.toIntArray();
            case INT64 -> c.toLongArray();
            case BOOL -> c.toBooleanArray();
        };
        if (shape.length == 0) {
            return java.lang.reflect.Array.get(flat, 0);
        }
        if (shape.length == 1) {
            return flat;
        }
        Object out = java.lang.reflect.Array.newInstance(flat.getClass().getComponentType(), shape);
        fill(out, flat, shape, 0, 0);
        return out;
    }

    private static int fill(Object out, Object flat, int[] shape, int dim, int offset) {
        int n = shape[dim];
        if (dim == shape.length - 1) {
            System.arraycopy(flat, offset, out, 0, n);
            return offset + n;
        }
        for (int i = 0; i < n; i++) {
            offset = fill(java.lang.reflect.Array.get(out, i), flat, shape, dim + 1, offset);
        }
        return offset;
    }

    /** A flat primitive (or String) array from a nested Java array, in row-major order. */
    static Object flatten(Object nested) {
        if (nested == null || !nested.getClass().isArray()) {
            return nested;
        }
        Class<?> leaf = nested.getClass();
        while (leaf.getComponentType() != null && leaf.getComponentType().isArray()) {
            leaf = leaf.getComponentType();
        }
        if (leaf == nested.getClass()) {
            return nested;
        }
        int total = count(nested);
        Object out = java.lang.reflect.Array.newInstance(leaf.getComponentType(), total);
        copy(nested, out, 0);
        return out;
    }

    private static int count(Object a) {
        if (!a.getClass().getComponentType().isArray()) {
            return java.lang.reflect.Array.getLength(a);
        }
        int n = 0;
        for (int i = 0; i < java.lang.reflect.Array.getLength(a); i++) {
            n += count(java.lang.reflect.Array.get(a, i));
        }
        return n;
    }

    private static int copy(Object a, Object out, int at) {
        if (!a.getClass().getComponentType().isArray()) {
            int n = java.lang.reflect.Array.getLength(a);
            System.arraycopy(a, 0, out, at, n);
            return at + n;
        }
        for (int i = 0; i < java.lang.reflect.Array.getLength(a); i++) {
            at = copy(java.lang.reflect.Array.get(a, i), out, at);
        }
        return at;
    }
}
