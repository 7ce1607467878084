package dev.hadron.nn;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * A non-trainable tensor owned by a {@link Module}, such as a batch norm's running statistics: the
 * counterpart of a PyTorch buffer. Persistent buffers appear in {@link Module#stateDict()} and are
 * restored by {@link Module#loadStateDict}; non-persistent ones are not saved.
 */
public final class Buffer {
    private final String name;
    private final boolean persistent;
    private Tensor value;

    Buffer(String name, Tensor value, boolean persistent) {
        this.name = name;
        this.value = value;
        this.persistent = persistent;
    }

    /** The current tensor (never requires grad). */
    public Tensor value() {
        return value;
    }

    /** Replaces the value by a tensor of the same shape and dtype (for example an updated running mean). */
    public void set(Tensor newValue) {
        if (!Arrays.equals(newValue.shape(), value.shape()) || newValue.dtype() != value.dtype()) {
            throw new IllegalArgumentException("buffer '" + name + "': new value of shape " + Shape.toString(newValue.shape())
                    + " " + newValue.dtype() + " does not match the current " + Shape.toString(value.shape()) + " "
                    + value.dtype());
        }
        this.value = newValue.detach();
    }

    /** Whether the buffer is part of the state dict. */
    public boolean persistent() {
        return persistent;
    }

    void replace(Tensor newValue) {
        this.value = newValue;
    }

    @Override
    public String toString() {
        return "Buffer(" + name + ", " + value + ")";
    }
}
