package dev.hadron.internal.autograd;

import dev.hadron.tensor.Tensor;

/** An op of two inputs and one output. */
public abstract class BinaryOp extends Op {

    /** The output value. */
    protected abstract Tensor forward(Tensor a, Tensor b);

    /** The two input cotangents (entries may be null when {@link #needsInputGrad} is false). */
    protected abstract Tensor[] vjp(Tensor g);

    /** The output tangent; either input tangent may be null (zero), not both. */
    protected abstract Tensor jvp(Tensor ta, Tensor tb);

    @Override
    public final Tensor[] forward(Tensor[] inputs) {
        return new Tensor[] {forward(inputs[0], inputs[1])};
    }

    @Override
    public final Tensor[] vjp(Tensor[] gradOutputs) {
        return vjp(gradOutputs[0]);
    }

    @Override
    public final Tensor[] jvp(Tensor[] inputTangents) {
        if (inputTangents[0] == null && inputTangents[1] == null) {
            return new Tensor[] {null};
        }
        return new Tensor[] {jvp(inputTangents[0], inputTangents[1])};
    }

    /** {@code a + b} where either may be null (zero). */
    protected static Tensor sum(Tensor a, Tensor b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }
}
