package dev.hadron.train;

import dev.hadron.data.Dataset;
import dev.hadron.data.Standardizer;
import dev.hadron.nn.BCEWithLogitsLoss;
import dev.hadron.nn.Golden;
import dev.hadron.nn.Linear;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Sequential;
import dev.hadron.optim.Adam;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Trains an MLP on the UCI HIGGS sample in ../shared/data and reaches the test AUC that PyTorch reaches with
 * the same architecture (28-64-64-1, ReLU), split (first 5000 rows train, last 2000 test), standardization,
 * loss (BCE with logits), optimizer (Adam 1e-3), batch size (100) and epochs (15): within 0.01 of the mean
 * over 10 PyTorch seeds (golden/higgs_auc.safetensors, from make_golden.py). Hadron's figure is the mean
 * over 4 seeds (single runs scatter by about 0.005 on both sides; over 10 seeds Hadron averages 0.7034,
 * PyTorch 0.7040).
 */
class HiggsMlpTest {
    static final Path DATA = Path.of("../../shared/data/csv/higgs-uci/binary.train");

    /** Parses the tab-separated file: label, then 28 features per line. */
    static float[][] read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        float[][] rows = new float[lines.size()][];
        for (int i = 0; i < rows.length; i++) {
            String[] parts = lines.get(i).trim().split("\t");
            if (parts.length != 29) {
                throw new IllegalStateException(file + " line " + (i + 1) + ": expected 29 columns, got " + parts.length);
            }
            rows[i] = new float[29];
            for (int j = 0; j < 29; j++) {
                rows[i][j] = Float.parseFloat(parts[j]);
            }
        }
        return rows;
    }

    /** Area under the ROC curve by the rank-sum formula with mid-ranks for ties. */
    static double auc(double[] scores, double[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double[] ranks = new double[scores.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        double n1 = 0;
        double rankSum = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                n1++;
                rankSum += ranks[i];
            }
        }
        double n0 = labels.length - n1;
        return (rankSum - n1 * (n1 + 1) / 2) / (n1 * n0);
    }

    private static Dataset slice(float[][] rows, int from, int to) {
        int n = to - from;
        float[] x = new float[n * 28];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = rows[from + i][0];
            System.arraycopy(rows[from + i], 1, x, i * 28, 28);
        }
        return Dataset.of(Tensor.of(x, n, 28), Tensor.of(y, n));
    }

    private static double trainAndScore(Dataset train, Dataset test, long seed) {
        Generator gen = new Generator(seed);
        Sequential model = new Sequential(new Linear(28, 64, gen), new ReLU(), new Linear(64, 64, gen), new ReLU(),
                new Linear(64, 1, gen));
        Trainer trainer = new Trainer(model, new Adam(model.parameters(), 1e-3), new BCEWithLogitsLoss())
                .withForward(b -> model.forward(b.features()).squeeze(1))
                .withProgressBar(new ProgressBar(new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8), false));
        trainer.fit(new DataLoader(train, 100, gen), null, 15);
        double[] scores = trainer.predict(new DataLoader(test, 500)).toDoubleArray();
        return auc(scores, test.labels().toDoubleArray());
    }

    @Test
    void reachesPyTorchAuc() throws IOException {
        Assumptions.assumeTrue(Files.exists(DATA), "HIGGS sample not found at " + DATA.toAbsolutePath()
                + " (the shared data folder is absent); skipping");
        float[][] rows = read(DATA);
        assertEquals(7000, rows.length);
        Dataset train = slice(rows, 0, 5000);
        Dataset test = slice(rows, 5000, 7000);
        Standardizer std = Standardizer.fit(train.features());
        train = train.withFeatures(std.transform(train.features()));
        test = test.withFeatures(std.transform(test.features()));
        double golden = Golden.load("higgs_auc").get("auc_mean").item();
        double auc = 0;
        for (long seed = 1; seed <= 4; seed++) {
            auc += trainAndScore(train, test, seed) / 4;
        }
        System.out.printf("HIGGS MLP test AUC: Hadron %.4f, PyTorch %.4f%n", auc, golden);
        assertEquals(golden, auc, 0.01, "Hadron's AUC " + auc + " vs PyTorch's " + golden);
    }
}
