package dev.hadron.ml.discriminant;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Classifier;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.FitChecks;
import dev.hadron.ml.HasFeatureImportances;
import dev.hadron.ml.internal.math.Dense;
import dev.hadron.ml.internal.support.Check;
import dev.hadron.ml.internal.support.JsonFields;
import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Fisher linear discriminant of ROOT TMVA ({@code MethodFisher}): signal (class 1) against
 * background (class 0) by the linear function
 * <pre>  F(x) = F0 + sum_k F_k x_k,   F = sqrt(W_S W_B) / (W_S + W_B) * M^-1 (mu_S - mu_B),
 *   F0 = -F . (mu_S + mu_B) / 2</pre>
 * with W_S, W_B the summed event weights of each class, mu the weighted class means and M the
 * within-class covariance {@code [sum_S w (x - mu_S)(x - mu_S)^T + sum_B w (x - mu_B)(x - mu_B)^T] / (W_S + W_B)}
 * ({@link Method#FISHER}) or the full covariance, within plus between classes ({@link Method#MAHALANOBIS}).
 * {@link #decisionFunction} is TMVA's MVA output F(x) (larger is more signal-like).
 *
 * <p>{@link #predictProba} is the posterior of two Gaussians with a shared covariance,
 * {@code sigmoid(F(x) (W_S + W_B) / sqrt(W_S W_B) + log(W_S / W_B))}: for the Fisher method this is
 * exactly scikit-learn's {@code LinearDiscriminantAnalysis} (which has no event weights).
 *
 * <p>Event weights enter every sum; negative weights are allowed as long as both class totals stay
 * positive and the covariance stays invertible. Features with no spread make the covariance singular;
 * the fit then stops with an error naming the problem.
 *
 * <pre>{@code
 * FisherDiscriminant fisher = FisherDiscriminant.Params.defaults().fit(train);   // labels: 1 signal, 0 background
 * Tensor mva = fisher.decisionFunction(test.features());
 * }</pre>
 */
public final class FisherDiscriminant implements Classifier, HasFeatureImportances {
    private static final String NAME = "FisherDiscriminant";

    /** Which covariance matrix is inverted (TMVA's {@code Method} option). */
    public enum Method {
        /** The within-class covariance (TMVA's default, "Fisher"). */
        FISHER,
        /** The full covariance, within plus between classes ("Mahalanobis"). */
        MAHALANOBIS
    }

    /**
     * Hyperparameters.
     *
     * @param method the covariance matrix inverted
     */
    public record Params(Method method) implements Estimator<FisherDiscriminant> {
        /** Validates. */
        public Params {
            Check.notNull("method", method);
        }

        /** The Fisher method. */
        public static Params defaults() {
            return new Params(Method.FISHER);
        }

        /** A copy with another method. */
        public Params withMethod(Method value) {
            return new Params(value);
        }

        @Override
        public FisherDiscriminant fit(Dataset train) {
            return FisherDiscriminant.fit(this, train);
        }
    }

    private final double[] coef;
    private final double offset;
    private final double scale;
    private final double logPriorRatio;
    private final double[] discriminatingPower;

    private FisherDiscriminant(double[] coef, double offset, double scale, double logPriorRatio,
                               double[] discriminatingPower) {
        this.coef = coef;
        this.offset = offset;
        this.scale = scale;
        this.logPriorRatio = logPriorRatio;
        this.discriminatingPower = discriminatingPower;
    }

    /** Fits on features (n, f), labels 1 (signal) / 0 (background) and optional weights (n, or null). */
    public static FisherDiscriminant fit(Params p, Tensor x, Tensor y, Tensor weights) {
        return fit(p, Dataset.of(x, y, weights));
    }

    /** Fits on the features, labels (1 signal, 0 background) and weights of {@code d}. */
    public static FisherDiscriminant fit(Params p, Dataset d) {
        FitChecks.common(NAME, d, false);
        int classes = FitChecks.classification(NAME, d);
        if (classes != 2) {
            throw new IllegalArgumentException(NAME + ": separates two classes (1 signal, 0 background), got labels up to "
                    + (classes - 1) + "; use LogisticRegression for several classes");
        }
        double[] x = Rows.features(NAME, d);
        double[] w = Rows.weights(d);
        int[] y = Rows.classes(d);
        int n = d.size();
        int f = d.numFeatures();
        double[] sumW = new double[2];
        double[][] mean = new double[2][f];
        for (int i = 0; i < n; i++) {
            sumW[y[i]] += w[i];
            for (int j = 0; j < f; j++) {
                mean[y[i]][j] += w[i] * x[i * f + j];
            }
        }
        for (int c = 0; c < 2; c++) {
            if (!(sumW[c] > 0)) {
                throw new IllegalArgumentException(NAME + ": the total weight of " + (c == 1 ? "signal" : "background")
                        + " (class " + c + ") events is " + sumW[c] + "; both classes need a positive total weight");
            }
            for (int j = 0; j < f; j++) {
                mean[c][j] /= sumW[c];
            }
        }
        double total = sumW[0] + sumW[1];
        double[] within = new double[f * f];
        double[] dev = new double[f];
        for (int i = 0; i < n; i++) {
            double[] mu = mean[y[i]];
            for (int j = 0; j < f; j++) {
                dev[j] = x[i * f + j] - mu[j];
            }
            for (int a = 0; a < f; a++) {
                double da = w[i] * dev[a];
                for (int b = 0; b <= a; b++) {
                    within[a * f + b] += da * dev[b];
                }
            }
        }
        double[] between = new double[f * f];
        double[] all = new double[f];
        for (int j = 0; j < f; j++) {
            all[j] = (sumW[1] * mean[1][j] + sumW[0] * mean[0][j]) / total;
        }
        for (int a = 0; a < f; a++) {
            for (int b = 0; b <= a; b++) {
                double v = within[a * f + b] / total;
                within[a * f + b] = v;
                within[b * f + a] = v;
                double bt = (sumW[1] * (mean[1][a] - all[a]) * (mean[1][b] - all[b])
                        + sumW[0] * (mean[0][a] - all[a]) * (mean[0][b] - all[b])) / total;
                between[a * f + b] = bt;
                between[b * f + a] = bt;
            }
        }
        double[] matrix = within.clone();
        if (p.method() == Method.MAHALANOBIS) {
            for (int k = 0; k < f * f; k++) {
                matrix[k] += between[k];
            }
        }
        double[] diff = new double[f];
        for (int j = 0; j < f; j++) {
            diff[j] = mean[1][j] - mean[0][j];
        }
        double[] direction = Dense.solveSpd(matrix, f, diff);
        if (direction == null) {
            throw new IllegalArgumentException(NAME + ": the " + (p.method() == Method.FISHER ? "within-class" : "full")
                    + " covariance matrix is singular or not positive definite (a constant feature, features that are"
                    + " linear combinations of others, or negative weights dominating); remove such features");
        }
        double scale = Math.sqrt(sumW[0] * sumW[1]) / total;
        double[] coef = new double[f];
        double offset = 0;
        for (int j = 0; j < f; j++) {
            coef[j] = scale * direction[j];
            offset -= 0.5 * coef[j] * (mean[1][j] + mean[0][j]);
        }
        double[] power = new double[f];
        for (int j = 0; j < f; j++) {
            double cov = within[j * f + j] + between[j * f + j];
            power[j] = cov != 0 ? between[j * f + j] / cov : 0;
        }
        return new FisherDiscriminant(coef, offset, scale, Math.log(sumW[1] / sumW[0]), power);
    }

    /** TMVA's Fisher coefficients F_k (f), float64. */
    public Tensor coef() {
        return Tensor.of(coef, coef.length);
    }

    /** TMVA's offset F0. */
    public double offset() {
        return offset;
    }

    /**
     * TMVA's discriminating power of each feature, between-class over total variance (f): the ranking
     * TMVA prints. {@link #featureImportances()} is the same, normalized to sum to 1.
     */
    public Tensor discriminatingPower() {
        return Tensor.of(discriminatingPower, discriminatingPower.length);
    }

    @Override
    public Tensor featureImportances() {
        double s = 0;
        for (double v : discriminatingPower) {
            s += v;
        }
        double[] out = new double[discriminatingPower.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = s > 0 ? discriminatingPower[j] / s : 0;
        }
        return Tensor.of(out, out.length);
    }

    @Override
    public int numClasses() {
        return 2;
    }

    @Override
    public int numFeatures() {
        return coef.length;
    }

    /** TMVA's MVA output {@code F0 + F . x} for each row (n). */
    @Override
    public Tensor decisionFunction(Tensor x) {
        return Rows.vector(fisher(Rows.matrix(NAME + ".decisionFunction", x, coef.length), x.size(0)));
    }

    @Override
    public Tensor predictProba(Tensor x) {
        int n = x.size(0);
        double[] s = fisher(Rows.matrix(NAME + ".predictProba", x, coef.length), n);
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double p1 = 1 / (1 + Math.exp(-(s[i] / scale + logPriorRatio)));
            p[2 * i] = 1 - p1;
            p[2 * i + 1] = p1;
        }
        return Rows.matrix(p, n, 2);
    }

    private double[] fisher(double[] x, int n) {
        int f = coef.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = offset;
            for (int j = 0; j < f; j++) {
                s += coef[j] * x[i * f + j];
            }
            out[i] = s;
        }
        return out;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coef", JsonFields.list(coef));
        m.put("offset", offset);
        m.put("scale", scale);
        m.put("log_prior_ratio", logPriorRatio);
        m.put("discriminating_power", JsonFields.list(discriminatingPower));
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static FisherDiscriminant fromJson(Map<String, Object> m) {
        double[] coef = JsonFields.doubles(m, "coef", -1);
        return new FisherDiscriminant(coef, JsonFields.number(m, "offset"), JsonFields.number(m, "scale"),
                JsonFields.number(m, "log_prior_ratio"), JsonFields.doubles(m, "discriminating_power", coef.length));
    }

    @Override
    public String toString() {
        return NAME + "(features=" + coef.length + ", offset=" + offset + ")";
    }
}
