package dev.hadron.examples;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.data.Dataset;
import dev.hadron.nn.CrossEntropyLoss;
import dev.hadron.nn.Linear;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Sequential;
import dev.hadron.optim.Adam;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import dev.hadron.train.DataLoader;
import dev.hadron.train.EarlyStopping;
import dev.hadron.train.History;
import dev.hadron.train.Metrics;
import dev.hadron.train.Trainer;

import java.util.Locale;

/**
 * A multilayer perceptron on a two-dimensional toy, the "two moons" of scikit-learn's
 * {@code make_moons}: two interleaved half circles that no straight line separates. A 2-32-32-2 ReLU
 * network trained with Adam and the {@link Trainer} (validation, accuracy, early stopping), then the
 * learned decision regions drawn in the terminal.
 */
public final class MlpTwoMoons {
    private MlpTwoMoons() {
    }

    public static void main(String[] args) {
        run(30);
    }

    /** Two moons with Gaussian noise: class 0 the upper half circle, class 1 the lower one, shifted. */
    static Dataset moons(int n, double noise, Generator gen) {
        float[] x = new float[2 * n];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * gen.nextDouble();
            boolean lower = i % 2 == 1;
            double a = lower ? 1 - Math.cos(t) : Math.cos(t);
            double b = lower ? 0.5 - Math.sin(t) : Math.sin(t);
            x[2 * i] = (float) (a + noise * gen.nextGaussian());
            x[2 * i + 1] = (float) (b + noise * gen.nextGaussian());
            y[i] = lower ? 1 : 0;
        }
        return Dataset.of(Tensor.of(x, n, 2), Tensor.of(y, n));
    }

    /** Trains for up to {@code epochs} epochs; returns the final validation accuracy. */
    static double run(int epochs) {
        Generator gen = new Generator(7);
        Dataset.Split split = moons(3000, 0.2, gen).split(gen, 0.7, 0.3);
        Sequential model = new Sequential(new Linear(2, 32, gen), new ReLU(), new Linear(32, 32, gen), new ReLU(),
                new Linear(32, 2, gen));
        System.out.println(model.summary(1, 2));
        Trainer trainer = new Trainer(model, new Adam(model.parameters(), 0.01), new CrossEntropyLoss())
                .withMetric("val_accuracy", Metrics.accuracy())
                .withCallbacks(new EarlyStopping("val_loss", 5, true));
        History h = trainer.fit(new DataLoader(split.train(), 64, gen), new DataLoader(split.validation(), 512), epochs);
        double acc = trainer.evaluate(new DataLoader(split.validation(), 512)).get("val_accuracy");
        System.out.printf(Locale.ROOT, "%nvalidation accuracy %.3f after %d epochs%n%n", acc, h.size());
        drawRegions(model);
        return acc;
    }

    /** The predicted class on a grid over [-1.5, 2.5] x [-1, 1.5]: '.' for class 0, '#' for class 1. */
    private static void drawRegions(Sequential model) {
        int rows = 16;
        int cols = 56;
        float[] grid = new float[rows * cols * 2];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[2 * (r * cols + c)] = (float) (-1.5 + 4.0 * c / (cols - 1));
                grid[2 * (r * cols + c) + 1] = (float) (1.5 - 2.5 * r / (rows - 1));
            }
        }
        model.eval();
        long[] cls;
        try (var s = Autodiff.noGrad()) {
            cls = model.forward(Tensor.of(grid, rows * cols, 2)).argmax(1, false).toLongArray();
        }
        System.out.println("decision regions ('.' = upper moon, '#' = lower moon):");
        for (int r = 0; r < rows; r++) {
            StringBuilder sb = new StringBuilder("  ");
            for (int c = 0; c < cols; c++) {
                sb.append(cls[r * cols + c] == 0 ? '.' : '#');
            }
            System.out.println(sb);
        }
    }
}
