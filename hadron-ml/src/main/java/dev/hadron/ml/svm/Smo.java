package dev.hadron.ml.svm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sequential minimal optimization for the C-SVC dual problem
 * <pre>  min_a  a^T Q a / 2 - sum_i a_i,   Q_ij = y_i y_j K(x_i, x_j),   sum_i y_i a_i = 0,   0 <= a_i <= C_i</pre>
 * with the second-order working-set selection of Fan, Chen and Lin (JMLR 6, 2005), the algorithm of
 * LIBSVM (which scikit-learn's {@code SVC} wraps): each step picks the maximal violating pair, solves
 * the two-variable problem analytically, clips it to the box and updates the gradient. It stops when
 * the largest KKT violation {@code m(a) - M(a)} falls below {@code tol}. Rows of Q are computed on
 * demand and kept in a least-recently-used cache.
 */
final class Smo {
    private static final double TAU = 1e-12;

    /** The solution: dual coefficients, the offset rho (decision = sum a_i y_i K - rho) and iterations. */
    record Solution(double[] alpha, double rho, int iterations, boolean converged) {
    }

    private final SvmKernel kernel;
    private final double[] x;
    private final int f;
    private final int[] rows;
    private final byte[] y;
    private final double[] c;
    private final int n;
    private final double[] diag;
    private final Map<Integer, double[]> cache;

    /**
     * A problem over the training rows {@code rows} of {@code x} with labels {@code y} (+1 / -1) and
     * per-event bounds {@code c}.
     */
    Smo(SvmKernel kernel, double[] x, int f, int[] rows, byte[] y, double[] c, double cacheMegabytes) {
        this.kernel = kernel;
        this.x = x;
        this.f = f;
        this.rows = rows;
        this.y = y;
        this.c = c;
        this.n = rows.length;
        this.diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = kernel.apply(x, rows[i] * f, x, rows[i] * f, f);
        }
        long capacity = Math.max(2, (long) (cacheMegabytes * 1024 * 1024 / (8.0 * Math.max(n, 1))));
        int maxRows = (int) Math.min(capacity, n);
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, double[]> eldest) {
                return size() > maxRows;
            }
        };
    }

    /** Row i of Q. */
    private double[] row(int i) {
        double[] r = cache.get(i);
        if (r == null) {
            r = new double[n];
            int oi = rows[i] * f;
            for (int k = 0; k < n; k++) {
                r[k] = y[i] * y[k] * kernel.apply(x, oi, x, rows[k] * f, f);
            }
            cache.put(i, r);
        }
        return r;
    }

    private boolean upper(double[] a, int i) {
        return a[i] >= c[i];
    }

    private boolean lower(double[] a, int i) {
        return a[i] <= 0;
    }

    Solution solve(double tol, long maxIter) {
        double[] a = new double[n];
        double[] g = new double[n];
        java.util.Arrays.fill(g, -1);
        long limit = maxIter > 0 ? maxIter : Math.max(10_000_000L, 100L * n);
        int iter = 0;
        boolean converged = false;
        while (iter < limit) {
            // select i: maximal violation among I_up
            double gmax = Double.NEGATIVE_INFINITY;
            int i = -1;
            for (int t = 0; t < n; t++) {
                if (y[t] == 1) {
                    if (!upper(a, t) && -g[t] >= gmax) {
                        gmax = -g[t];
                        i = t;
                    }
                } else if (!lower(a, t) && g[t] >= gmax) {
                    gmax = g[t];
                    i = t;
                }
            }
            double[] qi = i >= 0 ? row(i) : null;
            double gmax2 = Double.NEGATIVE_INFINITY;
            int j = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < n; t++) {
                if (y[t] == 1) {
                    if (!lower(a, t)) {
                        double diff = gmax + g[t];
                        gmax2 = Math.max(gmax2, g[t]);
                        if (diff > 0 && qi != null) {
                            double quad = diag[i] + diag[t] - 2.0 * y[i] * qi[t];
                            double obj = -(diff * diff) / (quad > 0 ? quad : TAU);
                            if (obj <= best) {
                                best = obj;
                                j = t;
                            }
                        }
                    }
                } else if (!upper(a, t)) {
                    double diff = gmax - g[t];
                    gmax2 = Math.max(gmax2, -g[t]);
                    if (diff > 0 && qi != null) {
                        double quad = diag[i] + diag[t] + 2.0 * y[i] * qi[t];
                        double obj = -(diff * diff) / (quad > 0 ? quad : TAU);
                        if (obj <= best) {
                            best = obj;
                            j = t;
                        }
                    }
                }
            }
            if (gmax + gmax2 < tol || j == -1) {
                converged = true;
                break;
            }
            iter++;
            double[] qj = row(j);
            qi = row(i);
            double ci = c[i];
            double cj = c[j];
            double oldI = a[i];
            double oldJ = a[j];
            if (y[i] != y[j]) {
                double quad = diag[i] + diag[j] + 2 * qi[j];
                double delta = (-g[i] - g[j]) / (quad > 0 ? quad : TAU);
                double diff = a[i] - a[j];
                a[i] += delta;
                a[j] += delta;
                if (diff > 0) {
                    if (a[j] < 0) {
                        a[j] = 0;
                        a[i] = diff;
                    }
                } else if (a[i] < 0) {
                    a[i] = 0;
                    a[j] = -diff;
                }
                if (diff > ci - cj) {
                    if (a[i] > ci) {
                        a[i] = ci;
                        a[j] = ci - diff;
                    }
                } else if (a[j] > cj) {
                    a[j] = cj;
                    a[i] = cj + diff;
                }
            } else {
                double quad = diag[i] + diag[j] - 2 * qi[j];
                double delta = (g[i] - g[j]) / (quad > 0 ? quad : TAU);
                double sum = a[i] + a[j];
                a[i] -= delta;
                a[j] += delta;
                if (sum > ci) {
                    if (a[i] > ci) {
                        a[i] = ci;
                        a[j] = sum - ci;
                    }
                } else if (a[j] < 0) {
                    a[j] = 0;
                    a[i] = sum;
                }
                if (sum > cj) {
                    if (a[j] > cj) {
                        a[j] = cj;
                        a[i] = sum - cj;
                    }
                } else if (a[i] < 0) {
                    a[i] = 0;
                    a[j] = sum;
                }
            }
            double di = a[i] - oldI;
            double dj = a[j] - oldJ;
            for (int k = 0; k < n; k++) {
                g[k] += qi[k] * di + qj[k] * dj;
            }
        }
        return new Solution(a, rho(a, g), iter, converged);
    }

    /** The offset: the mean of y_i G_i over free vectors, else the middle of the feasible interval. */
    private double rho(double[] a, double[] g) {
        int free = 0;
        double sumFree = 0;
        double ub = Double.POSITIVE_INFINITY;
        double lb = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double yg = y[i] * g[i];
            if (upper(a, i)) {
                if (y[i] == -1) {
                    ub = Math.min(ub, yg);
                } else {
                    lb = Math.max(lb, yg);
                }
            } else if (lower(a, i)) {
                if (y[i] == 1) {
                    ub = Math.min(ub, yg);
                } else {
                    lb = Math.max(lb, yg);
                }
            } else {
                free++;
                sumFree += yg;
            }
        }
        return free > 0 ? sumFree / free : (ub + lb) / 2;
    }
}
