import dev.hadron.data.Dataset;
import dev.hadron.ml.cluster.KMeans;
import dev.hadron.ml.gp.GaussianProcessRegressor;
import dev.hadron.ml.gp.Kernel;
import dev.hadron.ml.linear.LogisticRegression;
import dev.hadron.ml.neighbors.KNeighborsClassifier;
import dev.hadron.ml.svm.SVC;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Hadron's side of the classic-methods benchmark: the same fits as {@code classic_peer.py} runs with
 * scikit-learn, on the synthetic HIGGS-shaped data that {@code make_data.py} wrote. Normally started
 * by {@code bench/classic/run.sh}; by hand, from the repository root after
 * {@code ./mvnw -q -pl hadron-ml -am package -DskipTests}:
 * <pre>
 * java --add-modules jdk.incubator.vector -p hadron-core/target/classes:hadron-ml/target/classes \
 *      --add-modules dev.hadron.ml bench/classic/ClassicBench.java DATA_DIR [repeats] [logistic,kmeans,gp,svc,knn]
 * </pre>
 * For each task it prints {@code task <TAB> time|cpu|attributes <TAB> value} lines (the best wall
 * and the least process CPU seconds of {@code repeats} timed runs after one warm-up run, then
 * {@code key=value;...} facts about the model) and writes the model's test scores to
 * {@code DATA_DIR/hadron_<task>.f64}, which {@code report.py} compares with scikit-learn's.
 */
