package dev.hadron.optim;

import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * A set of parameters with its own learning rate (and optionally weight decay), as an entry of
 * PyTorch's {@code param_groups}: fine-tune a pretrained encoder slowly and a new head quickly.
 *
 * <pre>{@code
 * Adam opt = Adam.ofGroups(List.of(
 *         ParamGroup.of(encoder.parameters()).withLr(1e-4),
 *         ParamGroup.of(head.parameters())), 1e-3, Adam.Options.defaults());
 * }</pre>
 *
 * <p>Settings left unset take the optimizer's defaults. The learning rate is the one mutable setting:
 * schedulers change it with {@link #setLr}.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final double weightDecay;
    private double lr;
    private double initialLr;

    private ParamGroup(List<Tensor> params, double lr, double weightDecay) {
        this.params = List.copyOf(params);
        this.lr = lr;
        this.initialLr = lr;
        this.weightDecay = weightDecay;
    }

    /** A group of the given parameters with the optimizer's default settings. */
    public static ParamGroup of(List<Tensor> params) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("ParamGroup: a parameter group needs at least one parameter");
        }
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p == null) {
                throw new IllegalArgumentException("ParamGroup: parameter " + i + " is null");
            }
            if (!p.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException("ParamGroup: parameter " + i + " has dtype " + p.dtype()
                        + "; only floating-point tensors can be optimized");
            }
            if (!p.isLeaf()) {
                throw new IllegalArgumentException("ParamGroup: parameter " + i + " was computed by '" + p.gradFnName()
                        + "'; optimizers update leaf tensors (use detach() or a module's parameters())");
            }
        }
        return new ParamGroup(params, Double.NaN, Double.NaN);
    }

    /** A copy with its own learning rate. */
    public ParamGroup withLr(double newLr) {
        checkLr(newLr);
        return new ParamGroup(params, newLr, weightDecay);
    }

    /** A copy with its own weight decay. */
    public ParamGroup withWeightDecay(double wd) {
        if (!(wd >= 0)) {
            throw new IllegalArgumentException("ParamGroup: weight decay must be >= 0, got " + wd);
        }
        return new ParamGroup(params, lr, wd);
    }

    static void checkLr(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("invalid learning rate: " + lr + " (must be finite and >= 0)");
        }
    }

    /** The group with unset settings filled from the optimizer's defaults. */
    ParamGroup resolve(double defaultLr, double defaultWeightDecay) {
        return new ParamGroup(params, Double.isNaN(lr) ? defaultLr : lr,
                Double.isNaN(weightDecay) ? defaultWeightDecay : weightDecay);
    }

    /** The parameters (read-only). */
    public List<Tensor> params() {
        return params;
    }

    /** The current learning rate. */
    public double lr() {
        return lr;
    }

    /** Sets the learning rate (what schedulers do). */
    public void setLr(double newLr) {
        checkLr(newLr);
        this.lr = newLr;
    }

    /** The learning rate the group started with (what schedulers scale). */
    public double initialLr() {
        return initialLr;
    }

    void setInitialLr(double v) {
        this.initialLr = v;
    }

    /** The weight decay of this group. */
    public double weightDecay() {
        return weightDecay;
    }
}
