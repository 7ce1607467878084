package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * Negative log-likelihood of class labels given log-probabilities, as {@code torch.nn.NLLLoss}: input
 * (n, C) or (n, C, d1, ...) of log-probabilities, labels int64 (n) or (n, d1, ...). Labels equal to
 * {@code ignoreIndex} contribute nothing; any other label outside [0, C) is an error naming the event.
 * With class weights c, {@link Reduction#MEAN} divides by the sum of c over the non-ignored labels, as
 * PyTorch does; per-event weights multiply the loss of their event without entering that divisor.
 *
 * @param classWeights a weight per class (C), or null
 * @param ignoreIndex a label value to skip (PyTorch's default -100)
 * @param reduction how the per-event losses are combined
 */
public record NLLLoss(Tensor classWeights, long ignoreIndex, Reduction reduction) implements Loss {
    public NLLLoss {
        LossSupport.check(reduction);
    }

    /** No class weights, ignore index -100, mean reduction. */
    public NLLLoss() {
        this(null, -100, Reduction.MEAN);
    }

    /** A copy with class weights (C). */
    public NLLLoss withClassWeights(Tensor w) {
        return new NLLLoss(w, ignoreIndex, reduction);
    }

    /** A copy with another ignore index. */
    public NLLLoss withIgnoreIndex(long index) {
        return new NLLLoss(classWeights, index, reduction);
    }

    /** A copy with another reduction. */
    public NLLLoss withReduction(Reduction r) {
        return new NLLLoss(classWeights, ignoreIndex, r);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target, Tensor weights) {
        return classLoss("nll", output, target, classWeights, 0, ignoreIndex, weights, reduction);
    }

    /** Shared by NLL and cross-entropy: {@code logp} holds log-probabilities with the classes in dimension 1. */
    static Tensor classLoss(String name, Tensor logp, Tensor target, Tensor classWeights, double smoothing,
                            long ignoreIndex, Tensor weights, Reduction reduction) {
        if (logp.dim() < 2) {
            throw new IllegalArgumentException(name + ": expected an input of shape (events, classes, ...), got "
                    + Shape.toString(logp.shape()));
        }
        int n = logp.size(0);
        int classes = logp.size(1);
        // move the class dimension last and flatten the rest into rows
        int[] order = new int[logp.dim()];
        for (int d = 2; d < logp.dim(); d++) {
            order[d - 1] = d;
        }
        order[logp.dim() - 1] = 1;
        Tensor lp = logp.dim() > 2 ? logp.permute(order).reshape(-1, classes) : logp;
        int rows = lp.size(0);
        Tensor cw = null;
        if (classWeights != null) {
            if (classWeights.dim() != 1 || classWeights.size(0) != classes) {
                throw new IllegalArgumentException(name + ": class weights must have shape [" + classes + "], got "
                        + Shape.toString(classWeights.shape()));
            }
            cw = classWeights.to(lp.dtype());
        }
        if (target.dtype().isFloatingPoint()) {
            if (!Arrays.equals(target.shape(), logp.shape())) {
                throw new IllegalArgumentException(name + ": float targets are class probabilities and must have the"
                        + " input's shape " + Shape.toString(logp.shape()) + ", got " + Shape.toString(target.shape())
                        + "; class labels must be int64");
            }
            Tensor t = (logp.dim() > 2 ? target.permute(order) : target).reshape(-1, classes).to(lp.dtype());
            if (smoothing > 0) {
                t = t.mul(1 - smoothing).add(smoothing / classes);
            }
            Tensor prod = cw == null ? lp.mul(t) : lp.mul(t).mul(cw);
            Tensor l = prod.sum(-1).neg();
            l = applyEventWeights(name, l, weights, n, rows);
            return switch (reduction) {
                case MEAN -> l.sum().div(rows);
                case SUM -> l.sum();
                case NONE -> l.reshape(eventShape(logp));
            };
        }
        int[] expected = eventShape(logp);
        if (!Arrays.equals(target.shape(), expected)) {
            throw new IllegalArgumentException(name + ": labels must have shape " + Shape.toString(expected)
                    + " for an input of shape " + Shape.toString(logp.shape()) + ", got " + Shape.toString(target.shape()));
        }
        if (target.dtype() != DType.INT64 && target.dtype() != DType.INT32) {
            throw new IllegalArgumentException(name + ": labels must be int64 (or int32) class indices, got "
                    + target.dtype());
        }
        long[] y = target.toLongArray();
        long[] safe = new long[rows];
        boolean[] keep = new boolean[rows];
        boolean anyIgnored = false;
        for (int i = 0; i < rows; i++) {
            if (y[i] == ignoreIndex) {
                anyIgnored = true;
                continue;
            }
            if (y[i] < 0 || y[i] >= classes) {
                throw labelOutOfRange(name, y[i], i / Math.max(1, rows / n), classes, ignoreIndex);
            }
            safe[i] = y[i];
            keep[i] = true;
        }
        Tensor ys = Tensor.wrap(safe, rows);
        Tensor picked = lp.gather(1, ys.unsqueeze(1)).squeeze(1);
        Tensor wy;
        double denom;
        if (cw == null) {
            int kept = 0;
            for (boolean k : keep) {
                kept += k ? 1 : 0;
            }
            denom = kept;
            wy = anyIgnored ? Tensor.of(keep, rows).to(lp.dtype()) : null;
        } else {
            Tensor keepT = Tensor.of(keep, rows).to(lp.dtype());
            wy = cw.indexSelect(0, ys).mul(keepT);
            denom = wy.sum().item();
        }
        Tensor l = wy == null ? picked.neg() : picked.mul(wy).neg();
        if (smoothing > 0) {
            Tensor smooth = (cw == null ? lp : lp.mul(cw)).sum(-1).neg();
            if (anyIgnored) {
                smooth = smooth.mul(Tensor.of(keep, rows).to(lp.dtype()));
            }
            l = l.mul(1 - smoothing).add(smooth.mul(smoothing / classes));
        }
        l = applyEventWeights(name, l, weights, n, rows);
        return switch (reduction) {
            case MEAN -> {
                if (denom == 0) {
                    throw new IllegalArgumentException(name + ": the mean is undefined because every label is the ignore"
                            + " index " + ignoreIndex + (cw != null ? " or has class weight 0" : "")
                            + "; use Reduction.SUM");
                }
                yield l.sum().div(denom);
            }
            case SUM -> l.sum();
            case NONE -> l.reshape(expected);
        };
    }

    private static IllegalArgumentException labelOutOfRange(String name, long label, int event, int classes,
                                                            long ignoreIndex) {
        return new IllegalArgumentException(name + ": label " + label + " of event " + event + " is out of range for "
                + classes + " classes (expected 0.." + (classes - 1)
                + (ignoreIndex < 0 || ignoreIndex >= classes ? " or the ignore index " + ignoreIndex : "") + ")");
    }

    /**
     * Cross-entropy of (events, classes) logits against int labels (events) without class weights, by the
     * fused kernel ({@link dev.hadron.tensor.Fused#crossEntropy}): the common case, in one pass.
     */
    static Tensor fusedCrossEntropy(String name, Tensor logits, Tensor target, double smoothing, long ignoreIndex,
                                    Tensor weights, Reduction reduction) {
        int n = logits.size(0);
        int classes = logits.size(1);
        long[] y = target.toLongArray();
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] == ignoreIndex) {
                continue;
            }
            if (y[i] < 0 || y[i] >= classes) {
                throw labelOutOfRange(name, y[i], i, classes, ignoreIndex);
            }
            kept++;
        }
        Tensor l = applyEventWeights(name, dev.hadron.tensor.Fused.crossEntropy(logits, target, smoothing, ignoreIndex),
                weights, n, n);
        return switch (reduction) {
            case MEAN -> {
                if (kept == 0) {
                    throw new IllegalArgumentException(name + ": the mean is undefined because every label is the ignore"
                            + " index " + ignoreIndex + "; use Reduction.SUM");
                }
                yield l.sum().div(kept);
            }
            case SUM -> l.sum();
            case NONE -> l;
        };
    }

    private static int[] eventShape(Tensor logp) {
        int[] s = new int[logp.dim() - 1];
        s[0] = logp.size(0);
        for (int d = 2; d < logp.dim(); d++) {
            s[d - 1] = logp.size(d);
        }
        return s;
    }

    private static Tensor applyEventWeights(String name, Tensor rowLoss, Tensor weights, int n, int rows) {
        if (weights == null) {
            return rowLoss;
        }
        Tensor w = LossSupport.weights(name, weights, n, rowLoss);
        if (rows != n) {
            w = w.reshape(n, 1).expand(n, rows / n).reshape(rows);
        }
        return rowLoss.mul(w);
    }
}
