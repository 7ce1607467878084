package dev.hadron.autodiff;

import dev.hadron.internal.autograd.AutogradMeta;
import dev.hadron.internal.autograd.Engine;
import dev.hadron.internal.autograd.Mode;
import dev.hadron.internal.autograd.TensorAccess;
import dev.hadron.internal.ops.Views;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * JAX-style function transforms over Hadron's define-by-run tape: {@link #grad}, {@link #valueAndGrad},
 * {@link #vjp}, {@link #jvp} (true forward mode), {@link #jacobian}/{@link #jacrev}/{@link #jacfwd},
 * {@link #hessian} (forward-over-reverse) and {@link #hvp}. Transforms compose, and ordinary Java
 * control flow inside the function is differentiated as executed:
 *
 * <pre>{@code
 * Function<Tensor, Tensor> f = x -> x.get(0).mul(x.get(1).sin()).add(x.get(1).pow(3));
 * Tensor x = Tensor.of(1.0, 2.0);
 * Autodiff.grad(f).apply(x);                  // reverse mode
 * Autodiff.jvp(f, x, Tensor.of(1.0, 0.0));    // forward mode: df/dx0
 * Autodiff.hessian(f).apply(x);               // 2 x 2
 * }</pre>
 *
 * <p>Scopes: {@link #noGrad()} stops recording, {@link #detectAnomaly()} names the first op that
 * produces NaN or infinity.
 */
public final class Autodiff {
    private static final TensorAccess ACCESS = TensorAccess.Holder.get();

    private Autodiff() {
    }

    /** A mode scope for try-with-resources; closing restores the previous mode. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A value and the gradient of a scalar function at a point. */
    public record ValueAndGrad(Tensor value, Tensor grad) {
    }

    /** What a function returns when it has auxiliary output next to the value to differentiate. */
    public record WithAux<A>(Tensor value, A aux) {
    }

    /** Value, gradient and auxiliary output. */
    public record ValueGradAux<A>(Tensor value, Tensor grad, A aux) {
    }

    /** The output of a function and its tangent. */
    public record PrimalTangent(Tensor primal, Tensor tangent) {
    }

    // ------------------------------------------------------------------ scopes

    /** A scope in which nothing is recorded for reverse mode (like {@code torch.no_grad()}). */
    public static Scope noGrad() {
        Mode.Scope s = Mode.setGradEnabled(false);
        return s::close;
    }

    /** A scope in which recording is on again (inside a {@link #noGrad()} block). */
    public static Scope enableGrad() {
        Mode.Scope s = Mode.setGradEnabled(true);
        return s::close;
    }

    /** Whether operations are being recorded on this thread. */
    public static boolean isGradEnabled() {
        return Mode.isGradEnabled();
    }

    /**
     * A scope in which every op checks its outputs, and backward checks every gradient, for NaN and
     * infinity, throwing {@link AnomalyException} at the first one (slow; for debugging).
     */
    public static Scope detectAnomaly() {
        Mode.Scope s = Mode.enableAnomaly();
        return s::close;
    }

    // ------------------------------------------------------------------ reverse mode

    /** Whether the gradient computation must itself be recorded (nested transforms, or a graph outside). */
    private static boolean needsGraph(Tensor... xs) {
        if (!Mode.isGradEnabled()) {
            return false;
        }
        if (Mode.insideTransform() || Mode.anyForwardLevel()) {
            return true;
        }
        for (Tensor x : xs) {
            if (x.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** A differentiable stand-in for {@code x}: connected to any outer graph and tangents, and a gradient target. */
    private static Tensor target(Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("cannot differentiate with respect to a tensor of dtype " + x.dtype()
                    + "; convert it to float32 or float64");
        }
        Tensor xr = Views.alias(x);
        if (!xr.requiresGrad()) {
            xr.requiresGrad(true);
        }
        return xr;
    }

    private static Tensor[] gradsOf(Tensor y, Tensor seed, Tensor[] targets, boolean create, boolean retain) {
        Tensor[] gs = y.requiresGrad()
                ? Engine.run(new Tensor[] {y}, new Tensor[] {seed}, targets, retain || create, create)
                : new Tensor[targets.length];
        for (int i = 0; i < gs.length; i++) {
            if (gs[i] == null) {
                gs[i] = Tensor.zerosLike(targets[i]).detach();
            }
        }
        return gs;
    }

    private static void checkScalar(String op, Tensor y) {
        if (y.numel() != 1) {
            throw new IllegalArgumentException(op + ": the function must return a one-element tensor, got shape "
                    + Shape.toString(y.shape()) + " (use vjp or jacobian for non-scalar outputs)");
        }
        if (!y.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": the function must return a floating-point tensor, got " + y.dtype());
        }
    }

    /** The gradient of a scalar function: {@code grad(f).apply(x)} has x's shape. */
    public static Function<Tensor, Tensor> grad(Function<Tensor, Tensor> f) {
        return x -> valueAndGrad(f).apply(x).grad();
    }

    /** Value and gradient of a scalar function in one pass. */
    public static Function<Tensor, ValueAndGrad> valueAndGrad(Function<Tensor, Tensor> f) {
        return x -> {
            boolean create = needsGraph(x);
            try (Mode.Scope t = Mode.enterTransform(); Mode.Scope g = Mode.setGradEnabled(true)) {
                Tensor xr = target(x);
                Tensor y = f.apply(xr);
                checkScalar("grad", y);
                Tensor grad = gradsOf(y, Tensor.onesLike(y), new Tensor[] {xr}, create, false)[0];
                return new ValueAndGrad(create ? y : y.detach(), grad);
            }
        };
    }

    /** Value, gradient and auxiliary output of a function returning {@link WithAux} (JAX's {@code has_aux}). */
    public static <A> Function<Tensor, ValueGradAux<A>> valueAndGradWithAux(Function<Tensor, WithAux<A>> f) {
        return x -> {
            boolean create = needsGraph(x);
            try (Mode.Scope t = Mode.enterTransform(); Mode.Scope g = Mode.setGradEnabled(true)) {
                Tensor xr = target(x);
                WithAux<A> r = f.apply(xr);
                checkScalar("grad", r.value());
                Tensor grad = gradsOf(r.value(), Tensor.onesLike(r.value()), new Tensor[] {xr}, create, false)[0];
                return new ValueGradAux<>(create ? r.value() : r.value().detach(), grad, r.aux());
            }
        };
    }

    /** Gradients with respect to every argument of a scalar function of several tensors. */
    public static Function<Tensor[], Tensor[]> gradAll(Function<Tensor[], Tensor> f) {
        return xs -> {
            boolean create = needsGraph(xs);
            try (Mode.Scope t = Mode.enterTransform(); Mode.Scope g = Mode.setGradEnabled(true)) {
                Tensor[] xr = new Tensor[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    xr[i] = target(xs[i]);
                }
                Tensor y = f.apply(xr);
                checkScalar("gradAll", y);
                return gradsOf(y, Tensor.onesLike(y), xr, create, false);
            }
        };
    }

    /** Gradients of a scalar function of two tensors with respect to both. */
    public static BiFunction<Tensor, Tensor, Tensor[]> grad(BiFunction<Tensor, Tensor, Tensor> f) {
        Function<Tensor[], Tensor[]> g = gradAll(xs -> f.apply(xs[0], xs[1]));
        return (a, b) -> g.apply(new Tensor[] {a, b});
    }

    /** The vector-Jacobian product {@code cotangent^T J} of {@code f} at {@code x} (shape of x). */
    public static Tensor vjp(Function<Tensor, Tensor> f, Tensor x, Tensor cotangent) {
        boolean create = needsGraph(x, cotangent);
        try (Mode.Scope t = Mode.enterTransform(); Mode.Scope g = Mode.setGradEnabled(true)) {
            Tensor xr = target(x);
            Tensor y = f.apply(xr);
            if (!Arrays.equals(y.shape(), cotangent.shape())) {
                throw new IllegalArgumentException("vjp: cotangent of shape " + Shape.toString(cotangent.shape())
                        + " for an output of shape " + Shape.toString(y.shape()));
            }
            return gradsOf(y, cotangent.to(y.dtype()), new Tensor[] {xr}, create, false)[0];
        }
    }

    // ------------------------------------------------------------------ forward mode

    private static Tensor tangentOf(Tensor y, int level) {
        AutogradMeta meta = ACCESS.meta(y);
        Tensor t = meta == null ? null : meta.tangent(level);
        return t != null ? t : Tensor.zerosLike(y).detach();
    }

    /** The Jacobian-vector product {@code J tangent} of {@code f} at {@code x}, by forward-mode propagation. */
    public static Tensor jvp(Function<Tensor, Tensor> f, Tensor x, Tensor tangent) {
        return jvpWithValue(f, x, tangent).tangent();
    }

    /** Output and output tangent of {@code f} at {@code x} along {@code tangent} (JAX's {@code jvp}). */
    public static PrimalTangent jvpWithValue(Function<Tensor, Tensor> f, Tensor x, Tensor tangent) {
        if (!Arrays.equals(x.shape(), tangent.shape())) {
            throw new IllegalArgumentException("jvp: tangent of shape " + Shape.toString(tangent.shape())
                    + " for an input of shape " + Shape.toString(x.shape()));
        }
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("jvp: cannot differentiate with respect to a tensor of dtype " + x.dtype());
        }
        int level = Mode.enterForwardLevel();
        try (Mode.Scope t = Mode.enterTransform()) {
            Tensor xd = Views.alias(x);
            ACCESS.metaOrCreate(xd).setTangent(level, tangent.to(x.dtype()));
            Tensor y = f.apply(xd);
            return new PrimalTangent(y, tangentOf(y, level));
        } finally {
            Mode.exitForwardLevel(level);
        }
    }

    /** Jacobian-vector product of a function of several tensors along one tangent per argument. */
    public static Tensor jvp(Function<Tensor[], Tensor> f, Tensor[] xs, Tensor[] tangents) {
        if (xs.length != tangents.length) {
            throw new IllegalArgumentException("jvp: " + xs.length + " inputs but " + tangents.length + " tangents");
        }
        int level = Mode.enterForwardLevel();
        try (Mode.Scope t = Mode.enterTransform()) {
            Tensor[] xd = new Tensor[xs.length];
            for (int i = 0; i < xs.length; i++) {
                xd[i] = Views.alias(xs[i]);
                if (tangents[i] != null) {
                    if (!Arrays.equals(xs[i].shape(), tangents[i].shape())) {
                        throw new IllegalArgumentException("jvp: tangent " + i + " of shape "
                                + Shape.toString(tangents[i].shape()) + " for an input of shape " + Shape.toString(xs[i].shape()));
                    }
                    ACCESS.metaOrCreate(xd[i]).setTangent(level, tangents[i].to(xs[i].dtype()));
                }
            }
            return tangentOf(f.apply(xd), level);
        } finally {
            Mode.exitForwardLevel(level);
        }
    }

    // ------------------------------------------------------------------ Jacobians and Hessians

    private static Tensor basis(Tensor like, int i) {
        Tensor e = Tensor.zeros(like.dtype(), like.numel());
        e.storage().setDouble(i, 1);
        return e.reshape(like.shape());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The Jacobian of {@code f}, shape {@code out.shape + in.shape} (reverse mode; same as {@link #jacrev}). */
    public static Function<Tensor, Tensor> jacobian(Function<Tensor, Tensor> f) {
        return jacrev(f);
    }

    /** The Jacobian by reverse mode: one backward pass per output element. */
    public static Function<Tensor, Tensor> jacrev(Function<Tensor, Tensor> f) {
        return x -> {
            boolean create = needsGraph(x);
            try (Mode.Scope t = Mode.enterTransform(); Mode.Scope g = Mode.setGradEnabled(true)) {
                Tensor xr = target(x);
                Tensor y = f.apply(xr);
                int m = y.numel();
                Tensor[] rows = new Tensor[m];
                for (int i = 0; i < m; i++) {
                    rows[i] = gradsOf(y, basis(y, i), new Tensor[] {xr}, create, true)[0].reshape(-1);
                }
                if (m == 0) {
                    return Tensor.zeros(x.dtype(), concat(y.shape(), x.shape()));
                }
                return Tensor.stack(0, rows).reshape(concat(y.shape(), x.shape()));
            }
        };
    }

    /** The Jacobian by forward mode: one tangent pass per input element. */
    public static Function<Tensor, Tensor> jacfwd(Function<Tensor, Tensor> f) {
        return x -> {
            int n = x.numel();
            Tensor[] cols = new Tensor[n];
            int[] outShape = null;
            for (int j = 0; j < n; j++) {
                Tensor tj = jvp(f, x, basis(x, j));
                outShape = tj.shape();
                cols[j] = tj.reshape(-1);
            }
            if (n == 0) {
                Tensor y = f.apply(x);
                return Tensor.zeros(x.dtype(), concat(y.shape(), x.shape()));
            }
            return Tensor.stack(1, cols).reshape(concat(outShape, x.shape()));
        };
    }

    /** The Hessian of a scalar function (forward-over-reverse: {@code jacfwd(grad(f))}). */
    public static Function<Tensor, Tensor> hessian(Function<Tensor, Tensor> f) {
        return jacfwd(grad(f));
    }

    /** The Hessian-vector product H v (forward-over-reverse), without forming H. */
    public static Tensor hvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return jvp(grad(f), x, v);
    }

    // ------------------------------------------------------------------ custom rules and checkpointing

    /**
     * A function with a user-supplied VJP (JAX's {@code custom_vjp}, one argument): {@code vjp.apply(x, g)}
     * returns the input cotangent for output cotangent {@code g}. Forward mode is derived from the VJP
     * by transposition, which needs {@code vjp} built from tensor operations and linear in {@code g}.
     */
    public static Function<Tensor, Tensor> customVjp(Function<Tensor, Tensor> f, BiFunction<Tensor, Tensor, Tensor> vjp) {
        CustomFunction fn = new CustomFunction() {
            @Override
            protected Tensor forward(Context ctx, Tensor... inputs) {
                ctx.save(inputs[0]);
                return f.apply(inputs[0]);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor gradOutput) {
                return new Tensor[] {vjp.apply(ctx.saved(0), gradOutput)};
            }
        };
        return x -> fn.apply(x);
    }

    /**
     * Gradient checkpointing: evaluates {@code f(x)} without keeping its intermediates and recomputes
     * them during backward, trading compute for memory (like {@code torch.utils.checkpoint}). Gradients
     * flow to {@code x} and to leaf tensors that {@code f} closes over (accumulated into their
     * {@code grad()}, as in eager training). Under forward-mode transforms it simply evaluates {@code f}.
     */
    public static Tensor checkpoint(Function<Tensor, Tensor> f, Tensor x) {
        if (!Mode.isGradEnabled() || Mode.anyForwardLevel()) {
            return f.apply(x);
        }
        return new Checkpoint(f).apply(x);
    }

    private static final class Checkpoint extends CustomFunction {
        private final Function<Tensor, Tensor> f;

        Checkpoint(Function<Tensor, Tensor> f) {
            this.f = f;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            ctx.save(inputs[0]);
            return f.apply(inputs[0]);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor x = ctx.saved(0).detach();
            boolean floating = x.dtype().isFloatingPoint();
            Tensor xr = floating ? x.requiresGrad(true) : x;
            Tensor y;
            try (Scope s = enableGrad()) {
                y = f.apply(xr);
            }
            if (y.requiresGrad()) {
                try (Scope s = noGrad()) {
                    y.backward(gradOutput.detach().to(y.dtype()));
                }
            }
            return new Tensor[] {floating && xr.grad() != null ? xr.grad() : null};
        }
    }

    static DType checkFloating(String op, Tensor t) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating-point tensor, got " + t.dtype());
        }
        return t.dtype();
    }
}
