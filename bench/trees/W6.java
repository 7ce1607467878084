import dev.hadron.ml.tree.GradientBoostedTrees;
import dev.hadron.ml.tree.RandomForest;
import dev.hadron.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark W6 (BENCHMARKS.md), Hadron side: histogram gradient boosting on the synthetic HIGGS-shaped
 * set written by make_higgs_like.py, 200 trees, depth 6, learning rate 0.1, 256 bins, binary logistic,
 * 2 threads; then the random-forest row. Prints one JSON object per measurement.
 *
 * usage: java -cp ... bench/trees/W6.java DATA_DIR [REPEATS] [gbdt|rf|all]
 */
public final class W6 {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String what = args.length > 2 ? args[2] : "all";
        Tensor x = npy(dir.resolve("x_train.npy"));
        Tensor y = npy(dir.resolve("y_train.npy"));
        Tensor xt = npy(dir.resolve("x_test.npy"));
        double[] yt = npy(dir.resolve("y_test.npy")).toDoubleArray();
        if (!what.equals("rf")) {
            GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(200).withMaxDepth(6)
                    .withLearningRate(0.1).withBins(256).withThreads(2);
            double[] times = new double[repeats];
            double auc = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                GradientBoostedTrees m = GradientBoostedTrees.fit(p, x, y);
                times[r] = (System.nanoTime() - t0) / 1e9;
                auc = auc(m.predictProba(xt).select(1, 1).toDoubleArray(), yt);
            }
            report("gbdt", times, auc);
        }
        if (!what.equals("gbdt")) {
            int n = 100_000;
            Tensor xs = x.narrow(0, 0, n);
            Tensor ys = y.narrow(0, 0, n);
            RandomForest.Params p = RandomForest.Params.defaults().withTrees(100).withMaxFeatures(0)
                    .withMinSamplesLeaf(5).withThreads(2).withSeed(1);
            double[] times = new double[repeats];
            double auc = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                RandomForest m = RandomForest.fit(p, xs, ys);
                times[r] = (System.nanoTime() - t0) / 1e9;
                auc = auc(m.predictProba(xt).select(1, 1).toDoubleArray(), yt);
            }
            report("rf", times, auc);
        }
    }

    private static void report(String what, double[] times, double auc) {
        double[] s = times.clone();
        Arrays.sort(s);
        System.out.println(String.format(Locale.ROOT, "{\"side\": \"hadron\", \"model\": \"%s\", \"seconds\": %.3f,"
                + " \"all_seconds\": %s, \"auc\": %.5f}", what, s[s.length / 2], Arrays.toString(times), auc));
    }

    /** Reads a C-ordered little-endian float32 .npy file (1-D or 2-D). */
    static Tensor npy(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        if (b[0] != (byte) 0x93 || b[1] != 'N') {
            throw new IOException(p + " is not a .npy file");
        }
        int major = b[6];
        int hl = major == 1 ? (b[8] & 0xFF) | (b[9] & 0xFF) << 8 : ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int start = major == 1 ? 10 : 12;
        String header = new String(b, start, hl, StandardCharsets.US_ASCII);
        if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
            throw new IOException(p + ": expected C-ordered float32, header " + header);
        }
        String shape = header.substring(header.indexOf("'shape': (") + 10);
        shape = shape.substring(0, shape.indexOf(')'));
        int[] dims = Arrays.stream(shape.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        int count = Arrays.stream(dims).reduce(1, (u, v) -> u * v);
        float[] data = new float[count];
        ByteBuffer.wrap(b, start + hl, count * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        return Tensor.of(data, dims);
    }

    /** ROC AUC for labels 1 vs 0 (ties counted half). */
    static double auc(double[] score, double[] y) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, c) -> Double.compare(score[a], score[c]));
        double pos = 0;
        double neg = 0;
        double area = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            double tp = 0;
            double tn = 0;
            while (j < idx.length && score[idx[j]] == score[idx[i]]) {
                if (y[idx[j]] > 0.5) {
                    tp++;
                } else {
                    tn++;
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
}
