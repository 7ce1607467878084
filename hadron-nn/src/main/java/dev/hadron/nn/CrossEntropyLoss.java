package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

/**
 * Cross-entropy from raw scores (logits), as {@code torch.nn.CrossEntropyLoss}: log-softmax over the
 * classes followed by {@link NLLLoss}. Input (n, C) or (n, C, d1, ...); targets are int64 class labels
 * (n) / (n, d1, ...) or float class probabilities of the input's shape. Supports class weights, label
 * smoothing (the target becomes {@code (1 - eps) onehot + eps / C}) and an ignore index, with PyTorch's
 * normalization: {@link Reduction#MEAN} divides by the summed class weights of the non-ignored labels
 * (their count without class weights; the number of rows for probability targets). Per-event weights
 * multiply their event's loss and do not enter that divisor. Labels out of range are an error naming the
 * event.
 *
 * <pre>{@code
 * Tensor loss = new CrossEntropyLoss().withLabelSmoothing(0.1).apply(logits, labels, eventWeights);
 * }</pre>
 *
 * @param classWeights a weight per class (C), or null
 * @param labelSmoothing in [0, 1]
 * @param ignoreIndex a label value to skip (PyTorch's default -100)
 * @param reduction how the per-event losses are combined
 */
public record CrossEntropyLoss(Tensor classWeights, double labelSmoothing, long ignoreIndex, Reduction reduction)
        implements Loss {
    public CrossEntropyLoss {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: label smoothing must be in [0, 1], got " + labelSmoothing);
        }
        LossSupport.check(reduction);
    }

    /** PyTorch's defaults: no class weights, no smoothing, ignore index -100, mean reduction. */
    public CrossEntropyLoss() {
        this(null, 0.0, -100, Reduction.MEAN);
    }

    /** A copy with class weights (C). */
    public CrossEntropyLoss withClassWeights(Tensor w) {
        return new CrossEntropyLoss(w, labelSmoothing, ignoreIndex, reduction);
    }

    /** A copy with label smoothing {@code eps}. */
    public CrossEntropyLoss withLabelSmoothing(double eps) {
        return new CrossEntropyLoss(classWeights, eps, ignoreIndex, reduction);
    }

    /** A copy with another ignore index. */
    public CrossEntropyLoss withIgnoreIndex(long index) {
        return new CrossEntropyLoss(classWeights, labelSmoothing, index, reduction);
    }

    /** A copy with another reduction. */
    public CrossEntropyLoss withReduction(Reduction r) {
        return new CrossEntropyLoss(classWeights, labelSmoothing, ignoreIndex, r);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        if (output.dim() < 2) {
            throw new IllegalArgumentException("crossEntropy: expected logits of shape (events, classes, ...), got "
                    + dev.hadron.tensor.Shape.toString(output.shape()));
        }
        if (!output.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("crossEntropy: logits must be floating point, got " + output.dtype());
        }
        if (classWeights == null && output.dim() == 2 && target.dim() == 1 && target.size(0) == output.size(0)
                && (target.dtype() == DType.INT64 || target.dtype() == DType.INT32)) {
            return NLLLoss.fusedCrossEntropy("crossEntropy", output, target, labelSmoothing, ignoreIndex, weights,
                    reduction);
        }
        return NLLLoss.classLoss("crossEntropy", output.logSoftmax(1), target, classWeights, labelSmoothing, ignoreIndex,
                weights, reduction);
    }
}
