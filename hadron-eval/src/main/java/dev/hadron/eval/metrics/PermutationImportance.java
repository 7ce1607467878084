package dev.hadron.eval.metrics;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Permutation feature importance (Breiman 2001; scikit-learn's {@code permutation_importance}): the
 * drop of a score when one feature column is shuffled, breaking its relation to the target while
 * keeping its distribution. Works with any model: the caller supplies the score of a feature matrix
 * (higher is better), e.g. {@code x -> Roc.auc(labels, model.predict(x), weights)}.
 *
 * <pre>{@code
 * PermutationImportance imp = PermutationImportance.compute(x, names,
 *         f -> Roc.auc(y, model.predictProba(f), w), 5, new Generator(7));
 * imp.ranking();   // most important feature first
 * }</pre>
 *
 * @param featureNames one name per column
 * @param baseline the score of the unshuffled features
 * @param importances [feature][repeat]: baseline − score with that column shuffled
 * @param mean the mean importance of each feature
 * @param std the standard deviation over repeats of each feature (population, as scikit-learn)
 */
public record PermutationImportance(List<String> featureNames, double baseline, double[][] importances, double[] mean, double[] std) {

    /** Compact constructor: copies the arrays. */
    public PermutationImportance {
        featureNames = List.copyOf(featureNames);
        importances = deepCopy(importances);
        mean = mean.clone();
        std = std.clone();
    }

    /** Importances per feature and repeat (a copy). */
    @Override
    public double[][] importances() {
        return deepCopy(importances);
    }

    /** Mean importances (a copy). */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** Standard deviations (a copy). */
    @Override
    public double[] std() {
        return std.clone();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /**
     * Shuffles each column of the (n, f) {@code features} {@code repeats} times with {@code gen} and
     * records the score drop. {@code names} may be null (then f0, f1, ...). The score function must not
     * modify its argument.
     */
    public static PermutationImportance compute(Tensor features, List<String> names, ToDoubleFunction<Tensor> score, int repeats,
                                                Generator gen) {
        String op = "permutationImportance";
        if (features == null || features.dim() != 2) {
            throw new IllegalArgumentException(op + ": features of shape " + (features == null ? "null" : Shape.toString(features.shape()))
                    + "; expected a matrix (n, f)");
        }
        if (score == null || gen == null) {
            throw new IllegalArgumentException(op + ": score function and generator must be given");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException(op + ": repeats is " + repeats + "; expected at least 1");
        }
        int n = features.size(0);
        int f = features.size(1);
        if (n < 2) {
            throw new IllegalArgumentException(op + ": " + n + " events; expected at least 2 to shuffle");
        }
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
        double base = checkedScore(op, score, features, "the unshuffled features");
        double[][] imp = new double[f][repeats];
        double[] mean = new double[f];
        double[] std = new double[f];
        double[] column = new double[n];
        for (int j = 0; j < f; j++) {
            for (int r = 0; r < repeats; r++) {
                for (int i = 0; i < n; i++) {
                    column[i] = x[i * f + j];
                }
                for (int i = n - 1; i > 0; i--) {
                    int k = gen.nextInt(i + 1);
                    double t = column[i];
                    column[i] = column[k];
                    column[k] = t;
                }
                double[] xp = x.clone();
                for (int i = 0; i < n; i++) {
                    xp[i * f + j] = column[i];
                }
                Tensor shuffled = Tensor.of(xp, n, f).to(features.dtype());
                imp[j][r] = base - checkedScore(op, score, shuffled, "feature '" + fn.get(j) + "' shuffled");
            }
            double m = 0;
            for (double v : imp[j]) {
                m += v;
            }
            m /= repeats;
            double ss = 0;
            for (double v : imp[j]) {
                ss += (v - m) * (v - m);
            }
            mean[j] = m;
            std[j] = Math.sqrt(ss / repeats);
        }
        return new PermutationImportance(fn, base, imp, mean, std);
    }

    private static double checkedScore(String op, ToDoubleFunction<Tensor> score, Tensor x, String what) {
        double v = score.applyAsDouble(x);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(op + ": the score function returned " + v + " for " + what + "; expected a finite score");
        }
        return v;
    }

    /** Feature indices ordered by decreasing mean importance. */
    public int[] ranking() {
        Integer[] idx = new Integer[mean.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -mean[i]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermutationImportance p && featureNames.equals(p.featureNames) && baseline == p.baseline
                && Arrays.deepEquals(importances, p.importances);
    }

    @Override
    public int hashCode() {
        return featureNames.hashCode() * 31 + Arrays.deepHashCode(importances);
    }

    @Override
    public String toString() {
        return "PermutationImportance[baseline=" + baseline + ", mean=" + Arrays.toString(mean) + "]";
    }
}
