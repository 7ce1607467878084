package dev.hadron.internal.autograd;

import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

/**
 * Privileged access to {@link Tensor} internals for the engine, ops and kernels (the "shared secrets"
 * pattern of the JDK): the public API stays small while internal packages can build tensors from
 * storage and reach autodiff metadata. Installed by {@code Tensor}'s static initializer.
 */
public interface TensorAccess {

    /** The tensor's autodiff metadata, or null if it has none. */
    AutogradMeta meta(Tensor t);

    /** The tensor's autodiff metadata, created if absent. */
    AutogradMeta metaOrCreate(Tensor t);

    /** The tensor's shape array itself (not a copy): read it, never write it. */
    int[] shapeRef(Tensor t);

    /** The tensor's strides array itself (not a copy): read it, never write it. */
    int[] stridesRef(Tensor t);

    /** A tensor over {@code storage}; shape and strides are taken as given (callers validate). */
    Tensor make(Storage storage, int offset, int[] shape, int[] strides);

    /** Holder for the installed instance. */
    final class Holder {
        private static volatile TensorAccess instance;

        private Holder() {
        }

        /** Called once by {@code Tensor}. */
        public static void install(TensorAccess access) {
            instance = access;
        }

        /** The installed instance (forces {@code Tensor} to initialize). */
        public static TensorAccess get() {
            TensorAccess a = instance;
            if (a == null) {
                try {
                    Class.forName(Tensor.class.getName(), true, Tensor.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                a = instance;
            }
            return a;
        }
    }
}
