package dev.hadron.train;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves checkpoints during training: {@code dir/best} (the model's weights whenever the monitored
 * quantity improves; loadable with {@link Checkpoint#load} and in PyTorch) and {@code dir/last} (a full
 * training checkpoint after every epoch, from which {@link Trainer#resume} continues). Runs after every
 * other callback of the epoch, so the saved state includes this epoch's schedule step and early-stopping
 * decision.
 */
public final class ModelCheckpoint implements Callback {
    private final Path dir;
    private final String monitor;
    private final boolean maximize;
    private final boolean saveBest;
    private final boolean saveLast;
    private double best;

    /** Saves best (by minimal "val_loss") and last checkpoints in {@code dir}. */
    public ModelCheckpoint(Path dir) {
        this(dir, "val_loss", false, true, true);
    }

    /**
     * Full control.
     *
     * @param monitor the quantity that decides "best"
     * @param maximize whether larger is better
     * @param saveBest write {@code dir/best}
     * @param saveLast write {@code dir/last}
     */
    public ModelCheckpoint(Path dir, String monitor, boolean maximize, boolean saveBest, boolean saveLast) {
        if (!saveBest && !saveLast) {
            throw new IllegalArgumentException("ModelCheckpoint: nothing to save (saveBest and saveLast are both false)");
        }
        this.dir = dir;
        this.monitor = monitor;
        this.maximize = maximize;
        this.saveBest = saveBest;
        this.saveLast = saveLast;
        this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** The best checkpoint's base path. */
    public Path bestPath() {
        return dir.resolve("best");
    }

    /** The last checkpoint's base path. */
    public Path lastPath() {
        return dir.resolve("last");
    }

    @Override
    public Phase phase() {
        return Phase.CHECKPOINT;
    }

    @Override
    public String name() {
        return "checkpoint_" + monitor;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult result) {
        if (saveBest) {
            double v = result.get(monitor);
            if (Double.isNaN(v)) {
                throw new IllegalStateException("ModelCheckpoint: '" + monitor + "' is NaN at epoch " + result.epoch()
                        + (monitor.startsWith("val") ? " (was validation data given to fit?)" : ""));
            }
            if (maximize ? v > best : v < best) {
                best = v;
                Map<String, Object> cfg = new LinkedHashMap<>();
                cfg.put("epoch", (long) result.epoch());
                cfg.put("monitor", monitor);
                cfg.put(monitor, v);
                Checkpoint.save(bestPath(), trainer.model(), cfg);
            }
        }
        if (saveLast) {
            trainer.saveCheckpoint(lastPath());
        }
    }

    @Override
    public Map<String, Tensor> stateDict() {
        return Map.of("best", Tensor.scalar(DType.FLOAT64, best));
    }

    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        if (!state.containsKey("best")) {
            throw new IllegalArgumentException("ModelCheckpoint.loadStateDict: missing entry 'best'");
        }
        best = state.get("best").item();
    }
}
