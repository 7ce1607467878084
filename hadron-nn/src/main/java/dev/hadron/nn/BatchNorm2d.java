package dev.hadron.nn;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Batch normalization of images (N, C, H, W) per channel, as {@code torch.nn.BatchNorm2d}: batch
 * statistics in training (updating the running statistics), running statistics in evaluation mode.
 */
public final class BatchNorm2d extends BatchNormBase {
    /** PyTorch's defaults (eps 1e-5, momentum 0.1, affine, running statistics). */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, BatchNormOptions.defaults());
    }

    /** The given settings. */
    public BatchNorm2d(int numFeatures, BatchNormOptions options) {
        super(numFeatures, options);
    }

    @Override
    void checkInput(Tensor x) {
        if (x.dim() != 4) {
            throw new IllegalArgumentException(this + ": expected input of shape (N, C, H, W), got "
                    + Shape.toString(x.shape()));
        }
    }
}
