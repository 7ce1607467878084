package dev.hadron.ml.internal.math;

/**
 * Limited-memory BFGS minimization (Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed.,
 * algorithm 7.4) in three flavours sharing one two-loop recursion:
 * <ul>
 *   <li>smooth and unconstrained, with a strong-Wolfe line search (algorithms 3.5 and 3.6);</li>
 *   <li>with box bounds, by a projected search on the free variables (variables held at a bound by
 *       their gradient are frozen for the step), for the log-space hyperparameters of Gaussian
 *       processes as scikit-learn's L-BFGS-B handles them;</li>
 *   <li>with an L1 term {@code sum_i l1[i] |x_i|}, by OWL-QN (Andrew and Gao, ICML 2007): the
 *       pseudo-gradient, a direction kept in the orthant of steepest descent and a line search that
 *       projects onto that orthant, so coordinates reach exact zeros.</li>
 * </ul>
 * Convergence: the largest component of the (projected or pseudo-) gradient is at most
 * {@code gradientTolerance}, or the relative decrease of the objective in one iteration is at most
 * {@code functionTolerance}.
 */
public final class Lbfgs {
    private Lbfgs() {
    }

    /** A differentiable objective: returns f(x) and writes its gradient into {@code grad}. */
    @FunctionalInterface
    public interface Objective {
        double evaluate(double[] x, double[] grad);
    }

    /**
     * Stopping rules.
     *
     * @param memory number of correction pairs kept
     * @param maxIterations iteration limit
     * @param gradientTolerance stop when the largest (projected) gradient component is at most this
     * @param functionTolerance stop when {@code (f_old - f_new) / max(|f_old|, |f_new|, 1)} is at most this
     */
    public record Settings(int memory, int maxIterations, double gradientTolerance, double functionTolerance) {
        /** Memory 10, 15000 iterations, gradient 1e-5, relative function change 2.2e-9 (SciPy's L-BFGS-B defaults). */
        public static Settings scipyDefaults() {
            return new Settings(10, 15000, 1e-5, 2.220446049250313e-09);
        }
    }

    /** The minimizer found. */
    public record Result(double[] x, double value, int iterations, boolean converged) {
    }

    /** Minimizes a smooth function without constraints. */
    public static Result minimize(Objective f, double[] x0, Settings s) {
        return run(f, x0, null, null, null, s);
    }

    /** Minimizes a smooth function within {@code lower <= x <= upper} (component-wise; infinities allowed). */
    public static Result minimize(Objective f, double[] x0, double[] lower, double[] upper, Settings s) {
        return run(f, x0, lower, upper, null, s);
    }

    /** Minimizes {@code f(x) + sum_i l1[i] |x_i|} with f smooth (OWL-QN); {@code l1[i] = 0} leaves x_i unpenalized. */
    public static Result minimizeL1(Objective f, double[] x0, double[] l1, Settings s) {
        return run(f, x0, null, null, l1, s);
    }

