package dev.hadron.autodiff;

import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.autograd.Engine;
import dev.hadron.internal.autograd.Mode;
import dev.hadron.internal.autograd.Op;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.HashMap;
import java.util.Map;

/**
 * A user-defined differentiable function with its own derivative rules, like PyTorch's
 * {@code torch.autograd.Function}: {@link #forward} computes the output (nothing inside it is
 * recorded), {@link #backward} returns one input cotangent per input, and {@link #jvp} (optional)
 * the output tangent. Without a {@code jvp} override, forward mode is derived from {@code backward}
 * by transposition, which requires {@code backward} to be built from tensor operations and linear in
 * the output gradient; write both with tensor operations and derivatives of any order work.
 *
 * <pre>{@code
 * CustomFunction clippedExp = new CustomFunction() {
 *     protected Tensor forward(Context ctx, Tensor... in) {
 *         Tensor y = in[0].exp();
 *         ctx.save(y);
 *         return y;
 *     }
 *     protected Tensor[] backward(Context ctx, Tensor g) {
 *         return new Tensor[] {g.mul(ctx.saved(0)).clamp(-1, 1)};
 *     }
 * };
 * Tensor y = clippedExp.apply(x);
 * }</pre>
 */
public abstract class CustomFunction {

    /** Per-call state shared between forward and the derivative rules. */
    public static final class Context {
        private final Rule op;
        private final Map<String, Object> values = new HashMap<>();
        private boolean allInputsNeeded;

        private Context(Rule op) {
            this.op = op;
        }

        /** Keeps tensors for backward (inputs, outputs or intermediates). */
        public void save(Tensor... tensors) {
            op.keep(tensors);
        }

        /** A tensor kept by {@link #save}. */
        public Tensor saved(int i) {
            return op.kept(i);
        }

        /** Keeps a non-tensor value (a shape, a flag) for backward. */
        public void put(String key, Object value) {
            values.put(key, value);
        }

        /** A value kept by {@link #put}. */
        @SuppressWarnings("unchecked")
        public <T> T get(String key) {
            return (T) values.get(key);
        }

        /** Whether backward must return a gradient for input {@code i} (it may return null otherwise). */
        public boolean needsInputGrad(int i) {
            return allInputsNeeded || op.needs(i);
        }
    }

    /** The output for the given inputs; runs with recording off. */
    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /** One cotangent per input (null where an input gets no gradient), given the output cotangent. */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOutput);

    /**
     * The output tangent for the given input tangents (null entries are zero). The default derives it
     * from {@link #backward} by transposition.
     */
    protected Tensor jvp(Context ctx, Tensor... tangents) {
        return null;
    }

    /** Whether {@link #jvp} is overridden. */
    private boolean hasJvp() {
        try {
            return getClass().getDeclaredMethod("jvp", Context.class, Tensor[].class).getDeclaringClass()
                    != CustomFunction.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The name shown in errors and anomaly reports (the class name by default). */
    public String name() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? "customFunction" : n;
    }

    /** Applies the function, recording it for differentiation. */
    public final Tensor apply(Tensor... inputs) {
        return Dispatch.apply1(new Rule(this), inputs);
    }

    private static final class Rule extends Op {
        private final CustomFunction fn;
        private final Context ctx;
        private final boolean userJvp;
        private int[] outShape;
        private DType outType;
        private int numInputs;

        Rule(CustomFunction fn) {
            this.fn = fn;
            this.ctx = new Context(this);
            this.userJvp = fn.hasJvp();
        }

        void keep(Tensor[] ts) {
            save(ts);
        }

        Tensor kept(int i) {
            return saved(i);
        }

        boolean needs(int i) {
            return needsInputGrad(i);
        }

        @Override
        public String name() {
            return fn.name();
        }

        @Override
        public Tensor[] forward(Tensor[] inputs) {
            numInputs = inputs.length;
            Tensor out = fn.forward(ctx, inputs);
            if (out == null) {
                throw new IllegalStateException(fn.name() + ".forward returned null");
            }
            outShape = out.shape();
            outType = out.dtype();
            return new Tensor[] {out};
        }

        @Override
        public Tensor[] vjp(Tensor[] gradOutputs) {
            Tensor[] g = fn.backward(ctx, gradOutputs[0]);
            if (g == null || g.length != numInputs) {
                throw new IllegalStateException(fn.name() + ".backward must return " + numInputs + " gradients (one per input),"
                        + " got " + (g == null ? "null" : g.length));
            }
            return g;
        }

        @Override
        public Tensor[] jvp(Tensor[] tangents) {
            if (userJvp) {
                return new Tensor[] {fn.jvp(ctx, tangents)};
            }
            try (Mode.Scope s = Mode.setGradEnabled(true)) {
                Tensor u = Tensor.zeros(outType, outShape).requiresGrad(true);
                ctx.allInputsNeeded = true;
                Tensor[] gi;
                try {
                    gi = fn.backward(ctx, u);
                } finally {
                    ctx.allInputsNeeded = false;
                }
                Tensor total = null;
                for (int i = 0; i < tangents.length && i < gi.length; i++) {
                    if (tangents[i] != null && gi[i] != null) {
                        Tensor term = gi[i].mul(tangents[i]).sum();
                        total = total == null ? term : total.add(term);
                    }
                }
                if (total == null) {
                    return new Tensor[] {null};
                }
                if (!total.requiresGrad()) {
                    throw new IllegalStateException("custom function '" + fn.name() + "': forward-mode derivatives are derived"
                            + " from backward, but its result does not depend on the output gradient through tensor"
                            + " operations; override jvp(...)");
                }
                Tensor[] r = Engine.run(new Tensor[] {total}, new Tensor[] {Tensor.onesLike(total)}, new Tensor[] {u}, true,
                        true);
                Tensor t = r[0] == null ? Tensor.zeros(outType, outShape) : r[0];
                if (!java.util.Arrays.equals(t.shape(), outShape)) {
                    throw new IllegalStateException("custom function '" + fn.name() + "' produced a tangent of shape "
                            + Shape.toString(t.shape()) + " for an output of shape " + Shape.toString(outShape));
                }
                return new Tensor[] {t};
            }
        }
    }
}
