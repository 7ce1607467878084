package dev.hadron.examples;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.nn.Linear;
import dev.hadron.nn.Losses;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Sequential;
import dev.hadron.nn.graph.Aggregation;
import dev.hadron.nn.graph.DeepSets;
import dev.hadron.nn.graph.EnergyFlowNetwork;
import dev.hadron.optim.Adam;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Deep Sets on jagged particle sets: a Particle Flow Network (Φ per particle, sum pooling, F per
 * jet) and an Energy Flow Network (pT-fraction-weighted sum of Φ(Δη, Δφ)) learn to tell two-prong
 * jets (a boosted W → qq̄ look-alike) from one-prong jets (QCD look-alike), trained on batches of
 * jets with different numbers of constituents, without padding. Prints loss, accuracy and AUC on a
 * held-out set per epoch.
 *
 * <p>The jets are synthesized with a seeded {@link Generator} (no jet-constituent file is in the
 * shared data): each has 10–49 constituents with pT fractions z (summing to 1) and angles (Δη, Δφ)
 * relative to the pT-weighted axis. One-prong jets are a single core; two-prong jets have two cores
 * separated by ΔR in [0.15, 0.6] sharing the pT in a ratio between 1:3 and 3:1. Both have the same
 * multiplicity distribution and 30% soft wide-angle constituents, so only the angular energy
 * pattern separates them.
 *
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests
 * java -cp "examples/target/classes:$(cat examples/target/runtime-classpath.txt)" dev.hadron.examples.DeepSetsJets
 * </pre>
 */
public final class DeepSetsJets {
    private static final int TRAIN = 3000;
    private static final int TEST = 1500;
    private static final int BATCH = 100;
    private static final int EPOCHS = 6;

    private DeepSetsJets() {
    }

    /** A jagged batch of jets: constituents (z, Δη, Δφ) and a 0/1 label per jet (1 = two-prong). */
    record Jets(Jagged constituents, Tensor labels) {
        int size() {
            return constituents.numEvents();
        }

        /** The jets at {@code index}, in that order, gathered from the flat arrays in one indexSelect. */
        Jets select(long[] index) {
            long[] off = constituents.offsetsArray();
            long[] counts = new long[index.length];
            int total = 0;
            for (int i = 0; i < index.length; i++) {
                counts[i] = off[(int) index[i] + 1] - off[(int) index[i]];
                total += (int) counts[i];
            }
            long[] rows = new long[total];
            int k = 0;
            for (long jet : index) {
                for (long p = off[(int) jet]; p < off[(int) jet + 1]; p++) {
                    rows[k++] = p;
                }
            }
            Tensor values = constituents.values().indexSelect(0, Tensor.of(rows, total));
            return new Jets(Jagged.fromCounts(values, counts), labels.indexSelect(0, Tensor.of(index, index.length)));
        }
    }

    public static void main(String[] args) {
        Generator gen = new Generator(20240611);
        Jets train = synthesize(TRAIN, gen.split());
        Jets test = synthesize(TEST, gen.split());
        System.out.printf(Locale.ROOT, "%d training and %d test jets, %d and %d constituents (%.1f per jet)%n",
                train.size(), test.size(), train.constituents().numValues(), test.constituents().numValues(),
                train.constituents().numValues() / (double) train.size());

        Generator init = gen.split();
        DeepSets pfn = particleFlowNetwork(init);
        System.out.println("\n== Particle Flow Network: F(sum_i Phi(log z_i, deta_i, dphi_i)), "
                + pfn.parameterCount() + " parameters ==");
        train(pfn.parameters(), j -> pfn.forward(pfnInputs(j)), train, test, gen.split(), EPOCHS);

        EnergyFlowNetwork efn = new EnergyFlowNetwork(
                new Sequential(new Linear(2, 64, init), new ReLU(), new Linear(64, 64, init), new ReLU(),
                        new Linear(64, 32, init), new ReLU()),
                new Sequential(new Linear(32, 64, init), new ReLU(), new Linear(64, 1, init)));
        System.out.println("\n== Energy Flow Network: F(sum_i z_i Phi(deta_i, dphi_i)), IRC safe, "
                + efn.parameterCount() + " parameters ==");
        train(efn.parameters(), j -> {
            Tensor v = j.constituents().values();
            return efn.forward(j.constituents().withValues(v.select(1, 0)),
                    j.constituents().withValues(v.narrow(1, 1, 2).mul(1 / 0.4)));
        }, train, test, gen.split(), EPOCHS);
    }

    /** The example's Particle Flow Network: Φ 3 → 64 → 64 → 32, sum pooling, F 32 → 64 → 1. */
    static DeepSets particleFlowNetwork(Generator init) {
        return new DeepSets(
                new Sequential(new Linear(3, 64, init), new ReLU(), new Linear(64, 64, init), new ReLU(),
                        new Linear(64, 32, init), new ReLU()),
                Aggregation.SUM,
                new Sequential(new Linear(32, 64, init), new ReLU(), new Linear(64, 1, init)));
    }

    /** PFN inputs: (log z, Δη / 0.4, Δφ / 0.4), of order one. */
    static Jagged pfnInputs(Jets jets) {
        Tensor v = jets.constituents().values();
        Tensor logZ = v.narrow(1, 0, 1).clampMin(1e-6).log().add(3).mul(0.5);
        return jets.constituents().withValues(Tensor.cat(1, logZ, v.narrow(1, 1, 2).mul(1 / 0.4)));
    }

