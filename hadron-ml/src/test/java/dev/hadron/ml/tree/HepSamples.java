package dev.hadron.ml.tree;

import dev.hadron.data.Dataset;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real samples of {@code ../shared/data} as datasets, split the same way as
 * {@code golden_real.py} does (event {@code i} goes to the test part when {@code i % 4 == 0}). Tests
 * using them are skipped, with a message, when the folder is absent. A small parser of our own: the
 * project's CSV reader lives in another module.
 */
final class HepSamples {
    private HepSamples() {
    }

    /** Train and test parts. */
    record Split(Dataset train, Dataset test) {
    }

    static Path dataDir() {
        Path p = Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(p), "real data folder " + p + " is absent; skipping");
        return p;
    }

    /** UCI HIGGS (LightGBM's 7000-row excerpt): 28 features, label first, tab-separated, with per-row weights. */
    static Split higgs() {
        Path dir = dataDir().resolve("csv/higgs-uci");
        List<String> lines = read(dir.resolve("binary.train"));
        List<String> wl = read(dir.resolve("binary.train.weight"));
        int n = lines.size();
        float[] x = new float[n * 28];
        long[] y = new long[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            String[] c = lines.get(i).split("\t");
            y[i] = (long) Double.parseDouble(c[0]);
            for (int j = 0; j < 28; j++) {
                x[i * 28 + j] = Float.parseFloat(c[j + 1]);
            }
            w[i] = Double.parseDouble(wl.get(i).trim());
        }
        return split(x, y, w, n, 28);
    }

    /**
     * ATLAS Higgs ML (4999 signal + 4999 background, in that order): the 30 features, {@code -999} as
     * missing (NaN), label s = 1, b = 0, weights from the {@code Weight} column scaled to mean 1.
     */
    static Split atlas() {
        return atlas(false);
    }

    /** ATLAS Higgs ML with -999 kept as a value (for methods that take no missing values, as scikit-learn 1.2's trees). */
    static Split atlasRaw() {
        return atlas(true);
    }

    private static Split atlas(boolean raw) {
        Path dir = dataDir().resolve("csv/atlas-higgsml");
        List<String> rows = new ArrayList<>();
        List<String> header = null;
        for (String f : new String[] {"train_sml_sig.csv", "train_sml_bg.csv"}) {
            List<String> lines = read(dir.resolve(f));
            header = Arrays.asList(lines.get(0).split(","));
            rows.addAll(lines.subList(1, lines.size()));
        }
        int n = rows.size();
        int wCol = header.indexOf("Weight");
        int lCol = header.indexOf("Label");
        int nf = 30;
        float[] x = new float[n * nf];
        long[] y = new long[n];
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            String[] c = rows.get(i).split(",");
            for (int j = 0; j < nf; j++) {
                float v = Float.parseFloat(c[j + 1]);
                x[i * nf + j] = v == -999f && !raw ? Float.NaN : v;
            }
            y[i] = c[lCol].equals("s") ? 1 : 0;
            w[i] = Double.parseDouble(c[wCol]);
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] *= n / sum;
        }
        return split(x, y, w, n, nf);
    }

    private static Split split(float[] x, long[] y, double[] w, int n, int nf) {
        int nt = (n + 3) / 4;
        float[] xt = new float[nt * nf];
        float[] xr = new float[(n - nt) * nf];
        long[] yt = new long[nt];
        long[] yr = new long[n - nt];
        double[] wt = new double[nt];
        double[] wr = new double[n - nt];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (i % 4 == 0) {
                System.arraycopy(x, i * nf, xt, a * nf, nf);
                yt[a] = y[i];
                wt[a++] = w[i];
            } else {
                System.arraycopy(x, i * nf, xr, b * nf, nf);
                yr[b] = y[i];
                wr[b++] = w[i];
            }
        }
        return new Split(Dataset.of(Tensor.of(xr, n - nt, nf), Tensor.of(yr, n - nt), Tensor.of(wr, n - nt)),
                Dataset.of(Tensor.of(xt, nt, nf), Tensor.of(yt, nt), Tensor.of(wt, nt)));
    }

    private static List<String> read(Path p) {
        try {
            List<String> out = new ArrayList<>();
            for (String l : Files.readAllLines(p)) {
                if (!l.isBlank()) {
                    out.add(l);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weighted ROC AUC of {@code score} for labels 1 vs 0 (ties counted half). */
    static double auc(double[] score, long[] y, double[] w) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        double pos = 0;
        double neg = 0;
        double area = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            double tp = 0;
            double tn = 0;
            while (j < idx.length && score[idx[j]] == score[idx[i]]) {
                if (y[idx[j]] == 1) {
                    tp += w[idx[j]];
                } else {
                    tn += w[idx[j]];
                }
                j++;
            }
            area += tn * (pos + tp / 2);
            pos += tp;
            neg += tn;
            i = j;
        }
        return 1 - area / (pos * neg);
    }

    static double auc(Tensor score, Dataset test) {
        return auc(score.toDoubleArray(), test.labels().toLongArray(), test.weights().toDoubleArray());
    }
}
