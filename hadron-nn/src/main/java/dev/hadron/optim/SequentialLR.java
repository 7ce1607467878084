package dev.hadron.optim;

import java.util.Arrays;
import java.util.List;

/**
 * Schedules one after another, switching at milestone steps, as
 * {@code torch.optim.lr_scheduler.SequentialLR}: the usual "linear warm-up, then cosine decay".
 * Each schedule counts its steps from its own start.
 *
 * <pre>{@code
 * LRScheduler warm = new LinearLR(opt, 0.1, 1.0, 5);
 * LRScheduler cos = new CosineAnnealingLR(opt, 95, 0);
 * LRScheduler sched = new SequentialLR(opt, List.of(warm, cos), new int[] {5});
 * }</pre>
 */
public final class SequentialLR extends LRScheduler {
    private final List<LRScheduler> schedulers;
    private final int[] milestones;

    /** {@code schedulers.size() - 1} increasing milestones; all schedules must drive {@code optimizer}. */
    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, int[] milestones) {
        super(optimizer);
        if (schedulers.isEmpty() || milestones.length != schedulers.size() - 1) {
            throw new IllegalArgumentException("SequentialLR: expected " + Math.max(0, schedulers.size() - 1)
                    + " milestones for " + schedulers.size() + " schedulers, got " + Arrays.toString(milestones));
        }
        for (int i = 0; i < milestones.length; i++) {
            if (milestones[i] < 1 || (i > 0 && milestones[i] <= milestones[i - 1])) {
                throw new IllegalArgumentException("SequentialLR: milestones must be positive and increasing, got "
                        + Arrays.toString(milestones));
            }
        }
        for (LRScheduler s : schedulers) {
            if (s.optimizer != optimizer) {
                throw new IllegalArgumentException("SequentialLR: every scheduler must drive the same optimizer");
            }
        }
        this.schedulers = List.copyOf(schedulers);
        this.milestones = milestones.clone();
        init();
    }

    @Override
    public double lrAt(int group, double baseLr, int epoch) {
        int idx = 0;
        while (idx < milestones.length && epoch >= milestones[idx]) {
            idx++;
        }
        int local = idx == 0 ? epoch : epoch - milestones[idx - 1];
        return schedulers.get(idx).lrAt(group, schedulers.get(idx).baseLr(group), local);
    }
}
