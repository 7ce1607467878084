import dev.hadron.eval.metrics.KolmogorovSmirnov;
import dev.hadron.eval.metrics.Roc;
import dev.hadron.eval.metrics.RocCurve;
import dev.hadron.eval.report.MethodResult;
import dev.hadron.eval.report.Predictions;
import dev.hadron.eval.report.Report;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Timings of hadron-eval's metrics on the workloads of eval_peer.py (scikit-learn / SciPy), same
 * sizes and distributions. Run from the repository root after building:
 *
 * <pre>
 * ./mvnw -q -pl hadron-eval -am package -DskipTests
 * java -p hadron-core/target/classes:hadron-eval/target/classes --add-modules dev.hadron.eval bench/eval/EvalBench.java
 * /usr/bin/python3 bench/eval/eval_peer.py
 * </pre>
 */
public class EvalBench {
    static double median(int reps, Supplier<Object> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            work.get();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    public static void main(String[] args) {
        int n = 1_000_000;
        Generator g = new Generator(1);
        long[] y = new long[n];
        double[] s = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = g.nextDouble() < 0.5 ? 1 : 0;
            s[i] = g.nextGaussian() + y[i];
            w[i] = 0.5 + g.nextDouble();
        }
        Tensor yt = Tensor.of(y, n);
        Tensor st = Tensor.of(s);
        Tensor wt = Tensor.of(w);
        double auc = median(5, () -> Roc.auc(yt, st, wt));
        double roc = median(5, () -> Roc.curve(yt, st, wt));
        int m = 100_000;
        Tensor ym = Tensor.of(Arrays.copyOf(y, m), m);
        Tensor sm = Tensor.of(Arrays.copyOf(s, m));
        double boot = median(3, () -> Roc.aucBootstrap(ym, sm, null, 200, new Generator(2)));
        Tensor a = Tensor.of(Arrays.copyOfRange(s, 0, m));
        Tensor b = Tensor.of(Arrays.copyOfRange(s, m, 2 * m));
        double ks = median(5, () -> KolmogorovSmirnov.test(a, b));
        int r = 200_000;
        Tensor yr = Tensor.of(Arrays.copyOf(y, r), r);
        Tensor sr = Tensor.of(Arrays.copyOf(s, r));
        Tensor wr = Tensor.of(Arrays.copyOf(w, r));
        double report = median(3, () -> Report.classification("bench", List.of("B", "S"))
                .withMethods(List.of(new MethodResult("A", new Predictions(sr, yr, wr), new Predictions(sr, yr, wr), null, 1)))
                .render().html().length());
        System.out.printf(Locale.ROOT, "roc_auc_score 1e6 weighted   %.4f s%n", auc);
        System.out.printf(Locale.ROOT, "roc_curve 1e6 weighted       %.4f s%n", roc);
        System.out.printf(Locale.ROOT, "bootstrap AUC 200 x 1e5      %.4f s%n", boot);
        System.out.printf(Locale.ROOT, "ks_2samp 1e5 vs 1e5 (asymp)  %.4f s%n", ks);
        System.out.printf(Locale.ROOT, "full report, 2e5 events      %.4f s%n", report);
    }
}
