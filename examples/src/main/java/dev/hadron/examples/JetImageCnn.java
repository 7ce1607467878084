package dev.hadron.examples;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.data.Dataset;
import dev.hadron.nn.Conv2d;
import dev.hadron.nn.CrossEntropyLoss;
import dev.hadron.nn.Flatten;
import dev.hadron.nn.Linear;
import dev.hadron.nn.MaxPool2d;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Sequential;
import dev.hadron.optim.Adam;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import dev.hadron.train.DataLoader;
import dev.hadron.train.Metrics;
import dev.hadron.train.Trainer;

import java.util.Locale;

/**
 * The CoDaS-HEP jet-image CNN: Conv2d(1, 5, 5) + ReLU + MaxPool(2), Conv2d(5, 10, 5) + ReLU + MaxPool(2),
 * then dense 40-30-20-10-5: 3,505 parameters, classifying 20 x 20 jet images into the five hls4ml jet
 * classes (gluon, light quark, W, Z, top).
 *
 * <p>The images here are synthetic, made by {@link #jetImage} until Hadron's jet-image generator
 * (hadron-hep) lands: a jet is one to three prongs of collinear radiation in an (eta, phi) window of
 * 2.0 x 2.0 (pixels of 0.1), with the prong separations of a boosted W (m = 80 GeV), Z (91 GeV) or top
 * (173 GeV, with its W) at pT 400-600 GeV, broader radiation for gluons than for quarks, and soft
 * pile-up; pixel values are pT fractions. W and Z differ only through their mass, so they are the hard
 * pair, as in the real data.
 */
public final class JetImageCnn {
    static final String[] CLASSES = {"gluon", "quark", "W", "Z", "top"};

    private JetImageCnn() {
    }

    public static void main(String[] args) {
        run(10_000, 12);
    }

    /** The 3,505-parameter CNN. */
    static Sequential cnn(Generator gen) {
        return new Sequential(
                new Conv2d(1, 5, 5, gen), new ReLU(), new MaxPool2d(2),
                new Conv2d(5, 10, 5, gen), new ReLU(), new MaxPool2d(2),
                new Flatten(),
                new Linear(40, 30, gen), new ReLU(), new Linear(30, 20, gen), new ReLU(),
                new Linear(20, 10, gen), new ReLU(), new Linear(10, 5, gen));
    }

