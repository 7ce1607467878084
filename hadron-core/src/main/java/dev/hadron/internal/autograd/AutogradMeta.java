package dev.hadron.internal.autograd;

import dev.hadron.tensor.Tensor;

/**
 * Autodiff state of one tensor: its reverse-mode role (leaf requiring grad, or output of a recorded
 * node) and its forward-mode tangents, one per active forward level.
 */
public final class AutogradMeta {
    /** True for leaves that require grad and for outputs of recorded nodes. */
    public boolean requiresGrad;
    /** Accumulated gradient of a leaf (or of a non-leaf that retains its grad). */
    public Tensor grad;
    /** The node that produced this tensor; null for leaves. */
    public Node gradFn;
    /** Which output of {@link #gradFn} this tensor is. */
    public int outputIndex;
    /** The gradient-accumulating node of a leaf, created when the leaf is first used in a recorded op. */
    public Node leafNode;
    /** Whether a non-leaf keeps its gradient after backward ({@code retainGrad()}). */
    public boolean retainsGrad;

    private int[] tangentLevels = NO_LEVELS;
    private Tensor[] tangents = NO_TANGENTS;

    private static final int[] NO_LEVELS = new int[0];
    private static final Tensor[] NO_TANGENTS = new Tensor[0];

    /** The tangent at {@code level}, or null. */
    public Tensor tangent(int level) {
        for (int i = 0; i < tangentLevels.length; i++) {
            if (tangentLevels[i] == level) {
                return tangents[i];
            }
        }
        return null;
    }

    /** Sets (or replaces) the tangent at {@code level}. */
    public void setTangent(int level, Tensor t) {
        for (int i = 0; i < tangentLevels.length; i++) {
            if (tangentLevels[i] == level) {
                tangents[i] = t;
                return;
            }
        }
        int n = tangentLevels.length;
        int[] levels = java.util.Arrays.copyOf(tangentLevels, n + 1);
        Tensor[] ts = java.util.Arrays.copyOf(tangents, n + 1);
        levels[n] = level;
        ts[n] = t;
        tangentLevels = levels;
        tangents = ts;
    }

    /** The levels that carry a tangent (active or not). */
    public int[] tangentLevels() {
        return tangentLevels;
    }

    /** True when there is nothing to remember: no grad requirement, no graph, no tangents. */
    public boolean isEmpty() {
        return !requiresGrad && grad == null && gradFn == null && tangentLevels.length == 0;
    }
}
