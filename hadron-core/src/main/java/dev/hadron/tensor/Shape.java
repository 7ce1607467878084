package dev.hadron.tensor;

import java.util.Arrays;

/** Static helpers for shapes ({@code int[]}): element counts, strides, broadcasting and printing. */
public final class Shape {
    private Shape() {
    }

    /** The number of elements of a tensor of this shape (1 for a scalar); fails clearly past 2^31 - 1. */
    public static int numel(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d + " in shape " + toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + toString(shape) + " has more than 2^31 - 1 elements");
            }
        }
        return (int) n;
    }

    /** Row-major (C order) strides for a contiguous tensor of this shape. */
    public static int[] contiguousStrides(int... shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /**
     * The NumPy broadcast of two shapes: aligned from the right, each pair of sizes must be equal or
     * one of them 1.
     *
     * @param op named in the error message
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da == db || db == 1) {
                out[i] = da;
            } else if (da == 1) {
                out[i] = db;
            } else {
                throw new IllegalArgumentException(op + ": shapes " + toString(a) + " and " + toString(b)
                        + " cannot be broadcast (dimension " + i + " of the broadcast shape: " + da + " vs " + db + ")");
            }
        }
        return out;
    }

    /** Normalizes a possibly negative dimension index against a rank, naming the op on error. */
    public static int normalizeDim(String op, int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IndexOutOfBoundsException(op + ": dimension " + dim + " is out of range for a tensor of rank "
                    + rank + " (expected " + (-r) + " to " + (r - 1) + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    /** Prints like PyTorch's {@code torch.Size} contents: {@code [2, 3]}. */
    public static String toString(int... shape) {
        return Arrays.toString(shape);
    }
}
