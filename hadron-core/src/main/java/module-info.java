/**
 * Hadron core: tensors with strided views and broadcasting, automatic differentiation in reverse and
 * forward mode to any order, linear algebra, convolutions, jagged event collections and safetensors.
 */
module dev.hadron.core {
    requires static jdk.incubator.vector;

    exports dev.hadron.tensor;
    exports dev.hadron.autodiff;
    exports dev.hadron.util;
    exports dev.hadron.data;
}
