package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.autograd.Op;
import dev.hadron.internal.kernel.Elementwise;
import dev.hadron.tensor.Tensor;

/** {@code cond ? a : b} with broadcasting; the gradient flows to the branch that was taken. */
public final class Where extends Op {
    private int[] shapeA;
    private int[] shapeB;
    private int[] shapeOut;

    /** Applies the select. */
    public static Tensor apply(Tensor cond, Tensor a, Tensor b) {
        return Dispatch.apply1(new Where(), cond, a, b);
    }

    @Override
    public String name() {
        return "where";
    }

    @Override
    public Tensor[] forward(Tensor[] in) {
        Tensor out = Elementwise.where(in[0], in[1], in[2]);
        shapeA = in[1].shape();
        shapeB = in[2].shape();
        shapeOut = out.shape();
        save(in[0]);
        return new Tensor[] {out};
    }

    @Override
    public Tensor[] vjp(Tensor[] g) {
        Tensor cond = saved(0);
        Tensor zero = Tensor.zerosLike(g[0]);
        return new Tensor[] {
            null,
            needsInputGrad(1) ? Tensor.where(cond, g[0], zero).sumToShape(shapeA) : null,
            needsInputGrad(2) ? Tensor.where(cond, zero, g[0]).sumToShape(shapeB) : null};
    }

    @Override
    public Tensor[] jvp(Tensor[] t) {
        if (t[1] == null && t[2] == null) {
            return new Tensor[] {null};
        }
        Tensor cond = saved(0);
        Tensor ta = t[1] == null ? Tensor.zeros(t[2].dtype(), shapeOut) : t[1];
        Tensor tb = t[2] == null ? Tensor.zeros(t[1].dtype(), shapeOut) : t[2];
        return new Tensor[] {Tensor.where(cond, ta, tb).expand(shapeOut)};
    }
}
