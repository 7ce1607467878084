package dev.hadron.optim;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Adagrad (Duchi et al., 2011), exactly as {@code torch.optim.Adagrad}:
 * <pre>
 * g = grad + weight_decay * p;   clr = lr / (1 + (t - 1) lr_decay)
 * sum = sum + g^2;               p = p - clr g / (sqrt(sum) + eps)
 * </pre>
 */
public final class Adagrad extends Optimizer {
    private final Options options;

    /**
     * Adagrad's settings besides the learning rate.
     *
     * @param lrDecay learning-rate decay per step, >= 0
     * @param weightDecay L2 penalty, >= 0
     * @param initialAccumulatorValue starting value of the squared-gradient sum, >= 0
     * @param eps added to the denominator, >= 0
     */
    public record Options(double lrDecay, double weightDecay, double initialAccumulatorValue, double eps) {
        public Options {
            if (!(lrDecay >= 0) || !(weightDecay >= 0) || !(initialAccumulatorValue >= 0) || !(eps >= 0)) {
                throw new IllegalArgumentException("Adagrad: lr decay, weight decay, initial accumulator value and eps"
                        + " must be >= 0, got " + lrDecay + ", " + weightDecay + ", " + initialAccumulatorValue + ", " + eps);
            }
        }

        /** PyTorch's defaults: no decay, accumulator 0, eps 1e-10. */
        public static Options defaults() {
            return new Options(0, 0, 0, 1e-10);
        }

        public Options withLrDecay(double d) {
            return new Options(d, weightDecay, initialAccumulatorValue, eps);
        }

        public Options withWeightDecay(double wd) {
            return new Options(lrDecay, wd, initialAccumulatorValue, eps);
        }

        public Options withInitialAccumulatorValue(double v) {
            return new Options(lrDecay, weightDecay, v, eps);
        }

        public Options withEps(double e) {
            return new Options(lrDecay, weightDecay, initialAccumulatorValue, e);
        }
    }

    /** Adagrad with PyTorch's defaults (PyTorch's default learning rate is 0.01). */
    public Adagrad(List<Tensor> params, double lr) {
        this(params, lr, Options.defaults());
    }

    /** Adagrad with the given settings. */
    public Adagrad(List<Tensor> params, double lr, Options options) {
        this(single(params), lr, options, true);
    }

    private Adagrad(List<ParamGroup> groups, double lr, Options options, boolean unused) {
        super("Adagrad", groups, lr, options.weightDecay());
        this.options = options;
    }

    /** Adagrad over parameter groups. */
    public static Adagrad ofGroups(List<ParamGroup> groups, double lr, Options options) {
        return new Adagrad(groups, lr, options, true);
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    @Override
    public void step() {
        double eps = options.eps();
        try (var s = Autodiff.noGrad()) {
            for (ParamGroup g : paramGroups()) {
                double wd = g.weightDecay();
                for (Tensor p : g.params()) {
                    Tensor grad = p.grad();
                    if (grad == null) {
                        continue;
                    }
                    ParamState st = stateOf(p);
                    if (!st.buffers.containsKey("sum")) {
                        st.buffers.put("sum", Tensor.full(p.dtype(), options.initialAccumulatorValue(), p.shape()));
                    }
                    st.step++;
                    double clr = g.lr() / (1 + (st.step - 1) * options.lrDecay());
                    Tensor sum = st.buffers.get("sum");
                    Chunks.run(new Tensor[] {p, grad, sum}, new boolean[] {true, false, true}, (b, n) -> {
                        double[] pv = b[0];
                        double[] gv = b[1];
                        double[] sv = b[2];
                        for (int i = 0; i < n; i++) {
                            double gi = gv[i] + wd * pv[i];
                            sv[i] += gi * gi;
                            pv[i] -= clr * gi / (Math.sqrt(sv[i]) + eps);
                        }
                    });
                }
            }
        }
    }
}
