package dev.hadron.optim;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.Tensor;

/** The update shared by {@link Adam} (L2 weight decay) and {@link AdamW} (decoupled weight decay). */
final class AdamRule {
    private AdamRule() {
    }

    static void check(String name, double beta1, double beta2, double eps, double weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException(name + ": invalid beta1 " + beta1 + " (must be in [0, 1))");
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException(name + ": invalid beta2 " + beta2 + " (must be in [0, 1))");
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException(name + ": invalid eps " + eps + " (must be >= 0)");
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException(name + ": invalid weight decay " + weightDecay + " (must be >= 0)");
        }
    }

    static void step(Optimizer opt, double beta1, double beta2, double eps, boolean amsgrad, boolean decoupled) {
        try (var s = Autodiff.noGrad()) {
            for (ParamGroup g : opt.paramGroups()) {
                double lr = g.lr();
                double wd = g.weightDecay();
                for (Tensor p : g.params()) {
                    Tensor grad = p.grad();
                    if (grad == null) {
                        continue;
                    }
                    Optimizer.ParamState st = opt.stateOf(p);
                    st.step++;
                    Tensor m = st.buffer("exp_avg", p);
                    Tensor v = st.buffer("exp_avg_sq", p);
                    Tensor vmax = amsgrad ? st.buffer("max_exp_avg_sq", p) : null;
                    double bc1 = 1 - Math.pow(beta1, st.step);
                    double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, st.step));
                    double stepSize = lr / bc1;
                    double decay = decoupled ? 1 - lr * wd : 1;
                    double l2 = decoupled ? 0 : wd;
                    Tensor[] ts = amsgrad ? new Tensor[] {p, grad, m, v, vmax} : new Tensor[] {p, grad, m, v};
                    boolean[] w = amsgrad ? new boolean[] {true, false, true, true, true} : new boolean[] {true, false, true, true};
                    Chunks.run(ts, w, (b, n) -> {
                        double[] pv = b[0];
                        double[] gv = b[1];
                        double[] mv = b[2];
                        double[] vv = b[3];
                        double[] xv = amsgrad ? b[4] : null;
                        for (int i = 0; i < n; i++) {
                            double pi = pv[i] * decay;
                            double gi = gv[i] + l2 * pi;
                            mv[i] = beta1 * mv[i] + (1 - beta1) * gi;
                            vv[i] = beta2 * vv[i] + (1 - beta2) * gi * gi;
                            double second = vv[i];
                            if (amsgrad) {
                                xv[i] = Math.max(xv[i], vv[i]);
                                second = xv[i];
                            }
                            double denom = Math.sqrt(second) / bc2Sqrt + eps;
                            pv[i] = pi - stepSize * mv[i] / denom;
                        }
                    });
                }
            }
        }
    }
}
