package dev.hadron.ml.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Prediction and serialization shared by the CART-based models (trees, forests, AdaBoost). */
final class Forests {
    private static final int CHUNK = 1024;

    private Forests() {
    }

    /** Refuses missing values: CART trees are fitted on finite features only. */
    static float[] finiteFeatures(String method, dev.hadron.tensor.Tensor x, int numFeatures) {
        float[] xs = Inputs.features(method, x, numFeatures);
        for (int i = 0; i < xs.length; i++) {
            if (Float.isNaN(xs[i])) {
                throw new IllegalArgumentException(method + ": feature " + (i % numFeatures) + " of event "
                        + (i / numFeatures) + " is NaN; this model was fitted without missing values (encode them, e.g."
                        + " as -999, or use GradientBoostedTrees, which learns where they go)");
            }
        }
        return xs;
    }

    /**
     * {@code sum_t weight[t] * leafValue_t(x)} over the trees (each of {@code width} outputs) for the
     * {@code n} rows of {@code x}, divided by {@code norm}: {@code n x width}, row-major.
     */
    static double[] weightedSum(List<Tree> trees, double[] weight, double norm, float[] x, int n, int nf, int width) {
        double[] out = new double[n * width];
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream s = IntStream.range(0, chunks);
        if ((long) n * trees.size() > 100_000) {
            s = s.parallel();
        }
        s.forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            for (int t = 0; t < trees.size(); t++) {
                Tree tree = trees.get(t);
                double wt = weight == null ? 1 : weight[t];
                for (int i = from; i < to; i++) {
                    int leaf = tree.leaf(x, i * nf);
                    for (int k = 0; k < width; k++) {
                        out[i * width + k] += wt * tree.value(leaf, k);
                    }
                }
            }
            for (int i = from * width; i < to * width; i++) {
                out[i] /= norm;
            }
        });
        return out;
    }

    /** Absolute CART settings from the relative hyperparameters. */
    static CartBuilder.Settings settings(Criterion criterion, int maxDepth, int minSamplesSplit, int minSamplesLeaf,
                                         double minWeightFractionLeaf, int maxLeafNodes,
                                         double minImpurityDecrease, int maxFeatures, int numFeatures) {
        int mf = maxFeatures < 0 ? numFeatures : maxFeatures == 0 ? Math.max(1, (int) Math.sqrt(numFeatures))
                : Math.min(maxFeatures, numFeatures);
        return new CartBuilder.Settings(criterion, maxDepth, minSamplesSplit, minSamplesLeaf,
                minWeightFractionLeaf, maxLeafNodes, minImpurityDecrease, mf);
    }

    static int[] labels(double[] y) {
        int[] c = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = (int) y[i];
        }
        return c;
    }

    static double total(double[] w) {
        double t = 0;
        for (double v : w) {
            t += v;
        }
        return t;
    }

    /** Impurity-decrease importances summed over trees (each tree's normalized first when {@code perTree}). */
    static double[] importances(List<Tree> trees, double[] weight, int numFeatures, boolean splits) {
        double[] imp = new double[numFeatures];
        for (int t = 0; t < trees.size(); t++) {
            Tree tree = trees.get(t);
            double[] ti = new double[numFeatures];
            double sum = 0;
            for (int j = 0; j < tree.numNodes(); j++) {
                if (!tree.isLeaf(j)) {
                    double v = splits ? 1 : tree.gain(j);
                    ti[tree.feature(j)] += v;
                    sum += v;
                }
            }
            if (sum > 0) {
                for (int f = 0; f < numFeatures; f++) {
                    imp[f] += (weight == null ? 1 : weight[t]) * ti[f] / sum;
                }
            }
        }
        return imp;
    }

    static List<Object> treesToJson(List<Tree> trees) {
        List<Object> l = new ArrayList<>();
        for (Tree t : trees) {
            l.add(t.toJson());
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    static List<Tree> treesFromJson(Map<String, Object> m, String key, int numFeatures, int width) {
        List<?> l = JsonArrays.list(m, key);
        List<Tree> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof Map<?, ?> tm)) {
                throw new IllegalArgumentException("model JSON: tree " + i + " is not an object");
            }
            Tree t;
            try {
                t = Tree.fromJson((Map<String, Object>) tm, numFeatures);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tree " + i + ": " + e.getMessage(), e);
            }
            if (t.width() != width) {
                throw new IllegalArgumentException("model JSON: tree " + i + " has " + t.width() + " outputs, expected "
                        + width);
            }
            out.add(t);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("model JSON: the model has no trees");
        }
        return out;
    }
}
