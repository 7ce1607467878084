package dev.hadron.train;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stops training when a monitored quantity has not improved by more than {@code minDelta} for
 * {@code patience} epochs, as Keras' {@code EarlyStopping}; with {@code restoreBest} the model gets the
 * weights of its best epoch back when training ends (stopped early or not). Its state (best value and epoch, the wait counter and the
 * best weights) is saved in training checkpoints, so a resumed run stops at the same epoch.
 *
 * <pre>{@code
 * trainer.withCallbacks(new EarlyStopping("val_loss", 5, true));
 * }</pre>
 */
public final class EarlyStopping implements Callback {
    private final String monitor;
    private final int patience;
    private final double minDelta;
    private final boolean maximize;
    private final boolean restoreBest;
    private double best;
    private int bestEpoch = -1;
    private int wait;
    private int stoppedEpoch = -1;
    private Map<String, Tensor> bestWeights;

    /** Minimizes {@code monitor} (e.g. "val_loss") with no minimum improvement. */
    public EarlyStopping(String monitor, int patience, boolean restoreBest) {
        this(monitor, patience, 0.0, false, restoreBest);
    }

    /**
     * Full control.
     *
     * @param monitor "val_loss", "loss" or a metric name
     * @param patience epochs without improvement before stopping, >= 0
     * @param minDelta the improvement that counts, >= 0
     * @param maximize whether larger is better (accuracy, AUC)
     * @param restoreBest put the best epoch's weights back when training ends
     */
    public EarlyStopping(String monitor, int patience, double minDelta, boolean maximize, boolean restoreBest) {
        if (patience < 0 || !(minDelta >= 0)) {
            throw new IllegalArgumentException("EarlyStopping: patience and minDelta must be >= 0, got " + patience + ", "
                    + minDelta);
        }
        this.monitor = monitor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.maximize = maximize;
        this.restoreBest = restoreBest;
        this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    @Override
    public Phase phase() {
        return Phase.MONITOR;
    }

    @Override
    public String name() {
        return "early_stopping_" + monitor;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult result) {
        double v = result.get(monitor);
        if (Double.isNaN(v)) {
            throw new IllegalStateException("EarlyStopping: '" + monitor + "' is NaN at epoch " + result.epoch()
                    + (monitor.startsWith("val") ? " (was validation data given to fit?)" : ""));
        }
        boolean improved = maximize ? v > best + minDelta : v < best - minDelta;
        if (improved) {
            best = v;
            bestEpoch = result.epoch();
            wait = 0;
            if (restoreBest) {
                bestWeights = trainer.model().stateDictCopy();
            }
        } else {
            wait++;
            if (wait > patience) {
                stoppedEpoch = result.epoch();
                trainer.requestStop();
            }
        }
    }

    @Override
    public void onTrainEnd(Trainer trainer) {
        if (restoreBest && bestWeights != null && trainer.history().size() > 0
                && trainer.history().last().epoch() != bestEpoch) {
            trainer.model().loadStateDict(bestWeights);
        }
    }

    /** The best value seen. */
    public double best() {
        return best;
    }

    /** The epoch of the best value, or -1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The epoch at which training was stopped, or -1. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("best", Tensor.scalar(DType.FLOAT64, best));
        m.put("best_epoch", Tensor.scalar(DType.INT64, bestEpoch));
        m.put("wait", Tensor.scalar(DType.INT64, wait));
        m.put("stopped_epoch", Tensor.scalar(DType.INT64, stoppedEpoch));
        if (bestWeights != null) {
            for (Map.Entry<String, Tensor> e : bestWeights.entrySet()) {
                m.put("best_weights." + e.getKey(), e.getValue());
            }
        }
        return m;
    }

    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        for (String k : new String[] {"best", "best_epoch", "wait", "stopped_epoch"}) {
            if (!state.containsKey(k)) {
                throw new IllegalArgumentException("EarlyStopping.loadStateDict: missing entry '" + k + "'");
            }
        }
        best = state.get("best").item();
        bestEpoch = (int) state.get("best_epoch").item();
        wait = (int) state.get("wait").item();
        stoppedEpoch = (int) state.get("stopped_epoch").item();
        Map<String, Tensor> w = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            if (e.getKey().startsWith("best_weights.")) {
                w.put(e.getKey().substring("best_weights.".length()), e.getValue().clone());
            }
        }
        bestWeights = w.isEmpty() ? null : w;
    }
}
