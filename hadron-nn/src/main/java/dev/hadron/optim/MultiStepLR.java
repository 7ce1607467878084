package dev.hadron.optim;

import java.util.Arrays;

/**
 * Decays the learning rate by {@code gamma} at each milestone step, as
 * {@code torch.optim.lr_scheduler.MultiStepLR}.
 */
public final class MultiStepLR extends LRScheduler {
    private final int[] milestones;
    private final double gamma;

    /** lr = initial * gamma^(number of milestones <= step); milestones increasing. */
    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
        super(optimizer);
        for (int i = 1; i < milestones.length; i++) {
            if (milestones[i] <= milestones[i - 1]) {
                throw new IllegalArgumentException("MultiStepLR: milestones must be increasing, got "
                        + Arrays.toString(milestones));
            }
        }
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("MultiStepLR: gamma must be positive, got " + gamma);
        }
        this.milestones = milestones.clone();
        this.gamma = gamma;
        init();
    }

    @Override
    public double lrAt(int group, double baseLr, int epoch) {
        int passed = 0;
        for (int m : milestones) {
            if (m <= epoch) {
                passed++;
            }
        }
        return baseLr * Math.pow(gamma, passed);
    }
}
