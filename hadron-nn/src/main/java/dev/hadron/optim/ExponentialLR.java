package dev.hadron.optim;

/** Decays the learning rate by {@code gamma} every step, as {@code torch.optim.lr_scheduler.ExponentialLR}. */
public final class ExponentialLR extends LRScheduler {
    private final double gamma;

    /** lr = initial * gamma^step. */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("ExponentialLR: gamma must be positive, got " + gamma);
        }
        this.gamma = gamma;
        init();
    }

    @Override
    public double lrAt(int group, double baseLr, int epoch) {
        return baseLr * Math.pow(gamma, epoch);
    }
}
