package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.UnaryOp;
import dev.hadron.internal.kernel.Elementwise;
import dev.hadron.internal.kernel.FusedKernels;
import dev.hadron.internal.kernel.UnaryFn;
import dev.hadron.tensor.Tensor;

/**
 * Every elementwise function of one argument, with its derivative. The derivative f'(x) is written
 * once with differentiable tensor ops, from the saved input and/or output; the VJP is g * f'(x) and
 * the JVP t * f'(x), so higher derivatives come for free.
 */
public final class UnaryMath extends UnaryOp {
    private static final double SQRT_2 = Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double GELU_C = 0.7978845608028654;

    private final UnaryFn fn;
    private final double p;
    private final double q;

    private UnaryMath(UnaryFn fn, double p, double q) {
        this.fn = fn;
        this.p = p;
        this.q = q;
    }

    /** Applies {@code fn} (with parameters p, q) to {@code x}. */
    public static Tensor apply(UnaryFn fn, double p, double q, Tensor x) {
        if (fn.isPredicate()) {
            return Elementwise.unary(fn, p, q, x);
        }
        return dev.hadron.internal.autograd.Dispatch.apply1(new UnaryMath(fn, p, q), x);
    }

    /** Applies a parameterless {@code fn} to {@code x}. */
    public static Tensor apply(UnaryFn fn, Tensor x) {
        return apply(fn, 0, 0, x);
    }

    @Override
    public String name() {
        return fn.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    protected Tensor forward(Tensor x) {
        Tensor out = Elementwise.unary(fn, p, q, x);
        // keep only what the derivative reads, so the tape frees the rest
        save(readsInput() ? x : null, readsOutput() ? out : null);
        return out;
    }

    private boolean readsOutput() {
        return switch (fn) {
            case EXP, EXPM1, SQRT, RSQRT, RECIPROCAL, TAN, TANH, SIGMOID, ELU, SCALAR_POW -> true;
            default -> false;
        };
    }

    private boolean readsInput() {
        return switch (fn) {
            case NEG, SIGN, FLOOR, CEIL, ROUND, TRUNC, EXP, EXPM1, SQRT, RSQRT, RECIPROCAL, TAN, TANH, SIGMOID, SCALAR_POW,
                 IS_NAN, IS_INF, IS_FINITE, LOGICAL_NOT -> false;
            default -> true;
        };
    }

    private boolean isStep() {
        return switch (fn) {
            case SIGN, FLOOR, CEIL, ROUND, TRUNC -> true;
            default -> false;
        };
    }

    @Override
    protected Tensor vjp(Tensor g) {
        if (fn == UnaryFn.NEG) {
            return g.neg();
        }
        Tensor fast = activationGrad(g);
        if (fast != null) {
            return fast;
        }
        return isStep() ? Tensor.zerosLike(g) : g.mul(derivative());
    }

    /**
     * For ReLU, tanh and sigmoid, when only values are needed, {@code g * f'} in one vectorized pass
     * (no mask or derivative tensor); null when the composite rule must run.
     */
    private Tensor activationGrad(Tensor g) {
        FusedKernels.Act act = switch (fn) {
            case RELU -> FusedKernels.Act.RELU;
            case TANH -> FusedKernels.Act.TANH;
            case SIGMOID -> FusedKernels.Act.SIGMOID;
            default -> null;
        };
        if (act == null || !FusedOps.valuesOnly()) {
            return null;
        }
        // ReLU's derivative reads its input (x > 0 exactly where relu(x) > 0); tanh and sigmoid read the output.
        Tensor ref = act == FusedKernels.Act.RELU ? saved(0) : saved(1);
        if (ref == null || g.dtype() != ref.dtype() || !g.dtype().isFloatingPoint()
                || !java.util.Arrays.equals(g.shape(), ref.shape())) {
            return null;
        }
        return FusedKernels.activationGrad(g, ref, act);
    }

    @Override
    protected Tensor jvp(Tensor t) {
        if (fn == UnaryFn.NEG) {
            return t.neg();
        }
        return isStep() ? null : t.mul(derivative());
    }

    /** f'(x) as a tensor (not called for negation and step functions). */
    private Tensor derivative() {
        Tensor x = saved(0);
        Tensor y = saved(1);
        return switch (fn) {
            case ABS -> x.sign();
            case EXP -> y;
            case LOG -> x.reciprocal();
            case LOG1P -> x.add(1).reciprocal();
            case EXPM1 -> y.add(1);
            case SQRT -> y.reciprocal().mul(0.5);
            case RSQRT -> y.pow(3).mul(-0.5);
            case RECIPROCAL -> y.square().neg();
            case SQUARE -> x.mul(2);
            case SIN -> x.cos();
            case COS -> x.sin().neg();
            case TAN -> y.square().add(1);
            case ASIN -> x.square().neg().add(1).rsqrt();
            case ACOS -> x.square().neg().add(1).rsqrt().neg();
            case ATAN -> x.square().add(1).reciprocal();
            case SINH -> x.cosh();
            case COSH -> x.sinh();
            case TANH -> y.square().neg().add(1);
            case SIGMOID -> y.mul(y.neg().add(1));
            case LOG_SIGMOID -> x.neg().sigmoid();
            case RELU -> x.gt(0).to(x.dtype());
            case LEAKY_RELU -> x.gt(0).to(x.dtype()).mul(1 - p).add(p);
            case ELU -> Tensor.where(x.gt(0), Tensor.onesLike(x), y.add(p));
            case GELU -> x.div(SQRT_2).erf().add(1).mul(0.5)
                    .add(x.mul(x.square().mul(-0.5).exp()).mul(INV_SQRT_2PI));
            case GELU_TANH -> {
                Tensor th = x.add(x.pow(3).mul(0.044715)).mul(GELU_C).tanh();
                Tensor du = x.square().mul(3 * 0.044715).add(1).mul(GELU_C);
                yield th.add(1).mul(0.5).add(x.mul(0.5).mul(th.square().neg().add(1)).mul(du));
            }
            case SILU -> {
                Tensor s = x.sigmoid();
                yield s.mul(x.mul(s.neg().add(1)).add(1));
            }
            case SOFTPLUS -> Tensor.where(x.mul(p).gt(q), Tensor.onesLike(x), x.mul(p).sigmoid());
            case ERF -> x.square().neg().exp().mul(TWO_OVER_SQRT_PI);
            case CLAMP -> {
                Tensor inside = Tensor.onesLike(x).to(dev.hadron.tensor.DType.BOOL);
                if (!Double.isNaN(p)) {
                    inside = inside.logicalAnd(x.ge(p));
                }
                if (!Double.isNaN(q)) {
                    inside = inside.logicalAnd(x.le(q));
                }
                yield inside.to(x.dtype());
            }
            case POW_SCALAR -> p == 0 ? Tensor.zerosLike(x) : (p == 1 ? Tensor.onesLike(x) : x.pow(p - 1).mul(p));
            case SCALAR_POW -> y.mul(Math.log(p));
            case NEG, SIGN, FLOOR, CEIL, ROUND, TRUNC, IS_NAN, IS_INF, IS_FINITE, LOGICAL_NOT ->
                    throw new IllegalStateException("no derivative rule needed for " + fn);
        };
    }
}
