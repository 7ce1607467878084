package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.autograd.Mode;
import dev.hadron.internal.autograd.Op;
import dev.hadron.internal.kernel.FusedKernels;
import dev.hadron.internal.kernel.FusedKernels.Act;
import dev.hadron.internal.kernel.Gemm;
import dev.hadron.tensor.Tensor;

/**
 * The fused network operations behind {@code dev.hadron.tensor.Fused}. Each is one primitive with
 * its own VJP and JVP. A first-order backward (nothing recording, no forward-mode level) runs fused
 * kernels; a backward that is itself recorded (create-graph, higher derivatives) or runs under
 * forward mode writes the same rule with differentiable operations, recomputing intermediates from
 * the saved inputs, so derivatives of any order stay exact.
 */
public final class FusedOps {
    private FusedOps() {
    }

    /** True when a rule only needs values: no graph is being built and no tangents are being carried. */
    static boolean valuesOnly() {
        return !Mode.isGradEnabled() && !Mode.anyForwardLevel();
    }

    private static Tensor activation(Tensor pre, Act act) {
        return switch (act) {
            case NONE -> pre;
            case RELU -> pre.relu();
            case TANH -> pre.tanh();
            case SIGMOID -> pre.sigmoid();
        };
    }

    /** {@code act'(pre) * t} from the activation's output {@code y} (and {@code pre} for ReLU), differentiably. */
    private static Tensor activationTimes(Tensor t, Tensor pre, Tensor y, Act act) {
        return switch (act) {
            case NONE -> t;
            case RELU -> t.mul(pre.gt(0).to(t.dtype()));
            case TANH -> t.mul(y.square().neg().add(1));
            case SIGMOID -> t.mul(y.mul(y.neg().add(1)));
        };
    }

    // ---------------------------------------------------------------- linear

    /** {@code act(x @ w^T + b)}; {@code x: (rows, in)}, {@code w: (out, in)}, {@code b: (out)} or null. */
    public static Tensor linear(Tensor x, Tensor w, Tensor b, Act act) {
        return Dispatch.apply1(new Linear(act), x, w, b);
    }

    static final class Linear extends Op {
        private final Act act;

        Linear(Act act) {
            this.act = act;
        }

        @Override
        public String name() {
            return act == Act.NONE ? "linear" : "linear+" + act.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            Tensor y = FusedKernels.linear(in[0], in[1], in[2], act);
            save(in[0], in[1], in[2], act == Act.NONE ? null : y);
            return new Tensor[] {y};
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            Tensor x = saved(0);
            Tensor w = saved(1);
            Tensor b = saved(2);
            Tensor gp;
            if (valuesOnly()) {
                gp = FusedKernels.activationGrad(g[0], act == Act.NONE ? g[0] : saved(3), act);
                return new Tensor[] {
                    needsInputGrad(0) ? Gemm.matmul(gp, w) : null,
                    needsInputGrad(1) ? Gemm.matmul(gp.mT(), x) : null,
                    b != null && needsInputGrad(2) ? gp.sum(0) : null};
            }
            Tensor pre = x.matmul(w.mT());
            if (b != null) {
                pre = pre.add(b);
            }
            gp = activationTimes(g[0], pre, activation(pre, act), act);
            return new Tensor[] {
                needsInputGrad(0) ? gp.matmul(w) : null,
                needsInputGrad(1) ? gp.mT().matmul(x) : null,
                b != null && needsInputGrad(2) ? gp.sum(0) : null};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            Tensor x = saved(0);
            Tensor w = saved(1);
            Tensor b = saved(2);
            Tensor tp = null;
            if (t[0] != null) {
                tp = t[0].matmul(w.mT());
            }
            if (t[1] != null) {
                Tensor part = x.matmul(t[1].mT());
                tp = tp == null ? part : tp.add(part);
            }
            if (t[2] != null) {
                tp = tp == null ? t[2].expand(x.shape()[0], w.shape()[0]) : tp.add(t[2]);
            }
            if (tp == null || act == Act.NONE) {
                return new Tensor[] {tp};
            }
            Tensor pre = x.matmul(w.mT());
            if (b != null) {
                pre = pre.add(b);
            }
            return new Tensor[] {activationTimes(tp, pre, activation(pre, act), act)};
        }
    }

    // ---------------------------------------------------------------- cross-entropy

