package dev.hadron.internal.autograd;

import dev.hadron.tensor.Tensor;

/** An op of one input and one output. */
public abstract class UnaryOp extends Op {

    /** The output value. */
    protected abstract Tensor forward(Tensor x);

    /** The input cotangent, given the output cotangent. */
    protected abstract Tensor vjp(Tensor g);

    /** The output tangent, given the input tangent (never null here). */
    protected abstract Tensor jvp(Tensor t);

    @Override
    public final Tensor[] forward(Tensor[] inputs) {
        return new Tensor[] {forward(inputs[0])};
    }

    @Override
    public final Tensor[] vjp(Tensor[] gradOutputs) {
        return new Tensor[] {vjp(gradOutputs[0])};
    }

    @Override
    public final Tensor[] jvp(Tensor[] inputTangents) {
        return new Tensor[] {inputTangents[0] == null ? null : jvp(inputTangents[0])};
    }
}
