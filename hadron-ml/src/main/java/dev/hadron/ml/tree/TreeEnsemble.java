package dev.hadron.ml.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * An additive ensemble of single-output trees: the raw score ("margin") of group {@code k} for a row
 * is {@code baseMargin[k]} plus the leaf values of the trees assigned to group {@code k}. Boosted
 * classifiers have one group per class (one for binary classification), regressors one group.
 * Immutable; built by boosting or assembled with {@link #of} (model import).
 */
public final class TreeEnsemble {
    /** Rows per prediction chunk handed to a thread. */
    private static final int CHUNK = 2048;

    private final Tree[] trees;
    private final int[] group;
    private final int groups;
    private final double[] baseMargin;
    private final int numFeatures;

    private TreeEnsemble(Tree[] trees, int[] group, int groups, double[] baseMargin, int numFeatures) {
        this.trees = trees;
        this.group = group;
        this.groups = groups;
        this.baseMargin = baseMargin;
        this.numFeatures = numFeatures;
    }

    /**
     * An ensemble of {@code trees}; tree {@code i} adds to group {@code group[i]}. Every tree must have
     * one output per node and split only on features {@code 0 .. numFeatures - 1}.
     */
    public static TreeEnsemble of(List<Tree> trees, int[] group, double[] baseMargin, int numFeatures) {
        if (group.length != trees.size()) {
            throw new IllegalArgumentException("TreeEnsemble: " + group.length + " group indices for " + trees.size()
                    + " trees");
        }
        if (baseMargin.length < 1) {
            throw new IllegalArgumentException("TreeEnsemble: at least one output group is needed");
        }
        if (numFeatures < 1) {
            throw new IllegalArgumentException("TreeEnsemble: numFeatures must be positive, got " + numFeatures);
        }
        for (double b : baseMargin) {
            if (!Double.isFinite(b)) {
                throw new IllegalArgumentException("TreeEnsemble: base margin " + b + " is not finite");
            }
        }
        for (int i = 0; i < group.length; i++) {
            if (group[i] < 0 || group[i] >= baseMargin.length) {
                throw new IllegalArgumentException("TreeEnsemble: tree " + i + " belongs to group " + group[i]
                        + "; expected 0 .. " + (baseMargin.length - 1));
            }
            Tree t = trees.get(i);
            if (t.width() != 1) {
                throw new IllegalArgumentException("TreeEnsemble: tree " + i + " has " + t.width()
                        + " outputs per node; boosted trees have 1");
            }
            for (int j = 0; j < t.numNodes(); j++) {
                if (!t.isLeaf(j) && t.feature(j) >= numFeatures) {
                    throw new IllegalArgumentException("TreeEnsemble: tree " + i + " node " + j + " splits on feature "
                            + t.feature(j) + " of " + numFeatures);
                }
            }
        }
        return new TreeEnsemble(trees.toArray(new Tree[0]), group.clone(), baseMargin.length, baseMargin.clone(),
                numFeatures);
    }

    /** Number of trees. */
    public int numTrees() {
        return trees.length;
    }

    /** Tree {@code i}. */
    public Tree tree(int i) {
        return trees[i];
    }

    /** The trees, in boosting order. */
    public List<Tree> trees() {
        return List.of(trees);
    }

    /** The output group of tree {@code i}. */
    public int group(int i) {
        return group[i];
    }

    /** Number of output groups. */
    public int groups() {
        return groups;
    }

    /** The starting raw score of group {@code k}. */
    public double baseMargin(int k) {
        return baseMargin[k];
    }

    /** Number of input features. */
    public int numFeatures() {
        return numFeatures;
    }

    /** The first {@code count} trees with the same base margins. */
    TreeEnsemble firstTrees(int count) {
        return new TreeEnsemble(Arrays.copyOf(trees, count), Arrays.copyOf(group, count), groups, baseMargin,
                numFeatures);
    }

    /**
     * Raw scores of the first {@code count} trees for {@code n} rows of {@code x} (row-major,
     * {@link #numFeatures()} per row): {@code n x groups}, row-major.
     */
    double[] margins(float[] x, int n, int count) {
        double[] out = new double[n * groups];
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream s = IntStream.range(0, chunks);
        if ((long) n * count > 200_000) {
            s = s.parallel();
        }
        s.forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            for (int i = from; i < to; i++) {
                for (int k = 0; k < groups; k++) {
                    out[i * groups + k] = baseMargin[k];
                }
            }
            for (int t = 0; t < count; t++) {
                Tree tree = trees[t];
                int k = group[t];
                for (int i = from; i < to; i++) {
                    out[i * groups + k] += tree.leafValue(tree.leaf(x, i * numFeatures));
                }
            }
        });
        return out;
    }

    /** Adds tree {@code t}'s output to the raw scores {@code out} of the {@code n} rows of {@code x}. */
    void addTree(int t, float[] x, int n, double[] out) {
        Tree tree = trees[t];
        int k = group[t];
        for (int i = 0; i < n; i++) {
            out[i * groups + k] += tree.leafValue(tree.leaf(x, i * numFeatures));
        }
    }

    /** Total gain (or, with {@code splits}, the number of splits) per feature, not normalized. */
    double[] importances(boolean splits) {
        double[] imp = new double[numFeatures];
        for (Tree t : trees) {
            for (int j = 0; j < t.numNodes(); j++) {
                if (!t.isLeaf(j)) {
                    imp[t.feature(j)] += splits ? 1 : t.gain(j);
                }
            }
        }
        return imp;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numFeatures", (long) numFeatures);
        m.put("baseMargin", baseMargin);
        m.put("group", group);
        List<Object> ts = new ArrayList<>();
        for (Tree t : trees) {
            ts.add(t.toJson());
        }
        m.put("trees", ts);
        return m;
    }

    @SuppressWarnings("unchecked")
    static TreeEnsemble fromJson(Map<String, Object> m) {
        int nf = (int) JsonArrays.integer(m, "numFeatures");
        List<?> ts = JsonArrays.list(m, "trees");
        List<Tree> trees = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            if (!(ts.get(i) instanceof Map<?, ?> tm)) {
                throw new IllegalArgumentException("model JSON: tree " + i + " is not an object");
            }
            try {
                trees.add(Tree.fromJson((Map<String, Object>) tm, nf));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tree " + i + ": " + e.getMessage(), e);
            }
        }
        return of(trees, JsonArrays.ints(m, "group"), JsonArrays.doubles(m, "baseMargin"), nf);
    }
}
