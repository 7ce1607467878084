package dev.hadron.ml.svm;

/**
 * Probabilities from decision values: Platt's sigmoid {@code P = 1 / (1 + exp(A f + B))} fitted by
 * the Newton method with backtracking of Lin, Lin and Weng ("A note on Platt's probabilistic outputs
 * for support vector machines", Machine Learning 68, 2007), and the pairwise coupling of Wu, Lin and
 * Weng (JMLR 5, 2004, method 2) that turns one-against-one probabilities into class probabilities:
 * the two procedures LIBSVM uses.
 */
final class Platt {
    private static final double MIN_PROB = 1e-7;

    private Platt() {
    }

    /** Fits (A, B) to decision values and labels (+1 / -1) with Platt's regularized targets. */
    static double[] fit(double[] dec, byte[] labels) {
        int n = dec.length;
        double prior1 = 0;
        double prior0 = 0;
        for (byte l : labels) {
            if (l > 0) {
                prior1++;
            } else {
                prior0++;
            }
        }
        double hi = (prior1 + 1) / (prior1 + 2);
        double lo = 1 / (prior0 + 2);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = labels[i] > 0 ? hi : lo;
        }
        double a = 0;
        double b = Math.log((prior0 + 1) / (prior1 + 1));
        double fval = objective(dec, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double fApB = dec[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    double e = Math.exp(-fApB);
                    p = e / (1 + e);
                    q = 1 / (1 + e);
                } else {
                    double e = Math.exp(fApB);
                    p = 1 / (1 + e);
                    q = e / (1 + e);
                }
                double d2 = p * q;
                h11 += dec[i] * dec[i] * d2;
                h22 += d2;
                h21 += dec[i] * d2;
                double d1 = t[i] - p;
                g1 += dec[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * da + g2 * db;
            double step = 1;
            while (step >= 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = objective(dec, t, na, nb);
                if (nf < fval + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    fval = nf;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double objective(double[] dec, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < dec.length; i++) {
            double fApB = dec[i] * a + b;
            f += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return f;
    }

    /** P(+1 | f) for the fitted (A, B). */
    static double predict(double dec, double a, double b) {
        double fApB = dec * a + b;
        return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
    }

    /** Pairwise probability clipped away from 0 and 1, as LIBSVM does before coupling. */
    static double clipped(double p) {
        return Math.min(Math.max(p, MIN_PROB), 1 - MIN_PROB);
    }

    /**
     * Class probabilities from pairwise ones: {@code r[i][j] = P(class i | class i or j)}, {@code r[j][i] = 1 - r[i][j]}.
     */
    static double[] couple(double[][] r) {
        int k = r.length;
        double[] p = new double[k];
        double[][] q = new double[k][k];
        double[] qp = new double[k];
        for (int t = 0; t < k; t++) {
            p[t] = 1.0 / k;
            for (int j = 0; j < t; j++) {
                q[t][t] += r[j][t] * r[j][t];
                q[t][j] = q[j][t];
            }
            for (int j = t + 1; j < k; j++) {
                q[t][t] += r[j][t] * r[j][t];
                q[t][j] = -r[j][t] * r[t][j];
            }
        }
        double eps = 0.005 / k;
        int maxIter = Math.max(100, k);
        for (int iter = 0; iter < maxIter; iter++) {
            double pqp = 0;
            for (int t = 0; t < k; t++) {
                qp[t] = 0;
                for (int j = 0; j < k; j++) {
                    qp[t] += q[t][j] * p[j];
                }
                pqp += p[t] * qp[t];
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) {
                maxError = Math.max(maxError, Math.abs(qp[t] - pqp));
            }
            if (maxError < eps) {
                break;
            }
            for (int t = 0; t < k; t++) {
                double diff = (-qp[t] + pqp) / q[t][t];
                p[t] += diff;
                pqp = (pqp + diff * (diff * q[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++) {
                    qp[j] = (qp[j] + diff * q[t][j]) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
        return p;
    }
}
