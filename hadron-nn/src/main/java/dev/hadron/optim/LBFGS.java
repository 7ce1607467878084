package dev.hadron.optim;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Limited-memory BFGS for small full-batch problems (fits of a few thousand parameters), with the
 * algorithm and defaults of {@code torch.optim.LBFGS}: each {@link #step(Supplier)} runs up to
 * {@code maxIter} quasi-Newton iterations, re-evaluating the closure, with either a fixed step
 * ({@code lr}, PyTorch's default) or a strong-Wolfe line search. The closure clears the gradients,
 * computes the loss, calls {@code backward()} and returns the loss:
 *
 * <pre>{@code
 * LBFGS opt = new LBFGS(model.parameters(), 1.0, LBFGS.Options.defaults().withStrongWolfe(true));
 * for (int i = 0; i < 10; i++) {
 *     opt.step(() -> {
 *         opt.zeroGrad();
 *         Tensor loss = Losses.mse(model.forward(x), y);
 *         loss.backward();
 *         return loss;
 *     });
 * }
 * }</pre>
 *
 * The curvature history is kept in float64 and is part of the state dict.
 */
public final class LBFGS extends Optimizer {
    private final Options options;
    private final List<Tensor> params;
    private final int size;
    // persistent state
    private double[] d;
    private double t;
    private final List<double[]> oldDirs = new ArrayList<>();
    private final List<double[]> oldStps = new ArrayList<>();
    private final List<Double> ro = new ArrayList<>();
    private double hDiag = 1;
    private double[] prevFlatGrad;
    private double prevLoss;
    private long nIter;
    private long funcEvals;

    /**
     * L-BFGS settings besides the learning rate.
     *
     * @param maxIter iterations per {@code step}, > 0
     * @param maxEval closure evaluations per {@code step}, > 0 (PyTorch's default maxIter * 5 / 4)
     * @param toleranceGrad stop when the largest gradient component is at most this
     * @param toleranceChange stop when the step or the loss change is below this
     * @param historySize number of curvature pairs kept, > 0
     * @param strongWolfe use a strong-Wolfe line search instead of a fixed step
     */
    public record Options(int maxIter, int maxEval, double toleranceGrad, double toleranceChange, int historySize,
                          boolean strongWolfe) {
        public Options {
            if (maxIter <= 0 || maxEval <= 0 || historySize <= 0) {
                throw new IllegalArgumentException("LBFGS: maxIter, maxEval and historySize must be positive, got "
                        + maxIter + ", " + maxEval + ", " + historySize);
            }
            if (!(toleranceGrad >= 0) || !(toleranceChange >= 0)) {
                throw new IllegalArgumentException("LBFGS: tolerances must be >= 0, got " + toleranceGrad + ", "
                        + toleranceChange);
            }
        }

        /** PyTorch's defaults: 20 iterations, 25 evaluations, tolerances 1e-7 / 1e-9, history 100, no line search. */
        public static Options defaults() {
            return new Options(20, 25, 1e-7, 1e-9, 100, false);
        }

        /** A copy with {@code n} iterations per step (and PyTorch's matching default evaluations, n * 5 / 4). */
        public Options withMaxIter(int n) {
            return new Options(n, n * 5 / 4, toleranceGrad, toleranceChange, historySize, strongWolfe);
        }

        public Options withMaxEval(int n) {
            return new Options(maxIter, n, toleranceGrad, toleranceChange, historySize, strongWolfe);
        }

        public Options withToleranceGrad(double v) {
            return new Options(maxIter, maxEval, v, toleranceChange, historySize, strongWolfe);
        }

        public Options withToleranceChange(double v) {
            return new Options(maxIter, maxEval, toleranceGrad, v, historySize, strongWolfe);
        }

        public Options withHistorySize(int n) {
            return new Options(maxIter, maxEval, toleranceGrad, toleranceChange, n, strongWolfe);
        }

        public Options withStrongWolfe(boolean b) {
            return new Options(maxIter, maxEval, toleranceGrad, toleranceChange, historySize, b);
        }
    }

    /** L-BFGS with PyTorch's defaults and learning rate {@code lr} (PyTorch's default 1). */
    public LBFGS(List<Tensor> params, double lr) {
        this(params, lr, Options.defaults());
    }

    /** L-BFGS with the given settings. */
    public LBFGS(List<Tensor> params, double lr, Options options) {
        super("LBFGS", single(params), lr, 0);
        this.options = options;
        this.params = List.copyOf(params);
        int n = 0;
        for (Tensor p : params) {
            n += p.numel();
        }
        this.size = n;
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    /** Fails: L-BFGS re-evaluates the loss and needs {@link #step(Supplier)}. */
    @Override
    public void step() {
        throw new IllegalStateException("LBFGS needs a closure that recomputes the loss: call step(() -> { zeroGrad();"
                + " loss = ...; loss.backward(); return loss; })");
    }

    private double[] flatGrad() {
        double[] g = new double[size];
        int off = 0;
        for (Tensor p : params) {
            Tensor gr = p.grad();
            if (gr != null) {
                double[] v = gr.toDoubleArray();
                System.arraycopy(v, 0, g, off, v.length);
            }
            off += p.numel();
        }
        return g;
    }

    private double[] flatParams() {
        double[] x = new double[size];
        int off = 0;
        for (Tensor p : params) {
            double[] v = p.toDoubleArray();
            System.arraycopy(v, 0, x, off, v.length);
            off += v.length;
        }
        return x;
    }

    private void setParams(double[] x) {
        int off = 0;
        try (var s = Autodiff.noGrad()) {
            for (Tensor p : params) {
                int n = p.numel();
                double[] v = new double[n];
                System.arraycopy(x, off, v, 0, n);
                p.copyFrom(Tensor.wrap(v, p.shape()));
                off += n;
            }
        }
    }

    private void addToParams(double step, double[] dir) {
        double[] x = flatParams();
        for (int i = 0; i < size; i++) {
            x[i] += step * dir[i];
        }
        setParams(x);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double evaluate(Supplier<Tensor> closure) {
        Tensor loss;
        try (var s = Autodiff.enableGrad()) {
            loss = closure.get();
        }
        if (loss == null || loss.numel() != 1) {
            throw new IllegalArgumentException("LBFGS: the closure must return the one-element loss");
        }
        return loss.item();
    }

    /**
     * Runs up to {@code maxIter} iterations, calling {@code closure} to re-evaluate the loss and gradients.
     *
     * @return the loss at the start of the step
     */
    public double step(Supplier<Tensor> closure) {
        double lr = paramGroups().get(0).lr();
        double origLoss = evaluate(closure);
        double loss = origLoss;
        int currentEvals = 1;
        funcEvals++;
        double[] flatGrad = flatGrad();
        boolean optCond = maxAbs(flatGrad) <= options.toleranceGrad();
        if (optCond) {
            return origLoss;
        }
        int n = 0;
        while (n < options.maxIter()) {
            n++;
            nIter++;
            if (nIter == 1) {
                d = negate(flatGrad);
                oldDirs.clear();
                oldStps.clear();
                ro.clear();
                hDiag = 1;
            } else {
                double[] y = new double[size];
                double[] s = new double[size];
                for (int i = 0; i < size; i++) {
                    y[i] = flatGrad[i] - prevFlatGrad[i];
                    s[i] = d[i] * t;
                }
                double ys = dot(y, s);
                if (ys > 1e-10) {
                    if (oldDirs.size() == options.historySize()) {
                        oldDirs.remove(0);
                        oldStps.remove(0);
                        ro.remove(0);
                    }
                    oldDirs.add(y);
                    oldStps.add(s);
                    ro.add(1.0 / ys);
                    hDiag = ys / dot(y, y);
                }
                int k = oldDirs.size();
                double[] al = new double[k];
                double[] q = negate(flatGrad);
                for (int i = k - 1; i >= 0; i--) {
                    al[i] = dot(oldStps.get(i), q) * ro.get(i);
                    axpy(-al[i], oldDirs.get(i), q);
                }
                double[] r = q;
                for (int i = 0; i < size; i++) {
                    r[i] *= hDiag;
                }
                for (int i = 0; i < k; i++) {
                    double be = dot(oldDirs.get(i), r) * ro.get(i);
                    axpy(al[i] - be, oldStps.get(i), r);
                }
                d = r;
            }
            prevFlatGrad = flatGrad.clone();
            prevLoss = loss;
            t = nIter == 1 ? Math.min(1.0, 1.0 / sumAbs(flatGrad)) * lr : lr;
            double gtd = dot(flatGrad, d);
            if (gtd > -options.toleranceChange()) {
                break;
            }
            int lsEvals = 0;
            if (options.strongWolfe()) {
                double[] x0 = flatParams();
                double[] dir = d;
                StrongWolfe.Result ls = StrongWolfe.search(step -> {
                    addToParamsFrom(x0, step, dir);
                    double f = evaluate(closure);
                    return new StrongWolfe.Eval(f, flatGrad());
                }, t, d, loss, flatGrad, gtd, options.toleranceChange(), 25);
                loss = ls.f();
                flatGrad = ls.g();
                t = ls.t();
                lsEvals = ls.evals();
                addToParamsFrom(x0, t, d);
                optCond = maxAbs(flatGrad) <= options.toleranceGrad();
            } else {
                addToParams(t, d);
                if (n != options.maxIter()) {
                    loss = evaluate(closure);
                    flatGrad = flatGrad();
                    optCond = maxAbs(flatGrad) <= options.toleranceGrad();
                    lsEvals = 1;
                }
            }
            currentEvals += lsEvals;
            funcEvals += lsEvals;
            if (n == options.maxIter() || currentEvals >= options.maxEval() || optCond) {
                break;
            }
            if (maxAbs(d) * Math.abs(t) <= options.toleranceChange()) {
                break;
            }
            if (Math.abs(loss - prevLoss) < options.toleranceChange()) {
                break;
            }
        }
        stateOf(params.get(0)).step = nIter;
        return origLoss;
    }

    private void addToParamsFrom(double[] x0, double step, double[] dir) {
        double[] x = x0.clone();
        for (int i = 0; i < size; i++) {
            x[i] += step * dir[i];
        }
        setParams(x);
    }

    private static double[] negate(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = -a[i];
        }
        return r;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double sumAbs(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    // ------------------------------------------------------------------ state

    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = super.stateDict();
        out.put("state.0.n_iter", Tensor.scalar(DType.INT64, nIter));
        out.put("state.0.func_evals", Tensor.scalar(DType.INT64, funcEvals));
        out.put("state.0.t", Tensor.scalar(DType.FLOAT64, t));
        out.put("state.0.H_diag", Tensor.scalar(DType.FLOAT64, hDiag));
        out.put("state.0.prev_loss", Tensor.scalar(DType.FLOAT64, prevLoss));
        if (d != null) {
            out.put("state.0.d", Tensor.of(d, size));
        }
        if (prevFlatGrad != null) {
            out.put("state.0.prev_flat_grad", Tensor.of(prevFlatGrad, size));
        }
        int k = oldDirs.size();
        double[] dirs = new double[k * size];
        double[] stps = new double[k * size];
        double[] ros = new double[k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(oldDirs.get(i), 0, dirs, i * size, size);
            System.arraycopy(oldStps.get(i), 0, stps, i * size, size);
            ros[i] = ro.get(i);
        }
        out.put("state.0.old_dirs", Tensor.of(dirs, k, size));
        out.put("state.0.old_stps", Tensor.of(stps, k, size));
        out.put("state.0.ro", Tensor.of(ros, k));
        if (!out.containsKey("state.0.step")) {
            out.put("state.0.step", Tensor.scalar(DType.INT64, nIter));
        }
        return out;
    }

    @Override
    public void loadStateDict(Map<String, Tensor> saved) {
        Tensor dirs = saved.get("state.0.old_dirs");
        Tensor stps = saved.get("state.0.old_stps");
        Tensor ros = saved.get("state.0.ro");
        if (dirs == null || stps == null || ros == null) {
            throw new IllegalArgumentException("LBFGS.loadStateDict: the state has no curvature history"
                    + " (state.0.old_dirs / old_stps / ro); was it saved by another optimizer?");
        }
        if (dirs.dim() != 2 || dirs.size(1) != size || !java.util.Arrays.equals(dirs.shape(), stps.shape())
                || ros.numel() != dirs.size(0)) {
            throw new IllegalArgumentException("LBFGS.loadStateDict: the curvature history has shape "
                    + dev.hadron.tensor.Shape.toString(dirs.shape()) + " but the parameters have " + size + " elements");
        }
        super.loadStateDict(saved);
        stateOf(params.get(0)).buffers.clear();
        nIter = (long) saved.get("state.0.n_iter").item();
        funcEvals = (long) saved.get("state.0.func_evals").item();
        t = saved.get("state.0.t").item();
        hDiag = saved.get("state.0.H_diag").item();
        prevLoss = saved.get("state.0.prev_loss").item();
        d = saved.containsKey("state.0.d") ? saved.get("state.0.d").toDoubleArray() : null;
        prevFlatGrad = saved.containsKey("state.0.prev_flat_grad") ? saved.get("state.0.prev_flat_grad").toDoubleArray()
                : null;
        oldDirs.clear();
        oldStps.clear();
        ro.clear();
        double[] dv = dirs.toDoubleArray();
        double[] sv = stps.toDoubleArray();
        double[] rv = ros.toDoubleArray();
        for (int i = 0; i < rv.length; i++) {
            oldDirs.add(java.util.Arrays.copyOfRange(dv, i * size, (i + 1) * size));
            oldStps.add(java.util.Arrays.copyOfRange(sv, i * size, (i + 1) * size));
            ro.add(rv[i]);
        }
    }

    @Override
    protected boolean checkStateShape(String key, Tensor saved, Tensor param) {
        return true;
    }

    @Override
    protected DType stateDtype(String key, Tensor param) {
        return DType.FLOAT64;
    }
}
