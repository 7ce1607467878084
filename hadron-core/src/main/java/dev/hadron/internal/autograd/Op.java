package dev.hadron.internal.autograd;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A primitive operation, defined once: its forward computation, its vector-Jacobian product (VJP,
 * reverse mode) and its Jacobian-vector product (JVP, forward mode). An instance is created per call
 * and keeps what the derivative rules need ({@link #save}); the engine frees it after backward.
 *
 * <p>Rules are written with differentiable tensor operations, so derivatives of derivatives need no
 * extra code. {@link #forward} runs with recording off and tangents hidden: it computes values only.
 *
 * <p>Conventions: in {@link #vjp} a null return entry means "no gradient for that input" (treated as
 * zero); gradient outputs passed in are never null (the engine fills missing ones with zeros). In
 * {@link #jvp} a null input tangent means zero, and a null output tangent means zero.
 */
public abstract class Op {
    private Tensor[] saved;
    private int[] savedVersions;
    private boolean released;
    private boolean[] needsInputGrad;
    private int[][] inputShapes;

    /** The op's name as errors and anomaly reports print it. */
    public abstract String name();

    /** Computes the outputs from the inputs (values only). */
    public abstract Tensor[] forward(Tensor[] inputs);

    /** Input cotangents from output cotangents. */
    public abstract Tensor[] vjp(Tensor[] gradOutputs);

    /** Output tangents from input tangents. */
    public abstract Tensor[] jvp(Tensor[] inputTangents);

    /** Keeps tensors for the derivative rules; they are checked against in-place modification when read. */
    protected final void save(Tensor... tensors) {
        saved = tensors;
        savedVersions = new int[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            savedVersions[i] = tensors[i] == null ? 0 : tensors[i].storage().version();
        }
    }

    /** A tensor kept by {@link #save}. */
    protected final Tensor saved(int i) {
        if (released) {
            throw new IllegalStateException("backward through the graph a second time: the values saved by op '" + name()
                    + "' were freed after the first backward. Call backward(gradient, true, false) (retainGraph)"
                    + " the first time if you need to differentiate through the graph again.");
        }
        Tensor t = saved[i];
        if (t != null && t.storage().version() != savedVersions[i]) {
            throw new IllegalStateException("a tensor of shape " + Shape.toString(t.shape()) + " needed by the backward of op '"
                    + name() + "' was modified in place after it was saved (version " + savedVersions[i] + " -> "
                    + t.storage().version() + "); compute on a copy (clone()) instead of modifying it");
        }
        return t;
    }

    /** Whether input {@code i} needs a gradient in the current backward pass. */
    protected final boolean needsInputGrad(int i) {
        return needsInputGrad == null || needsInputGrad[i];
    }

    void setNeedsInputGrad(boolean[] needs) {
        this.needsInputGrad = needs;
    }

    void rememberInputShapes(Tensor[] inputs) {
        inputShapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            inputShapes[i] = inputs[i] == null ? null : inputs[i].shape();
        }
    }

    /** Input shapes for error messages, e.g. {@code [2, 3], [3]}. */
    public final String describeInputs() {
        if (inputShapes == null) {
            return "(unknown)";
        }
        List<String> parts = new ArrayList<>();
        for (int[] s : inputShapes) {
            parts.add(s == null ? "none" : Shape.toString(s));
        }
        return String.join(", ", parts);
    }

    void release() {
        released = true;
        saved = null;
    }

    boolean isReleased() {
        return released;
    }
}