    /** Per-row cross-entropy of {@code logits: (n, c)} against int labels {@code (n)}. */
    public static Tensor crossEntropy(Tensor logits, Tensor labels, double labelSmoothing, long ignoreIndex) {
        return Dispatch.apply1(new CrossEntropy(labelSmoothing, ignoreIndex), logits, labels);
    }

    static final class CrossEntropy extends Op {
        private final double eps;
        private final long ignore;

        CrossEntropy(double eps, long ignore) {
            this.eps = eps;
            this.ignore = ignore;
        }

        @Override
        public String name() {
            return "crossEntropy";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            Tensor[] r = FusedKernels.crossEntropy(in[0], in[1], eps, ignore);
            save(in[0], in[1], r[1]);
            return new Tensor[] {r[0]};
        }

        /** {@code softmax(x) - target} with ignored rows zeroed, differentiably. */
        private Tensor residual(Tensor x, Tensor labels) {
            int c = x.shape()[1];
            Tensor valid = labels.ne(ignore);
            Tensor safe = Tensor.where(valid, labels, Tensor.zerosLike(labels));
            Tensor target = safe.oneHot(c).to(x.dtype()).mul(1 - eps).add(eps / c);
            return x.softmax(1).sub(target).mul(valid.unsqueeze(1).to(x.dtype()));
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            if (!needsInputGrad(0)) {
                return new Tensor[] {null, null};
            }
            if (valuesOnly()) {
                return new Tensor[] {FusedKernels.crossEntropyGrad(saved(0), saved(1), saved(2), g[0], eps, ignore), null};
            }
            return new Tensor[] {residual(saved(0), saved(1)).mul(g[0].unsqueeze(1)), null};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            if (t[0] == null) {
                return new Tensor[] {null};
            }
            return new Tensor[] {residual(saved(0), saved(1)).mul(t[0]).sum(1)};
        }
    }

    // ---------------------------------------------------------------- layer norm

    /** Layer normalization of the rows of {@code x: (rows, d)} with optional weight and bias {@code (d)}. */
    public static Tensor layerNorm(Tensor x, Tensor weight, Tensor bias, double eps) {
        return Dispatch.apply1(new LayerNorm(eps), x, weight, bias);
    }

    static final class LayerNorm extends Op {
        private final double eps;

        LayerNorm(double eps) {
            this.eps = eps;
        }

        @Override
        public String name() {
            return "layerNorm";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            Tensor[] r = FusedKernels.layerNorm(in[0], in[1], in[2], eps);
            save(in[0], in[1], in[2], r[1], r[2]);
            return new Tensor[] {r[0]};
        }

        /** {@code {xhat, rstd}} recomputed differentiably from x. */
        private Tensor[] normalized(Tensor x) {
            Tensor xc = x.sub(x.mean(1, true));
            Tensor rstd = xc.square().mean(1, true).add(eps).rsqrt();
            return new Tensor[] {xc.mul(rstd), rstd};
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            Tensor x = saved(0);
            Tensor w = saved(1);
            Tensor b = saved(2);
            if (valuesOnly()) {
                Tensor[] r = FusedKernels.layerNormGrad(x, w, b != null, saved(3), saved(4), g[0]);
                return new Tensor[] {
                    needsInputGrad(0) ? r[0] : null,
                    w != null && needsInputGrad(1) ? r[1] : null,
                    b != null && needsInputGrad(2) ? r[2] : null};
            }
            Tensor[] n = normalized(x);
            Tensor xhat = n[0];
            Tensor gw = w == null ? g[0] : g[0].mul(w);
            Tensor dx = needsInputGrad(0)
                    ? gw.sub(gw.mean(1, true)).sub(xhat.mul(gw.mul(xhat).mean(1, true))).mul(n[1]) : null;
            return new Tensor[] {
                dx,
                w != null && needsInputGrad(1) ? g[0].mul(xhat).sum(0) : null,
                b != null && needsInputGrad(2) ? g[0].sum(0) : null};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            Tensor x = saved(0);
            Tensor w = saved(1);
            Tensor[] n = normalized(x);
            Tensor xhat = n[0];
            Tensor out = null;
            if (t[0] != null) {
                Tensor tx = t[0];
                Tensor th = tx.sub(tx.mean(1, true)).sub(xhat.mul(xhat.mul(tx).mean(1, true))).mul(n[1]);
                out = w == null ? th : th.mul(w);
            }
            if (t[1] != null) {
                Tensor part = xhat.mul(t[1]);
                out = out == null ? part : out.add(part);
            }
            if (t[2] != null) {
                out = out == null ? t[2].expand(x.shape()) : out.add(t[2]);
            }
            return new Tensor[] {out};
        }
    }

