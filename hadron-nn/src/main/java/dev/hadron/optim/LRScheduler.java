package dev.hadron.optim;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learning-rate schedule, as {@code torch.optim.lr_scheduler}: the learning rate of every parameter
 * group is a function of the step count and the group's initial learning rate. Creating a schedule sets
 * the rate for step 0; each {@link #step()} advances one step (once per epoch, or once per batch for
 * {@link OneCycleLR}) and sets the new rate. Schedules are closed-form, so {@link #lrAt} can be plotted
 * and {@link SequentialLR} can chain them; the state is the step count.
 *
 * <pre>{@code
 * LRScheduler sched = new StepLR(opt, 30, 0.1);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *     train(...);
 *     sched.step();
 * }
 * }</pre>
 */
public abstract class LRScheduler {
    /** The optimizer whose groups are scheduled. */
    protected final Optimizer optimizer;
    private final double[] baseLrs;
    private int lastEpoch;

    /** Reads each group's initial learning rate; subclasses call {@link #init()} at the end of their constructor. */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        baseLrs = new double[groups.size()];
        for (int g = 0; g < baseLrs.length; g++) {
            baseLrs[g] = groups.get(g).initialLr();
        }
    }

    /** Sets the learning rates for step 0. */
    protected final void init() {
        lastEpoch = 0;
        apply();
    }

    /**
     * The learning rate of group {@code group} at step {@code epoch}.
     *
     * @param baseLr the group's initial learning rate
     */
    public abstract double lrAt(int group, double baseLr, int epoch);

    /** Advances one step and sets the learning rates. */
    public void step() {
        lastEpoch++;
        apply();
    }

    private void apply() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).setLr(lrAt(g, baseLrs[g], lastEpoch));
        }
    }

    /** The number of steps taken. */
    public final int lastEpoch() {
        return lastEpoch;
    }

    /** The current learning rate of each group. */
    public final double[] lastLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] r = new double[groups.size()];
        for (int g = 0; g < r.length; g++) {
            r[g] = groups.get(g).lr();
        }
        return r;
    }

    /** The group's initial learning rate. */
    protected final double baseLr(int group) {
        return baseLrs[group];
    }

    /** The state: {@code last_epoch} and {@code base_lrs}. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("last_epoch", Tensor.scalar(DType.INT64, lastEpoch));
        m.put("base_lrs", Tensor.of(baseLrs.clone(), baseLrs.length));
        return m;
    }

    /** Restores a state from {@link #stateDict()} and sets the learning rates accordingly. */
    public void loadStateDict(Map<String, Tensor> state) {
        Tensor e = state.get("last_epoch");
        Tensor b = state.get("base_lrs");
        if (e == null || b == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: expected entries last_epoch"
                    + " and base_lrs, got " + state.keySet());
        }
        if (b.numel() != baseLrs.length) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: the state has "
                    + b.numel() + " parameter groups, the optimizer " + baseLrs.length);
        }
        double[] saved = b.toDoubleArray();
        System.arraycopy(saved, 0, baseLrs, 0, saved.length);
        lastEpoch = (int) e.item();
        apply();
    }
}
