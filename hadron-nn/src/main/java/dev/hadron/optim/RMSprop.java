package dev.hadron.optim;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * RMSProp (Hinton's lecture 6e), exactly as {@code torch.optim.RMSprop}:
 * <pre>
 * g = grad + weight_decay * p;   sq = alpha sq + (1 - alpha) g^2
 * avg = sqrt(sq - ga^2) + eps with ga = alpha ga + (1 - alpha) g (centered), else sqrt(sq) + eps
 * buf = momentum buf + g / avg;  p = p - lr buf   (momentum > 0), else p = p - lr g / avg
 * </pre>
 */
public final class RMSprop extends Optimizer {
    private final Options options;

    /**
     * RMSprop's settings besides the learning rate.
     *
     * @param alpha smoothing constant, in [0, 1]
     * @param eps added to the denominator, >= 0
     * @param weightDecay L2 penalty, >= 0
     * @param momentum momentum factor, >= 0
     * @param centered normalize by the estimated variance of the gradient
     */
    public record Options(double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        public Options {
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("RMSprop: invalid alpha " + alpha + " (must be in [0, 1])");
            }
            if (!(eps >= 0) || !(weightDecay >= 0) || !(momentum >= 0)) {
                throw new IllegalArgumentException("RMSprop: eps, weight decay and momentum must be >= 0, got " + eps + ", "
                        + weightDecay + ", " + momentum);
            }
        }

        /** PyTorch's defaults: alpha 0.99, eps 1e-8, no weight decay, no momentum, not centered. */
        public static Options defaults() {
            return new Options(0.99, 1e-8, 0, 0, false);
        }

        public Options withAlpha(double a) {
            return new Options(a, eps, weightDecay, momentum, centered);
        }

        public Options withEps(double e) {
            return new Options(alpha, e, weightDecay, momentum, centered);
        }

        public Options withWeightDecay(double wd) {
            return new Options(alpha, eps, wd, momentum, centered);
        }

        public Options withMomentum(double m) {
            return new Options(alpha, eps, weightDecay, m, centered);
        }

        public Options withCentered(boolean c) {
            return new Options(alpha, eps, weightDecay, momentum, c);
        }
    }

    /** RMSprop with PyTorch's defaults (PyTorch's default learning rate is 0.01). */
    public RMSprop(List<Tensor> params, double lr) {
        this(params, lr, Options.defaults());
    }

    /** RMSprop with the given settings. */
    public RMSprop(List<Tensor> params, double lr, Options options) {
        this(single(params), lr, options, true);
    }

    private RMSprop(List<ParamGroup> groups, double lr, Options options, boolean unused) {
        super("RMSprop", groups, lr, options.weightDecay());
        this.options = options;
    }

    /** RMSprop over parameter groups. */
    public static RMSprop ofGroups(List<ParamGroup> groups, double lr, Options options) {
        return new RMSprop(groups, lr, options, true);
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    @Override
    public void step() {
        double alpha = options.alpha();
        double eps = options.eps();
        double momentum = options.momentum();
        boolean centered = options.centered();
        try (var s = Autodiff.noGrad()) {
            for (ParamGroup g : paramGroups()) {
                double lr = g.lr();
                double wd = g.weightDecay();
                for (Tensor p : g.params()) {
                    Tensor grad = p.grad();
                    if (grad == null) {
                        continue;
                    }
                    ParamState st = stateOf(p);
                    st.step++;
                    Tensor sq = st.buffer("square_avg", p);
                    Tensor ga = centered ? st.buffer("grad_avg", p) : null;
                    Tensor buf = momentum > 0 ? st.buffer("momentum_buffer", p) : null;
                    Tensor[] ts = {p, grad, sq, ga == null ? sq : ga, buf == null ? sq : buf};
                    boolean[] w = {true, false, true, ga != null, buf != null};
                    Chunks.run(ts, w, (b, n) -> {
                        double[] pv = b[0];
                        double[] gv = b[1];
                        double[] sv = b[2];
                        double[] av = b[3];
                        double[] mv = b[4];
                        for (int i = 0; i < n; i++) {
                            double gi = gv[i] + wd * pv[i];
                            sv[i] = alpha * sv[i] + (1 - alpha) * gi * gi;
                            double avg;
                            if (centered) {
                                av[i] = alpha * av[i] + (1 - alpha) * gi;
                                avg = Math.sqrt(sv[i] - av[i] * av[i]) + eps;
                            } else {
                                avg = Math.sqrt(sv[i]) + eps;
                            }
                            if (momentum > 0) {
                                mv[i] = momentum * mv[i] + gi / avg;
                                pv[i] -= lr * mv[i];
                            } else {
                                pv[i] -= lr * gi / avg;
                            }
                        }
                    });
                }
            }
        }
    }
}
