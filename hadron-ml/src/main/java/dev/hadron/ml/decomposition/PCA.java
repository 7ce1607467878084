package dev.hadron.ml.decomposition;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.Transformer;
import dev.hadron.ml.internal.support.Check;
import dev.hadron.ml.internal.support.DataChecks;
import dev.hadron.ml.internal.support.JsonFields;
import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Linalg;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted principal component analysis (scikit-learn's {@code PCA} with the full solver): the
 * eigenvectors of the covariance matrix with the largest eigenvalues. {@link #transform} projects
 * centred rows onto them, optionally whitened to unit variance.
 *
 * <p>Conventions follow scikit-learn so that results agree to rounding: explained variances are
 * eigenvalues of the covariance with the {@code n - 1} denominator, and each component's sign makes
 * the largest-magnitude projection of the training data positive (scikit-learn's {@code svd_flip}).
 * Event weights are frequency weights: a weight of 2 counts as two copies of the event (weighted
 * mean, covariance denominator {@code sum w - 1}); they must be non-negative and sum to more than 1.
 *
 * <pre>{@code
 * PCA pca = PCA.Params.defaults().withComponents(5).fit(Dataset.of(x));
 * Tensor z = pca.transform(x);                       // (n, 5)
 * Tensor ratio = pca.explainedVarianceRatio();
 * }</pre>
 */
public final class PCA implements Transformer {
    private static final String NAME = "PCA";

    /**
     * Hyperparameters.
     *
     * @param components number of components to keep (>= 1), or 0 to choose them by {@code varianceFraction}
     * @param varianceFraction with {@code components = 0}: keep the fewest components whose explained
     *                         variance ratio sums to more than this (1 keeps all), in (0, 1]
     * @param whiten scale the projections to unit variance
     */
    public record Params(int components, double varianceFraction, boolean whiten) implements Estimator<PCA> {
        /** Validates. */
        public Params {
            Check.atLeast("components", components, 0);
            if (!(varianceFraction > 0 && varianceFraction <= 1)) {
                throw new IllegalArgumentException("Invalid varianceFraction: " + varianceFraction + " (must be in (0, 1])");
            }
        }

        /** All components, no whitening. */
        public static Params defaults() {
            return new Params(0, 1.0, false);
        }

        /** A copy keeping {@code value} components. */
        public Params withComponents(int value) {
            return new Params(value, varianceFraction, whiten);
        }

        /** A copy keeping enough components to explain more than {@code value} of the variance. */
        public Params withVarianceFraction(double value) {
            return new Params(0, value, whiten);
        }

        /** A copy with or without whitening. */
        public Params withWhiten(boolean value) {
            return new Params(components, varianceFraction, value);
        }

        @Override
        public PCA fit(Dataset train) {
            return PCA.fit(this, train);
        }
    }

    private final int features;
    private final double[] mean;
    /** (k x features), row-major. */
    private final double[] components;
    private final double[] explainedVariance;
    private final double[] explainedVarianceRatio;
    private final double noiseVariance;
    private final boolean whiten;

    private PCA(int features, double[] mean, double[] components, double[] explainedVariance,
                double[] explainedVarianceRatio, double noiseVariance, boolean whiten) {
        this.features = features;
        this.mean = mean;
        this.components = components;
        this.explainedVariance = explainedVariance;
        this.explainedVarianceRatio = explainedVarianceRatio;
        this.noiseVariance = noiseVariance;
        this.whiten = whiten;
    }

    /** Fits on the rows of {@code x} (n, f) with optional frequency weights (n, or null). */
    public static PCA fit(Params p, Tensor x, Tensor weights) {
        return fit(p, Dataset.of(x, null, weights));
    }

    /** Fits on the features and weights of {@code d} (labels, if any, are ignored). */
    public static PCA fit(Params p, Dataset d) {
        double[] x = DataChecks.unsupervised(NAME, d, true);
        double[] w = Rows.weights(d);
        int n = d.size();
        int f = d.numFeatures();
        double sw = 0;
        for (double v : w) {
            sw += v;
        }
        if (!(sw > 1)) {
            throw new IllegalArgumentException(NAME + ": the total event weight is " + sw
                    + "; the covariance (denominator sum w - 1) needs frequency weights summing to more than 1");
        }
        int rank = Math.min(n, f);
        if (p.components() > rank) {
            throw new IllegalArgumentException(NAME + ": " + p.components() + " components requested but at most min(events, "
                    + "features) = " + rank + " exist");
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
        double[] centred = new double[n * f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                centred[i * f + j] = x[i * f + j] - mean[j];
            }
        }
        double[] cov = new double[f * f];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < f; a++) {
                double va = w[i] * centred[i * f + a];
                for (int b = 0; b <= a; b++) {
                    cov[a * f + b] += va * centred[i * f + b];
                }
            }
        }
        for (int a = 0; a < f; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a * f + b] /= sw - 1;
                cov[b * f + a] = cov[a * f + b];
            }
        }
        Linalg.Eigh eigh = Linalg.eigh(Tensor.wrap(cov, f, f));
        double[] values = eigh.eigenvalues().toDoubleArray();
        double[] vectors = eigh.eigenvectors().toDoubleArray();
        // descending order, the top min(n, f) (the rest are zero for n < f), negatives from rounding clipped
        double[] variance = new double[rank];
        double[] comp = new double[rank * f];
        double total = 0;
        for (int c = 0; c < rank; c++) {
            int src = f - 1 - c;
            variance[c] = Math.max(values[src], 0);
            total += variance[c];
            for (int j = 0; j < f; j++) {
                comp[c * f + j] = vectors[j * f + src];
            }
        }
        flipSigns(centred, n, f, comp, rank);
        double[] ratio = new double[rank];
        for (int c = 0; c < rank; c++) {
            ratio[c] = total > 0 ? variance[c] / total : 0;
        }
        int k = p.components() > 0 ? p.components() : chooseByFraction(ratio, p.varianceFraction());
        if (p.whiten()) {
            for (int c = 0; c < k; c++) {
                if (!(variance[c] > 0)) {
                    throw new IllegalArgumentException(NAME + ": component " + c + " has zero variance and cannot be whitened;"
                            + " keep at most " + c + " components");
                }
            }
        }
        double noise = 0;
        if (k < rank) {
            for (int c = k; c < rank; c++) {
                noise += variance[c];
            }
            noise /= rank - k;
        }
        return new PCA(f, mean, java.util.Arrays.copyOf(comp, k * f), java.util.Arrays.copyOf(variance, k),
                java.util.Arrays.copyOf(ratio, k), noise, p.whiten());
    }

    /** scikit-learn's rule: one more than the number of cumulative ratios not above the fraction. */
    private static int chooseByFraction(double[] ratio, double fraction) {
        if (fraction >= 1) {
            return ratio.length;
        }
        double cum = 0;
        int count = 0;
        for (double r : ratio) {
            cum += r;
            if (cum <= fraction) {
                count++;
            } else {
                break;
            }
        }
        return Math.min(count + 1, ratio.length);
    }

    /** Makes the largest-magnitude training projection on each component positive ({@code svd_flip}). */
    private static void flipSigns(double[] centred, int n, int f, double[] comp, int k) {
        for (int c = 0; c < k; c++) {
            double best = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < f; j++) {
                    s += centred[i * f + j] * comp[c * f + j];
                }
                if (Math.abs(s) > Math.abs(best)) {
                    best = s;
                }
            }
            if (best < 0) {
                for (int j = 0; j < f; j++) {
                    comp[c * f + j] = -comp[c * f + j];
                }
            }
        }
    }

    /** The principal axes (components, features), float64, by decreasing explained variance. */
    public Tensor components() {
        return Tensor.of(components, explainedVariance.length, features);
    }

    /** Variance along each component (components). */
    public Tensor explainedVariance() {
        return Tensor.of(explainedVariance, explainedVariance.length);
    }

    /** Share of the total variance along each component (components). */
    public Tensor explainedVarianceRatio() {
        return Tensor.of(explainedVarianceRatio, explainedVarianceRatio.length);
    }

    /** The weighted training mean (features). */
    public Tensor mean() {
        return Tensor.of(mean, mean.length);
    }

    /** Mean variance of the discarded directions ({@code noise_variance_}; 0 if none were discarded). */
    public double noiseVariance() {
        return noiseVariance;
    }

    /** Number of components kept. */
    public int numComponents() {
        return explainedVariance.length;
    }

    /** Projections of the centred rows on the components (n, components), divided by their spread if whitening. */
    @Override
    public Tensor transform(Tensor x) {
        int n = x.size(0);
        int k = explainedVariance.length;
        double[] v = Rows.matrix(NAME + ".transform", x, features);
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < features; j++) {
                    s += (v[i * features + j] - mean[j]) * components[c * features + j];
                }
                out[i * k + c] = whiten ? s / Math.sqrt(explainedVariance[c]) : s;
            }
        }
        return Rows.matrix(out, n, k);
    }

    /** Maps projections (n, components) back to feature space (n, features). */
    public Tensor inverseTransform(Tensor z) {
        int n = z.size(0);
        int k = explainedVariance.length;
        double[] v = Rows.matrix(NAME + ".inverseTransform", z, k);
        double[] out = new double[n * features];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) {
                double s = mean[j];
                for (int c = 0; c < k; c++) {
                    double zc = whiten ? v[i * k + c] * Math.sqrt(explainedVariance[c]) : v[i * k + c];
                    s += zc * components[c * features + j];
                }
                out[i * features + j] = s;
            }
        }
        return Rows.matrix(out, n, features);
    }

    @Override
    public int numFeatures() {
        return features;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", (long) features);
        m.put("mean", JsonFields.list(mean));
        m.put("components", JsonFields.list(components));
        m.put("explained_variance", JsonFields.list(explainedVariance));
        m.put("explained_variance_ratio", JsonFields.list(explainedVarianceRatio));
        m.put("noise_variance", noiseVariance);
        m.put("whiten", whiten);
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static PCA fromJson(Map<String, Object> m) {
        int features = JsonFields.count(m, "features", 1 << 24);
        double[] variance = JsonFields.doubles(m, "explained_variance", -1);
        int k = variance.length;
        if ((long) k * features > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model JSON: " + k + " components of " + features + " features is too large");
        }
        return new PCA(features, JsonFields.doubles(m, "mean", features), JsonFields.doubles(m, "components", k * features),
                variance, JsonFields.doubles(m, "explained_variance_ratio", k), JsonFields.number(m, "noise_variance"),
                JsonFields.bool(m, "whiten"));
    }

    @Override
    public String toString() {
        return NAME + "(features=" + features + ", components=" + explainedVariance.length + ", whiten=" + whiten + ")";
    }
}
