package dev.hadron.optim;

/**
 * A line search satisfying the strong Wolfe conditions (Nocedal and Wright, Numerical Optimization,
 * algorithms 3.5 and 3.6): bracketing with safeguarded cubic interpolation, then zooming. Used by
 * {@link LBFGS} with the constants PyTorch uses (c1 = 1e-4, c2 = 0.9).
 */
final class StrongWolfe {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    private StrongWolfe() {
    }

    /** The loss and the flat gradient at a point. */
    record Eval(double f, double[] g) {
    }

    /** The objective along the search direction: the loss and gradient at x0 + t d. */
    @FunctionalInterface
    interface Objective {
        Eval at(double t);
    }

    /** The accepted step, its loss and gradient, and the number of evaluations used. */
    record Result(double t, double f, double[] g, int evals) {
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Minimizer of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to [lo, hi]. */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.min(Math.max(minPos, lo), hi);
        }
        return (lo + hi) / 2;
    }

    static Result search(Objective obj, double t, double[] d, double f, double[] g, double gtd, double tolChange,
                         int maxLs) {
        double dNorm = 0;
        for (double v : d) {
            dNorm = Math.max(dNorm, Math.abs(v));
        }
        Eval e = obj.at(t);
        int evals = 1;
        double fNew = e.f();
        double[] gNew = e.g();
        double gtdNew = dot(gNew, d);
        double tPrev = 0;
        double fPrev = f;
        double[] gPrev = g;
        double gtdPrev = gtd;
        boolean done = false;
        int lsIter = 0;
        double[] bt = null;
        double[] bf = null;
        double[][] bg = null;
        double[] bgtd = null;
        while (lsIter < maxLs) {
            if (fNew > f + C1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
                bt = new double[] {tPrev, t};
                bf = new double[] {fPrev, fNew};
                bg = new double[][] {gPrev, gNew};
                bgtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            if (Math.abs(gtdNew) <= -C2 * gtd) {
                bt = new double[] {t, t};
                bf = new double[] {fNew, fNew};
                bg = new double[][] {gNew, gNew};
                bgtd = new double[] {gtdNew, gtdNew};
                done = true;
                break;
            }
            if (gtdNew >= 0) {
                bt = new double[] {tPrev, t};
                bf = new double[] {fPrev, fNew};
                bg = new double[][] {gPrev, gNew};
                bgtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double tmp = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = tmp;
            fPrev = fNew;
            gPrev = gNew;
            gtdPrev = gtdNew;
            e = obj.at(t);
            evals++;
            fNew = e.f();
            gNew = e.g();
            gtdNew = dot(gNew, d);
            lsIter++;
        }
        if (bt == null) {
            bt = new double[] {0, t};
            bf = new double[] {f, fNew};
            bg = new double[][] {g, gNew};
            bgtd = new double[] {gtd, gtdNew};
        }
        boolean insufficientProgress = false;
        int low = bf[0] <= bf[1] ? 0 : 1;
        int high = 1 - low;
        while (!done && lsIter < maxLs) {
            if (Math.abs(bt[1] - bt[0]) * dNorm < tolChange) {
                break;
            }
            double lo = Math.min(bt[0], bt[1]);
            double hi = Math.max(bt[0], bt[1]);
            t = cubicInterpolate(bt[0], bf[0], bgtd[0], bt[1], bf[1], bgtd[1], lo, hi);
            double eps = 0.1 * (hi - lo);
            if (Math.min(hi - t, t - lo) < eps) {
                if (insufficientProgress || t >= hi || t <= lo) {
                    t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            e = obj.at(t);
            evals++;
            fNew = e.f();
            gNew = e.g();
            gtdNew = dot(gNew, d);
            lsIter++;
            if (fNew > f + C1 * t * gtd || fNew >= bf[low]) {
                bt[high] = t;
                bf[high] = fNew;
                bg[high] = gNew;
                bgtd[high] = gtdNew;
                low = bf[0] <= bf[1] ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(gtdNew) <= -C2 * gtd) {
                    done = true;
                } else if (gtdNew * (bt[high] - bt[low]) >= 0) {
                    bt[high] = bt[low];
                    bf[high] = bf[low];
                    bg[high] = bg[low];
                    bgtd[high] = bgtd[low];
                }
                bt[low] = t;
                bf[low] = fNew;
                bg[low] = gNew;
                bgtd[low] = gtdNew;
            }
        }
        return new Result(bt[low], bf[low], bg[low], evals);
    }
}