    private static Result run(Objective f, double[] x0, double[] lower, double[] upper, double[] l1, Settings s) {
        int n = x0.length;
        boolean bounded = lower != null;
        double[] x = x0.clone();
        if (bounded) {
            project(x, lower, upper);
        }
        double[] g = new double[n];
        double fx = f.evaluate(x, g) + l1Term(l1, x);
        if (!Double.isFinite(fx)) {
            throw new ArithmeticException("L-BFGS: the objective is " + fx + " at the starting point");
        }
        double[] pg = new double[n];
        int m = s.memory();
        double[][] sHist = new double[m][n];
        double[][] yHist = new double[m][n];
        double[] rho = new double[m];
        double[] alpha = new double[m];
        int stored = 0;
        int head = 0;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int iter = 1; iter <= s.maxIterations(); iter++) {
            effectiveGradient(x, g, lower, upper, l1, pg);
            if (maxAbs(pg) <= s.gradientTolerance()) {
                return new Result(x, fx, iter - 1, true);
            }
            // two-loop recursion on the effective gradient
            for (int i = 0; i < n; i++) {
                d[i] = -pg[i];
            }
            for (int k = 0; k < stored; k++) {
                int idx = Math.floorMod(head - 1 - k, m);
                alpha[idx] = rho[idx] * dot(sHist[idx], d);
                axpy(-alpha[idx], yHist[idx], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, m);
                double gamma = dot(sHist[last], yHist[last]) / dot(yHist[last], yHist[last]);
                scale(d, gamma);
            }
            for (int k = stored - 1; k >= 0; k--) {
                int idx = Math.floorMod(head - 1 - k, m);
                double beta = rho[idx] * dot(yHist[idx], d);
                axpy(alpha[idx] - beta, sHist[idx], d);
            }
            if (bounded) {
                for (int i = 0; i < n; i++) {
                    if (pg[i] == 0 && g[i] != 0) {
                        d[i] = 0; // held at a bound
                    }
                }
            }
            if (l1 != null) {
                for (int i = 0; i < n; i++) {
                    if (d[i] * pg[i] >= 0) {
                        d[i] = 0; // stay in the orthant of steepest descent
                    }
                }
            }
            double slope = dot(pg, d);
            if (!(slope < 0)) {
                // not a descent direction: forget the curvature pairs and take steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = -pg[i];
                }
                slope = dot(pg, d);
            }
            double step = stored == 0 && iter == 1 ? Math.min(1, 1 / Math.max(1e-300, norm(pg))) : 1;
            double fNew;
            if (bounded || l1 != null) {
                fNew = projectedSearch(f, x, fx, pg, d, step, lower, upper, l1, xNew, gNew);
            } else {
                fNew = wolfeSearch(f, x, fx, g, d, slope, step, xNew, gNew);
            }
            if (Double.isNaN(fNew)) {
                // the line search found no decrease: converged as far as floating point allows
                return new Result(x, fx, iter, maxAbs(pg) <= Math.sqrt(s.gradientTolerance()));
            }
            double[] sv = sHist[head];
            double[] yv = yHist[head];
            for (int i = 0; i < n; i++) {
                sv[i] = xNew[i] - x[i];
                yv[i] = gNew[i] - g[i];
            }
            double sy = dot(sv, yv);
            if (sy > 1e-10 * dot(yv, yv)) {
                rho[head] = 1 / sy;
                head = (head + 1) % m;
                stored = Math.min(stored + 1, m);
            }
            double change = (fx - fNew) / Math.max(Math.max(Math.abs(fx), Math.abs(fNew)), 1);
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (change <= s.functionTolerance()) {
                return new Result(x, fx, iter, true);
            }
        }
        return new Result(x, fx, s.maxIterations(), false);
    }

    // ------------------------------------------------------------------ line searches

    /**
     * Strong-Wolfe line search (c1 = 1e-4, c2 = 0.9). Returns the new value with {@code xNew}, {@code gNew}
     * filled, or NaN when no step decreases the objective.
     */
    private static double wolfeSearch(Objective f, double[] x, double fx, double[] g, double[] d, double slope0,
                                      double step0, double[] xNew, double[] gNew) {
        final double c1 = 1e-4;
        final double c2 = 0.9;
        double prevStep = 0;
        double prevF = fx;
        double prevSlope = slope0;
        double step = step0;
        for (int i = 0; i < 40; i++) {
            double fs = evalAt(f, x, d, step, xNew, gNew);
            double slope = dot(gNew, d);
            if (!Double.isFinite(fs) || fs > fx + c1 * step * slope0 || (i > 0 && fs >= prevF)) {
                return zoom(f, x, fx, d, slope0, prevStep, prevF, prevSlope, step, fs, slope, xNew, gNew);
            }
            if (Math.abs(slope) <= -c2 * slope0) {
                return fs;
            }
            if (slope >= 0) {
                return zoom(f, x, fx, d, slope0, step, fs, slope, prevStep, prevF, prevSlope, xNew, gNew);
            }
            prevStep = step;
            prevF = fs;
            prevSlope = slope;
            step *= 2;
        }
        return prevStep > 0 ? evalAt(f, x, d, prevStep, xNew, gNew) : Double.NaN;
    }

    private static double zoom(Objective f, double[] x, double fx, double[] d, double slope0, double lo, double fLo,
                               double slopeLo, double hi, double fHi, double slopeHi, double[] xNew, double[] gNew) {
        final double c1 = 1e-4;
        final double c2 = 0.9;
        double bestStep = lo;
        double bestF = fLo;
        for (int i = 0; i < 60; i++) {
            double step = interpolate(lo, fLo, slopeLo, hi, fHi, slopeHi);
            double fs = evalAt(f, x, d, step, xNew, gNew);
            double slope = dot(gNew, d);
            if (!Double.isFinite(fs) || fs > fx + c1 * step * slope0 || fs >= fLo) {
                hi = step;
                fHi = fs;
                slopeHi = slope;
            } else {
                if (Math.abs(slope) <= -c2 * slope0) {
                    return fs;
                }
                if (slope * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    slopeHi = slopeLo;
                }
                lo = step;
                fLo = fs;
                slopeLo = slope;
                bestStep = lo;
                bestF = fLo;
            }
            if (Math.abs(hi - lo) <= 1e-16 * Math.max(1, Math.abs(lo))) {
                break;
            }
        }
        if (bestStep > 0 && bestF < fx) {
            return evalAt(f, x, d, bestStep, xNew, gNew);
        }
        return Double.NaN;
    }

    /** Minimizer of the cubic through both ends, kept safely inside the interval (else bisection). */
    private static double interpolate(double a, double fa, double ga, double b, double fb, double gb) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        double mid = 0.5 * (a + b);
        if (!Double.isFinite(fa) || !Double.isFinite(fb) || !Double.isFinite(ga) || !Double.isFinite(gb)) {
            return mid;
        }
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - ga * gb;
        if (disc < 0) {
            return mid;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        double t = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
        double margin = 0.1 * (hi - lo);
        if (!Double.isFinite(t) || t < lo + margin || t > hi - margin) {
            return mid;
        }
        return t;
    }

    private static double evalAt(Objective f, double[] x, double[] d, double step, double[] xNew, double[] gNew) {
        for (int i = 0; i < x.length; i++) {
            xNew[i] = x[i] + step * d[i];
        }
        return f.evaluate(xNew, gNew);
    }

    /**
     * Backtracking search along {@code d}, projecting each trial point onto the box or the orthant;
     * Armijo condition on the actual displacement. Returns NaN when no trial point decreases the objective.
     */
    private static double projectedSearch(Objective f, double[] x, double fx, double[] pg, double[] d, double step,
                                          double[] lower, double[] upper, double[] l1, double[] xNew, double[] gNew) {
        int n = x.length;
        double[] orthant = null;
        if (l1 != null) {
            orthant = new double[n];
            for (int i = 0; i < n; i++) {
                orthant[i] = x[i] != 0 ? Math.signum(x[i]) : -Math.signum(pg[i]);
            }
        }
        for (int trial = 0; trial < 60; trial++) {
            for (int i = 0; i < n; i++) {
                xNew[i] = x[i] + step * d[i];
            }
            if (lower != null) {
                project(xNew, lower, upper);
            }
            if (orthant != null) {
                for (int i = 0; i < n; i++) {
                    if (l1[i] != 0 && xNew[i] * orthant[i] <= 0) {
                        xNew[i] = 0;
                    }
                }
            }
            double fs = f.evaluate(xNew, gNew) + l1Term(l1, xNew);
            double decrease = 0;
            for (int i = 0; i < n; i++) {
                decrease += pg[i] * (xNew[i] - x[i]);
            }
            if (Double.isFinite(fs) && fs <= fx + 1e-4 * decrease) {
                return fs;
            }
            step *= 0.5;
        }
        return Double.NaN;
    }

    // ------------------------------------------------------------------ helpers

    private static void effectiveGradient(double[] x, double[] g, double[] lower, double[] upper, double[] l1,
                                          double[] pg) {
        int n = x.length;
        if (lower != null) {
            for (int i = 0; i < n; i++) {
                boolean atLower = x[i] <= lower[i] && g[i] > 0;
                boolean atUpper = x[i] >= upper[i] && g[i] < 0;
                pg[i] = atLower || atUpper ? 0 : g[i];
            }
        } else if (l1 != null) {
            for (int i = 0; i < n; i++) {
                double c = l1[i];
                if (x[i] > 0) {
                    pg[i] = g[i] + c;
                } else if (x[i] < 0) {
                    pg[i] = g[i] - c;
                } else if (g[i] + c < 0) {
                    pg[i] = g[i] + c;
                } else if (g[i] - c > 0) {
                    pg[i] = g[i] - c;
                } else {
                    pg[i] = 0;
                }
            }
        } else {
            System.arraycopy(g, 0, pg, 0, n);
        }
    }

    private static double l1Term(double[] l1, double[] x) {
        if (l1 == null) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += l1[i] * Math.abs(x[i]);
        }
        return s;
    }

    private static void project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
