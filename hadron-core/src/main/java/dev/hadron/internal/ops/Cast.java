package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.autograd.UnaryOp;
import dev.hadron.internal.kernel.Elementwise;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

/** Conversion to another dtype (a copy); gradients are converted back. Also serves as {@code clone()}. */
public final class Cast extends UnaryOp {
    private final DType to;
    private DType from;

    private Cast(DType to) {
        this.to = to;
    }

    /** {@code x} converted to {@code to} (always a new contiguous tensor). */
    public static Tensor apply(Tensor x, DType to) {
        return Dispatch.apply1(new Cast(to), x);
    }

    @Override
    public String name() {
        return "to(" + to + ")";
    }

    @Override
    protected Tensor forward(Tensor x) {
        from = x.dtype();
        return Elementwise.copy(x, to);
    }

    @Override
    protected Tensor vjp(Tensor g) {
        return from.isFloatingPoint() ? g.to(from) : null;
    }

    @Override
    protected Tensor jvp(Tensor t) {
        return to.isFloatingPoint() ? t.to(to) : null;
    }
}
