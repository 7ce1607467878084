package dev.hadron.ml.tree;

import dev.hadron.tensor.Generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The boosting loop shared by {@link GradientBoostedTrees} and {@link GradientBoostedRegressor}:
 * bin the features once, then per round compute gradients, grow one tree per output group on a row
 * and column sample, and add its leaves to the raw scores. The seeded generator is split once for
 * the binning sample and once per round, so a fit is reproducible for a seed, and the thread count
 * never changes the result (see {@link Parallel}).
 */
final class Boosting {
    private Boosting() {
    }

    /** Held-out data for early stopping and the validation-loss curve. */
    record Validation(float[] x, int n, double[] y, double[] w) {
    }

    /** A fitted ensemble with its validation curve (empty without validation data). */
    record Result(TreeEnsemble ensemble, double[] validationLoss, int bestRounds) {
    }

    static Result train(GradientBoostedTrees.Params p, Objective obj, Inputs.Prepared d, Validation valid) {
        Trees.check(p.maxDepth() > 0 || p.maxLeaves() > 0, "maxDepth", p.maxDepth(),
                "a positive depth when maxLeaves is 0 (no limit on either would grow trees without bound)");
        int threads = p.threads() > 0 ? p.threads() : Runtime.getRuntime().availableProcessors();
        try (Parallel par = new Parallel(threads)) {
            return train(p, obj, d, valid, par);
        }
    }

    private static Result train(GradientBoostedTrees.Params p, Objective obj, Inputs.Prepared d, Validation valid,
                                Parallel par) {
        int n = d.n();
        int nf = d.features();
        Generator gen = new Generator(p.seed());
        Binning bins = Binning.fit(d.x(), n, nf, p.bins(), gen.split(), par);
        Binning.Binned binned = bins.transform(d.x(), n, par);
        int groups = obj.groups(d.classes());
        double[] base = obj.baseMargin(d.y(), d.w(), d.classes());
        double[] raw = new double[n * groups];
        for (int i = 0; i < n; i++) {
            System.arraycopy(base, 0, raw, i * groups, groups);
        }
        Splitting splitting = new Splitting(p.l1(), p.l2(), p.minChildWeight(), p.minSplitGain());
        Grower grower = new Grower(binned, splitting, p.maxDepth(), p.maxLeaves(),
                p.growPolicy() == GrowPolicy.LOSSGUIDE, p.learningRate(), p.colsampleByNode(), par);
        int[] sample = new int[n];
        boolean[] inSample = p.subsample() < 1 ? new boolean[n] : null;
        float[][] gk;
        float[][] hk;
        if (groups == 1) {
            gk = new float[][] {grower.g};
            hk = new float[][] {grower.h};
        } else {
            gk = new float[groups][n];
            hk = new float[groups][n];
        }
        int[] missing = grower.missingCodes();
        double[] validRaw = null;
        List<Double> validLoss = new ArrayList<>();
        if (valid != null) {
            validRaw = new double[valid.n() * groups];
            for (int i = 0; i < valid.n(); i++) {
                System.arraycopy(base, 0, validRaw, i * groups, groups);
            }
        }
        List<Tree> trees = new ArrayList<>();
        List<Integer> treeGroup = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestRound = -1;
        int[] leafList = new int[16];
        for (int round = 0; round < p.trees(); round++) {
            Generator rg = gen.split();
            int m = sampleRows(n, p.subsample(), rg, sample, inSample);
            boolean identity = m == n;
            int[] features = sampleFeatures(nf, p.colsampleByTree(), rg);
            int mm = m;
            par.forRange(m, 16384, (from, to) -> obj.gradients(raw, d.y(), d.w(), groups, p.huberSlope(), sample, from,
                    to, gk, hk));
            for (int k = 0; k < groups; k++) {
                System.arraycopy(sample, 0, grower.rows, 0, m);
                if (groups > 1) {
                    System.arraycopy(gk[k], 0, grower.g, 0, m);
                    System.arraycopy(hk[k], 0, grower.h, 0, m);
                }
                Tree tree = grower.grow(m, identity, features, rg);
                trees.add(tree);
                treeGroup.add(k);
                int leaves = 0;
                for (int j = 0; j < grower.numNodes(); j++) {
                    if (grower.isLeaf(j)) {
                        if (leaves == leafList.length) {
                            leafList = Arrays.copyOf(leafList, 2 * leaves);
                        }
                        leafList[leaves++] = j;
                    }
                }
                int[] ll = leafList;
                int kk = k;
                int nl = leaves;
                par.forEach(Math.min(nl, par.threads()), t -> {
                    for (int q = t; q < nl; q += par.threads()) {
                        int leaf = ll[q];
                        double v = tree.leafValue(leaf);
                        for (int i = grower.start[leaf]; i < grower.end[leaf]; i++) {
                            raw[grower.rows[i] * groups + kk] += v;
                        }
                    }
                });
                if (mm < n) {
                    par.forRange(n, 16384, (from, to) -> {
                        for (int i = from; i < to; i++) {
                            if (!inSample[i]) {
                                raw[i * groups + kk] += tree.leafValue(tree.leafBinned(binned.codes(), n, i, missing));
                            }
                        }
                    });
                }
            }
            if (valid != null) {
                for (int k = 0; k < groups; k++) {
                    addTree(trees.get(trees.size() - groups + k), k, groups, valid.x(), valid.n(), nf, validRaw);
                }
                double loss = obj.loss(validRaw, valid.y(), valid.w(), groups, p.huberSlope());
                validLoss.add(loss);
                if (loss < bestLoss - 1e-7 * Math.abs(bestLoss) || bestRound < 0) {
                    bestLoss = loss;
                    bestRound = round;
                } else if (p.earlyStoppingRounds() > 0 && round - bestRound >= p.earlyStoppingRounds()) {
                    break;
                }
            }
        }
        int rounds = trees.size() / groups;
        if (valid != null && p.earlyStoppingRounds() > 0) {
            rounds = bestRound + 1;
        }
        int[] group = new int[rounds * groups];
        for (int i = 0; i < group.length; i++) {
            group[i] = treeGroup.get(i);
        }
        TreeEnsemble ensemble = TreeEnsemble.of(trees.subList(0, rounds * groups), group, base, nf);
        double[] vl = new double[validLoss.size()];
        for (int i = 0; i < vl.length; i++) {
            vl[i] = validLoss.get(i);
        }
        return new Result(ensemble, vl, rounds);
    }

