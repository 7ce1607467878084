package dev.hadron.tensor;

/**
 * Element types of a {@link Tensor}.
 *
 * <p><b>Type promotion.</b> When two tensors meet in a binary operation the result takes the
 * higher of the two types in the order {@code BOOL < INT32 < INT64 < FLOAT32 < FLOAT64}
 * (PyTorch's rule for tensors of the same category, applied across categories). A Java number
 * passed where PyTorch accepts a Python number ({@code x.mul(2)}) does not widen a floating tensor:
 * {@code float32 * 2.0} stays {@code float32}. With an integer or boolean tensor, a whole number
 * keeps the result integral ({@code int64 * 2 -> int64}, {@code bool + 1 -> int64}) and a
 * fractional one gives {@code float32} ({@code int64 * 0.5 -> float32}), as in PyTorch. Division
 * ({@code div}) is always true division and gives a floating result. Mathematical functions
 * ({@code exp}, {@code sin}, ...) of integer tensors give {@code float32}. Comparisons and logical
 * operations give {@code BOOL}.
 */
public enum DType {
    /** Booleans, stored as one byte each (0 or 1). */
    BOOL(1, "BOOL", "bool"),
    /** 32-bit signed integers. */
    INT32(4, "I32", "int32"),
    /** 64-bit signed integers; the type of indices and labels. */
    INT64(8, "I64", "int64"),
    /** IEEE 754 single precision; the default type. */
    FLOAT32(4, "F32", "float32"),
    /** IEEE 754 double precision; used for gradient checking and precise fits. */
    FLOAT64(8, "F64", "float64");

    private final int byteSize;
    private final String safetensorsName;
    private final String displayName;

    DType(int byteSize, String safetensorsName, String displayName) {
        this.byteSize = byteSize;
        this.safetensorsName = safetensorsName;
        this.displayName = displayName;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** True for {@code FLOAT32} and {@code FLOAT64}: the types that can carry gradients. */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** True for {@code INT32} and {@code INT64}. */
    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /** The dtype code used in safetensors headers ({@code "F32"}, {@code "I64"}, ...). */
    public String safetensorsName() {
        return safetensorsName;
    }

    /** The dtype for a safetensors code, or an exception naming the supported codes. */
    public static DType fromSafetensorsName(String code) {
        for (DType d : values()) {
            if (d.safetensorsName.equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unsupported safetensors dtype '" + code
                + "'; expected one of BOOL, I32, I64, F32, F64");
    }

    /** The result type of a binary operation between tensors of types {@code a} and {@code b}. */
    public static DType promote(DType a, DType b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The lowercase name PyTorch prints ({@code float32}, {@code int64}, ...). */
    @Override
    public String toString() {
        return displayName;
    }
}
