package dev.hadron.eval.metrics;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The weighted Pearson correlation matrix of the feature columns, ρ_ij = cov_w(x_i, x_j) /
 * (σ_w(x_i) σ_w(x_j)) with cov_w(a, b) = Σ w (a − ā_w)(b − b̄_w) / Σ w — TMVA's per-class
 * "correlation matrix (signal)" / "(background)" tables. With unit weights it equals
 * {@code numpy.corrcoef(x, rowvar=False)}. A constant column (zero weighted variance) has no
 * correlation and is reported as an error naming the feature.
 *
 * <pre>{@code
 * CorrelationMatrix c = CorrelationMatrix.of(x, w, names);
 * double r = c.get(0, 1);
 * }</pre>
 *
 * @param names one name per feature
 * @param values the symmetric matrix, ones on the diagonal
 */
public record CorrelationMatrix(List<String> names, double[][] values) {

    /** Compact constructor: copies. */
    public CorrelationMatrix {
        names = List.copyOf(names);
        double[][] c = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            c[i] = values[i].clone();
        }
        values = c;
    }

    /** The matrix (a copy). */
    @Override
    public double[][] values() {
        double[][] c = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            c[i] = values[i].clone();
        }
        return c;
    }

    /** ρ_ij. */
    public double get(int i, int j) {
        return values[i][j];
    }

    /** The correlation of the (n, f) features with weights (n) or null; names null gives f0, f1, .... */
    public static CorrelationMatrix of(Tensor features, Tensor weights, List<String> names) {
        String op = "correlationMatrix";
        if (features == null || features.dim() != 2) {
            throw new IllegalArgumentException(op + ": features of shape " + (features == null ? "null" : Shape.toString(features.shape()))
                    + "; expected a matrix (n, f)");
        }
        int n = features.size(0);
        int f = features.size(1);
        Inputs.nonEmpty(op, n);
        List<String> fn = names;
        if (fn == null) {
            fn = new ArrayList<>();
            for (int j = 0; j < f; j++) {
                fn.add("f" + j);
            }
        } else if (fn.size() != f) {
            throw new IllegalArgumentException(op + ": " + fn.size() + " feature names for " + f + " columns; expected one name per column");
        }
        double[] x = features.detach().toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(op + ": feature '" + fn.get(i % f) + "' of event " + (i / f) + " is " + x[i]
                        + "; expected finite values (fill or drop missing values first)");
            }
        }
        double[] w = Inputs.weights(op, weights, n);
        double sw = 0;
        for (double v : w) {
            sw += v;
        }
        if (!(sw > 0)) {
            throw new IllegalArgumentException(op + ": total weight is " + sw + "; expected a positive total weight");
        }
        double[] mean = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                mean[j] += w[i] * x[i * f + j];
            }
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= sw;
        }
        double[][] cov = new double[f][f];
        double[] d = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                d[j] = x[i * f + j] - mean[j];
            }
            for (int a = 0; a < f; a++) {
                double wa = w[i] * d[a];
                double[] row = cov[a];
                for (int b = a; b < f; b++) {
                    row[b] += wa * d[b];
                }
            }
        }
        for (int a = 0; a < f; a++) {
            if (!(cov[a][a] > 0)) {
                throw new IllegalArgumentException(op + ": feature '" + fn.get(a) + "' has weighted variance " + cov[a][a] / sw
                        + "; a correlation needs a non-constant feature with positive variance — drop it from the list");
            }
        }
        double[][] r = new double[f][f];
        for (int a = 0; a < f; a++) {
            r[a][a] = 1.0;
            for (int b = a + 1; b < f; b++) {
                double v = cov[a][b] / Math.sqrt(cov[a][a] * cov[b][b]);
                v = Math.max(-1.0, Math.min(1.0, v));
                r[a][b] = v;
                r[b][a] = v;
            }
        }
        return new CorrelationMatrix(fn, r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationMatrix c && names.equals(c.names) && Arrays.deepEquals(values, c.values);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "CorrelationMatrix" + names;
    }
}
