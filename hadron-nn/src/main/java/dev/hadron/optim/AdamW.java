package dev.hadron.optim;

import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019), exactly as {@code torch.optim.AdamW}:
 * first {@code p = p (1 - lr weight_decay)}, then the Adam update without an L2 term; optional AMSGrad.
 * The default weight decay is 0.01, as in PyTorch.
 */
public final class AdamW extends Optimizer {
    private final Adam.Options options;

    /** AdamW with PyTorch's defaults (betas (0.9, 0.999), eps 1e-8, weight decay 0.01). */
    public AdamW(List<Tensor> params, double lr) {
        this(params, lr, defaults());
    }

    /** AdamW with the given settings (its weight decay is the decoupled one). */
    public AdamW(List<Tensor> params, double lr, Adam.Options options) {
        this(single(params), lr, options, true);
    }

    private AdamW(List<ParamGroup> groups, double lr, Adam.Options options, boolean unused) {
        super("AdamW", groups, lr, options.weightDecay());
        this.options = options;
    }

    /** AdamW's defaults: Adam's with weight decay 0.01. */
    public static Adam.Options defaults() {
        return Adam.Options.defaults().withWeightDecay(0.01);
    }

    /** AdamW over parameter groups. */
    public static AdamW ofGroups(List<ParamGroup> groups, double lr, Adam.Options options) {
        return new AdamW(groups, lr, options, true);
    }

    /** The settings. */
    public Adam.Options options() {
        return options;
    }

    @Override
    public void step() {
        AdamRule.step(this, options.beta1(), options.beta2(), options.eps(), options.amsgrad(), true);
    }
}
