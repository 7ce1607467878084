package dev.hadron.autodiff;

import dev.hadron.internal.autograd.Engine;
import dev.hadron.internal.autograd.Mode;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Locale;
import java.util.function.Function;

/**
 * Checks derivatives against central finite differences in float64, like
 * {@code torch.autograd.gradcheck} and JAX's {@code check_grads}: the full Jacobian by reverse mode
 * (one VJP per output element) and by forward mode (one JVP per input element) must match the
 * numerical one. With {@link Options#secondOrder()} the same checks run on the function
 * {@code x -> vjp(f, x, v)} for a fixed random {@code v}, which tests reverse-over-reverse and
 * forward-over-reverse derivatives.
 *
 * <pre>{@code
 * GradCheck.check(x -> x.sin().mul(x).sum(), Tensor.of(1.0, 2.0));
 * GradCheck.checkAll(xs -> xs[0].mul(xs[1]).sin().sum(), Tensor.of(1.0, 2.0), Tensor.of(0.5, -1.0));
 * }</pre>
 */
public final class GradCheck {
    private GradCheck() {
    }

    /**
     * Tolerances and modes. A derivative passes when |analytic - numeric| <= atol + rtol * |numeric|.
     *
     * @param eps finite-difference step
     */
    public record Options(double eps, double atol, double rtol, boolean reverse, boolean forward, boolean secondOrder) {
        /** Validates the tolerances. */
        public Options {
            if (!(eps > 0) || !(atol >= 0) || !(rtol >= 0)) {
                throw new IllegalArgumentException("GradCheck.Options: eps must be > 0 and tolerances >= 0, got eps=" + eps
                        + ", atol=" + atol + ", rtol=" + rtol);
            }
            if (!reverse && !forward) {
                throw new IllegalArgumentException("GradCheck.Options: enable reverse or forward mode");
            }
        }

        /** eps 1e-6, atol 1e-5, rtol 1e-3, both modes, first order only (PyTorch's defaults). */
        public static Options defaults() {
            return new Options(1e-6, 1e-5, 1e-3, true, true, false);
        }

        /** A copy with second-order checks on or off. */
        public Options withSecondOrder(boolean on) {
            return new Options(eps, atol, rtol, reverse, forward, on);
        }

        /** A copy with other tolerances. */
        public Options withTolerance(double atol, double rtol) {
            return new Options(eps, atol, rtol, reverse, forward, secondOrder);
        }

        /** A copy with another finite-difference step. */
        public Options withEps(double eps) {
            return new Options(eps, atol, rtol, reverse, forward, secondOrder);
        }

        /** A copy with the given modes. */
        public Options withModes(boolean reverse, boolean forward) {
            return new Options(eps, atol, rtol, reverse, forward, secondOrder);
        }
    }

    /** Thrown when a derivative disagrees with finite differences; the message names the entry and both values. */
    public static final class GradCheckError extends AssertionError {
        GradCheckError(String message) {
            super(message);
        }
    }

    /** Checks a function of one tensor with default options. */
    public static void check(Function<Tensor, Tensor> f, Tensor x) {
        checkAll(xs -> f.apply(xs[0]), Options.defaults(), x);
    }

    /** Checks a function of one tensor. */
    public static void check(Function<Tensor, Tensor> f, Tensor x, Options options) {
        checkAll(xs -> f.apply(xs[0]), options, x);
    }

    /** Checks a function of several tensors with default options. */
    public static void checkAll(Function<Tensor[], Tensor> f, Tensor... inputs) {
        checkAll(f, Options.defaults(), inputs);
    }

