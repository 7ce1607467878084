package dev.hadron.examples;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.data.Dataset;
import dev.hadron.data.Standardizer;
import dev.hadron.nn.Linear;
import dev.hadron.nn.MSELoss;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Reduction;
import dev.hadron.nn.Sequential;
import dev.hadron.nn.Sigmoid;
import dev.hadron.optim.Adam;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import dev.hadron.train.Batch;
import dev.hadron.train.DataLoader;
import dev.hadron.train.History;
import dev.hadron.train.Trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CoDaS-HEP autoencoder 16-12-8-4-2-4-8-12-16 on real CMS collision data: sigmoids in the shrinking
 * half (the encoder), ReLU in the growing half, a linear output, trained to reproduce its input through a
 * two-number bottleneck.
 *
 * <p>Data: {@code ../shared/data/csv/cms-opendata/Zee_Run2011A.csv} (CMS Open Data, 18,885 dielectron
 * events of 2011). The 16 inputs are, for each of the two electrons, the numeric columns pt, eta, phi,
 * sigmaEtaEta, HoverE, isoTrack, isoEcal and isoHcal (charge Q and the barrel/endcap type are left out),
 * standardized with the training split's mean and standard deviation. The program prints the
 * reconstruction error per feature next to the variance (the error of always predicting the mean) and
 * the events the autoencoder reconstructs worst, the usual anomaly-detection use.
 */
public final class CmsAutoencoder {
    static final Path DATA = Path.of("../shared/data/csv/cms-opendata/Zee_Run2011A.csv");
    static final String[] COLUMNS = {"pt", "eta", "phi", "sigmaEtaEta", "HoverE", "isoTrack", "isoEcal", "isoHcal"};

    private CmsAutoencoder() {
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : DATA;
        if (!Files.exists(file)) {
            System.err.println("CmsAutoencoder: data file " + file.toAbsolutePath() + " not found; pass the path of"
                    + " Zee_Run2011A.csv (CMS Open Data) as the argument");
            System.exit(2);
        }
        run(file, 20);
    }

    /** The 16 columns of every event, with their names. */
    record Table(float[][] rows, List<String> names) {
    }

    /** Reads the 16 inputs from the CSV (header line first; columns found by name). */
    static Table read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        List<String> names = new ArrayList<>();
        int[] idx = new int[16];
        for (int e = 0; e < 2; e++) {
            for (int c = 0; c < COLUMNS.length; c++) {
                String name = COLUMNS[c] + (e + 1);
                int k = java.util.Arrays.asList(header).indexOf(name);
                if (k < 0) {
                    throw new IllegalArgumentException(file + ": no column '" + name + "' in the header "
                            + lines.get(0));
                }
                idx[e * COLUMNS.length + c] = k;
                names.add(name);
            }
        }
        float[][] rows = new float[lines.size() - 1][16];
        for (int i = 1; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(",");
            for (int j = 0; j < 16; j++) {
                try {
                    rows[i - 1][j] = Float.parseFloat(parts[idx[j]]);
                } catch (RuntimeException ex) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": column " + names.get(j)
                            + " is not a number", ex);
                }
            }
        }
        return new Table(rows, names);
    }

    static Sequential autoencoder(Generator gen) {
        return new Sequential(
                new Linear(16, 12, gen), new Sigmoid(), new Linear(12, 8, gen), new Sigmoid(),
                new Linear(8, 4, gen), new Sigmoid(), new Linear(4, 2, gen), new Sigmoid(),
                new Linear(2, 4, gen), new ReLU(), new Linear(4, 8, gen), new ReLU(),
                new Linear(8, 12, gen), new ReLU(), new Linear(12, 16, gen));
    }

    /** Trains for {@code epochs} epochs; returns the test reconstruction MSE (in standardized units). */
    static double run(Path file, int epochs) throws IOException {
        Table t = read(file);
        int n = t.rows().length;
        float[] flat = new float[n * 16];
        for (int i = 0; i < n; i++) {
            System.arraycopy(t.rows()[i], 0, flat, i * 16, 16);
        }
        Generator gen = new Generator(1);
        Dataset all = Dataset.of(Tensor.of(flat, n, 16)).withFeatureNames(t.names());
        Dataset.Split split = all.split(gen, 0.7, 0.15);
        Standardizer std = Standardizer.fit(split.train().features());
        Dataset train = split.train().withFeatures(std.transform(split.train().features()));
        Dataset valid = split.validation().withFeatures(std.transform(split.validation().features()));
        Dataset test = split.test().withFeatures(std.transform(split.test().features()));
        System.out.printf(Locale.ROOT, "%d CMS Z->ee events from %s: %d train, %d validation, %d test%n", n,
                file.getFileName(), train.size(), valid.size(), test.size());

        Sequential ae = autoencoder(gen);
        System.out.println(ae.summary(1, 16));
        Trainer trainer = new Trainer(ae, new Adam(ae.parameters(), 3e-3), new MSELoss())
                .withTarget(Batch::features);
        History h = trainer.fit(new DataLoader(train, 128, gen), new DataLoader(valid, 2048), epochs);

        Tensor x = test.features();
        Tensor perElement;
        try (var s = Autodiff.noGrad()) {
            ae.eval();
            perElement = new MSELoss(Reduction.NONE).apply(ae.forward(x), x);
        }
        double mse = perElement.mean().item();
        double[] perFeature = perElement.mean(0).toDoubleArray();
        double[] variance = x.var(new int[] {0}, 0, false).toDoubleArray();
        System.out.printf(Locale.ROOT, "%ntest reconstruction MSE %.4f (standardized units; predicting the mean gives"
                + " %.4f); training loss went from %.4f to %.4f%n", mse, mean(variance), h.epochs().get(0).trainLoss(),
                h.last().trainLoss());
        System.out.println("per feature:      MSE   variance");
        for (int j = 0; j < 16; j++) {
            System.out.printf(Locale.ROOT, "  %-14s %6.3f %9.3f%n", t.names().get(j), perFeature[j], variance[j]);
        }
        double[] perEvent = perElement.mean(1).toDoubleArray();
        Integer[] order = new Integer[perEvent.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(perEvent[b], perEvent[a]));
        System.out.println("worst-reconstructed test events (anomaly candidates):");
        Tensor raw = std.inverseTransform(x);
        for (int k = 0; k < 3; k++) {
            double[] r = raw.select(0, order[k]).toDoubleArray();
            System.out.printf(Locale.ROOT, "  error %.2f: pt1 %.1f GeV, eta1 %.2f, pt2 %.1f GeV, eta2 %.2f, isoEcal1 %.2f%n",
                    perEvent[order[k]], r[0], r[1], r[8], r[9], r[6]);
        }
        return mse;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
