package dev.hadron.ml;

import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real samples of {@code <repo>/../shared/data}, prepared exactly as
 * {@code src/test/resources/dev/hadron/ml/golden/make_golden.py} prepares them for scikit-learn (see
 * that script for the splits, the imputation of missing ATLAS values and the standardization). Tests
 * using them skip, with a message, when the folder is absent. A small parser of its own: the CSV
 * reader of hadron-io is not a dependency of this module.
 */
public final class RealData {
    private RealData() {
    }

    /** Rows of features, labels and weights of one split, as plain arrays (row-major features). */
    public record Split(double[][] x, int[] y, double[] w) {
        /** Number of rows. */
        public int size() {
            return y.length;
        }

        /** Features (n, f) float64. */
        public Tensor features() {
            return Tensor.of(x);
        }

        /** Class labels (n) int64. */
        public Tensor labels() {
            long[] l = new long[y.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = y[i];
            }
            return Tensor.of(l, l.length);
        }

        /** Weights (n) float64. */
        public Tensor weights() {
            return Tensor.of(w, w.length);
        }

        /** The first {@code n} rows. */
        public Split head(int n) {
            return new Split(Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(w, n));
        }

        /** Every {@code step}-th row, starting with the first (numpy's {@code a[::step]}). */
        public Split every(int step) {
            int n = (size() + step - 1) / step;
            double[][] xs = new double[n][];
            int[] ys = new int[n];
            double[] ws = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x[i * step];
                ys[i] = y[i * step];
                ws[i] = w[i * step];
            }
            return new Split(xs, ys, ws);
        }

        /** One feature column as a float64 vector. */
        public Tensor column(int j) {
            double[] c = new double[x.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = x[i][j];
            }
            return Tensor.of(c, c.length);
        }

        /** Only the given feature columns. */
        public Split columns(int... cols) {
            double[][] out = new double[x.length][cols.length];
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < cols.length; k++) {
                    out[i][k] = x[i][cols[k]];
                }
            }
            return new Split(out, y, w);
        }

        /** The same rows with other weights. */
        public Split withWeights(double[] weights) {
            return new Split(x, y, weights);
        }

        /** The same rows with integer labels taken from a feature column. */
        public Split withLabelsFromColumn(int j) {
            int[] l = new int[x.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = (int) x[i][j];
            }
            return new Split(x, l, w);
        }
    }

    /** A train / test pair. */
    public record TrainTest(Split train, Split test) {
        /** Both standardized with the training mean and population standard deviation. */
        public TrainTest standardized() {
            int f = train.x()[0].length;
            double[] mean = new double[f];
            double[] std = new double[f];
            int n = train.size();
            for (double[] r : train.x()) {
                for (int j = 0; j < f; j++) {
                    mean[j] += r[j];
                }
            }
            for (int j = 0; j < f; j++) {
                mean[j] /= n;
            }
            for (double[] r : train.x()) {
                for (int j = 0; j < f; j++) {
                    std[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
                }
            }
            for (int j = 0; j < f; j++) {
                std[j] = Math.sqrt(std[j] / n);
                if (std[j] == 0) {
                    std[j] = 1;
                }
            }
            return new TrainTest(scale(train, mean, std), scale(test, mean, std));
        }

        private static Split scale(Split s, double[] mean, double[] std) {
            double[][] out = new double[s.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new double[mean.length];
                for (int j = 0; j < mean.length; j++) {
                    out[i][j] = (s.x()[i][j] - mean[j]) / std[j];
                }
            }
            return new Split(out, s.y(), s.w());
        }

        /** Only the given feature columns of both. */
        public TrainTest columns(int... cols) {
            return new TrainTest(train.columns(cols), test.columns(cols));
        }

        /** The first rows of each. */
        public TrainTest head(int nTrain, int nTest) {
            return new TrainTest(train.head(nTrain), test.head(nTest));
        }
    }

    /** The data folder, or a skipped test if it is absent. */
    public static Path dataDir() {
        Path dir = Path.of("").toAbsolutePath().resolve("../../shared/data").normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir), "real data folder " + dir + " is absent; skipping");
        return dir;
    }

    private static List<String> lines(Path p) {
        try (BufferedReader r = Files.newBufferedReader(p)) {
            List<String> out = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UCI HIGGS: rows 0..4999 train, 5000..6999 test, 28 features, per-row weights. */
    public static TrainTest higgs() {
        Path dir = dataDir().resolve("csv/higgs-uci");
        List<String> rows = lines(dir.resolve("binary.train"));
        List<String> weights = lines(dir.resolve("binary.train.weight"));
        int n = rows.size();
        double[][] x = new double[n][];
        int[] y = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            String[] parts = rows.get(i).split("\t");
            y[i] = (int) Double.parseDouble(parts[0]);
            x[i] = new double[parts.length - 1];
            for (int j = 1; j < parts.length; j++) {
                x[i][j - 1] = Double.parseDouble(parts[j]);
            }
            w[i] = Double.parseDouble(weights.get(i).trim());
        }
        Split all = new Split(x, y, w);
        return new TrainTest(all.head(5000), new Split(Arrays.copyOfRange(x, 5000, n), Arrays.copyOfRange(y, 5000, n),
                Arrays.copyOfRange(w, 5000, n)));
    }

    /** ATLAS Higgs ML: signal then background rows; row i is test if i % 4 == 0; -999 imputed by the training mean. */
    public static TrainTest atlas() {
        Path dir = dataDir().resolve("csv/atlas-higgsml");
        List<String> rows = new ArrayList<>();
        for (String name : new String[] {"train_sml_sig.csv", "train_sml_bg.csv"}) {
            List<String> l = lines(dir.resolve(name));
            rows.addAll(l.subList(1, l.size()));
        }
        List<double[]> trX = new ArrayList<>();
        List<double[]> teX = new ArrayList<>();
        List<Integer> trY = new ArrayList<>();
        List<Integer> teY = new ArrayList<>();
        List<Double> trW = new ArrayList<>();
        List<Double> teW = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] p = rows.get(i).split(",");
            double[] f = new double[30];
            for (int j = 0; j < 30; j++) {
                f[j] = Double.parseDouble(p[j + 1]);
            }
            boolean test = i % 4 == 0;
            (test ? teX : trX).add(f);
            (test ? teY : trY).add(p[32].equals("s") ? 1 : 0);
            (test ? teW : trW).add(Double.parseDouble(p[31]));
        }
        double[][] tr = trX.toArray(new double[0][]);
        double[][] te = teX.toArray(new double[0][]);
        for (int j = 0; j < 30; j++) {
            double sum = 0;
            int count = 0;
            for (double[] r : tr) {
                if (r[j] != -999.0) {
                    sum += r[j];
                    count++;
                }
            }
            double mean = sum / count;
            for (double[] r : tr) {
                if (r[j] == -999.0) {
                    r[j] = mean;
                }
            }
            for (double[] r : te) {
                if (r[j] == -999.0) {
                    r[j] = mean;
                }
            }
        }
        return new TrainTest(new Split(tr, ints(trY), doubles(trW)), new Split(te, ints(teY), doubles(teW)));
    }

    /** Weights rescaled so that each class sums to half the number of rows. */
    public static double[] balanced(int[] y, double[] w) {
        double[] sum = new double[2];
        for (int i = 0; i < y.length; i++) {
            sum[y[i]] += w[i];
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] * (y.length / 2.0) / sum[y[i]];
        }
        return out;
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] doubles(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
