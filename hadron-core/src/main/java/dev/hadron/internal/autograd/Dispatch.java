package dev.hadron.internal.autograd;

import dev.hadron.autodiff.AnomalyException;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * Runs an {@link Op}: computes its values, records it in the reverse-mode graph when an input
 * requires grad, and propagates forward-mode tangents for every visible active level.
 */
public final class Dispatch {
    private static final TensorAccess ACCESS = TensorAccess.Holder.get();

    private Dispatch() {
    }

    /** Applies a single-output op. */
    public static Tensor apply1(Op op, Tensor... inputs) {
        return apply(op, inputs)[0];
    }

    /** Applies an op and returns all its outputs. */
    public static Tensor[] apply(Op op, Tensor... inputs) {
        Mode m = Mode.current();
        Tensor[] outs;
        boolean grad = m.gradEnabled;
        int ceiling = m.ceiling;
        m.gradEnabled = false;
        m.ceiling = Integer.MIN_VALUE;
        try {
            outs = op.forward(inputs);
        } finally {
            m.gradEnabled = grad;
            m.ceiling = ceiling;
        }
        if (grad && anyRequiresGrad(inputs)) {
            record(op, inputs, outs);
        }
        if (m.activeCount > 0) {
            propagateTangents(m, op, inputs, outs);
        }
        if (m.anomaly) {
            op.rememberInputShapes(inputs);
            checkFinite(op, outs, "forward");
        }
        return outs;
    }

    private static boolean anyRequiresGrad(Tensor[] inputs) {
        for (Tensor t : inputs) {
            if (t != null) {
                AutogradMeta meta = ACCESS.meta(t);
                if (meta != null && meta.requiresGrad) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void record(Op op, Tensor[] inputs, Tensor[] outs) {
        int n = inputs.length;
        Node[] next = new Node[n];
        int[] nextIndex = new int[n];
        boolean[] needs = new boolean[n];
        for (int i = 0; i < n; i++) {
            Tensor t = inputs[i];
            if (t == null) {
                continue;
            }
            AutogradMeta meta = ACCESS.meta(t);
            if (meta == null || !meta.requiresGrad) {
                continue;
            }
            needs[i] = true;
            if (meta.gradFn != null) {
                next[i] = meta.gradFn;
                nextIndex[i] = meta.outputIndex;
            } else {
                if (meta.leafNode == null) {
                    meta.leafNode = new Node(t);
                }
                next[i] = meta.leafNode;
            }
        }
        op.setNeedsInputGrad(needs);
        op.rememberInputShapes(inputs);
        Node node = new Node(op, next, nextIndex, outs);
        for (int j = 0; j < outs.length; j++) {
            Tensor out = outs[j];
            if (out.dtype().isFloatingPoint()) {
                AutogradMeta meta = ACCESS.metaOrCreate(out);
                meta.requiresGrad = true;
                meta.gradFn = node;
                meta.outputIndex = j;
            }
        }
    }

    private static void propagateTangents(Mode m, Op op, Tensor[] inputs, Tensor[] outs) {
        int[] levels = visibleLevels(m, inputs);
        if (levels.length == 0) {
            return;
        }
        for (int level : levels) {
            Tensor[] tin = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                AutogradMeta meta = inputs[i] == null ? null : ACCESS.meta(inputs[i]);
                tin[i] = meta == null ? null : meta.tangent(level);
            }
            int previous = m.ceiling;
            m.ceiling = Math.min(previous, level - 1);
            Tensor[] tout;
            try {
                tout = op.jvp(tin);
            } finally {
                m.ceiling = previous;
            }
            for (int j = 0; j < outs.length; j++) {
                if (tout[j] == null || !outs[j].dtype().isFloatingPoint()) {
                    continue;
                }
                Tensor t = tout[j];
                if (!Arrays.equals(t.shape(), outs[j].shape())) {
                    throw new IllegalStateException("internal error: JVP of op '" + op.name() + "' returned a tangent of shape "
                            + Shape.toString(t.shape()) + " for an output of shape " + Shape.toString(outs[j].shape()));
                }
                if (t.dtype() != outs[j].dtype()) {
                    t = t.to(outs[j].dtype());
                }
                ACCESS.metaOrCreate(outs[j]).setTangent(level, t);
            }
        }
    }

    private static int[] visibleLevels(Mode m, Tensor[] inputs) {
        int[] found = new int[0];
        for (Tensor t : inputs) {
            AutogradMeta meta = t == null ? null : ACCESS.meta(t);
            if (meta == null) {
                continue;
            }
            for (int level : meta.tangentLevels()) {
                if (m.isVisible(level) && Arrays.stream(found).noneMatch(l -> l == level)) {
                    found = Arrays.copyOf(found, found.length + 1);
                    found[found.length - 1] = level;
                }
            }
        }
        Arrays.sort(found);
        return found;
    }

    static void checkFinite(Op op, Tensor[] values, String phase) {
        for (int i = 0; i < values.length; i++) {
            Tensor v = values[i];
            if (v == null || !v.dtype().isFloatingPoint()) {
                continue;
            }
            boolean finite;
            try (Mode.Scope s = Mode.raw()) {
                finite = v.isFinite().all().item() != 0;
            }
            if (!finite) {
                boolean nan;
                try (Mode.Scope s = Mode.raw()) {
                    nan = v.isNan().any().item() != 0;
                }
                throw new AnomalyException(phase + " of op '" + op.name() + "' produced " + (nan ? "NaN" : "Inf")
                        + " in its " + ordinal(i) + " " + (phase.equals("forward") ? "output" : "input gradient")
                        + " (shape " + Shape.toString(v.shape()) + "); op input shapes: " + op.describeInputs()
                        + (phase.equals("forward") && Mode.current().backwardOf != null
                        ? " (while computing the backward of op '" + Mode.current().backwardOf + "')" : ""), op.name());
            }
        }
    }

    private static String ordinal(int i) {
        return switch (i) {
            case 0 -> "first";
            case 1 -> "second";
            case 2 -> "third";
            default -> (i + 1) + "th";
        };
    }
}
