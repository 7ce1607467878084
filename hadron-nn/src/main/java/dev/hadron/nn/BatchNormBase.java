package dev.hadron.nn;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Batch normalization over channel dimension 1 (Ioffe and Szegedy, 2015), as PyTorch's
 * {@code _BatchNorm}: in training, normalize with the batch mean and biased variance per channel and
 * update the running statistics (the running variance with the unbiased estimate); in evaluation,
 * normalize with the running statistics. State: {@code weight}, {@code bias}, {@code running_mean},
 * {@code running_var}, {@code num_batches_tracked}.
 */
abstract class BatchNormBase extends Module {
    final int numFeatures;
    final BatchNormOptions options;
    final Parameter weight;
    final Parameter bias;
    final Buffer runningMean;
    final Buffer runningVar;
    final Buffer numBatchesTracked;

    BatchNormBase(int numFeatures, BatchNormOptions options) {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": numFeatures must be positive, got "
                    + numFeatures);
        }
        this.numFeatures = numFeatures;
        this.options = options;
        this.weight = options.affine() ? registerParameter("weight", Tensor.ones(numFeatures)) : null;
        this.bias = options.affine() ? registerParameter("bias", Tensor.zeros(numFeatures)) : null;
        if (options.trackRunningStats()) {
            runningMean = registerBuffer("running_mean", Tensor.zeros(numFeatures));
            runningVar = registerBuffer("running_var", Tensor.ones(numFeatures));
            numBatchesTracked = registerBuffer("num_batches_tracked", Tensor.zeros(DType.INT64));
        } else {
            runningMean = null;
            runningVar = null;
            numBatchesTracked = null;
        }
    }

    /** Checks the input rank; returns a description of the expected shape. */
    abstract void checkInput(Tensor x);

    @Override
    public Tensor forward(Tensor x) {
        checkInput(x);
        if (x.size(1) != numFeatures) {
            throw new IllegalArgumentException(this + ": expected " + numFeatures + " channels in dimension 1, got shape "
                    + Shape.toString(x.shape()));
        }
        int[] dims = new int[x.dim() - 1];
        dims[0] = 0;
        for (int d = 2; d < x.dim(); d++) {
            dims[d - 1] = d;
        }
        int[] statShape = new int[x.dim()];
        java.util.Arrays.fill(statShape, 1);
        statShape[1] = numFeatures;
        boolean useBatch = isTraining() || runningMean == null;
        Tensor y;
        if (useBatch) {
            int count = x.numel() / numFeatures;
            if (isTraining() && count <= 1) {
                throw new IllegalArgumentException(this + ": expected more than 1 value per channel when training, got"
                        + " input of shape " + Shape.toString(x.shape()) + " (use eval() for single events)");
            }
            Tensor mean = x.mean(dims, true);
            Tensor centered = x.sub(mean);
            Tensor var = centered.square().mean(dims, true);
            y = centered.mul(var.add(options.eps()).rsqrt());
            if (isTraining() && runningMean != null) {
                updateRunning(mean.reshape(numFeatures), var.reshape(numFeatures), count);
            }
        } else {
            Tensor rm = runningMean.value().to(x.dtype()).reshape(statShape);
            Tensor rv = runningVar.value().to(x.dtype()).reshape(statShape);
            y = x.sub(rm).mul(rv.add(options.eps()).rsqrt());
        }
        if (weight != null) {
            y = y.mul(weight.value().reshape(statShape)).add(bias.value().reshape(statShape));
        }
        return y;
    }

    private void updateRunning(Tensor mean, Tensor var, int count) {
        try (var s = Autodiff.noGrad()) {
            long tracked = (long) numBatchesTracked.value().item() + 1;
            numBatchesTracked.set(Tensor.scalar(DType.INT64, tracked));
            double m = Double.isNaN(options.momentum()) ? 1.0 / tracked : options.momentum();
            Tensor rm = runningMean.value();
            Tensor rv = runningVar.value();
            Tensor unbiased = var.detach().mul((double) count / (count - 1)).to(rv.dtype());
            runningMean.set(rm.mul(1 - m).add(mean.detach().to(rm.dtype()).mul(m)));
            runningVar.set(rv.mul(1 - m).add(unbiased.mul(m)));
        }
    }

    /** The running mean (C), or null without running statistics. */
    public Tensor runningMean() {
        return runningMean == null ? null : runningMean.value();
    }

    /** The running (unbiased) variance (C), or null without running statistics. */
    public Tensor runningVar() {
        return runningVar == null ? null : runningVar.value();
    }

    /** The scale (C), or null when not affine. */
    public Tensor weight() {
        return weight == null ? null : weight.value();
    }

    /** The shift (C), or null when not affine. */
    public Tensor bias() {
        return bias == null ? null : bias.value();
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + options.eps() + ", momentum="
                + (Double.isNaN(options.momentum()) ? "None" : options.momentum()) + ", affine=" + options.affine()
                + ", track_running_stats=" + options.trackRunningStats();
    }
}