    private static void addTree(Tree tree, int k, int groups, float[] x, int n, int nf, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i * groups + k] += tree.leafValue(tree.leaf(x, i * nf));
        }
    }

    /** Bernoulli row sample (XGBoost's {@code subsample}); all rows when {@code fraction == 1}. */
    private static int sampleRows(int n, double fraction, Generator g, int[] sample, boolean[] inSample) {
        if (fraction >= 1) {
            for (int i = 0; i < n; i++) {
                sample[i] = i;
            }
            return n;
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            boolean take = g.nextDouble() < fraction;
            inSample[i] = take;
            if (take) {
                sample[m++] = i;
            }
        }
        if (m == 0) {
            int i = g.nextInt(n);
            inSample[i] = true;
            sample[m++] = i;
        }
        return m;
    }

    /** A sorted random subset of {@code round(fraction * nf)} features (at least one). */
    static int[] sampleFeatures(int nf, double fraction, Generator g) {
        int keep = fraction >= 1 ? nf : Math.max(1, (int) Math.round(fraction * nf));
        int[] idx = new int[nf];
        for (int i = 0; i < nf; i++) {
            idx[i] = i;
        }
        if (keep == nf) {
            return idx;
        }
        for (int k = 0; k < keep; k++) {
            int j = k + g.nextInt(nf - k);
            int t = idx[k];
            idx[k] = idx[j];
            idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, keep);
        Arrays.sort(out);
        return out;
    }
}
