package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.BinaryOp;
import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.kernel.BinaryFn;
import dev.hadron.internal.kernel.Elementwise;
import dev.hadron.tensor.Tensor;

/**
 * Broadcast elementwise functions of two arguments with their derivatives. A VJP is reduced back to
 * each input's shape ({@code sumToShape}); a JVP is expanded to the output shape.
 */
public final class BinaryMath extends BinaryOp {
    private final String name;
    private final BinaryFn fn;
    private int[] shapeA;
    private int[] shapeB;
    private int[] shapeOut;

    private BinaryMath(String name, BinaryFn fn) {
        this.name = name;
        this.fn = fn;
    }

    /** {@code fn(a, b)}; comparisons and logical connectives are computed but never differentiated. */
    public static Tensor apply(String name, BinaryFn fn, Tensor a, Tensor b) {
        if (fn.isComparison() || fn.isLogical()) {
            return Elementwise.binary(name, fn, a, b);
        }
        return Dispatch.apply1(new BinaryMath(name, fn), a, b);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Tensor forward(Tensor a, Tensor b) {
        Tensor out = Elementwise.binary(name, fn, a, b);
        shapeA = a.shape();
        shapeB = b.shape();
        shapeOut = out.shape();
        // keep only what the rules read, so the tape frees the rest
        boolean keepA = fn != BinaryFn.ADD && fn != BinaryFn.SUB && fn != BinaryFn.DIV;
        boolean keepB = fn != BinaryFn.ADD && fn != BinaryFn.SUB;
        boolean keepOut = fn == BinaryFn.DIV || fn == BinaryFn.POW;
        save(keepA ? a : null, keepB ? b : null, keepOut ? out : null);
        return out;
    }

    @Override
    protected Tensor[] vjp(Tensor g) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        Tensor out = saved(2);
        Tensor ga = null;
        Tensor gb = null;
        boolean needA = needsInputGrad(0);
        boolean needB = needsInputGrad(1);
        switch (fn) {
            case ADD -> {
                ga = g;
                gb = g;
            }
            case SUB -> {
                ga = g;
                gb = needB ? g.neg() : null;
            }
            case MUL -> {
                ga = needA ? g.mul(b) : null;
                gb = needB ? g.mul(a) : null;
            }
            case DIV -> {
                ga = needA ? g.div(b) : null;
                gb = needB ? g.mul(out).div(b).neg() : null;
            }
            case POW -> {
                ga = needA ? g.mul(powBaseDerivative(a, b)) : null;
                gb = needB ? g.mul(powExponentDerivative(a, b, out)) : null;
            }
            case ATAN2 -> {
                Tensor r = a.square().add(b.square());
                ga = needA ? g.mul(b).div(r) : null;
                gb = needB ? g.mul(a).div(r).neg() : null;
            }
            case MAXIMUM, MINIMUM -> {
                Tensor wins = fn == BinaryFn.MAXIMUM ? a.gt(b) : a.lt(b);
                Tensor share = wins.to(g.dtype()).add(a.eq(b).to(g.dtype()).mul(0.5));
                ga = needA ? g.mul(share) : null;
                gb = needB ? g.mul(share.neg().add(1)) : null;
            }
            case REMAINDER -> {
                ga = g;
                gb = needB ? g.mul(a.div(b).floor()).neg() : null;
            }
            default -> {
                // FLOOR_DIVIDE: piecewise constant
            }
        }
        return new Tensor[] {
            ga == null || !needA ? null : ga.sumToShape(shapeA),
            gb == null || !needB ? null : gb.sumToShape(shapeB)};
    }

    @Override
    protected Tensor jvp(Tensor ta, Tensor tb) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        Tensor out = saved(2);
        Tensor r = switch (fn) {
            case ADD -> sum(ta, tb);
            case SUB -> sum(ta, tb == null ? null : tb.neg());
            case MUL -> sum(ta == null ? null : ta.mul(b), tb == null ? null : a.mul(tb));
            case DIV -> sum(ta == null ? null : ta.div(b), tb == null ? null : tb.mul(out).div(b).neg());
            case POW -> sum(ta == null ? null : ta.mul(powBaseDerivative(a, b)),
                    tb == null ? null : tb.mul(powExponentDerivative(a, b, out)));
            case ATAN2 -> {
                Tensor den = a.square().add(b.square());
                yield sum(ta == null ? null : ta.mul(b).div(den), tb == null ? null : tb.mul(a).div(den).neg());
            }
            case MAXIMUM, MINIMUM -> {
                Tensor wins = fn == BinaryFn.MAXIMUM ? a.gt(b) : a.lt(b);
                var type = (ta != null ? ta : tb).dtype();
                Tensor share = wins.to(type).add(a.eq(b).to(type).mul(0.5));
                yield sum(ta == null ? null : ta.mul(share), tb == null ? null : tb.mul(share.neg().add(1)));
            }
            case REMAINDER -> sum(ta, tb == null ? null : tb.mul(a.div(b).floor()).neg());
            default -> null;
        };
        return r == null ? null : r.expand(shapeOut);
    }

    /** d(a^b)/da = b * a^(b-1). */
    private static Tensor powBaseDerivative(Tensor a, Tensor b) {
        return b.mul(a.pow(b.sub(1)));
    }

    /** d(a^b)/db = a^b * log(a), taken as 0 where a == 0 and b >= 0 (as PyTorch does). */
    private static Tensor powExponentDerivative(Tensor a, Tensor b, Tensor out) {
        Tensor d = out.mul(a.log());
        return Tensor.where(a.eq(0).logicalAnd(b.ge(0)), Tensor.zerosLike(d), d);
    }
}
