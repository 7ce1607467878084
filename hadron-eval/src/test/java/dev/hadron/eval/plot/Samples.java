package dev.hadron.eval.plot;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

/** Synthetic, seeded classifier outputs and features for plot and report tests. */
final class Samples {
    final Tensor labels;
    final Tensor weights;
    final Tensor scoresA;
    final Tensor scoresB;
    final Tensor trainLabels;
    final Tensor trainScores;
    final Tensor features;
    final Tensor multiLabels;
    final Tensor multiScores;

    Samples(long seed, int n) {
        Generator g = new Generator(seed);
        long[] y = new long[n];
        long[] yt = new long[n];
        double[] w = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] tr = new double[n];
        double[] x = new double[n * 4];
        long[] ym = new long[n];
        double[] pm = new double[n * 3];
        for (int i = 0; i < n; i++) {
            y[i] = g.nextDouble() < 0.4 ? 1 : 0;
            yt[i] = g.nextDouble() < 0.4 ? 1 : 0;
            w[i] = 0.5 + g.nextDouble();
            a[i] = sigmoid(g.nextGaussian() * 1.2 + 0.9 * (y[i] - 0.5) * 2);
            b[i] = sigmoid(g.nextGaussian() * 1.1 + 1.1 * (y[i] - 0.5) * 2);
            tr[i] = sigmoid(g.nextGaussian() * 1.1 + 1.2 * (yt[i] - 0.5) * 2);
            x[i * 4] = 40 + 15 * g.nextGaussian() + 20 * y[i];
            x[i * 4 + 1] = g.nextGaussian() * (1 + 0.5 * y[i]);
            x[i * 4 + 2] = 0.6 * x[i * 4 + 1] + g.nextGaussian();
            x[i * 4 + 3] = Math.abs(g.nextGaussian()) * 100 + 50 * y[i];
            ym[i] = g.nextInt(3);
            double[] logit = new double[3];
            double z = 0;
            for (int c = 0; c < 3; c++) {
                logit[c] = g.nextGaussian() + (c == ym[i] ? 1.5 : 0);
                z += Math.exp(logit[c]);
            }
            for (int c = 0; c < 3; c++) {
                pm[i * 3 + c] = Math.exp(logit[c]) / z;
            }
        }
        labels = Tensor.of(y, n);
        weights = Tensor.of(w);
        scoresA = Tensor.of(a);
        scoresB = Tensor.of(b);
        trainLabels = Tensor.of(yt, n);
        trainScores = Tensor.of(tr);
        features = Tensor.of(x, n, 4);
        multiLabels = Tensor.of(ym, n);
        multiScores = Tensor.of(pm, n, 3);
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
