package dev.hadron.ml.svm;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Classifier;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.FitChecks;
import dev.hadron.ml.internal.support.Check;
import dev.hadron.ml.internal.support.JsonFields;
import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A fitted kernel support-vector classifier (scikit-learn's {@code SVC}, which wraps LIBSVM): for
 * two classes the decision function {@code f(x) = sum_i a_i y_i K(x_i, x) + b} of the maximum-margin
 * separator in the kernel's feature space, found by {@link Smo sequential minimal optimization};
 * positive values favour class 1. Three or more classes are handled one-against-one, as LIBSVM does:
 * one machine per pair of classes, prediction by votes, and a one-against-rest shaped
 * {@link #decisionFunction} computed from the votes like scikit-learn's {@code decision_function_shape="ovr"}.
 *
 * <p><b>Probabilities</b> ({@code probability = true}) are Platt's sigmoid of the decision value,
 * fitted on five-fold cross-validated decision values of the training set (folds drawn from the
 * seeded generator), coupled pairwise for several classes; as in scikit-learn, {@link #predict}
 * follows the decision function and may rarely disagree with the most probable class. Without
 * {@code probability}, {@link #predictProba} refuses with an error.
 *
 * <p><b>Event weights</b> scale the penalty per event, {@code C_i = C w_i} (scikit-learn's
 * {@code sample_weight}); they must be non-negative, and events of zero weight are left out.
 *
 * <pre>{@code
 * SVC svm = SVC.Params.defaults().withC(10).withProbability(true).fit(train);   // RBF, gamma "scale"
 * Tensor score = svm.decisionFunction(test.features());
 * }</pre>
 */
public final class SVC implements Classifier {
    private static final String NAME = "SVC";
    /** The value of {@code gamma} that asks for scikit-learn's "scale": {@code 1 / (features * Var(X))}. */
    public static final double GAMMA_SCALE = 0;

    /** Kernel functions. */
    public enum Kernel {
        /** {@code x . y}. */
        LINEAR,
        /** {@code exp(-gamma |x - y|^2)}. */
        RBF,
        /** {@code (gamma x . y + coef0)^degree}. */
        POLYNOMIAL
    }

    /**
     * Hyperparameters (scikit-learn's names and defaults).
     *
     * @param kernel the kernel function
     * @param c the penalty on margin violations (> 0)
     * @param gamma kernel coefficient of RBF and polynomial kernels (> 0), or {@link #GAMMA_SCALE} for
     *              scikit-learn's default "scale"
     * @param degree degree of the polynomial kernel (>= 1)
     * @param coef0 constant term of the polynomial kernel
     * @param probability fit Platt probabilities (five extra fits per pair of classes)
     * @param tol stopping tolerance on the KKT violation
     * @param maxIter iteration limit per machine, or 0 for LIBSVM's (max(10^7, 100 n))
     * @param cacheMegabytes memory for cached kernel rows
     * @param seed seed of the cross-validation folds of the probability fit
     */
    public record Params(Kernel kernel, double c, double gamma, int degree, double coef0, boolean probability, double tol,
                         long maxIter, double cacheMegabytes, long seed) implements Estimator<SVC> {
        /** Validates. */
        public Params {
            Check.notNull("kernel", kernel);
            Check.positive("C", c);
            Check.nonNegative("gamma", gamma);
            Check.atLeast("degree", degree, 1);
            if (!Double.isFinite(coef0)) {
                throw new IllegalArgumentException("Invalid coef0: " + coef0 + " (must be finite)");
            }
            Check.positive("tol", tol);
            if (maxIter < 0) {
                throw new IllegalArgumentException("Invalid maxIter: " + maxIter + " (must be >= 0; 0 means LIBSVM's limit)");
            }
            Check.positive("cacheMegabytes", cacheMegabytes);
        }

        /** RBF kernel, C 1, gamma "scale", degree 3, coef0 0, no probabilities, tol 1e-3, 200 MB cache, seed 0. */
        public static Params defaults() {
            return new Params(Kernel.RBF, 1.0, GAMMA_SCALE, 3, 0.0, false, 1e-3, 0, 200, 0);
        }

        /** A copy with another kernel. */
        public Params withKernel(Kernel value) {
            return new Params(value, c, gamma, degree, coef0, probability, tol, maxIter, cacheMegabytes, seed);
        }

        /** A copy with another C. */
        public Params withC(double value) {
            return new Params(kernel, value, gamma, degree, coef0, probability, tol, maxIter, cacheMegabytes, seed);
        }

        /** A copy with another gamma ({@link #GAMMA_SCALE} for "scale"). */
        public Params withGamma(double value) {
            return new Params(kernel, c, value, degree, coef0, probability, tol, maxIter, cacheMegabytes, seed);
        }

        /** A copy with another polynomial degree. */
        public Params withDegree(int value) {
            return new Params(kernel, c, gamma, value, coef0, probability, tol, maxIter, cacheMegabytes, seed);
        }

        /** A copy with another polynomial constant. */
        public Params withCoef0(double value) {
            return new Params(kernel, c, gamma, degree, value, probability, tol, maxIter, cacheMegabytes, seed);
        }

        /** A copy with or without probabilities. */
        public Params withProbability(boolean value) {
            return new Params(kernel, c, gamma, degree, coef0, value, tol, maxIter, cacheMegabytes, seed);
        }

        /** A copy with another tolerance. */
        public Params withTol(double value) {
            return new Params(kernel, c, gamma, degree, coef0, probability, value, maxIter, cacheMegabytes, seed);
        }

        /** A copy with another iteration limit. */
        public Params withMaxIter(long value) {
            return new Params(kernel, c, gamma, degree, coef0, probability, tol, value, cacheMegabytes, seed);
        }

        /** A copy with another cache size. */
        public Params withCacheMegabytes(double value) {
            return new Params(kernel, c, gamma, degree, coef0, probability, tol, maxIter, value, seed);
        }

        /** A copy with another seed. */
        public Params withSeed(long value) {
            return new Params(kernel, c, gamma, degree, coef0, probability, tol, maxIter, cacheMegabytes, value);
        }

        @Override
        public SVC fit(Dataset train) {
            return SVC.fit(this, train);
        }
    }

    private final SvmKernel kernel;
    private final int classes;
    private final int features;
    /** Support vectors, row-major (nSV x features). */
    private final double[] sv;
    private final int[] svTrainingIndex;
    private final List<Machine> machines;
    private final boolean probability;

    private SVC(SvmKernel kernel, int classes, int features, double[] sv, int[] svTrainingIndex, List<Machine> machines,
                boolean probability) {
        this.kernel = kernel;
        this.classes = classes;
        this.features = features;
        this.sv = sv;
        this.svTrainingIndex = svTrainingIndex;
        this.machines = List.copyOf(machines);
        this.probability = probability;
    }

    /** Fits on features (n, f), integer class labels (n) and optional non-negative weights (n, or null). */
    public static SVC fit(Params p, Tensor x, Tensor y, Tensor weights) {
        return fit(p, Dataset.of(x, y, weights));
    }

    /** Fits on the features, class labels and weights of {@code d}. */
    public static SVC fit(Params p, Dataset d) {
        FitChecks.common(NAME, d, false);
        int classes = FitChecks.classification(NAME, d);
        double[] x = Rows.features(NAME, d);
        double[] w = Rows.weights(d);
        int[] y = Rows.classes(d);
        Rows.requireNonNegative(NAME, w, "weights scale the penalty C per event and must be >= 0");
        int n = d.size();
        int f = d.numFeatures();
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                members.get(y[i]).add(i);
            }
        }
        for (int c = 0; c < classes; c++) {
            if (members.get(c).isEmpty()) {
                throw new IllegalArgumentException(NAME + ": class " + c + " has no events with positive weight; labels must"
                        + " run over 0 .. " + (classes - 1) + " with every class present");
            }
        }
        SvmKernel kernel = new SvmKernel(p.kernel(), resolveGamma(p, x, f), p.degree(), p.coef0());
        Generator gen = new Generator(p.seed());
        List<Machine> trained = new ArrayList<>();
        List<double[]> alphas = new ArrayList<>();
        List<int[]> machineRows = new ArrayList<>();
        boolean[] isSupport = new boolean[n];
        for (int a = 0; a < classes; a++) {
            for (int b = a + 1; b < classes; b++) {
                int[] rows = concat(members.get(a), members.get(b));
                byte[] labels = new byte[rows.length];
                double[] cs = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    labels[i] = (byte) (y[rows[i]] == a ? 1 : -1);
                    cs[i] = p.c() * w[rows[i]];
                }
                Smo.Solution s = new Smo(kernel, x, f, rows, labels, cs, p.cacheMegabytes()).solve(p.tol(), p.maxIter());
                double[] ab = p.probability() ? PlattFolds.fit(p, kernel, x, f, rows, labels, cs, gen.split())
                        : new double[] {0, 0};
                double[] signed = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    signed[i] = s.alpha()[i] * labels[i];
                    if (s.alpha()[i] > 0) {
                        isSupport[rows[i]] = true;
                    }
                }
                alphas.add(signed);
                machineRows.add(rows);
                trained.add(new Machine(a, b, null, null, s.rho(), ab[0], ab[1], s.iterations()));
            }
        }
        // global support-vector table, machines refer to it
        int[] position = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            position[i] = isSupport[i] ? count++ : -1;
        }
        double[] sv = new double[count * f];
        int[] svIndex = new int[count];
        for (int i = 0; i < n; i++) {
            if (isSupport[i]) {
                System.arraycopy(x, i * f, sv, position[i] * f, f);
                svIndex[position[i]] = i;
            }
        }
        List<Machine> machines = new ArrayList<>();
        for (int m = 0; m < trained.size(); m++) {
            int[] rows = machineRows.get(m);
            double[] coef = alphas.get(m);
            int used = 0;
            for (double v : coef) {
                used += v != 0 ? 1 : 0;
            }
            int[] idx = new int[used];
            double[] cf = new double[used];
            for (int i = 0, k = 0; i < rows.length; i++) {
                if (coef[i] != 0) {
                    idx[k] = position[rows[i]];
                    cf[k++] = coef[i];
                }
            }
            Machine t = trained.get(m);
            machines.add(new Machine(t.a(), t.b(), idx, cf, t.rho(), t.probA(), t.probB(), t.iterations()));
        }
        return new SVC(kernel, classes, f, sv, svIndex, machines, p.probability());
    }

    private static double resolveGamma(Params p, double[] x, int f) {
        if (p.gamma() != GAMMA_SCALE) {
            return p.gamma();
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        return var != 0 ? 1 / (f * var) : 1.0;
    }

    private static int[] concat(List<Integer> a, List<Integer> b) {
        int[] out = new int[a.size() + b.size()];
        int k = 0;
        for (int v : a) {
            out[k++] = v;
        }
        for (int v : b) {
            out[k++] = v;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    // ------------------------------------------------------------------ prediction

    /** Decision values of every machine for every row: (n x machines), LIBSVM's sign (positive favours machine.a). */
    private double[] machineValues(Tensor xt, String op) {
        int m = xt.size(0);
        double[] q = Rows.matrix(NAME + "." + op, xt, features);
        int nsv = svTrainingIndex.length;
        int nm = machines.size();
        double[] out = new double[m * nm];
        int chunk = 32;
        IntStream.range(0, (m + chunk - 1) / chunk).parallel().forEach(c -> {
            double[] k = new double[nsv];
            int end = Math.min(m, (c + 1) * chunk);
            for (int r = c * chunk; r < end; r++) {
                for (int s = 0; s < nsv; s++) {
                    k[s] = kernel.apply(q, r * features, sv, s * features, features);
                }
                for (int mi = 0; mi < nm; mi++) {
                    Machine mc = machines.get(mi);
                    double v = -mc.rho();
                    for (int t = 0; t < mc.svIndex().length; t++) {
                        v += mc.coef()[t] * k[mc.svIndex()[t]];
                    }
                    out[r * nm + mi] = v;
                }
            }
        });
        return out;
    }

    /**
     * For two classes, f(x) (n), positive favouring class 1. For more, scikit-learn's one-against-rest
     * shaped values (n, classes): each class's votes plus a squashed sum of its pairwise decision values.
     */
    @Override
    public Tensor decisionFunction(Tensor x) {
        int m = x.size(0);
        double[] v = machineValues(x, "decisionFunction");
        if (classes == 2) {
            double[] out = new double[m];
            for (int r = 0; r < m; r++) {
                out[r] = -v[r];
            }
            return Rows.vector(out);
        }
        int nm = machines.size();
        double[] out = new double[m * classes];
        double[] conf = new double[classes];
        for (int r = 0; r < m; r++) {
            java.util.Arrays.fill(conf, 0);
            for (int mi = 0; mi < nm; mi++) {
                Machine mc = machines.get(mi);
                double dv = v[r * nm + mi];
                conf[mc.a()] += dv;
                conf[mc.b()] -= dv;
                out[r * classes + (dv >= 0 ? mc.a() : mc.b())] += 1;
            }
            for (int c = 0; c < classes; c++) {
                out[r * classes + c] += conf[c] / (3 * (Math.abs(conf[c]) + 1));
            }
        }
        return Rows.matrix(out, m, classes);
    }

    /** The class with the most one-against-one votes (ties to the lower class), as LIBSVM predicts (int64, n). */
    @Override
    public Tensor predict(Tensor x) {
        int m = x.size(0);
        double[] v = machineValues(x, "predict");
        int nm = machines.size();
        int[] out = new int[m];
        int[] votes = new int[classes];
        for (int r = 0; r < m; r++) {
            java.util.Arrays.fill(votes, 0);
            for (int mi = 0; mi < nm; mi++) {
                Machine mc = machines.get(mi);
                votes[v[r * nm + mi] > 0 ? mc.a() : mc.b()]++;
            }
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (votes[c] > votes[best]) {
                    best = c;
                }
            }
            out[r] = best;
        }
        return Rows.labels(out);
    }

    @Override
    public Tensor predictProba(Tensor x) {
        if (!probability) {
            throw new IllegalStateException(NAME + ": probabilities need a model fitted with probability = true"
                    + " (Params.withProbability(true)); decisionFunction works without");
        }
        int m = x.size(0);
        double[] v = machineValues(x, "predictProba");
        int nm = machines.size();
        double[] out = new double[m * classes];
        double[][] r = new double[classes][classes];
        for (int row = 0; row < m; row++) {
            for (int mi = 0; mi < nm; mi++) {
                Machine mc = machines.get(mi);
                double pa = Platt.clipped(Platt.predict(v[row * nm + mi], mc.probA(), mc.probB()));
                r[mc.a()][mc.b()] = pa;
                r[mc.b()][mc.a()] = 1 - pa;
            }
            double[] p = classes == 2 ? new double[] {r[0][1], r[1][0]} : Platt.couple(r);
            System.arraycopy(p, 0, out, row * classes, classes);
        }
        return Rows.matrix(out, m, classes);
    }

    // ------------------------------------------------------------------ accessors

    @Override
    public int numClasses() {
        return classes;
    }

    @Override
    public int numFeatures() {
        return features;
    }

    /** The support vectors (nSV, features), float64. */
    public Tensor supportVectors() {
        return Tensor.of(sv, svTrainingIndex.length, features);
    }

    /** Training-set indices of the support vectors (nSV), int64 ({@code support_}). */
    public Tensor supportIndices() {
        return Rows.labels(svTrainingIndex);
    }

    /** Number of support vectors. */
    public int numSupportVectors() {
        return svTrainingIndex.length;
    }

    /** The kernel's gamma in use ("scale" resolved). */
    public double gamma() {
        return kernel.gamma();
    }

    /** SMO iterations of each machine (one for two classes, one per pair of classes otherwise). */
    public int[] iterations() {
        return machines.stream().mapToInt(Machine::iterations).toArray();
    }

    /** Whether {@link #predictProba} is available. */
    public boolean hasProbability() {
        return probability;
    }

    // ------------------------------------------------------------------ JSON

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kernel", kernel.type().name());
        m.put("gamma", kernel.gamma());
        m.put("degree", (long) kernel.degree());
        m.put("coef0", kernel.coef0());
        m.put("classes", (long) classes);
        m.put("features", (long) features);
        m.put("probability", probability);
        m.put("support_vectors", JsonFields.list(sv));
        m.put("support", JsonFields.list(svTrainingIndex));
        List<Object> ms = new ArrayList<>();
        for (Machine mc : machines) {
            ms.add(mc.toJson());
        }
        m.put("machines", ms);
        return m;
    }

    /** Rebuilds a model from {@link #toJson()}. */
    public static SVC fromJson(Map<String, Object> m) {
        Kernel type;
        try {
            type = Kernel.valueOf(JsonFields.string(m, "kernel"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model JSON: unknown kernel '" + m.get("kernel") + "'", e);
        }
        SvmKernel kernel = new SvmKernel(type, JsonFields.number(m, "gamma"), JsonFields.integer(m, "degree"),
                JsonFields.number(m, "coef0"));
        int classes = JsonFields.count(m, "classes", 1 << 16);
        int features = JsonFields.count(m, "features", 1 << 24);
        int[] support = JsonFields.ints(m, "support", -1);
        if ((long) support.length * features > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model JSON: " + support.length + " support vectors is too large");
        }
        double[] sv = JsonFields.doubles(m, "support_vectors", support.length * features);
        List<Machine> machines = new ArrayList<>();
        for (Object o : JsonFields.list(m, "machines")) {
            if (!(o instanceof Map<?, ?> mm)) {
                throw new IllegalArgumentException("model JSON: a machine is not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) mm;
            machines.add(Machine.fromJson(map, classes, support.length));
        }
        if (machines.size() != classes * (classes - 1) / 2) {
            throw new IllegalArgumentException("model JSON: " + machines.size() + " machines for " + classes
                    + " classes, expected " + classes * (classes - 1) / 2);
        }
        return new SVC(kernel, classes, features, sv, support, machines, JsonFields.bool(m, "probability"));
    }

    @Override
    public String toString() {
        return NAME + "(" + kernel.type() + ", gamma=" + kernel.gamma() + ", classes=" + classes + ", supportVectors="
                + svTrainingIndex.length + ")";
    }
}
