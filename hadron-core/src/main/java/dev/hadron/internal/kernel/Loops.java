package dev.hadron.internal.kernel;

import java.util.Arrays;

/**
 * Iteration over strided N-dimensional index spaces, one innermost row at a time. Dimensions of
 * size 1 are dropped and adjacent dimensions that are contiguous for every operand are merged, so
 * a contiguous tensor is visited as one long row and the callback's loop can be tight.
 */
public final class Loops {
    private Loops() {
    }

    /** Receives one row: its length, and per operand the start offset and the step. */
    @FunctionalInterface
    public interface Row {
        void run(int n, int[] offsets, int[] steps);
    }

    /**
     * Calls {@code row} for every innermost row of {@code shape}, with operand {@code k} at
     * {@code offsets[k] + sum(index[d] * strides[k][d])}.
     */
    public static void forEachRow(int[] shape, int[] offsets, int[][] strides, Row row) {
        int ops = offsets.length;
        for (int d : shape) {
            if (d == 0) {
                return;
            }
        }
        // collapse: drop size-1 dims, merge contiguous neighbours
        int[] dims = new int[shape.length];
        int[][] st = new int[ops][shape.length];
        int nd = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue;
            }
            if (nd > 0) {
                boolean mergeable = true;
                for (int k = 0; k < ops; k++) {
                    if (st[k][nd - 1] != strides[k][d] * shape[d]) {
                        mergeable = false;
                        break;
                    }
                }
                if (mergeable) {
                    dims[nd - 1] *= shape[d];
                    for (int k = 0; k < ops; k++) {
                        st[k][nd - 1] = strides[k][d];
                    }
                    continue;
                }
            }
            dims[nd] = shape[d];
            for (int k = 0; k < ops; k++) {
                st[k][nd] = strides[k][d];
            }
            nd++;
        }
        int[] offs = Arrays.copyOf(offsets, ops);
        int[] steps = new int[ops];
        if (nd == 0) {
            row.run(1, offs, steps);
            return;
        }
        int inner = dims[nd - 1];
        for (int k = 0; k < ops; k++) {
            steps[k] = st[k][nd - 1];
        }
        int outerDims = nd - 1;
        int[] idx = new int[outerDims];
        int[] base = Arrays.copyOf(offsets, ops);
        int[] rowOffs = new int[ops];
        while (true) {
            System.arraycopy(base, 0, rowOffs, 0, ops);
            row.run(inner, rowOffs, steps);
            int d = outerDims - 1;
            while (d >= 0) {
                idx[d]++;
                for (int k = 0; k < ops; k++) {
                    base[k] += st[k][d];
                }
                if (idx[d] < dims[d]) {
                    break;
                }
                for (int k = 0; k < ops; k++) {
                    base[k] -= st[k][d] * dims[d];
                }
                idx[d] = 0;
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }

    /** Strides of {@code shape} viewed as broadcast to {@code target} (0 where a dimension is broadcast). */
    public static int[] broadcastStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int shift = target.length - shape.length;
        for (int d = 0; d < shape.length; d++) {
            out[d + shift] = shape[d] == 1 && target[d + shift] != 1 ? 0 : strides[d];
        }
        return out;
    }
}