public final class ClassicBench {
    /** Row ranges shared with classic_peer.py: training rows from 0, test rows from TEST_START. */
    static final int TEST_START = 200_000;
    /** CPU seconds of all the process's threads: less sensitive than wall time to a shared machine's load. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private final Path dir;
    private final int repeats;
    private final Tensor x;
    private final Tensor y;
    private final Tensor t;

    private final java.util.Set<String> groups;

    private ClassicBench(Path dir, int repeats, java.util.Set<String> groups) throws IOException {
        this.dir = dir;
        this.repeats = repeats;
        this.groups = groups;
        String meta = Files.readString(dir.resolve("meta.json"));
        int rows = Integer.parseInt(meta.replaceAll(".*\"rows\": *(\\d+).*", "$1").trim());
        int features = Integer.parseInt(meta.replaceAll(".*\"features\": *(\\d+).*", "$1").trim());
        x = Tensor.of(read(dir.resolve("x.f64"), rows * features), rows, features);
        y = Tensor.of(read(dir.resolve("y.f64"), rows), rows).to(DType.INT64);
        t = Tensor.of(read(dir.resolve("t.f64"), rows), rows);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ClassicBench DATA_DIR [repeats] [groups, e.g. logistic,kmeans,gp,svc,knn]");
        }
        String groups = args.length > 2 ? args[2] : "logistic,kmeans,gp,svc,knn";
        new ClassicBench(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 3,
                java.util.Set.of(groups.split(","))).run();
    }

    private void run() throws IOException {
        if (groups.contains("logistic")) {
            logistic();
        }
        if (groups.contains("kmeans")) {
            kmeans();
        }
        if (groups.contains("gp")) {
            gp();
        }
        if (groups.contains("svc")) {
            svc();
        }
        if (groups.contains("knn")) {
            knn();
        }
    }

    private void logistic() throws IOException {
        Dataset lrTrain = Dataset.of(rows(x, 0, 200_000), rows(y, 0, 200_000));
        Tensor lrTest = rows(x, TEST_START, 100_000);
        // scikit-learn 1.2's lbfgs stops when the largest gradient component of (sum of losses +
        // |coef|^2 / 2C) is below tol = 1e-4; Hadron's tol is that gradient divided by the total weight
        LogisticRegression.Params lr = LogisticRegression.Params.defaults().withTol(1e-4 / lrTrain.size());
        LogisticRegression lrModel = time("logistic_l2_200k", () -> lr.fit(lrTrain));
        report("logistic_l2_200k", "iterations=" + lrModel.iterations());
        scores("logistic_l2_200k", lrModel.decisionFunction(lrTest));

    }

    private void kmeans() throws IOException {
        Tensor kmTest = rows(x, TEST_START, 10_000);
        Dataset kmTrain = Dataset.of(rows(x, 0, 100_000));
        KMeans.Params km = KMeans.Params.defaults().withInitialCenters(rows(x, 0, 8));
        KMeans kmModel = time("kmeans_given_init_100k", () -> km.fit(kmTrain));
        report("kmeans_given_init_100k", "inertia=" + kmModel.inertia() + ";iterations=" + kmModel.iterations());
        scores("kmeans_given_init_100k", kmModel.predict(kmTest).to(DType.FLOAT64));

        KMeans.Params kmpp = KMeans.Params.defaults().withClusters(8).withNInit(3).withSeed(0);
        KMeans ppModel = time("kmeans_pp_ninit3_100k", () -> kmpp.fit(kmTrain));
        report("kmeans_pp_ninit3_100k", "inertia=" + ppModel.inertia());

    }

    private void gp() throws IOException {
        Dataset gpTrain = Dataset.of(rows(x, 0, 1000).narrow(1, 0, 6).contiguous(), rows(t, 0, 1000));
        Tensor gpTest = rows(x, TEST_START, 2000).narrow(1, 0, 6).contiguous();
        Kernel k = Kernel.constant(1.0).times(Kernel.rbf(1.0)).plus(Kernel.white(0.1));
        GaussianProcessRegressor.Params gp = GaussianProcessRegressor.Params.defaults().withKernel(k);
        GaussianProcessRegressor gpModel = time("gp_rbf_white_1000", () -> gp.fit(gpTrain));
        report("gp_rbf_white_1000", "log_marginal_likelihood=" + gpModel.logMarginalLikelihood()
                + ";hyperparameters=" + java.util.Arrays.stream(gpModel.kernel().theta())
                        .mapToObj(v -> String.format(Locale.ROOT, "%.6g", Math.exp(v)))
                        .collect(java.util.stream.Collectors.joining(",")));
        scores("gp_rbf_white_1000", gpModel.predict(gpTest));

    }

    private void svc() throws IOException {
        Dataset svmTrain = Dataset.of(rows(x, 0, 5000), rows(y, 0, 5000));
        Tensor svmTest = rows(x, TEST_START, 10_000);
        SVC.Params svc = SVC.Params.defaults();
        SVC svcModel = time("svc_rbf_fit_5000", () -> svc.fit(svmTrain));
        report("svc_rbf_fit_5000", "support_vectors=" + svcModel.numSupportVectors());
        Tensor decision = time("svc_rbf_decision_10k", () -> svcModel.decisionFunction(svmTest));
        scores("svc_rbf_fit_5000", decision);

    }

    private void knn() throws IOException {
        Dataset knnTrain = Dataset.of(rows(x, 0, 50_000), rows(y, 0, 50_000));
        Tensor knnTest = rows(x, TEST_START, 10_000);
        KNeighborsClassifier.Params knn = KNeighborsClassifier.Params.defaults().withNeighbors(25);
        Tensor proba = time("knn25_50k_x_10k", () -> knn.fit(knnTrain).predictProba(knnTest));
        scores("knn25_50k_x_10k", proba.select(1, 1).contiguous());
    }

    private static Tensor rows(Tensor a, int start, int count) {
        return a.narrow(0, start, count).contiguous();
    }

    private <T> T time(String task, Supplier<T> fit) {
        T result = fit.get();
        double best = Double.POSITIVE_INFINITY;
        double bestCpu = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            long c0 = CPU.getProcessCpuTime();
            long t0 = System.nanoTime();
            result = fit.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            bestCpu = Math.min(bestCpu, (CPU.getProcessCpuTime() - c0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%s\ttime\t%.6f%n%s\tcpu\t%.6f%n", task, best, task, bestCpu);
        return result;
    }

    private static void report(String task, String attributes) {
        System.out.println(task + "\tattributes\t" + attributes);
    }

    private void scores(String task, Tensor s) throws IOException {
        double[] v = s.toDoubleArray();
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        Files.write(dir.resolve("hadron_" + task + ".f64"), b.array());
    }

    private static double[] read(Path p, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        if (bytes.length != count * 8L) {
            throw new IOException(p + ": " + bytes.length + " bytes, expected " + count + " float64 values");
        }
        double[] v = new double[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }
}
