package dev.hadron.train;

import dev.hadron.optim.LRScheduler;
import dev.hadron.tensor.Tensor;

import java.util.Map;

/**
 * Steps a learning-rate schedule once per epoch or once per batch; its state is saved in training
 * checkpoints. Added by {@link Trainer#withScheduler(LRScheduler, boolean)}.
 */
public final class ScheduleStep implements Callback {
    private final LRScheduler scheduler;
    private final boolean perBatch;

    /** Steps {@code scheduler} after every batch ({@code perBatch}) or every epoch. */
    public ScheduleStep(LRScheduler scheduler, boolean perBatch) {
        this.scheduler = scheduler;
        this.perBatch = perBatch;
    }

    @Override
    public Phase phase() {
        return Phase.SCHEDULE;
    }

    @Override
    public String name() {
        return "schedule_" + scheduler.getClass().getSimpleName();
    }

    @Override
    public void onBatchEnd(Trainer trainer, int epoch, Batch batch, double loss) {
        if (perBatch) {
            scheduler.step();
        }
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult result) {
        if (!perBatch) {
            scheduler.step();
        }
    }

    @Override
    public Map<String, Tensor> stateDict() {
        return scheduler.stateDict();
    }

    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        scheduler.loadStateDict(state);
    }
}
