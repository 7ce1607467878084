package dev.hadron.optim;

/**
 * Linear warm-up (or decay): the learning rate goes from {@code startFactor * initial} to
 * {@code endFactor * initial} over {@code totalIters} steps and stays there, as
 * {@code torch.optim.lr_scheduler.LinearLR}. Chain it with another schedule through {@link SequentialLR}.
 */
public final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    /** PyTorch's defaults: from 1/3 to 1 over 5 steps. */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /** From {@code startFactor} to {@code endFactor} of the initial rate over {@code totalIters} steps. */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (!(startFactor > 0 && startFactor <= 1) || !(endFactor >= 0 && endFactor <= 1) || totalIters < 1) {
            throw new IllegalArgumentException("LinearLR: need 0 < startFactor <= 1, 0 <= endFactor <= 1 and totalIters"
                    + " >= 1, got " + startFactor + ", " + endFactor + ", " + totalIters);
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        init();
    }

    @Override
    public double lrAt(int group, double baseLr, int epoch) {
        double f = startFactor + (endFactor - startFactor) * Math.min(epoch, totalIters) / totalIters;
        return baseLr * f;
    }
}
