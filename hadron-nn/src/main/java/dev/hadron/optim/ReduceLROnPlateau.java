package dev.hadron.optim;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces the learning rate by {@code factor} when a monitored metric (usually the validation loss) has
 * not improved for {@code patience} epochs, as {@code torch.optim.lr_scheduler.ReduceLROnPlateau}
 * (relative threshold mode). Call {@link #step(double)} once per epoch with the metric.
 */
public final class ReduceLROnPlateau {
    private final Optimizer optimizer;
    private final Options options;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;

    /**
     * Settings, with PyTorch's defaults.
     *
     * @param maximize whether larger is better (mode "max") rather than smaller
     * @param factor multiplier of the learning rate, in (0, 1)
     * @param patience epochs without improvement before reducing
     * @param threshold relative improvement that counts (1e-4)
     * @param cooldown epochs to wait after a reduction
     * @param minLr lower bound of the learning rate
     * @param eps reductions smaller than this are skipped
     */
    public record Options(boolean maximize, double factor, int patience, double threshold, int cooldown, double minLr,
                          double eps) {
        public Options {
            if (!(factor > 0 && factor < 1) || patience < 0 || !(threshold >= 0) || cooldown < 0 || !(minLr >= 0)
                    || !(eps >= 0)) {
                throw new IllegalArgumentException("ReduceLROnPlateau: need 0 < factor < 1 and non-negative patience,"
                        + " threshold, cooldown, minLr and eps; got " + this);
            }
        }

        /** Mode min, factor 0.1, patience 10, threshold 1e-4, cooldown 0, minLr 0, eps 1e-8. */
        public static Options defaults() {
            return new Options(false, 0.1, 10, 1e-4, 0, 0, 1e-8);
        }

        public Options withMaximize(boolean m) {
            return new Options(m, factor, patience, threshold, cooldown, minLr, eps);
        }

        public Options withFactor(double f) {
            return new Options(maximize, f, patience, threshold, cooldown, minLr, eps);
        }

        public Options withPatience(int p) {
            return new Options(maximize, factor, p, threshold, cooldown, minLr, eps);
        }

        public Options withThreshold(double t) {
            return new Options(maximize, factor, patience, t, cooldown, minLr, eps);
        }

        public Options withCooldown(int c) {
            return new Options(maximize, factor, patience, threshold, c, minLr, eps);
        }

        public Options withMinLr(double m) {
            return new Options(maximize, factor, patience, threshold, cooldown, m, eps);
        }
    }

    /** PyTorch's defaults. */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, Options.defaults());
    }

    /** The given settings. */
    public ReduceLROnPlateau(Optimizer optimizer, Options options) {
        this.optimizer = optimizer;
        this.options = options;
        this.best = options.maximize() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Better by more than the relative threshold (relative to |best|, which equals PyTorch's rule for best > 0). */
    private boolean isBetter(double a) {
        if (Double.isInfinite(best)) {
            return true;
        }
        double margin = Math.abs(best) * options.threshold();
        return options.maximize() ? a > best + margin : a < best - margin;
    }

    /** Records one epoch's metric and reduces the learning rates if it has stalled. */
    public void step(double metric) {
        if (!Double.isFinite(metric)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: the monitored metric is " + metric);
        }
        lastEpoch++;
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > options.patience()) {
            List<ParamGroup> groups = optimizer.paramGroups();
            for (ParamGroup g : groups) {
                double newLr = Math.max(g.lr() * options.factor(), options.minLr());
                if (g.lr() - newLr > options.eps()) {
                    g.setLr(newLr);
                }
            }
            cooldownCounter = options.cooldown();
            numBadEpochs = 0;
        }
    }

    /** The best metric so far. */
    public double best() {
        return best;
    }

    /** The state: best, num_bad_epochs, cooldown_counter, last_epoch. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("best", Tensor.scalar(DType.FLOAT64, best));
        m.put("num_bad_epochs", Tensor.scalar(DType.INT64, numBadEpochs));
        m.put("cooldown_counter", Tensor.scalar(DType.INT64, cooldownCounter));
        m.put("last_epoch", Tensor.scalar(DType.INT64, lastEpoch));
        return m;
    }

    /** Restores a state from {@link #stateDict()}. */
    public void loadStateDict(Map<String, Tensor> state) {
        for (String k : new String[] {"best", "num_bad_epochs", "cooldown_counter", "last_epoch"}) {
            if (!state.containsKey(k)) {
                throw new IllegalArgumentException("ReduceLROnPlateau.loadStateDict: missing entry '" + k + "', got "
                        + state.keySet());
            }
        }
        best = state.get("best").item();
        numBadEpochs = (int) state.get("num_bad_epochs").item();
        cooldownCounter = (int) state.get("cooldown_counter").item();
        lastEpoch = (int) state.get("last_epoch").item();
    }
}
