package dev.hadron.nn;

import dev.hadron.tensor.Tensor;

/**
 * The common losses as static functions, with PyTorch's defaults and optional per-event weights
 * (n, negative allowed; see {@link Reduction} for how they enter the mean). For other settings
 * (reduction, class weights, label smoothing, ...) use the loss records directly, e.g.
 * {@code new CrossEntropyLoss().withLabelSmoothing(0.1)}.
 *
 * <pre>{@code
 * Tensor loss = Losses.crossEntropy(model.forward(x), labels);          // labels: int64 (n)
 * Tensor wloss = Losses.bceWithLogits(scores, targets, eventWeights);   // scores, targets: (n)
 * }</pre>
 */
public final class Losses {
    private static final CrossEntropyLoss CE = new CrossEntropyLoss();
    private static final NLLLoss NLL = new NLLLoss();
    private static final MSELoss MSE = new MSELoss();
    private static final L1Loss L1 = new L1Loss();
    private static final BCELoss BCE = new BCELoss();
    private static final BCEWithLogitsLoss BCE_LOGITS = new BCEWithLogitsLoss();
    private static final KLDivLoss KL = new KLDivLoss();
    private static final GaussianNLLLoss GAUSS = new GaussianNLLLoss();
    private static final PoissonNLLLoss POISSON = new PoissonNLLLoss();

    private Losses() {
    }

    /** Cross-entropy of logits (n, C) against int64 labels (n), mean over events. */
    public static Tensor crossEntropy(Tensor logits, Tensor labels) {
        return CE.apply(logits, labels, null);
    }

    /** Weighted cross-entropy: sum of w_i l_i divided by n. */
    public static Tensor crossEntropy(Tensor logits, Tensor labels, Tensor weights) {
        return CE.apply(logits, labels, weights);
    }

    /** Negative log-likelihood of log-probabilities (n, C) against int64 labels (n). */
    public static Tensor nll(Tensor logProbs, Tensor labels) {
        return NLL.apply(logProbs, labels, null);
    }

    /** Weighted negative log-likelihood. */
    public static Tensor nll(Tensor logProbs, Tensor labels, Tensor weights) {
        return NLL.apply(logProbs, labels, weights);
    }

    /** Mean squared error; prediction and target of the same shape. */
    public static Tensor mse(Tensor prediction, Tensor target) {
        return MSE.apply(prediction, target, null);
    }

    /** Weighted mean squared error. */
    public static Tensor mse(Tensor prediction, Tensor target, Tensor weights) {
        return MSE.apply(prediction, target, weights);
    }

    /** Mean absolute error. */
    public static Tensor l1(Tensor prediction, Tensor target) {
        return L1.apply(prediction, target, null);
    }

    /** Weighted mean absolute error. */
    public static Tensor l1(Tensor prediction, Tensor target, Tensor weights) {
        return L1.apply(prediction, target, weights);
    }

    /** Huber loss with the given delta. */
    public static Tensor huber(Tensor prediction, Tensor target, double delta) {
        return new HuberLoss(delta, Reduction.MEAN).apply(prediction, target, null);
    }

    /** Smooth L1 loss with the given beta. */
    public static Tensor smoothL1(Tensor prediction, Tensor target, double beta) {
        return new SmoothL1Loss(beta, Reduction.MEAN).apply(prediction, target, null);
    }

    /** Binary cross-entropy of probabilities in [0, 1]. */
    public static Tensor bce(Tensor probabilities, Tensor target) {
        return BCE.apply(probabilities, target, null);
    }

    /** Weighted binary cross-entropy of probabilities. */
    public static Tensor bce(Tensor probabilities, Tensor target, Tensor weights) {
        return BCE.apply(probabilities, target, weights);
    }

    /** Binary cross-entropy of logits; logits and targets of the same shape. */
    public static Tensor bceWithLogits(Tensor logits, Tensor target) {
        return BCE_LOGITS.apply(logits, target, null);
    }

    /** Weighted binary cross-entropy of logits. */
    public static Tensor bceWithLogits(Tensor logits, Tensor target, Tensor weights) {
        return BCE_LOGITS.apply(logits, target, weights);
    }

    /** Weighted binary cross-entropy of logits with a positive-class weight per label. */
    public static Tensor bceWithLogits(Tensor logits, Tensor target, Tensor weights, Tensor posWeight) {
        return new BCEWithLogitsLoss(posWeight, Reduction.MEAN).apply(logits, target, weights);
    }

    /** KL(p || q) from log q (n, ...) and probabilities p, averaged over events (PyTorch's "batchmean"). */
    public static Tensor klDiv(Tensor logQ, Tensor p) {
        return KL.apply(logQ, p, null);
    }

    /** Gaussian negative log-likelihood of targets given predicted means and variances. */
    public static Tensor gaussianNll(Tensor mean, Tensor target, Tensor variance) {
        return GAUSS.apply(mean, target, variance, null);
    }

    /** Poisson negative log-likelihood of counts given predicted log-rates. */
    public static Tensor poissonNll(Tensor logRate, Tensor counts) {
        return POISSON.apply(logRate, counts, null);
    }
}