    /** Checks a function of several tensors; non-floating inputs are passed through and not differentiated. */
    public static void checkAll(Function<Tensor[], Tensor> f, Options options, Tensor... inputs) {
        Tensor[] xs = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            xs[i] = inputs[i].dtype().isFloatingPoint() ? inputs[i].detach().to(DType.FLOAT64).copy().detach()
                    : inputs[i].detach();
        }
        checkFirstOrder(f, options, xs, "");
        if (options.secondOrder()) {
            Tensor y;
            try (Autodiff.Scope s = Autodiff.noGrad()) {
                y = f.apply(xs);
            }
            Tensor v = Tensor.randn(new Generator(17), y.shape()).to(DType.FLOAT64);
            Function<Tensor[], Tensor> vjpFn = args -> {
                Tensor[] targets = new Tensor[args.length];
                Tensor[] call = new Tensor[args.length];
                for (int i = 0; i < args.length; i++) {
                    if (args[i].dtype().isFloatingPoint()) {
                        Tensor a = dev.hadron.internal.ops.Views.alias(args[i]);
                        if (!a.requiresGrad()) {
                            a.requiresGrad(true);
                        }
                        targets[i] = a;
                        call[i] = a;
                    } else {
                        call[i] = args[i];
                    }
                }
                Tensor out;
                try (Mode.Scope g = Mode.setGradEnabled(true)) {
                    out = f.apply(call);
                }
                java.util.List<Tensor> grads = new java.util.ArrayList<>();
                java.util.List<Tensor> wanted = new java.util.ArrayList<>();
                for (Tensor t : targets) {
                    if (t != null) {
                        wanted.add(t);
                    }
                }
                Tensor[] gs = out.requiresGrad()
                        ? Engine.run(new Tensor[] {out}, new Tensor[] {v}, wanted.toArray(new Tensor[0]), true, true)
                        : new Tensor[wanted.size()];
                for (int i = 0; i < gs.length; i++) {
                    grads.add((gs[i] == null ? Tensor.zerosLike(wanted.get(i)) : gs[i]).reshape(-1));
                }
                return Tensor.cat(grads, 0);
            };
            checkFirstOrder(vjpFn, options, xs, "second order (vjp of f): ");
        }
    }

    private static void checkFirstOrder(Function<Tensor[], Tensor> f, Options o, Tensor[] xs, String prefix) {
        Tensor y0;
        try (Autodiff.Scope s = Autodiff.noGrad()) {
            y0 = f.apply(xs);
        }
        if (!y0.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("GradCheck: the function must return a floating tensor, got " + y0.dtype());
        }
        int m = y0.numel();
        for (int i = 0; i < xs.length; i++) {
            if (!xs[i].dtype().isFloatingPoint()) {
                continue;
            }
            int n = xs[i].numel();
            double[][] numeric = new double[n][];
            for (int j = 0; j < n; j++) {
                numeric[j] = numericColumn(f, xs, i, j, o.eps());
            }
            if (o.reverse()) {
                for (int r = 0; r < m; r++) {
                    double[] row = reverseRow(f, xs, i, y0, r);
                    for (int j = 0; j < n; j++) {
                        compare(prefix + "reverse mode", numeric[j][r], row[j], o, i, j, r, xs[i], y0);
                    }
                }
            }
            if (o.forward()) {
                for (int j = 0; j < n; j++) {
                    double[] col = forwardColumn(f, xs, i, j);
                    for (int r = 0; r < m; r++) {
                        compare(prefix + "forward mode", numeric[j][r], col[r], o, i, j, r, xs[i], y0);
                    }
                }
            }
        }
    }

    private static void compare(String mode, double numeric, double analytic, Options o, int input, int inIdx, int outIdx,
                                Tensor x, Tensor y) {
        boolean ok = Math.abs(analytic - numeric) <= o.atol() + o.rtol() * Math.abs(numeric);
        if (!ok || Double.isNaN(analytic) != Double.isNaN(numeric)) {
            throw new GradCheckError(String.format(Locale.ROOT,
                    "%s derivative mismatch: d output[%d] / d input%d[%d] is %.10g analytically but %.10g by finite"
                            + " differences (input %d shape %s, output shape %s, atol %g, rtol %g)",
                    mode, outIdx, input, inIdx, analytic, numeric, input, Shape.toString(x.shape()),
                    Shape.toString(y.shape()), o.atol(), o.rtol()));
        }
    }

    private static double[] numericColumn(Function<Tensor[], Tensor> f, Tensor[] xs, int i, int j, double eps) {
        Tensor[] plus = xs.clone();
        Tensor[] minus = xs.clone();
        plus[i] = xs[i].copy().detach();
        minus[i] = xs[i].copy().detach();
        double v = xs[i].storage().getDouble(xs[i].storageOffset() + flatOffset(xs[i], j));
        plus[i].storage().setDouble(flatOffset(plus[i], j), v + eps);
        minus[i].storage().setDouble(flatOffset(minus[i], j), v - eps);
        double[] a;
        double[] b;
        try (Autodiff.Scope s = Autodiff.noGrad()) {
            a = f.apply(plus).toDoubleArray();
            b = f.apply(minus).toDoubleArray();
        }
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = (a[k] - b[k]) / (2 * eps);
        }
        return d;
    }

    private static int flatOffset(Tensor t, int j) {
        int[] shape = t.shape();
        int[] strides = t.stride();
        int off = 0;
        for (int d = shape.length - 1; d >= 0; d--) {
            off += (j % shape[d]) * strides[d];
            j /= shape[d];
        }
        return off;
    }

    private static double[] reverseRow(Function<Tensor[], Tensor> f, Tensor[] xs, int i, Tensor y0, int r) {
        Tensor[] args = xs.clone();
        try (Mode.Scope g = Mode.setGradEnabled(true)) {
            Tensor xi = xs[i].detach().requiresGrad(true);
            args[i] = xi;
            Tensor y = f.apply(args);
            if (!y.requiresGrad()) {
                return new double[xs[i].numel()];
            }
            Tensor seed = Tensor.zeros(y.dtype(), y.numel());
            seed.storage().setDouble(r, 1);
            Tensor[] gs = Engine.run(new Tensor[] {y}, new Tensor[] {seed.reshape(y.shape())}, new Tensor[] {xi}, false,
                    false);
            return gs[0] == null ? new double[xs[i].numel()] : gs[0].toDoubleArray();
        }
    }

    private static double[] forwardColumn(Function<Tensor[], Tensor> f, Tensor[] xs, int i, int j) {
        Tensor[] tangents = new Tensor[xs.length];
        Tensor t = Tensor.zeros(DType.FLOAT64, xs[i].numel());
        t.storage().setDouble(j, 1);
        tangents[i] = t.reshape(xs[i].shape());
        return Autodiff.jvp(f, xs, tangents).toDoubleArray();
    }
}
