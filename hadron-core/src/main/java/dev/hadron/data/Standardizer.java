package dev.hadron.data;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * Per-feature standardization (x - mean) / std, like scikit-learn's {@code StandardScaler}: fitted on
 * the training split only, then applied to every split. Columns with zero spread keep scale 1.
 *
 * @param mean per-feature means (f)
 * @param scale per-feature standard deviations (f), with zeros replaced by 1
 */
public record Standardizer(Tensor mean, Tensor scale) {

    /** Fits on the rows of {@code x} (n, f) with the population standard deviation (as scikit-learn). */
    public static Standardizer fit(Tensor x) {
        if (x.dim() != 2) {
            throw new IllegalArgumentException("Standardizer.fit: expected (events, features), got shape "
                    + Shape.toString(x.shape()));
        }
        if (x.size(0) == 0) {
            throw new IllegalArgumentException("Standardizer.fit: no events to fit on");
        }
        Tensor xd = x.detach();
        Tensor m = xd.mean(new int[] {0}, false);
        Tensor s = xd.var(new int[] {0}, 0, false).sqrt();
        double[] sv = s.toDoubleArray();
        for (int i = 0; i < sv.length; i++) {
            if (!(sv[i] > 0)) {
                sv[i] = 1;
            }
        }
        return new Standardizer(m, Tensor.of(sv, sv.length).to(x.dtype()));
    }

    /** (x - mean) / scale, broadcast over rows. */
    public Tensor transform(Tensor x) {
        checkWidth(x);
        return x.sub(mean.to(x.dtype())).div(scale.to(x.dtype()));
    }

    /** x * scale + mean. */
    public Tensor inverseTransform(Tensor x) {
        checkWidth(x);
        return x.mul(scale.to(x.dtype())).add(mean.to(x.dtype()));
    }

    private void checkWidth(Tensor x) {
        if (x.dim() < 1 || x.size(-1) != mean.numel()) {
            throw new IllegalArgumentException("Standardizer: fitted on " + mean.numel() + " features, got input of shape "
                    + Shape.toString(x.shape()));
        }
    }

    @Override
    public String toString() {
        return "Standardizer(mean=" + Arrays.toString(mean.toDoubleArray()) + ", scale="
                + Arrays.toString(scale.toDoubleArray()) + ")";
    }
}
