package dev.hadron.ml.gp;

import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Evaluation of {@link Kernel}s on row-major points: kernel matrices, their diagonals, and the
 * derivatives of the matrix with respect to the log of every free hyperparameter (the gradient
 * scikit-learn's {@code eval_gradient=True} returns), all by pattern matching over the sealed records.
 */
final class KernelMath {
    private KernelMath() {
    }

    /** Two sets of points (the second may be the first) with lazily computed pairwise quantities. */
    static final class Points {
        private final double[] x1;
        private final double[] x2;
        private final int n1;
        private final int n2;
        private final int f;
        private final boolean same;
        private double[] squared;
        private double[] dots;

        Points(double[] x1, int n1, double[] x2, int n2, int f, boolean same) {
            this.x1 = x1;
            this.n1 = n1;
            this.x2 = x2;
            this.n2 = n2;
            this.f = f;
            this.same = same;
        }

        /** Points from tensors; {@code x2 == null} means the first set with itself. */
        static Points of(String op, Tensor x1, Tensor x2) {
            if (x1.dim() != 2) {
                throw new IllegalArgumentException(op + ": expected points of shape (events, features), got "
                        + Shape.toString(x1.shape()));
            }
            double[] a = x1.detach().toDoubleArray();
            if (x2 == null) {
                return new Points(a, x1.size(0), a, x1.size(0), x1.size(1), true);
            }
            double[] b = Rows.matrix(op, x2, x1.size(1));
            return new Points(a, x1.size(0), b, x2.size(0), x1.size(1), false);
        }

        int n1() {
            return n1;
        }

        int n2() {
            return n2;
        }

        /** Squared Euclidean distances (n1 x n2). */
        double[] squared() {
            if (squared == null) {
                squared = new double[n1 * n2];
                for (int i = 0; i < n1; i++) {
                    int start = same ? i : 0;
                    for (int j = start; j < n2; j++) {
                        double s = 0;
                        for (int k = 0; k < f; k++) {
                            double d = x1[i * f + k] - x2[j * f + k];
                            s += d * d;
                        }
                        squared[i * n2 + j] = s;
                        if (same) {
                            squared[j * n2 + i] = s;
                        }
                    }
                }
            }
            return squared;
        }

        /** Dot products (n1 x n2). */
        double[] dots() {
            if (dots == null) {
                dots = new double[n1 * n2];
                for (int i = 0; i < n1; i++) {
                    for (int j = 0; j < n2; j++) {
                        double s = 0;
                        for (int k = 0; k < f; k++) {
                            s += x1[i * f + k] * x2[j * f + k];
                        }
                        dots[i * n2 + j] = s;
                    }
                }
            }
            return dots;
        }

        /** Squared norms of the first set's rows. */
        double[] norms() {
            double[] out = new double[n1];
            for (int i = 0; i < n1; i++) {
                double s = 0;
                for (int k = 0; k < f; k++) {
                    s += x1[i * f + k] * x1[i * f + k];
                }
                out[i] = s;
            }
            return out;
        }
    }

    /** Number of free hyperparameters. */
    static int countFree(Kernel k) {
        return switch (k) {
            case Kernel.Constant c -> c.bounds().isFixed() ? 0 : 1;
            case Kernel.White w -> w.bounds().isFixed() ? 0 : 1;
            case Kernel.RBF r -> r.bounds().isFixed() ? 0 : 1;
            case Kernel.Matern m -> m.bounds().isFixed() ? 0 : 1;
            case Kernel.RationalQuadratic q -> (q.lengthScaleBounds().isFixed() ? 0 : 1) + (q.alphaBounds().isFixed() ? 0 : 1);
            case Kernel.DotProduct d -> d.bounds().isFixed() ? 0 : 1;
            case Kernel.Sum s -> countFree(s.k1()) + countFree(s.k2());
            case Kernel.Product p -> countFree(p.k1()) + countFree(p.k2());
            case Kernel.Power p -> countFree(p.kernel());
        };
    }

    /** Appends the names, log values and log bounds of the free hyperparameters. */
    static void collect(Kernel k, String prefix, List<String> names, List<Double> theta, List<double[]> bounds) {
        switch (k) {
            case Kernel.Constant c -> add(prefix + "constant_value", c.value(), c.bounds(), names, theta, bounds);
            case Kernel.White w -> add(prefix + "noise_level", w.noiseLevel(), w.bounds(), names, theta, bounds);
            case Kernel.RBF r -> add(prefix + "length_scale", r.lengthScale(), r.bounds(), names, theta, bounds);
            case Kernel.Matern m -> add(prefix + "length_scale", m.lengthScale(), m.bounds(), names, theta, bounds);
            case Kernel.RationalQuadratic q -> {
                // scikit-learn orders a kernel's hyperparameters by name: alpha before length_scale
                add(prefix + "alpha", q.alpha(), q.alphaBounds(), names, theta, bounds);
                add(prefix + "length_scale", q.lengthScale(), q.lengthScaleBounds(), names, theta, bounds);
            }
            case Kernel.DotProduct d -> add(prefix + "sigma_0", d.sigma0(), d.bounds(), names, theta, bounds);
            case Kernel.Sum s -> {
                collect(s.k1(), prefix + "k1__", names, theta, bounds);
                collect(s.k2(), prefix + "k2__", names, theta, bounds);
            }
            case Kernel.Product p -> {
                collect(p.k1(), prefix + "k1__", names, theta, bounds);
                collect(p.k2(), prefix + "k2__", names, theta, bounds);
            }
            case Kernel.Power p -> collect(p.kernel(), prefix + "kernel__", names, theta, bounds);
        }
    }

    private static void add(String name, double value, Kernel.Bounds b, List<String> names, List<Double> theta,
                            List<double[]> bounds) {
        if (b.isFixed()) {
            return;
        }
        names.add(name);
        theta.add(Math.log(value));
        bounds.add(new double[] {Math.log(b.lower()), Math.log(b.upper())});
    }

    /** The kernel with free hyperparameters taken from {@code theta[pos[0]...]}. */
    static Kernel withTheta(Kernel k, double[] theta, int[] pos) {
        return switch (k) {
            case Kernel.Constant c -> c.bounds().isFixed() ? c : new Kernel.Constant(next(theta, pos), c.bounds());
            case Kernel.White w -> w.bounds().isFixed() ? w : new Kernel.White(next(theta, pos), w.bounds());
            case Kernel.RBF r -> r.bounds().isFixed() ? r : new Kernel.RBF(next(theta, pos), r.bounds());
            case Kernel.Matern m -> m.bounds().isFixed() ? m : new Kernel.Matern(next(theta, pos), m.nu(), m.bounds());
            case Kernel.RationalQuadratic q -> {
                double a = q.alphaBounds().isFixed() ? q.alpha() : next(theta, pos);
                double l = q.lengthScaleBounds().isFixed() ? q.lengthScale() : next(theta, pos);
                yield new Kernel.RationalQuadratic(l, a, q.lengthScaleBounds(), q.alphaBounds());
            }
            case Kernel.DotProduct d -> d.bounds().isFixed() ? d : new Kernel.DotProduct(next(theta, pos), d.bounds());
            case Kernel.Sum s -> {
                Kernel a = withTheta(s.k1(), theta, pos);
                yield new Kernel.Sum(a, withTheta(s.k2(), theta, pos));
            }
            case Kernel.Product p -> {
                Kernel a = withTheta(p.k1(), theta, pos);
                yield new Kernel.Product(a, withTheta(p.k2(), theta, pos));
            }
            case Kernel.Power p -> new Kernel.Power(withTheta(p.kernel(), theta, pos), p.exponent());
        };
    }

    private static double next(double[] theta, int[] pos) {
        double v = Math.exp(theta[pos[0]++]);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("Kernel.withTheta: exp(" + theta[pos[0] - 1]
                    + ") is not a positive finite hyperparameter");
        }
        return v;
    }

    /** The kernel matrix (n1 x n2); with {@code grads} non-null, also dK/dtheta for each free hyperparameter. */
    static double[] eval(Kernel k, Points p, double[][] grads) {
        return eval(k, p, grads, 0);
    }

    private static double[] eval(Kernel k, Points p, double[][] grads, int offset) {
        int size = p.n1 * p.n2;
        switch (k) {
            case Kernel.Constant c -> {
                double[] out = new double[size];
                java.util.Arrays.fill(out, c.value());
                if (grads != null && !c.bounds().isFixed()) {
                    grads[offset] = out.clone();
                }
                return out;
            }
            case Kernel.White w -> {
                double[] out = new double[size];
                if (p.same) {
                    for (int i = 0; i < p.n1; i++) {
                        out[i * p.n2 + i] = w.noiseLevel();
                    }
                }
                if (grads != null && !w.bounds().isFixed()) {
                    grads[offset] = out.clone();
                }
                return out;
            }
            case Kernel.RBF r -> {
                double[] d2 = p.squared();
                double l2 = r.lengthScale() * r.lengthScale();
                double[] out = new double[size];
                double[] g = grads != null && !r.bounds().isFixed() ? new double[size] : null;
                for (int i = 0; i < size; i++) {
                    double s = d2[i] / l2;
                    out[i] = Math.exp(-0.5 * s);
                    if (g != null) {
                        g[i] = out[i] * s;
                    }
                }
                if (g != null) {
                    grads[offset] = g;
                }
                return out;
            }
            case Kernel.Matern m -> {
                double[] d2 = p.squared();
                double[] out = new double[size];
                double[] g = grads != null && !m.bounds().isFixed() ? new double[size] : null;
                double scale = m.nu() == 0.5 ? 1 : Math.sqrt(m.nu() == 1.5 ? 3 : 5);
                for (int i = 0; i < size; i++) {
                    double r = scale * Math.sqrt(d2[i]) / m.lengthScale();
                    double e = Math.exp(-r);
                    if (m.nu() == 0.5) {
                        out[i] = e;
                        if (g != null) {
                            g[i] = r * e;
                        }
                    } else if (m.nu() == 1.5) {
                        out[i] = (1 + r) * e;
                        if (g != null) {
                            g[i] = r * r * e;
                        }
                    } else {
                        out[i] = (1 + r + r * r / 3) * e;
                        if (g != null) {
                            g[i] = r * r / 3 * (1 + r) * e;
                        }
                    }
                }
                if (g != null) {
                    grads[offset] = g;
                }
                return out;
            }
            case Kernel.RationalQuadratic q -> {
                double[] d2 = p.squared();
                double l2 = q.lengthScale() * q.lengthScale();
                double a = q.alpha();
                boolean gl = grads != null && !q.lengthScaleBounds().isFixed();
                boolean ga = grads != null && !q.alphaBounds().isFixed();
                double[] out = new double[size];
                double[] gL = gl ? new double[size] : null;
                double[] gA = ga ? new double[size] : null;
                for (int i = 0; i < size; i++) {
                    double tmp = d2[i] / (2 * a * l2);
                    double base = 1 + tmp;
                    out[i] = Math.pow(base, -a);
                    if (gl) {
                        gL[i] = out[i] * d2[i] / l2 / base;
                    }
                    if (ga) {
                        gA[i] = out[i] * a * (-Math.log(base) + tmp / base);
                    }
                }
                if (ga) {
                    grads[offset] = gA;
                }
                if (gl) {
                    grads[offset + (ga ? 1 : 0)] = gL;
                }
                return out;
            }
            case Kernel.DotProduct d -> {
                double[] dots = p.dots();
                double s2 = d.sigma0() * d.sigma0();
                double[] out = new double[size];
                for (int i = 0; i < size; i++) {
                    out[i] = s2 + dots[i];
                }
                if (grads != null && !d.bounds().isFixed()) {
                    double[] g = new double[size];
                    java.util.Arrays.fill(g, 2 * s2);
                    grads[offset] = g;
                }
                return out;
            }
            case Kernel.Sum s -> {
                double[] a = eval(s.k1(), p, grads, offset);
                double[] b = eval(s.k2(), p, grads, offset + countFree(s.k1()));
                for (int i = 0; i < size; i++) {
                    a[i] += b[i];
                }
                return a;
            }
            case Kernel.Product pr -> {
                int n1 = countFree(pr.k1());
                int n2 = countFree(pr.k2());
                double[] a = eval(pr.k1(), p, grads, offset);
                double[] b = eval(pr.k2(), p, grads, offset + n1);
                if (grads != null) {
                    for (int h = 0; h < n1; h++) {
                        double[] g = grads[offset + h];
                        for (int i = 0; i < size; i++) {
                            g[i] *= b[i];
                        }
                    }
                    for (int h = 0; h < n2; h++) {
                        double[] g = grads[offset + n1 + h];
                        for (int i = 0; i < size; i++) {
                            g[i] *= a[i];
                        }
                    }
                }
                for (int i = 0; i < size; i++) {
                    a[i] *= b[i];
                }
                return a;
            }
            case Kernel.Power pw -> {
                double e = pw.exponent();
                double[] base = eval(pw.kernel(), p, grads, offset);
                if (grads != null) {
                    int nf = countFree(pw.kernel());
                    for (int h = 0; h < nf; h++) {
                        double[] g = grads[offset + h];
                        for (int i = 0; i < size; i++) {
                            g[i] *= e * Math.pow(base[i], e - 1);
                        }
                    }
                }
                for (int i = 0; i < size; i++) {
                    base[i] = Math.pow(base[i], e);
                }
                return base;
            }
        }
    }

    /** The diagonal of the kernel matrix of the first point set with itself. */
    static double[] diag(Kernel k, Points p) {
        int n = p.n1;
        return switch (k) {
            case Kernel.Constant c -> filled(n, c.value());
            case Kernel.White w -> filled(n, w.noiseLevel());
            case Kernel.RBF r -> filled(n, 1);
            case Kernel.Matern m -> filled(n, 1);
            case Kernel.RationalQuadratic q -> filled(n, 1);
            case Kernel.DotProduct d -> {
                double[] out = p.norms();
                for (int i = 0; i < n; i++) {
                    out[i] += d.sigma0() * d.sigma0();
                }
                yield out;
            }
            case Kernel.Sum s -> {
                double[] a = diag(s.k1(), p);
                double[] b = diag(s.k2(), p);
                for (int i = 0; i < n; i++) {
                    a[i] += b[i];
                }
                yield a;
            }
            case Kernel.Product pr -> {
                double[] a = diag(pr.k1(), p);
                double[] b = diag(pr.k2(), p);
                for (int i = 0; i < n; i++) {
                    a[i] *= b[i];
                }
                yield a;
            }
            case Kernel.Power pw -> {
                double[] a = diag(pw.kernel(), p);
                for (int i = 0; i < n; i++) {
                    a[i] = Math.pow(a[i], pw.exponent());
                }
                yield a;
            }
        };
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