    /** Deposits a prong at (eta, phi) with pT fraction {@code pt}, spread over {@code k} particles of width sigma. */
    private static void prong(float[] img, double eta, double phi, double pt, int k, double sigma, Generator g) {
        double[] share = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            share[i] = -Math.log(1 - g.nextDouble()) * (i == 0 ? 4 : 1);   // a hard core and softer companions
            sum += share[i];
        }
        for (int i = 0; i < k; i++) {
            double r = i == 0 ? 0.3 * sigma : sigma;
            deposit(img, eta + r * g.nextGaussian(), phi + r * g.nextGaussian(), pt * share[i] / sum);
        }
    }

    private static void deposit(float[] img, double eta, double phi, double pt) {
        int i = (int) Math.floor((eta + 1.0) / 0.1);
        int j = (int) Math.floor((phi + 1.0) / 0.1);
        if (i >= 0 && i < 20 && j >= 0 && j < 20) {
            img[i * 20 + j] += (float) pt;
        }
    }

    /** One synthetic 20 x 20 jet image of class {@code cls} (0 gluon, 1 quark, 2 W, 3 Z, 4 top). */
    static float[] jetImage(int cls, Generator g) {
        float[] img = new float[400];
        double pt = 400 + 200 * g.nextDouble();
        double angle = 2 * Math.PI * g.nextDouble();
        switch (cls) {
            case 0 -> prong(img, 0, 0, 1.0, 30, 0.16, g);
            case 1 -> prong(img, 0, 0, 1.0, 14, 0.07, g);
            case 2, 3 -> {
                double mass = cls == 2 ? 80.4 : 91.2;
                double z = 0.2 + 0.6 * g.nextDouble();
                double dr = mass / (pt * Math.sqrt(z * (1 - z)));
                // the pT-weighted centre sits at the origin
                prong(img, (1 - z) * dr * Math.cos(angle), (1 - z) * dr * Math.sin(angle), z, 8, 0.05, g);
                prong(img, -z * dr * Math.cos(angle), -z * dr * Math.sin(angle), 1 - z, 8, 0.05, g);
            }
            default -> {
                double zb = 0.25 + 0.3 * g.nextDouble();
                double drTop = 173.0 / (pt * Math.sqrt(zb * (1 - zb)));
                double bx = (1 - zb) * drTop * Math.cos(angle);
                double by = (1 - zb) * drTop * Math.sin(angle);
                prong(img, bx, by, zb, 8, 0.05, g);
                double wx = -zb * drTop * Math.cos(angle);
                double wy = -zb * drTop * Math.sin(angle);
                double z = 0.2 + 0.6 * g.nextDouble();
                double dr = 80.4 / ((1 - zb) * pt * Math.sqrt(z * (1 - z)));
                double a2 = 2 * Math.PI * g.nextDouble();
                prong(img, wx + (1 - z) * dr * Math.cos(a2), wy + (1 - z) * dr * Math.sin(a2), (1 - zb) * z, 6, 0.05, g);
                prong(img, wx - z * dr * Math.cos(a2), wy - z * dr * Math.sin(a2), (1 - zb) * (1 - z), 6, 0.05, g);
            }
        }
        for (int p = 0; p < 6; p++) {   // soft pile-up
            deposit(img, 2 * g.nextDouble() - 1, 2 * g.nextDouble() - 1, 0.01 * g.nextDouble());
        }
        return img;
    }

    /** {@code n} images, classes in turn, as a (n, 1, 20, 20) dataset. */
    static Dataset images(int n, Generator g) {
        float[] x = new float[n * 400];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 5;
            System.arraycopy(jetImage((int) y[i], g), 0, x, i * 400, 400);
        }
        return Dataset.of(Tensor.of(x, n, 1, 20, 20), Tensor.of(y, n));
    }

    /** Trains on {@code n} images for {@code epochs}; returns the test accuracy. */
    static double run(int n, int epochs) {
        Generator gen = new Generator(2020);
        Dataset train = images(n, gen);
        Dataset valid = images(n / 5, gen);
        Dataset test = images(n / 5, gen);
        Sequential model = cnn(gen);
        System.out.println(model.summary(1, 1, 20, 20));
        Trainer trainer = new Trainer(model, new Adam(model.parameters(), 3e-3), new CrossEntropyLoss())
                .withMetric("val_accuracy", Metrics.accuracy());
        trainer.fit(new DataLoader(train, 100, gen), new DataLoader(valid, 1000), epochs);

        Tensor logits = trainer.predict(new DataLoader(test, 1000));
        long[] pred;
        try (var s = Autodiff.noGrad()) {
            pred = logits.argmax(1, false).toLongArray();
        }
        long[] truth = test.labels().toLongArray();
        int[][] confusion = new int[5][5];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            confusion[(int) truth[i]][(int) pred[i]]++;
            correct += truth[i] == pred[i] ? 1 : 0;
        }
        double acc = (double) correct / truth.length;
        System.out.printf(Locale.ROOT, "%ntest accuracy %.3f on %d synthetic jet images%n", acc, truth.length);
        System.out.println("confusion matrix (rows: true class, columns: predicted):");
        System.out.printf(Locale.ROOT, "%8s", "");
        for (String c : CLASSES) {
            System.out.printf(Locale.ROOT, "%7s", c);
        }
        System.out.println();
        for (int r = 0; r < 5; r++) {
            System.out.printf(Locale.ROOT, "%8s", CLASSES[r]);
            for (int c = 0; c < 5; c++) {
                System.out.printf(Locale.ROOT, "%7d", confusion[r][c]);
            }
            System.out.println();
        }
        return acc;
    }
}
