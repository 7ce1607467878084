package dev.hadron.ml.linear;

import dev.hadron.ml.internal.math.Dense;
import dev.hadron.ml.internal.math.Lbfgs;

import java.util.stream.IntStream;

/**
 * The smooth part of the logistic-regression objective, normalized by the total event weight W:
 * <pre>  1/W sum_i w_i loss_i + l2/2 |coef|^2</pre>
 * Binary (one score per event, {@code loss = log(1 + exp(-s y'))} with y' = +-1) or multinomial
 * (K scores, {@code loss = -log softmax_y}). The parameter vector holds the coefficients row by row
 * ({@code classes x features}, a single row for binary) followed by the intercepts. Events are
 * evaluated in parallel in fixed chunks, summed in chunk order.
 */
final class LogisticLoss implements Lbfgs.Objective {
    private final double[] x;
    private final int n;
    private final int f;
    private final int[] y;
    private final double[] w;
    private final double weightSum;
    private final int rows;
    private final boolean fitIntercept;
    private final double l2;
    /** Events per parallel task; fixed, so sums do not depend on the number of threads. */
    private static final int CHUNK = 4096;

    LogisticLoss(double[] x, int n, int f, int[] y, double[] w, int classes, boolean fitIntercept, double l2) {
        this.x = x;
        this.n = n;
        this.f = f;
        this.y = y;
        this.w = w;
        double sw = 0;
        for (double v : w) {
            sw += v;
        }
        this.weightSum = sw;
        this.rows = classes == 2 ? 1 : classes;
        this.fitIntercept = fitIntercept;
        this.l2 = l2;
    }

    /** Length of the parameter vector. */
    int size() {
        return rows * f + (fitIntercept ? rows : 0);
    }

    /** Rows of coefficients: 1 for binary, K for multinomial. */
    int rows() {
        return rows;
    }

    @Override
    public double evaluate(double[] theta, double[] grad) {
        int off = rows * f;
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] losses = new double[chunks];
        double[][] grads = new double[chunks][];
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            grads[c] = new double[grad.length];
            losses[c] = evaluateRows(theta, c * CHUNK, Math.min(n, (c + 1) * CHUNK), grads[c]);
        });
        // chunks are summed in a fixed order: the result does not depend on the number of threads
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        for (int c = 0; c < chunks; c++) {
            loss += losses[c];
            for (int j = 0; j < grad.length; j++) {
                grad[j] += grads[c][j];
            }
        }
        if (l2 > 0) {
            double penalty = 0;
            for (int j = 0; j < off; j++) {
                penalty += theta[j] * theta[j];
                grad[j] += l2 * theta[j];
            }
            loss += 0.5 * l2 * penalty;
        }
        return loss;
    }

    /** The weighted loss of events {@code from .. to - 1}, its gradient added to {@code grad}. */
    private double evaluateRows(double[] theta, int from, int to, double[] grad) {
        int off = rows * f;
        double[] scores = new double[rows];
        double loss = 0;
        for (int i = from; i < to; i++) {
            int r = i * f;
            for (int k = 0; k < rows; k++) {
                scores[k] = (fitIntercept ? theta[off + k] : 0) + Dense.dot(theta, k * f, x, r, f);
            }
            double wi = w[i] / weightSum;
            if (rows == 1) {
                double s = scores[0];
                boolean pos = y[i] == 1;
                // log(1 + exp(-m)) with m the signed margin, and sigmoid(s), from one exp(-|s|)
                double m = pos ? s : -s;
                double e = Math.exp(-Math.abs(s));
                loss += wi * (Math.log1p(e) + Math.max(-m, 0));
                double p = s >= 0 ? 1 / (1 + e) : e / (1 + e);
                double residual = wi * (p - (pos ? 1 : 0));
                accumulate(grad, 0, r, residual, off);
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < rows; k++) {
                    max = Math.max(max, scores[k]);
                }
                double sum = 0;
                for (int k = 0; k < rows; k++) {
                    sum += Math.exp(scores[k] - max);
                }
                double logZ = max + Math.log(sum);
                loss += wi * (logZ - scores[y[i]]);
                for (int k = 0; k < rows; k++) {
                    double p = Math.exp(scores[k] - logZ);
                    double residual = wi * (p - (y[i] == k ? 1 : 0));
                    accumulate(grad, k, r, residual, off);
                }
            }
        }
        return loss;
    }

    private void accumulate(double[] grad, int k, int r, double residual, int off) {
        if (residual == 0) {
            return;
        }
        int cr = k * f;
        for (int j = 0; j < f; j++) {
            grad[cr + j] += residual * x[r + j];
        }
        if (fitIntercept) {
            grad[off + k] += residual;
        }
    }
}
