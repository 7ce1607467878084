package dev.hadron.data;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Events for training and evaluation: features (a dense (n, f...) tensor, or a {@link Jagged} batch of
 * n events), optional labels (n) — int64 class indices or float targets — and optional per-event
 * weights (n), negative ones allowed. Immutable; {@link #subset}, {@link #shuffle} and the splits
 * return new datasets sharing nothing mutable.
 *
 * <pre>{@code
 * Dataset data = Dataset.of(x, y, w).withFeatureNames(names);
 * Dataset.Split s = data.splitStratified(new Generator(42), 0.6, 0.2);   // train / validation / test
 * Standardizer std = Standardizer.fit(s.train().features());
 * }</pre>
 */
public final class Dataset {
    private final Tensor features;
    private final Jagged jagged;
    private final Tensor labels;
    private final Tensor weights;
    private final List<String> featureNames;

    private Dataset(Tensor features, Jagged jagged, Tensor labels, Tensor weights, List<String> featureNames) {
        this.features = features;
        this.jagged = jagged;
        this.labels = labels;
        this.weights = weights;
        this.featureNames = featureNames;
        int n = size();
        if (labels != null) {
            if (labels.dim() < 1 || labels.size(0) != n) {
                throw new IllegalArgumentException("Dataset: labels of shape " + Shape.toString(labels.shape()) + " for " + n
                        + " events; expected " + n + " labels");
            }
            if (labels.dtype().isFloatingPoint()) {
                int bad = firstNonFinite(labels);
                if (bad >= 0) {
                    throw new IllegalArgumentException("Dataset: label of event " + bad + " is " + valueAt(labels, bad)
                            + "; labels must be finite");
                }
            }
        }
        if (weights != null) {
            if (weights.dim() != 1 || weights.size(0) != n) {
                throw new IllegalArgumentException("Dataset: weights of shape " + Shape.toString(weights.shape()) + " for " + n
                        + " events; expected shape [" + n + "]");
            }
            int bad = firstNonFinite(weights);
            if (bad >= 0) {
                throw new IllegalArgumentException("Dataset: weight of event " + bad + " is " + valueAt(weights, bad)
                        + "; weights must be finite (negative weights are allowed)");
            }
        }
        if (featureNames != null && features != null && features.dim() == 2 && featureNames.size() != features.size(1)) {
            throw new IllegalArgumentException("Dataset: " + featureNames.size() + " feature names for " + features.size(1)
                    + " feature columns");
        }
    }

    private static int firstNonFinite(Tensor t) {
        double[] v = t.detach().toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    private static double valueAt(Tensor t, int flat) {
        return t.detach().toDoubleArray()[flat];
    }

    /** Unlabelled dense features (n, f...). */
    public static Dataset of(Tensor features) {
        return new Dataset(checkFeatures(features), null, null, null, null);
    }

    /** Dense features with labels. */
    public static Dataset of(Tensor features, Tensor labels) {
        return new Dataset(checkFeatures(features), null, labels, null, null);
    }

    /** Dense features with labels and per-event weights (null for unit weights). */
    public static Dataset of(Tensor features, Tensor labels, Tensor weights) {
        return new Dataset(checkFeatures(features), null, labels, weights, null);
    }

    /** Jagged features (one entry list per event) with labels and weights (either may be null). */
    public static Dataset ofJagged(Jagged features, Tensor labels, Tensor weights) {
        return new Dataset(null, features, labels, weights, null);
    }

    private static Tensor checkFeatures(Tensor features) {
        if (features.dim() < 1) {
            throw new IllegalArgumentException("Dataset: features must have an event dimension, got a scalar");
        }
        return features;
    }

    /** The same data with names for the feature columns. */
    public Dataset withFeatureNames(List<String> names) {
        return new Dataset(features, jagged, labels, weights, List.copyOf(names));
    }

    /** The same features with other labels. */
    public Dataset withLabels(Tensor newLabels) {
        return new Dataset(features, jagged, newLabels, weights, featureNames);
    }

    /** The same data with other weights (null for unit weights). */
    public Dataset withWeights(Tensor newWeights) {
        return new Dataset(features, jagged, labels, newWeights, featureNames);
    }

    /** The same labels and weights with other dense features (same number of events). */
    public Dataset withFeatures(Tensor newFeatures) {
        if (newFeatures.size(0) != size()) {
            throw new IllegalArgumentException("Dataset.withFeatures: " + newFeatures.size(0) + " rows for " + size()
                    + " events");
        }
        return new Dataset(newFeatures, null, labels, weights, null);
    }

    /** Number of events. */
    public int size() {
        return jagged != null ? jagged.numEvents() : features.size(0);
    }

    /** True if the features are jagged. */
    public boolean isJagged() {
        return jagged != null;
    }

    /** Dense features (n, f...); fails for jagged data. */
    public Tensor features() {
        if (features == null) {
            throw new IllegalStateException("Dataset: the features are jagged; use jaggedFeatures()");
        }
        return features;
    }

    /** Jagged features; fails for dense data. */
    public Jagged jaggedFeatures() {
        if (jagged == null) {
            throw new IllegalStateException("Dataset: the features are dense; use features()");
        }
        return jagged;
    }

    /** Number of feature columns (last dimension of the dense features or of the jagged values). */
    public int numFeatures() {
        Tensor v = jagged != null ? jagged.values() : features;
        return v.dim() == 1 ? 1 : v.size(v.dim() - 1);
    }

    /** Labels, or null if unlabelled. */
    public Tensor labels() {
        return labels;
    }

    /** True if explicit weights were given. */
    public boolean hasWeights() {
        return weights != null;
    }

    /** Per-event weights; ones (float64) when none were given. */
    public Tensor weights() {
        return weights != null ? weights : Tensor.ones(DType.FLOAT64, size());
    }

    /** Feature names, or generated names {@code f0, f1, ...}. */
    public List<String> featureNames() {
        if (featureNames != null) {
            return featureNames;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < numFeatures(); i++) {
            names.add("f" + i);
        }
        return names;
    }

    /** Number of classes (largest integer label + 1); fails for float labels or none. */
    public int numClasses() {
        if (labels == null) {
            throw new IllegalStateException("Dataset: no labels");
        }
        long[] y = labels.toLongArray();
        long max = -1;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException("Dataset: class label of event " + i + " is negative (" + y[i] + ")");
            }
            max = Math.max(max, y[i]);
        }
        return (int) max + 1;
    }

    /** The events at {@code indices} (in that order). */
    public Dataset subset(long[] indices) {
        Tensor idx = Tensor.of(indices, indices.length);
        Tensor f = features == null ? null : features.indexSelect(0, idx);
        Jagged j = jagged == null ? null : selectJagged(jagged, indices);
        return new Dataset(f, j, labels == null ? null : labels.indexSelect(0, idx),
                weights == null ? null : weights.indexSelect(0, idx), featureNames);
    }

    private static Jagged selectJagged(Jagged j, long[] events) {
        long[] off = j.offsetsArray();
        long[] counts = new long[events.length];
        long total = 0;
        for (int i = 0; i < events.length; i++) {
            counts[i] = off[(int) events[i] + 1] - off[(int) events[i]];
            total += counts[i];
        }
        long[] rows = new long[(int) total];
        int k = 0;
        for (long e : events) {
            for (long r = off[(int) e]; r < off[(int) e + 1]; r++) {
                rows[k++] = r;
            }
        }
        Tensor values = j.values().indexSelect(0, Tensor.of(rows, rows.length));
        return Jagged.fromCounts(values, counts);
    }

    /** The events in a random order. */
    public Dataset shuffle(Generator gen) {
        return subset(Tensor.randperm(gen, size()).toLongArray());
    }

    /** Train / validation / test parts. */
    public record Split(Dataset train, Dataset validation, Dataset test) {
    }

    private static void checkFractions(double train, double valid) {
        if (!(train > 0) || !(valid >= 0) || train + valid > 1 + 1e-12) {
            throw new IllegalArgumentException("Dataset.split: fractions must satisfy train > 0, validation >= 0 and"
                    + " train + validation <= 1; got train " + train + ", validation " + valid);
        }
    }

    /** A random split: {@code trainFraction} and {@code validFraction} of the events, the rest for test. */
    public Split split(Generator gen, double trainFraction, double validFraction) {
        checkFractions(trainFraction, validFraction);
        long[] perm = Tensor.randperm(gen, size()).toLongArray();
        int n = perm.length;
        int nTrain = (int) Math.round(n * trainFraction);
        int nValid = (int) Math.round(n * validFraction);
        nValid = Math.min(nValid, n - nTrain);
        return new Split(subset(Arrays.copyOfRange(perm, 0, nTrain)),
                subset(Arrays.copyOfRange(perm, nTrain, nTrain + nValid)),
                subset(Arrays.copyOfRange(perm, nTrain + nValid, n)));
    }

    /** A random split that keeps each class's share equal in every part (integer labels). */
    public Split splitStratified(Generator gen, double trainFraction, double validFraction) {
        checkFractions(trainFraction, validFraction);
        int classes = numClasses();
        long[] y = labels.toLongArray();
        long[] perm = Tensor.randperm(gen, size()).toLongArray();
        List<Long> train = new ArrayList<>();
        List<Long> valid = new ArrayList<>();
        List<Long> test = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Long> members = new ArrayList<>();
            for (long i : perm) {
                if (y[(int) i] == c) {
                    members.add(i);
                }
            }
            int n = members.size();
            int nTrain = (int) Math.round(n * trainFraction);
            int nValid = Math.min((int) Math.round(n * validFraction), n - nTrain);
            train.addAll(members.subList(0, nTrain));
            valid.addAll(members.subList(nTrain, nTrain + nValid));
            test.addAll(members.subList(nTrain + nValid, n));
        }
        return new Split(subset(sortedByPermutation(train, perm)), subset(sortedByPermutation(valid, perm)),
                subset(sortedByPermutation(test, perm)));
    }

    /** Keeps the shuffled order (so classes are interleaved, not blocked). */
    private static long[] sortedByPermutation(List<Long> members, long[] perm) {
        int[] rank = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            rank[(int) perm[i]] = i;
        }
        return members.stream().sorted((a, b) -> Integer.compare(rank[(int) (long) a], rank[(int) (long) b]))
                .mapToLong(Long::longValue).toArray();
    }

    @Override
    public String toString() {
        return "Dataset(events=" + size() + ", features=" + (jagged != null ? jagged.toString()
                : Shape.toString(features.shape()) + " " + features.dtype()) + (labels != null ? ", labels=" + labels.dtype()
                : "") + (weights != null ? ", weighted" : "") + ")";
    }
}
