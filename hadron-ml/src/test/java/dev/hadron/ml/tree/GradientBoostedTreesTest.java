package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The boosting features one by one, on small synthetic samples where the right answer is known. */
class GradientBoostedTreesTest {
    @Test
    void conformance() {
        Conformance.checkClassifier(GradientBoostedTrees.Params.defaults(), Conformance.Options.strict());
    }

    @Test
    void regressorConformance() {
        Conformance.checkRegressor(GradientBoostedTrees.Params.defaults().regressor(), Conformance.Options.strict());
        Conformance.checkRegressor(GradientBoostedTrees.Params.defaults().withObjective(Objective.PSEUDO_HUBER)
                .regressor(), Conformance.Options.strict());
    }

    @Test
    void multiclassConformance() {
        Conformance.checkClassifier(GradientBoostedTrees.Params.defaults().withTrees(20)
                .withObjective(Objective.MULTICLASS_SOFTMAX), Conformance.Options.strict());
    }

    /** Two informative features out of four: class 1 when x0 + x1 > 0 (with label noise). */
    static Dataset twoFeatures(long seed, int n) {
        Generator g = new Generator(seed);
        float[] x = new float[n * 4];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) g.nextGaussian();
            }
            double s = x[i * 4] + x[i * 4 + 1] + 0.3 * g.nextGaussian();
            y[i] = s > 0 ? 1 : 0;
        }
        return Dataset.of(Tensor.of(x, n, 4), Tensor.of(y, n));
    }

    @Test
    void minimumPublicContract() {
        Dataset d = twoFeatures(1, 1000);
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(30).withMaxDepth(3)
                .withLearningRate(0.3).withBins(64);
        // labels of any numeric dtype
        Tensor yFloat = d.labels().to(DType.FLOAT32);
        GradientBoostedTrees m = GradientBoostedTrees.fit(p, d.features(), yFloat);
        Tensor proba = m.predictProba(d.features());
        assertArrayEquals(new int[] {1000, 2}, proba.shape());
        assertEquals(2, m.numClasses());
        assertEquals(30, m.rounds());
        double acc = m.predict(d.features()).eq(d.labels()).to(DType.FLOAT64).mean().item();
        assertTrue(acc > 0.9, "training accuracy " + acc);
        Tensor w = Tensor.ones(DType.FLOAT64, 1000);
        GradientBoostedTrees mw = GradientBoostedTrees.fit(p, d.features(), d.labels().to(DType.INT32), w);
        assertArrayEquals(proba.toDoubleArray(), mw.predictProba(d.features()).toDoubleArray(), 0.0,
                "unit weights equal no weights");
        // decision function is the log-odds of predictProba
        double[] f = m.decisionFunction(d.features()).toDoubleArray();
        double[] p1 = proba.select(1, 1).toDoubleArray();
        for (int i = 0; i < 10; i++) {
            assertEquals(1 / (1 + Math.exp(-f[i])), p1[i], 1e-12);
        }
    }

    @Test
    void multiclassSoftmaxHasOneTreePerClassAndRound() {
        int n = 900;
        Generator g = new Generator(4);
        float[] x = new float[n * 2];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[2 * i] = (float) (y[i] * 2 + g.nextGaussian());
            x[2 * i + 1] = (float) g.nextGaussian();
        }
        Tensor xt = Tensor.of(x, n, 2);
        GradientBoostedTrees m = GradientBoostedTrees.fit(GradientBoostedTrees.Params.defaults().withTrees(15), xt,
                Tensor.of(y, n));
        assertEquals(Objective.MULTICLASS_SOFTMAX, m.objective());
        assertEquals(45, m.ensemble().numTrees());
        assertArrayEquals(new int[] {n, 3}, m.predictProba(xt).shape());
        assertArrayEquals(new int[] {n, 3}, m.decisionFunction(xt).shape());
        double acc = m.predict(xt).eq(Tensor.of(y, n)).to(DType.FLOAT64).mean().item();
        assertTrue(acc > 0.8, "accuracy " + acc);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientBoostedTrees.Params
                .defaults().withObjective(Objective.BINARY_LOGISTIC).fit(Dataset.of(xt, Tensor.of(y, n))));
        assertTrue(e.getMessage().contains("two classes"), e.getMessage());
    }

    /** Missing x0 occurs only in one class: the learned default direction sends missing rows to that class. */
    @Test
    void missingValuesFollowTheLearnedDefaultDirection() {
        for (int missingClass = 0; missingClass < 2; missingClass++) {
            int n = 2000;
            Generator g = new Generator(5);
            float[] x = new float[n];
            long[] y = new long[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 2;
                x[i] = (float) ((y[i] == 1 ? 1 : -1) + 0.5 * g.nextGaussian());
                if (y[i] == missingClass && g.nextDouble() < 0.3) {
                    x[i] = Float.NaN;
                }
            }
            GradientBoostedTrees m = GradientBoostedTrees.fit(GradientBoostedTrees.Params.defaults().withTrees(20)
                    .withMaxDepth(2), Tensor.of(x, n, 1), Tensor.of(y, n));
            double pMissing = m.predictProba(Tensor.of(new float[] {Float.NaN}, 1, 1)).select(1, 1).item();
            if (missingClass == 1) {
                assertTrue(pMissing > 0.9, "missing rows are all class 1, but P(1) = " + pMissing);
            } else {
                assertTrue(pMissing < 0.1, "missing rows are all class 0, but P(1) = " + pMissing);
            }
            Tree first = m.ensemble().tree(0);
            boolean sawMissingSplit = false;
            for (int j = 0; j < first.numNodes(); j++) {
                sawMissingSplit |= !first.isLeaf(j);
            }
            assertTrue(sawMissingSplit);
        }
    }

    /** One stump with learning rate 1 on squared error: leaf = -soft(G, l1) / (H + l2), exactly. */
    @Test
    void leafValuesHonourL1AndL2() {
        int n = 400;
        float[] x = new float[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < 100 ? 0 : 1;
            y[i] = i < 100 ? 5 + (i % 3) : -1 + (i % 2);
        }
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        for (double[] pen : new double[][] {{0, 0}, {0, 10}, {30, 1}, {1000, 1}}) {
            GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(1).withMaxDepth(1)
                    .withLearningRate(1).withMinChildWeight(0).withL1(pen[0]).withL2(pen[1]);
            GradientBoostedRegressor m = GradientBoostedRegressor.fit(p, Tensor.of(x, n, 1), Tensor.of(y, n));
            double[] pred = m.predict(Tensor.of(new float[] {0, 1}, 2, 1)).toDoubleArray();
            for (int side = 0; side < 2; side++) {
                double gs = 0;
                int h = 0;
                for (int i = side == 0 ? 0 : 100; i < (side == 0 ? 100 : n); i++) {
                    gs += mean - y[i];
                    h++;
                }
                double soft = Math.signum(gs) * Math.max(0, Math.abs(gs) - pen[0]);
                double expected = m.ensemble().tree(0).isLeaf(0) ? Double.NaN : mean - soft / (h + pen[1]);
                if (m.ensemble().tree(0).isLeaf(0)) {
                    // an L1 penalty larger than any |G| leaves nothing worth splitting
                    assertEquals(1000, pen[0]);
                    assertEquals(mean, pred[side], 1e-5);
                } else {
                    assertEquals(expected, pred[side], 1e-4, "side " + side + ", l1 " + pen[0] + ", l2 " + pen[1]);
                }
            }
        }
    }

    @Test
    void minChildWeightForbidsLightChildren() {
        Dataset d = twoFeatures(2, 500);
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(5).withMaxDepth(8);
        // the binary-logistic hessian is at most 0.25 per event: 500 events weigh < 125 in total
        GradientBoostedTrees none = p.withMinChildWeight(70).fit(d);
        for (Tree t : none.ensemble().trees()) {
            assertEquals(1, t.numNodes(), "no child can reach hessian 70");
        }
        GradientBoostedTrees some = p.withMinChildWeight(5).fit(d);
        for (Tree t : some.ensemble().trees()) {
            for (int j = 0; j < t.numNodes(); j++) {
                assertTrue(t.cover(j) >= 5 - 1e-6, "node cover " + t.cover(j) + " below minChildWeight");
            }
        }
    }

    @Test
    void rowAndColumnSubsamplingAreSeeded() {
        Dataset d = twoFeatures(3, 1000);
        Tensor x = d.features();
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(20).withSubsample(0.5)
                .withColsampleByTree(0.5).withColsampleByNode(0.5);
        double[] a = p.fit(d).predictProba(x).toDoubleArray();
        assertArrayEquals(a, p.fit(d).predictProba(x).toDoubleArray(), 0.0, "same seed, same model");
        double[] b = p.withSeed(7).fit(d).predictProba(x).toDoubleArray();
        boolean differ = false;
        for (int i = 0; i < a.length; i++) {
            differ |= a[i] != b[i];
        }
        assertTrue(differ, "another seed draws other samples");
        // one feature of four per tree: every tree splits on a single feature
        GradientBoostedTrees m = p.withSubsample(1).withColsampleByNode(1).withColsampleByTree(0.25).fit(d);
        Set<Integer> used = new HashSet<>();
        for (Tree t : m.ensemble().trees()) {
            Set<Integer> inTree = new HashSet<>();
            for (int j = 0; j < t.numNodes(); j++) {
                if (!t.isLeaf(j)) {
                    inTree.add(t.feature(j));
                }
            }
            assertTrue(inTree.size() <= 1, "tree uses features " + inTree);
            used.addAll(inTree);
        }
        assertTrue(used.size() >= 2, "different trees draw different features: " + used);
    }

    @Test
    void earlyStoppingKeepsTheBestRound() {
        Dataset train = twoFeatures(10, 600);
        Dataset valid = twoFeatures(11, 600);
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(300).withMaxDepth(6)
                .withLearningRate(0.5).withMinChildWeight(0);
        GradientBoostedTrees full = p.fit(train, valid);
        assertEquals(300, full.rounds(), "without earlyStoppingRounds every round is kept");
        double[] curve = full.validationLoss();
        assertEquals(300, curve.length);
        int best = 0;
        for (int r = 1; r < curve.length; r++) {
            if (curve[r] < curve[best]) {
                best = r;
            }
        }
        assertTrue(best < 250, "the over-fitting sample must turn the validation loss up; best round " + best);
        GradientBoostedTrees stopped = p.withEarlyStoppingRounds(10).fit(train, valid);
        double[] sc = stopped.validationLoss();
        assertTrue(stopped.rounds() < 300);
        assertEquals(stopped.rounds() + 10, sc.length, "stops 10 rounds after the best one");
        for (int r = 0; r < sc.length; r++) {
            assertTrue(sc[stopped.rounds() - 1] <= sc[r] + 1e-12);
        }
        // the kept model is the full model cut at the best round
        assertArrayEquals(full.predictProba(valid.features(), stopped.rounds()).toDoubleArray(),
                stopped.predictProba(valid.features()).toDoubleArray(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.fit(train, valid.withLabels(valid.labels().add(5))));
        assertTrue(e.getMessage().contains("validation label"), e.getMessage());
    }

    /** Outliers pull the squared-error fit towards them; pseudo-Huber stays near the bulk. */
    @Test
    void huberIsRobustToOutliers() {
        int n = 1000;
        Generator g = new Generator(6);
        float[] x = new float[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) g.nextDouble();
            y[i] = 2 * x[i] + 0.1 * g.nextGaussian() + (i % 25 == 0 ? 20 : 0);
        }
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(60).withMaxDepth(2)
                .withBins(16);
        Tensor xt = Tensor.of(x, n, 1);
        float[] grid = new float[50];
        for (int i = 0; i < 50; i++) {
            grid[i] = (i + 0.5f) / 50;
        }
        Tensor probe = Tensor.of(grid, 50, 1);
        double[] se = GradientBoostedRegressor.fit(p.withObjective(Objective.SQUARED_ERROR), xt, Tensor.of(y, n))
                .predict(probe).toDoubleArray();
        double[] hu = GradientBoostedRegressor.fit(p.withObjective(Objective.PSEUDO_HUBER), xt, Tensor.of(y, n))
                .predict(probe).toDoubleArray();
        double biasSe = 0;
        double biasHu = 0;
        for (int i = 0; i < 50; i++) {
            biasSe += (se[i] - 2 * grid[i]) / 50;
            biasHu += (hu[i] - 2 * grid[i]) / 50;
        }
        // the outliers add 20 / 25 = 0.8 to the mean; pseudo-Huber (slope 1) follows the bulk
        assertTrue(Math.abs(biasHu) < 0.25, "Huber bias " + biasHu);
        assertTrue(biasSe > 0.5, "squared-error bias " + biasSe);
    }

    @Test
    void negativeWeightPolicies() {
        Dataset d = twoFeatures(12, 800);
        double[] w = new double[800];
        for (int i = 0; i < 800; i++) {
            w[i] = i % 5 == 0 ? -0.5 : 1.5;
        }
        Dataset weighted = d.withWeights(Tensor.of(w, 800));
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(20).withMaxDepth(3);
        Tensor x = d.features();
        // USE fits the weighted loss as defined
        double acc = p.fit(weighted).predict(x).eq(d.labels()).to(DType.FLOAT64).mean().item();
        assertTrue(acc > 0.85, "accuracy with negative weights used " + acc);
        // IGNORE equals dropping those events
        long[] keep = new long[640];
        double[] wk = new double[640];
        for (int i = 0, k = 0; i < 800; i++) {
            if (w[i] > 0) {
                wk[k] = w[i];
                keep[k++] = i;
            }
        }
        double[] zeroed = w.clone();
        for (int i = 0; i < 800; i++) {
            zeroed[i] = Math.max(0, w[i]);
        }
        double[] ignored = p.withNegativeWeights(NegativeWeights.IGNORE).fit(weighted).predictProba(x).toDoubleArray();
        assertArrayEquals(p.fit(d.withWeights(Tensor.of(zeroed, 800))).predictProba(x).toDoubleArray(), ignored, 0.0);
        // and is as good as dropping those events (only the unweighted bin thresholds still see them)
        Dataset dropped = d.subset(keep).withWeights(Tensor.of(wk, 640));
        double accDropped = p.fit(dropped).predict(x).eq(d.labels()).to(DType.FLOAT64).mean().item();
        double accIgnored = p.withNegativeWeights(NegativeWeights.IGNORE).fit(weighted).predict(x).eq(d.labels())
                .to(DType.FLOAT64).mean().item();
        assertEquals(accDropped, accIgnored, 0.02);
        // ANNIHILATE leaves no negative weight and keeps each class's total
        float[] xs = x.toFloatArray();
        double[] y = d.labels().toDoubleArray();
        double[] a = Weights.apply(NegativeWeights.ANNIHILATE, w, xs, 800, 4, y, 2);
        double[] before = new double[2];
        double[] after = new double[2];
        for (int i = 0; i < 800; i++) {
            assertTrue(a[i] >= 0, "weight " + a[i] + " of event " + i + " after annihilation");
            before[(int) y[i]] += w[i];
            after[(int) y[i]] += a[i];
        }
        assertArrayEquals(before, after, 1e-9);
        double accA = p.withNegativeWeights(NegativeWeights.ANNIHILATE).fit(weighted).predict(x).eq(d.labels())
                .to(DType.FLOAT64).mean().item();
        assertTrue(accA > 0.85, "accuracy after annihilation " + accA);
        // a sample whose weights cancel cannot be fitted
        double[] cancel = new double[800];
        for (int i = 0; i < 800; i++) {
            cancel[i] = i % 2 == 0 ? 1 : -1;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.withNegativeWeights(NegativeWeights.IGNORE).fit(d.withWeights(Tensor.of(cancel, 800))));
        assertTrue(e.getMessage().contains("weight"), e.getMessage());
    }

    @Test
    void threadCountDoesNotChangeTheModel() {
        Dataset d = twoFeatures(13, 3000);
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(10).withSubsample(0.7)
                .withColsampleByNode(0.75);
        double[] one = p.withThreads(1).fit(d).predictProba(d.features()).toDoubleArray();
        double[] three = p.withThreads(3).fit(d).predictProba(d.features()).toDoubleArray();
        assertArrayEquals(one, three, 0.0);
        p = p.withGrowPolicy(GrowPolicy.LOSSGUIDE).withMaxDepth(0).withMaxLeaves(20);
        assertArrayEquals(p.withThreads(1).fit(d).predictProba(d.features()).toDoubleArray(),
                p.withThreads(4).fit(d).predictProba(d.features()).toDoubleArray(), 0.0);
    }

    @Test
    void gainAndSplitCountImportances() {
        Dataset d = twoFeatures(14, 2000);
        GradientBoostedTrees m = GradientBoostedTrees.Params.defaults().withTrees(20).withMaxDepth(3).fit(d);
        double[] gain = m.featureImportances().toDoubleArray();
        double[] count = m.featureImportances(Importance.SPLIT_COUNT).toDoubleArray();
        assertEquals(1, gain[0] + gain[1] + gain[2] + gain[3], 1e-9);
        assertEquals(1, count[0] + count[1] + count[2] + count[3], 1e-9);
        assertTrue(gain[0] + gain[1] > 0.9, "the two informative features carry the gain");
        assertTrue(gain[0] + gain[1] > count[0] + count[1], "noise splits are many but weak");
        // split counts equal a count over the trees
        double[] manual = new double[4];
        double splits = 0;
        double[] manualGain = new double[4];
        double totalGain = 0;
        for (Tree t : m.ensemble().trees()) {
            for (int j = 0; j < t.numNodes(); j++) {
                if (!t.isLeaf(j)) {
                    manual[t.feature(j)]++;
                    splits++;
                    manualGain[t.feature(j)] += t.gain(j);
                    totalGain += t.gain(j);
                }
            }
        }
        for (int f = 0; f < 4; f++) {
            assertEquals(manual[f] / splits, count[f], 1e-12);
            assertEquals(manualGain[f] / totalGain, gain[f], 1e-9);
        }
    }

    @Test
    void stagedPredictionsMatchTruncatedModels() {
        Dataset d = twoFeatures(15, 300);
        Tensor x = d.features();
        GradientBoostedTrees m = GradientBoostedTrees.Params.defaults().withTrees(12).fit(d);
        List<Tensor> staged = m.stagedPredictProba(x);
        assertEquals(12, staged.size());
        for (int r = 0; r < 12; r++) {
            assertArrayEquals(m.predictProba(x, r + 1).toDoubleArray(), staged.get(r).toDoubleArray(), 1e-12);
        }
        assertArrayEquals(m.predictProba(x).toDoubleArray(), staged.get(11).toDoubleArray(), 1e-12);
        double prior = m.predictProba(x, 0).select(1, 1).mean().item();
        assertEquals(d.labels().to(DType.FLOAT64).mean().item(), prior, 1e-9, "zero rounds give the class prior");
        GradientBoostedRegressor r = GradientBoostedTrees.Params.defaults().withTrees(7).regressor()
                .fit(Conformance.regression(3));
        Tensor xr = Conformance.regression(3).features();
        List<Tensor> sr = r.stagedPredict(xr);
        assertEquals(7, sr.size());
        assertArrayEquals(r.predict(xr, 4).toDoubleArray(), sr.get(3).toDoubleArray(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> m.predictProba(x, 13));
    }

    @Test
    void badHyperparametersAreRefusedByName() {
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.withBins(300));
        assertTrue(e.getMessage().contains("bins") && e.getMessage().contains("300"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.withLearningRate(0));
        assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.withSubsample(1.5));
        assertTrue(e.getMessage().contains("subsample"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.withTrees(0));
        assertTrue(e.getMessage().contains("trees"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.withMaxDepth(0).fit(twoFeatures(1, 50)));
        assertTrue(e.getMessage().contains("maxDepth"), e.getMessage());
        Dataset d = twoFeatures(1, 50);
        float[] bad = d.features().toFloatArray();
        bad[7] = Float.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> p.fit(Dataset.of(Tensor.of(bad, 50, 4), d.labels())));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    }
}
