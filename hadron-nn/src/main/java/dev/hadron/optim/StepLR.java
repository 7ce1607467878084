package dev.hadron.optim;

/** Decays the learning rate by {@code gamma} every {@code stepSize} steps, as {@code torch.optim.lr_scheduler.StepLR}. */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    /** lr = initial * gamma^floor(step / stepSize). */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize < 1 || !(gamma > 0)) {
            throw new IllegalArgumentException("StepLR: need stepSize >= 1 and gamma > 0, got " + stepSize + ", " + gamma);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        init();
    }

    @Override
    public double lrAt(int group, double baseLr, int epoch) {
        return baseLr * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }
}
