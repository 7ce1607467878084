package dev.hadron.optim;

import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) with optional L2 weight decay and the AMSGrad variant, exactly as
 * {@code torch.optim.Adam}:
 * <pre>
 * g = grad + weight_decay * p
 * m = b1 m + (1 - b1) g;   v = b2 v + (1 - b2) g^2;   vmax = max(vmax, v) (AMSGrad)
 * p = p - lr / (1 - b1^t) * m / (sqrt(v or vmax) / sqrt(1 - b2^t) + eps)
 * </pre>
 * For decoupled weight decay use {@link AdamW}.
 *
 * <pre>{@code
 * Adam opt = new Adam(model.parameters(), 1e-3);
 * }</pre>
 */
public final class Adam extends Optimizer {
    private final Options options;

    /**
     * Adam's settings besides the learning rate.
     *
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param eps added to the denominator, >= 0
     * @param weightDecay L2 penalty added to the gradient, >= 0
     * @param amsgrad use the maximum of past second moments
     */
    public record Options(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        public Options {
            AdamRule.check("Adam", beta1, beta2, eps, weightDecay);
        }

        /** PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay, no AMSGrad. */
        public static Options defaults() {
            return new Options(0.9, 0.999, 1e-8, 0, false);
        }

        public Options withBetas(double b1, double b2) {
            return new Options(b1, b2, eps, weightDecay, amsgrad);
        }

        public Options withEps(double e) {
            return new Options(beta1, beta2, e, weightDecay, amsgrad);
        }

        public Options withWeightDecay(double wd) {
            return new Options(beta1, beta2, eps, wd, amsgrad);
        }

        public Options withAmsgrad(boolean a) {
            return new Options(beta1, beta2, eps, weightDecay, a);
        }
    }

    /** Adam with PyTorch's defaults and learning rate {@code lr}. */
    public Adam(List<Tensor> params, double lr) {
        this(params, lr, Options.defaults());
    }

    /** Adam with the given settings. */
    public Adam(List<Tensor> params, double lr, Options options) {
        this(single(params), lr, options, true);
    }

    private Adam(List<ParamGroup> groups, double lr, Options options, boolean unused) {
        super("Adam", groups, lr, options.weightDecay());
        this.options = options;
    }

    /** Adam over parameter groups. */
    public static Adam ofGroups(List<ParamGroup> groups, double lr, Options options) {
        return new Adam(groups, lr, options, true);
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    @Override
    public void step() {
        AdamRule.step(this, options.beta1(), options.beta2(), options.eps(), options.amsgrad(), false);
    }
}
