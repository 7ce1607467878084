package dev.hadron.nn;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Batch normalization of features (N, C) or sequences (N, C, L), as {@code torch.nn.BatchNorm1d}:
 * batch statistics in training (updating {@code running_mean}/{@code running_var} with momentum 0.1),
 * running statistics in evaluation mode.
 */
public final class BatchNorm1d extends BatchNormBase {
    /** PyTorch's defaults (eps 1e-5, momentum 0.1, affine, running statistics). */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, BatchNormOptions.defaults());
    }

    /** The given settings. */
    public BatchNorm1d(int numFeatures, BatchNormOptions options) {
        super(numFeatures, options);
    }

    @Override
    void checkInput(Tensor x) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException(this + ": expected input of shape (N, C) or (N, C, L), got "
                    + Shape.toString(x.shape()));
        }
    }
}
