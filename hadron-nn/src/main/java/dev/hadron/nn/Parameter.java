package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * A trainable tensor owned by a {@link Module}: the Java counterpart of {@code torch.nn.Parameter}.
 * A module creates its parameters with {@code registerParameter(name, initialValue)}, keeps the
 * returned {@code Parameter} in a field and reads {@link #value()} in {@code forward}:
 *
 * <pre>{@code
 * final class Scale extends Module {
 *     private final Parameter alpha = registerParameter("alpha", Tensor.ones(1));
 *
 *     @Override
 *     public Tensor forward(Tensor x) {
 *         return x.mul(alpha.value());
 *     }
 * }
 * }</pre>
 *
 * <p>The value is a leaf tensor that requires grad; optimizers and {@link Module#loadStateDict} update
 * it in place, so references taken from {@link Module#parameters()} stay valid. Only
 * {@link Module#to(dev.hadron.tensor.DType)} swaps in a new tensor (of the new dtype).
 */
public final class Parameter {
    private Tensor value;

    Parameter(Tensor value) {
        this.value = value;
    }

    /** The current tensor: a leaf that requires grad (unless frozen with {@code requiresGrad(false)}). */
    public Tensor value() {
        return value;
    }

    /** The gradient accumulated by the last backward passes, or null. */
    public Tensor grad() {
        return value.grad();
    }

    /** The shape of the value. */
    public int[] shape() {
        return value.shape();
    }

    /** The number of elements. */
    public int numel() {
        return value.numel();
    }

    void replace(Tensor newValue) {
        this.value = newValue;
    }

    @Override
    public String toString() {
        return "Parameter(" + value + ")";
    }
}
