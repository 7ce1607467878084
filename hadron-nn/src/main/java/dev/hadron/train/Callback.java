package dev.hadron.train;

import dev.hadron.tensor.Tensor;

import java.util.Map;

/**
 * Hooks into {@link Trainer#fit}: early stopping, checkpoints, schedules, loggers and the progress bar
 * are callbacks, and so can be anything else. At the end of each epoch callbacks run by {@link #phase()}
 * (schedule steps, then monitors such as early stopping, loggers, other callbacks, checkpoints, display),
 * in the order given within a phase.
 *
 * <p>A callback with state that must survive a resume (counters, best values, snapshots) returns it from
 * {@link #stateDict()} under a stable {@link #name()}; training checkpoints save and restore it.
 */
public interface Callback {
    /** When a callback runs at the end of an epoch. */
    enum Phase {
        /** Learning-rate schedule steps. */
        SCHEDULE,
        /** Decisions from the epoch's results (early stopping). */
        MONITOR,
        /** Writing metrics. */
        LOG,
        /** Anything else (the default). */
        USER,
        /** Saving checkpoints, after every state change of the epoch. */
        CHECKPOINT,
        /** Display. */
        DISPLAY
    }

    /** The phase; {@link Phase#USER} by default. */
    default Phase phase() {
        return Phase.USER;
    }

    /** A stable name for the saved state; the class name by default. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Before the first epoch (also when resuming). */
    default void onTrainBegin(Trainer trainer) {
    }

    /** Before each epoch. */
    default void onEpochBegin(Trainer trainer, int epoch) {
    }

    /** After each optimizer step. */
    default void onBatchEnd(Trainer trainer, int epoch, Batch batch, double loss) {
    }

    /** After each epoch's validation; may call {@link Trainer#requestStop}. */
    default void onEpochEnd(Trainer trainer, EpochResult result) {
    }

    /** After the last epoch (or an early stop). */
    default void onTrainEnd(Trainer trainer) {
    }

    /** State to save in training checkpoints. */
    default Map<String, Tensor> stateDict() {
        return Map.of();
    }

    /** Restores a state from {@link #stateDict()}. */
    default void loadStateDict(Map<String, Tensor> state) {
    }
}