    /** Adam on the binary cross-entropy; prints loss, accuracy and AUC on the test jets each epoch. */
    static double train(java.util.List<Tensor> params, Function<Jets, Tensor> model, Jets train, Jets test,
                        Generator shuffle, int epochs) {
        Adam opt = new Adam(params, 2e-3);
        double auc = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            long[] order = Tensor.randperm(shuffle, train.size()).toLongArray();
            double lossSum = 0;
            int batches = 0;
            for (int b = 0; b < order.length; b += BATCH) {
                Jets batch = train.select(Arrays.copyOfRange(order, b, Math.min(order.length, b + BATCH)));
                opt.zeroGrad();
                Tensor loss = Losses.bceWithLogits(model.apply(batch).squeeze(1), batch.labels());
                loss.backward();
                opt.step();
                lossSum += loss.item();
                batches++;
            }
            double[] scores;
            double testLoss;
            try (var s = Autodiff.noGrad()) {
                Tensor logits = model.apply(test).squeeze(1);
                testLoss = Losses.bceWithLogits(logits, test.labels()).item();
                scores = logits.toDoubleArray();
            }
            double[] labels = test.labels().toDoubleArray();
            int correct = 0;
            for (int i = 0; i < scores.length; i++) {
                correct += (scores[i] > 0) == (labels[i] > 0.5) ? 1 : 0;
            }
            auc = auc(scores, labels);
            System.out.printf(Locale.ROOT, "epoch %d  train loss %.4f  test loss %.4f  test accuracy %.3f  test AUC %.4f"
                            + "  (%.1f s)%n", epoch, lossSum / batches, testLoss, correct / (double) scores.length, auc,
                    (System.nanoTime() - start) / 1e9);
        }
        return auc;
    }

    /** Area under the ROC curve: the probability that a random two-prong jet scores above a random one-prong jet. */
    static double auc(double[] scores, double[] labels) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < idx.length) {   // average ranks over ties
            int j = i;
            while (j + 1 < idx.length && scores[idx[j + 1]] == scores[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[idx[k]] > 0.5) {
                    rankSum += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = idx.length - pos;
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** {@code n} jets, half of them two-prong, in random order. */
    static Jets synthesize(int n, Generator gen) {
        double[] u = Tensor.rand(gen, n * 260).to(DType.FLOAT64).toDoubleArray();
        double[] g = Tensor.randn(gen, n * 200).to(DType.FLOAT64).toDoubleArray();
        int[] cursor = new int[2];
        java.util.function.DoubleSupplier uniform = () -> u[cursor[0]++];
        java.util.function.DoubleSupplier normal = () -> g[cursor[1]++];
        long[] counts = new long[n];
        double[] labels = new double[n];
        double[][] jets = new double[n][];
        for (int j = 0; j < n; j++) {
            boolean twoProng = uniform.getAsDouble() < 0.5;
            labels[j] = twoProng ? 1 : 0;
            int m = 10 + (int) (uniform.getAsDouble() * 40);
            counts[j] = m;
            double dR = 0.15 + 0.45 * uniform.getAsDouble();
            double theta = 2 * Math.PI * uniform.getAsDouble();
            double share = 0.25 + 0.5 * uniform.getAsDouble();
            double[] c = new double[3 * m];
            double sumPt = 0;
            for (int p = 0; p < m; p++) {
                double pt;
                double eta;
                double phi;
                if (uniform.getAsDouble() < 0.3) {                   // soft, wide-angle
                    pt = 0.05 * uniform.getAsDouble();
                    eta = 0.25 * normal.getAsDouble();
                    phi = 0.25 * normal.getAsDouble();
                } else {
                    double hard = Math.pow(uniform.getAsDouble(), 3);
                    double ax = 0;
                    double ay = 0;
                    pt = hard;
                    if (twoProng) {
                        boolean first = uniform.getAsDouble() < share;
                        double side = first ? (1 - share) : -share;    // axes placed so the pT centroid is near 0
                        ax = side * dR * Math.cos(theta);
                        ay = side * dR * Math.sin(theta);
                    }
                    eta = ax + 0.04 * normal.getAsDouble();
                    phi = ay + 0.04 * normal.getAsDouble();
                }
                c[3 * p] = pt;
                c[3 * p + 1] = eta;
                c[3 * p + 2] = phi;
                sumPt += pt;
            }
            double cEta = 0;
            double cPhi = 0;
            for (int p = 0; p < m; p++) {
                c[3 * p] /= sumPt;
                cEta += c[3 * p] * c[3 * p + 1];
                cPhi += c[3 * p] * c[3 * p + 2];
            }
            for (int p = 0; p < m; p++) {                            // angles relative to the pT-weighted axis
                c[3 * p + 1] -= cEta;
                c[3 * p + 2] -= cPhi;
            }
            jets[j] = c;
        }
        int total = (int) Arrays.stream(counts).sum();
        float[] flat = new float[3 * total];
        int k = 0;
        for (double[] c : jets) {
            for (double v : c) {
                flat[k++] = (float) v;
            }
        }
        return new Jets(Jagged.fromCounts(Tensor.of(flat, total, 3), counts), Tensor.of(labels, n).to(DType.FLOAT32));
    }
}
