package dev.hadron.train;

import dev.hadron.optim.ReduceLROnPlateau;
import dev.hadron.tensor.Tensor;

import java.util.Map;

/**
 * Feeds a monitored quantity (e.g. "val_loss") to a {@link ReduceLROnPlateau} after every epoch; its
 * state is saved in training checkpoints. Added by {@link Trainer#withScheduler(ReduceLROnPlateau, String)}.
 */
public final class PlateauStep implements Callback {
    private final ReduceLROnPlateau scheduler;
    private final String monitor;

    /** Steps {@code scheduler} with {@code monitor} every epoch. */
    public PlateauStep(ReduceLROnPlateau scheduler, String monitor) {
        this.scheduler = scheduler;
        this.monitor = monitor;
    }

    @Override
    public Phase phase() {
        return Phase.SCHEDULE;
    }

    @Override
    public String name() {
        return "plateau_" + monitor;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult result) {
        scheduler.step(result.get(monitor));
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
