package dev.hadron.optim;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight decay,
 * exactly as {@code torch.optim.SGD}:
 * <pre>
 * g = grad + weight_decay * p
 * buf = g (first step), else momentum * buf + (1 - dampening) * g
 * g = nesterov ? g + momentum * buf : buf          (when momentum != 0)
 * p = p - lr * g
 * </pre>
 *
 * <pre>{@code
 * SGD opt = new SGD(model.parameters(), 0.01, SGD.Options.defaults().withMomentum(0.9).withNesterov(true));
 * }</pre>
 */
public final class SGD extends Optimizer {
    private final Options options;

    /**
     * SGD's settings besides the learning rate; PyTorch's defaults are all zero / false.
     *
     * @param momentum momentum factor, >= 0
     * @param dampening dampening of the momentum, >= 0
     * @param weightDecay L2 penalty coefficient, >= 0
     * @param nesterov Nesterov momentum (needs momentum > 0 and dampening 0)
     */
    public record Options(double momentum, double dampening, double weightDecay, boolean nesterov) {
        public Options {
            if (!(momentum >= 0)) {
                throw new IllegalArgumentException("SGD: invalid momentum " + momentum + " (must be >= 0)");
            }
            if (!(dampening >= 0)) {
                throw new IllegalArgumentException("SGD: invalid dampening " + dampening + " (must be >= 0)");
            }
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException("SGD: invalid weight decay " + weightDecay + " (must be >= 0)");
            }
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("SGD: Nesterov momentum requires momentum > 0 and zero dampening, got"
                        + " momentum " + momentum + ", dampening " + dampening);
            }
        }

        /** No momentum, no dampening, no weight decay. */
        public static Options defaults() {
            return new Options(0, 0, 0, false);
        }

        public Options withMomentum(double m) {
            return new Options(m, dampening, weightDecay, nesterov);
        }

        public Options withDampening(double d) {
            return new Options(momentum, d, weightDecay, nesterov);
        }

        public Options withWeightDecay(double wd) {
            return new Options(momentum, dampening, wd, nesterov);
        }

        public Options withNesterov(boolean n) {
            return new Options(momentum, dampening, weightDecay, n);
        }
    }

    /** Plain SGD with learning rate {@code lr}. */
    public SGD(List<Tensor> params, double lr) {
        this(params, lr, Options.defaults());
    }

    /** SGD with the given settings. */
    public SGD(List<Tensor> params, double lr, Options options) {
        this(single(params), lr, options, true);
    }

    private SGD(List<ParamGroup> groups, double lr, Options options, boolean unused) {
        super("SGD", groups, lr, options.weightDecay());
        this.options = options;
    }

    /** SGD over parameter groups; groups without their own learning rate or weight decay take these. */
    public static SGD ofGroups(List<ParamGroup> groups, double lr, Options options) {
        return new SGD(groups, lr, options, true);
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    @Override
    public void step() {
        double momentum = options.momentum();
        double dampening = options.dampening();
        boolean nesterov = options.nesterov();
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
                    if (momentum == 0) {
                        Chunks.run(new Tensor[] {p, grad}, new boolean[] {true, false}, (b, n) -> {
                            double[] pv = b[0];
                            double[] gv = b[1];
                            for (int i = 0; i < n; i++) {
                                pv[i] -= lr * (gv[i] + wd * pv[i]);
                            }
                        });
                        continue;
                    }
                    boolean first = !st.buffers.containsKey("momentum_buffer");
                    Tensor buf = st.buffer("momentum_buffer", p);
                    Chunks.run(new Tensor[] {p, grad, buf}, new boolean[] {true, false, true}, (b, n) -> {
                        double[] pv = b[0];
                        double[] gv = b[1];
                        double[] mv = b[2];
                        for (int i = 0; i < n; i++) {
                            double d = gv[i] + wd * pv[i];
                            mv[i] = first ? d : momentum * mv[i] + (1 - dampening) * d;
                            double upd = nesterov ? d + momentum * mv[i] : mv[i];
                            pv[i] -= lr * upd;
                        }
                    });
                }
            }
        }
    }
}