    // ---------------------------------------------------------------- attention

    /**
     * {@code softmax(q k^T * scale + mask) v} for {@code q: (..., lq, d)}, {@code k: (..., lk, d)},
     * {@code v: (..., lk, dv)} with equal batch dimensions and an additive {@code mask} of shape
     * {@code (..., lq, lk)} (or null).
     */
    public static Tensor attention(Tensor q, Tensor k, Tensor v, Tensor mask, double scale) {
        return Dispatch.apply1(new Attention(scale), q, k, v, mask);
    }

    static final class Attention extends Op {
        private final double scale;

        Attention(double scale) {
            this.scale = scale;
        }

        @Override
        public String name() {
            return "attention";
        }

        @Override
        public Tensor[] forward(Tensor[] in) {
            Tensor p = Gemm.matmul(in[0], in[1].mT());
            FusedKernels.scaleMaskSoftmax(p, scale, in[3] == null ? null : in[3].contiguous());
            save(in[0], in[1], in[2], in[3], p);
            return new Tensor[] {Gemm.matmul(p, in[2])};
        }

        /** The attention probabilities recomputed differentiably (fully masked rows are zero). */
        private Tensor probabilities(Tensor q, Tensor k, Tensor mask) {
            Tensor s = q.matmul(k.mT()).mul(scale);
            if (mask == null) {
                return s.softmax(-1);
            }
            s = s.add(mask);
            Tensor dead = s.eq(Double.NEGATIVE_INFINITY).all(-1, true);
            Tensor p = Tensor.where(dead, Tensor.zerosLike(s), s).softmax(-1);
            return p.mul(dead.logicalNot().to(p.dtype()));
        }

        @Override
        public Tensor[] vjp(Tensor[] g) {
            Tensor q = saved(0);
            Tensor k = saved(1);
            Tensor v = saved(2);
            Tensor mask = saved(3);
            Tensor go = g[0];
            if (valuesOnly()) {
                Tensor p = saved(4);
                Tensor dv = needsInputGrad(2) ? Gemm.matmul(p.mT(), go) : null;
                Tensor ds = Gemm.matmul(go, v.mT());
                FusedKernels.softmaxBackwardInPlace(ds, p);
                Tensor dm = mask != null && needsInputGrad(3) ? ds.sumToShape(mask.shape()) : null;
                Tensor dq = needsInputGrad(0) ? Gemm.matmul(ds, k).mul(scale) : null;
                Tensor dk = needsInputGrad(1) ? Gemm.matmul(ds.mT(), q).mul(scale) : null;
                return new Tensor[] {dq, dk, dv, dm};
            }
            Tensor p = probabilities(q, k, mask);
            Tensor dp = go.matmul(v.mT());
            Tensor ds = p.mul(dp.sub(dp.mul(p).sum(-1, true)));
            return new Tensor[] {
                needsInputGrad(0) ? ds.matmul(k).mul(scale) : null,
                needsInputGrad(1) ? ds.mT().matmul(q).mul(scale) : null,
                needsInputGrad(2) ? p.mT().matmul(go) : null,
                mask != null && needsInputGrad(3) ? ds.sumToShape(mask.shape()) : null};
        }

        @Override
        public Tensor[] jvp(Tensor[] t) {
            Tensor q = saved(0);
            Tensor k = saved(1);
            Tensor v = saved(2);
            Tensor mask = saved(3);
            Tensor p = probabilities(q, k, mask);
            Tensor ts = null;
            if (t[0] != null) {
                ts = t[0].matmul(k.mT()).mul(scale);
            }
            if (t[1] != null) {
                Tensor part = q.matmul(t[1].mT()).mul(scale);
                ts = ts == null ? part : ts.add(part);
            }
            if (t[3] != null) {
                ts = ts == null ? t[3].expand(p.shape()) : ts.add(t[3]);
            }
            Tensor out = null;
            if (ts != null) {
                Tensor tp = p.mul(ts.sub(p.mul(ts).sum(-1, true)));
                out = tp.matmul(v);
            }
            if (t[2] != null) {
                Tensor part = p.matmul(t[2]);
                out = out == null ? part : out.add(part);
            }
            return new Tensor[] {out};
        }
    }
}
