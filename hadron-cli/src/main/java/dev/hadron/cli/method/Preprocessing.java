package dev.hadron.cli.method;

import dev.hadron.cli.study.InputKind;
import dev.hadron.data.Dataset;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a method's inputs go through before training and prediction, fitted on the training part only
 * and saved with the model: standardization (x − mean) / scale per feature (per particle feature for
 * jagged inputs; one global scale for images), and, for methods that cannot take missing values, NaN
 * replaced by 0 after standardizing (that is, by the training mean). Means and widths ignore NaN.
 *
 * @param kind the input kind
 * @param mean per-feature means (empty when not standardizing)
 * @param scale per-feature widths (empty when not standardizing)
 * @param impute replace NaN by 0 after standardizing
 */
public record Preprocessing(InputKind kind, double[] mean, double[] scale, boolean impute) {

    /** Fits on the training inputs. */
    public static Preprocessing fit(InputKind kind, Dataset train, boolean standardize, boolean impute) {
        if (!standardize) {
            return new Preprocessing(kind, new double[0], new double[0], impute);
        }
        return switch (kind) {
            case DENSE -> {
                Tensor x = train.features();
                int f = x.size(1);
                Moments m = moments(x.reshape(x.size(0), f).to(DType.FLOAT64).toDoubleArray(), f);
                yield new Preprocessing(kind, m.mean, m.scale, impute);
            }
            case JAGGED -> {
                Tensor v = train.jaggedFeatures().values();
                Moments m = moments(v.to(DType.FLOAT64).toDoubleArray(), v.size(1));
                yield new Preprocessing(kind, m.mean, m.scale, impute);
            }
            case IMAGE -> {
                Moments m = moments(train.features().to(DType.FLOAT64).toDoubleArray(), 1);
                // images keep zero as "no energy": scale only
                yield new Preprocessing(kind, new double[] {0}, m.scale, impute);
            }
        };
    }

    private record Moments(double[] mean, double[] scale) {
    }

    private static Moments moments(double[] v, int f) {
        double[] sum = new double[f];
        double[] sq = new double[f];
        long[] n = new long[f];
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (!Double.isNaN(x)) {
                int c = i % f;
                sum[c] += x;
                n[c]++;
            }
        }
        double[] mean = new double[f];
        for (int c = 0; c < f; c++) {
            mean[c] = n[c] == 0 ? 0 : sum[c] / n[c];
        }
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (!Double.isNaN(x)) {
                double d = x - mean[i % f];
                sq[i % f] += d * d;
            }
        }
        double[] scale = new double[f];
        for (int c = 0; c < f; c++) {
            double s = n[c] == 0 ? 0 : Math.sqrt(sq[c] / n[c]);
            scale[c] = s > 0 && Double.isFinite(s) ? s : 1;
        }
        return new Moments(mean, scale);
    }

    /** The dense or image features, transformed. */
    public Tensor apply(Tensor x) {
        Tensor out = x.to(DType.FLOAT32);
        if (mean.length > 0) {
            if (kind == InputKind.IMAGE) {
                out = out.div(scale[0]);
            } else {
                out = out.sub(Tensor.of(mean, mean.length).to(DType.FLOAT32)).div(Tensor.of(scale, scale.length).to(DType.FLOAT32));
            }
        }
        if (impute) {
            out = out.maskedFill(out.isNan(), 0);
        }
        return out;
    }

    /** The jagged features, transformed value by value. */
    public Jagged apply(Jagged j) {
        return j.withValues(apply(j.values()));
    }

    /** The dataset with its features transformed (labels and weights kept). */
    public Dataset apply(Dataset d) {
        if (d.isJagged()) {
            return Dataset.ofJagged(apply(d.jaggedFeatures()), d.labels(), d.hasWeights() ? d.weights() : null);
        }
        Dataset out = Dataset.of(apply(d.features()), d.labels(), d.hasWeights() ? d.weights() : null);
        return d.featureNames() == null ? out : out.withFeatureNames(d.featureNames());
    }

    /** As JSON values. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        m.put("mean", toList(mean));
        m.put("scale", toList(scale));
        m.put("impute", impute);
        return m;
    }

    /** Reverses {@link #toJson}. */
    public static Preprocessing fromJson(Map<String, Object> m) {
        return new Preprocessing(InputKind.valueOf(String.valueOf(m.get("kind")).toUpperCase(java.util.Locale.ROOT)),
                toArray(m.get("mean")), toArray(m.get("scale")), Boolean.TRUE.equals(m.get("impute")));
    }

    private static List<Double> toList(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    private static double[] toArray(Object o) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("preprocessing: expected a list of numbers, got " + o);
        }
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }
}
