package dev.hadron.ml.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fitted binary decision tree, immutable. Node 0 is the root; an internal node sends a row left
 * when its feature value {@code v} satisfies {@code v < threshold} (compared in float32, as XGBoost
 * does), right otherwise, and by its default direction when {@code v} is missing (NaN). Every node
 * carries {@link #width()} output values (one for boosted trees, the class probabilities for
 * classification trees of a forest), the gain of its split (0 for leaves) and its cover (the sum of
 * hessians, or of event weights, of the training rows that reached it).
 *
 * <p>Trees are built by the fitting code of this package or assembled with {@link #of} (model import).
 */
public final class Tree {
    private final int[] left;
    private final int[] right;
    private final int[] feature;
    private final float[] threshold;
    private final boolean[] defaultLeft;
    private final double[] value;
    private final int width;
    private final double[] gain;
    private final double[] cover;
    /** Bin thresholds for predicting on the training codes ("code <= bin" goes left); null for imported trees. */
    private final int[] bin;

    Tree(int[] left, int[] right, int[] feature, float[] threshold, boolean[] defaultLeft, double[] value, int width,
         double[] gain, double[] cover, int[] bin) {
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.threshold = threshold;
        this.defaultLeft = defaultLeft;
        this.value = value;
        this.width = width;
        this.gain = gain;
        this.cover = cover;
        this.bin = bin;
    }

    /**
     * Assembles a tree from per-node arrays (copied). Leaves have {@code left[i] == right[i] == -1};
     * {@code value} holds {@code width} numbers per node; {@code gain} and {@code cover} may be null.
     * Checks that every child index is in range, that each node is reached at most once from the root
     * and that split features are in {@code [0, numFeatures)}.
     */
    public static Tree of(int numFeatures, int[] left, int[] right, int[] feature, float[] threshold,
                          boolean[] defaultLeft, double[] value, int width, double[] gain, double[] cover) {
        int n = left.length;
        if (n == 0) {
            throw new IllegalArgumentException("Tree: a tree needs at least one node");
        }
        if (width < 1) {
            throw new IllegalArgumentException("Tree: output width must be at least 1, got " + width);
        }
        checkLength("right", right.length, n);
        checkLength("feature", feature.length, n);
        checkLength("threshold", threshold.length, n);
        checkLength("defaultLeft", defaultLeft.length, n);
        checkLength("value", value.length, n * width);
        if (gain != null) {
            checkLength("gain", gain.length, n);
        }
        if (cover != null) {
            checkLength("cover", cover.length, n);
        }
        boolean[] seen = new boolean[n];
        int[] stack = new int[n + 1];
        int top = 0;
        stack[top++] = 0;
        seen[0] = true;
        while (top > 0) {
            int i = stack[--top];
            boolean leaf = left[i] == -1 && right[i] == -1;
            if (leaf) {
                continue;
            }
            if (feature[i] < 0 || feature[i] >= numFeatures) {
                throw new IllegalArgumentException("Tree: node " + i + " splits on feature " + feature[i]
                        + "; expected 0 .. " + (numFeatures - 1));
            }
            if (Float.isNaN(threshold[i])) {
                throw new IllegalArgumentException("Tree: node " + i + " has a NaN threshold");
            }
            for (int c : new int[] {left[i], right[i]}) {
                if (c <= 0 || c >= n) {
                    throw new IllegalArgumentException("Tree: node " + i + " has child " + c + "; expected 1 .. "
                            + (n - 1) + " (or -1 for both children of a leaf)");
                }
                if (seen[c]) {
                    throw new IllegalArgumentException("Tree: node " + c + " is reached twice (the nodes form a cycle"
                            + " or a shared subtree)");
                }
                seen[c] = true;
                stack[top++] = c;
            }
        }
        for (double v : value) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Tree: a node value is " + v + "; expected finite numbers");
            }
        }
        return new Tree(left.clone(), right.clone(), feature.clone(), threshold.clone(), defaultLeft.clone(),
                value.clone(), width, gain == null ? new double[n] : gain.clone(), cover == null ? new double[n]
                : cover.clone(), null);
    }

    private static void checkLength(String what, int got, int expected) {
        if (got != expected) {
            throw new IllegalArgumentException("Tree: " + what + " has " + got + " entries; expected " + expected);
        }
    }

    /** Number of nodes. */
    public int numNodes() {
        return left.length;
    }

    /** Number of outputs per node. */
    public int width() {
        return width;
    }

    /** True if node {@code i} is a leaf. */
    public boolean isLeaf(int i) {
        return left[i] < 0;
    }

    /** Left child of node {@code i} (-1 for a leaf). */
    public int left(int i) {
        return left[i];
    }

    /** Right child of node {@code i} (-1 for a leaf). */
    public int right(int i) {
        return right[i];
    }

    /** Split feature of node {@code i} (meaningless for a leaf). */
    public int feature(int i) {
        return feature[i];
    }

    /** Split threshold of node {@code i}: values below it go left. */
    public float threshold(int i) {
        return threshold[i];
    }

    /** Where node {@code i} sends missing values. */
    public boolean defaultLeft(int i) {
        return defaultLeft[i];
    }

    /** Output {@code k} of node {@code i} (for inner nodes: the value the node would have as a leaf). */
    public double value(int i, int k) {
        return value[i * width + k];
    }

    /** The gain of the split at node {@code i} (0 for leaves). */
    public double gain(int i) {
        return gain[i];
    }

    /** The hessian (or weight) sum of the training rows that reached node {@code i}. */
    public double cover(int i) {
        return cover[i];
    }

    /** Number of leaves. */
    public int numLeaves() {
        int c = 0;
        for (int l : left) {
            if (l < 0) {
                c++;
            }
        }
        return c;
    }

    /** Depth (a single leaf has depth 0). */
    public int depth() {
        int[] d = new int[left.length];
        int max = 0;
        int[] stack = new int[left.length];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int i = stack[--top];
            max = Math.max(max, d[i]);
            if (left[i] >= 0) {
                d[left[i]] = d[i] + 1;
                d[right[i]] = d[i] + 1;
                stack[top++] = left[i];
                stack[top++] = right[i];
            }
        }
        return max;
    }

    /** The leaf reached by the row of {@code x} (row-major, {@code stride} values per row) at {@code offset}. */
    int leaf(float[] x, int offset) {
        int i = 0;
        while (left[i] >= 0) {
            float v = x[offset + feature[i]];
            if (v < threshold[i]) {
                i = left[i];
            } else if (v >= threshold[i]) {
                i = right[i];
            } else {
                i = defaultLeft[i] ? left[i] : right[i];
            }
        }
        return i;
    }

    /** The leaf reached by training row {@code row} of binned features (codes column-major, {@code n} rows). */
    int leafBinned(byte[] codes, int n, int row, int[] missingCode) {
        int i = 0;
        while (left[i] >= 0) {
            int f = feature[i];
            int c = codes[f * n + row] & 0xFF;
            if (c == missingCode[f]) {
                i = defaultLeft[i] ? left[i] : right[i];
            } else {
                i = c <= bin[i] ? left[i] : right[i];
            }
        }
        return i;
    }

    /** Output value of a leaf for single-output trees. */
    double leafValue(int leaf) {
        return value[leaf * width];
    }

    /** This tree with every value multiplied by {@code factor} and {@code shift} added (single output). */
    Tree scaledShifted(double factor, double shift) {
        double[] v = value.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * factor + shift;
        }
        return new Tree(left, right, feature, threshold, defaultLeft, v, width, gain, cover, bin);
    }

    /** The tree as JSON: parallel arrays, one entry per node (the layout of XGBoost's JSON trees). */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", (long) width);
        m.put("left", left);
        m.put("right", right);
        m.put("feature", feature);
        double[] t = new double[threshold.length];
        List<Object> dl = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            t[i] = threshold[i];
            dl.add(defaultLeft[i]);
        }
        m.put("threshold", t);
        m.put("defaultLeft", dl);
        m.put("value", value);
        m.put("gain", gain);
        m.put("cover", cover);
        return m;
    }

    /** Reverses {@link #toJson()}. */
    static Tree fromJson(Map<String, Object> m, int numFeatures) {
        int[] l = JsonArrays.ints(m, "left");
        int[] r = JsonArrays.ints(m, "right");
        int[] f = JsonArrays.ints(m, "feature");
        double[] t = JsonArrays.doubles(m, "threshold");
        float[] tf = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            tf[i] = (float) t[i];
        }
        boolean[] dl = JsonArrays.booleans(m, "defaultLeft");
        return of(numFeatures, l, r, f, tf, dl, JsonArrays.doubles(m, "value"), (int) JsonArrays.integer(m, "width"),
                JsonArrays.doubles(m, "gain"), JsonArrays.doubles(m, "cover"));
    }

    @Override
    public String toString() {
        return "Tree(nodes=" + numNodes() + ", leaves=" + numLeaves() + ", depth=" + depth() + ")";
    }

    /** A human-readable dump, one node per line (like XGBoost's text dump). */
    public String dump() {
        StringBuilder sb = new StringBuilder();
        int[] stack = new int[2 * left.length + 2];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = 0;
        while (top > 0) {
            int level = stack[--top];
            int i = stack[--top];
            sb.append("  ".repeat(level)).append(i).append(':');
            if (left[i] < 0) {
                sb.append("leaf=");
                for (int k = 0; k < width; k++) {
                    sb.append(k == 0 ? "" : ",").append(value[i * width + k]);
                }
                sb.append('\n');
                continue;
            }
            sb.append("[f").append(feature[i]).append('<').append(threshold[i]).append("] yes=").append(left[i])
                    .append(",no=").append(right[i]).append(",missing=").append(defaultLeft[i] ? left[i] : right[i])
                    .append(",gain=").append(gain[i]).append(",cover=").append(cover[i]).append('\n');
            stack[top++] = right[i];
            stack[top++] = level + 1;
            stack[top++] = left[i];
            stack[top++] = level + 1;
        }
        return sb.toString();
    }
}
