package dev.hadron.eval.metrics;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.eval.internal.Sorting;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Weighted ROC curves and AUCs for binary (signal = label 1, background = label 0) and one-vs-rest
 * multi-class problems. Arguments follow scikit-learn's order: labels, scores, weights (null for unit
 * weights). Higher scores mean "more signal-like"; an event passes a cut when score ≥ threshold.
 *
 * <pre>{@code
 * RocCurve roc = Roc.curve(labels, scores, weights);
 * double auc = roc.auc();                                   // = sklearn roc_auc_score(y, s, sample_weight=w)
 * double rej = roc.backgroundRejectionAt(0.5);              // 1/ε_B at ε_S = 50 %
 * AucEstimate e = Roc.aucBootstrap(labels, scores, weights, 200, new Generator(1));
 * }</pre>
 *
 * <p>Negative weights are kept by default; see {@link NegativeWeights} and {@link RocCurve} for what
 * that means for monotonicity and how the queries behave.
 */
public final class Roc {
    private Roc() {
    }

    /** The ROC curve of binary labels and scores with weights as given ({@link NegativeWeights#KEEP}). */
    public static RocCurve curve(Tensor labels, Tensor scores, Tensor weights) {
        return curve(labels, scores, weights, NegativeWeights.KEEP);
    }

    /** The ROC curve with an explicit policy for negative weights. */
    public static RocCurve curve(Tensor labels, Tensor scores, Tensor weights, NegativeWeights policy) {
        double[] s = Inputs.scores("roc", scores);
        int[] y = Inputs.binaryLabels("roc", labels, s.length);
        double[] w = policy.apply(Inputs.weights("roc", weights, s.length));
        return curve(y, s, w, "roc");
    }

    /** The AUC of binary labels and scores (weights may be null); equals scikit-learn's {@code roc_auc_score}. */
    public static double auc(Tensor labels, Tensor scores, Tensor weights) {
        return curve(labels, scores, weights).auc();
    }

    /**
     * The AUC with a stratified bootstrap uncertainty: each replica redraws, with replacement, as many
     * signal events as there are from the signal sample and as many background events from the
     * background sample, so every replica has both classes. The events are sorted once; a replica is
     * a set of multiplicities, evaluated in one pass, so 1000 replicas of 10⁶ events take seconds.
     * Replicas whose total signal or background weight is not positive (possible only with negative
     * weights) are skipped; if more than half are, the call fails.
     */
    public static AucEstimate aucBootstrap(Tensor labels, Tensor scores, Tensor weights, int replicas, Generator gen) {
        if (replicas < 2) {
            throw new IllegalArgumentException("aucBootstrap: replicas is " + replicas + "; expected at least 2");
        }
        if (gen == null) {
            throw new IllegalArgumentException("aucBootstrap: generator is null; pass a seeded Generator");
        }
        double[] s = Inputs.scores("aucBootstrap", scores);
        int[] y = Inputs.binaryLabels("aucBootstrap", labels, s.length);
        double[] w = Inputs.weights("aucBootstrap", weights, s.length);
        double nominal = curve(y, s, w, "aucBootstrap").auc();
        int n = s.length;
        int[] order = Sorting.argsortDescending(s);
        int[] groupEnd = groupEnds(s, order);
        int nSig = 0;
        for (int v : y) {
            nSig += v;
        }
        int[] sigIdx = new int[nSig];
        int[] bkgIdx = new int[n - nSig];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (y[i] == 1) {
                sigIdx[a++] = i;
            } else {
                bkgIdx[b++] = i;
            }
        }
        int[] count = new int[n];
        double[] values = new double[replicas];
        int used = 0;
        for (int r = 0; r < replicas; r++) {
            Arrays.fill(count, 0);
            for (int i = 0; i < sigIdx.length; i++) {
                count[sigIdx[gen.nextInt(sigIdx.length)]]++;
            }
            for (int i = 0; i < bkgIdx.length; i++) {
                count[bkgIdx[gen.nextInt(bkgIdx.length)]]++;
            }
            double a = mannWhitney(order, groupEnd, y, w, count);
            if (!Double.isNaN(a)) {
                values[used++] = a;
            }
        }
        if (used * 2 < replicas) {
            throw new IllegalArgumentException("aucBootstrap: only " + used + " of " + replicas
                    + " replicas had positive total signal and background weight; the negative weights dominate this sample");
        }
        double[] v = Arrays.copyOf(values, used);
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= used;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        Arrays.sort(v);
        double lo = Sorting.quantileSorted(v, 0.15865525393145707);
        double hi = Sorting.quantileSorted(v, 0.8413447460685429);
        return new AucEstimate(nominal, Math.sqrt(ss / (used - 1)), lo, hi, used);
    }

    /**
     * One ROC curve per class, class k against all others, using score column k of the (n, k) scores.
     */
    public static List<RocCurve> oneVsRest(Tensor labels, Tensor scores, Tensor weights) {
        double[] s = Inputs.classScores("oneVsRest", scores);
        int k = scores.size(1);
        int n = scores.size(0);
        int[] y = Inputs.classLabels("oneVsRest", labels, n, k);
        double[] w = Inputs.weights("oneVsRest", weights, n);
        List<RocCurve> curves = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            double[] col = new double[n];
            int[] yc = new int[n];
            for (int i = 0; i < n; i++) {
                col[i] = s[i * k + c];
                yc[i] = y[i] == c ? 1 : 0;
            }
            curves.add(curve(yc, col, w, "oneVsRest (class " + c + ")"));
        }
        return curves;
    }

    /**
     * The one-vs-rest AUC averaged over classes: {@link Average#MACRO} or {@link Average#WEIGHTED}
     * (by each class's total weight), as scikit-learn's {@code roc_auc_score(y, p, multi_class="ovr",
     * average=..., sample_weight=w)}. Unlike scikit-learn, the scores need not sum to one.
     */
    public static double aucOneVsRest(Tensor labels, Tensor scores, Tensor weights, Average average) {
        if (average == Average.MICRO) {
            throw new IllegalArgumentException("aucOneVsRest: average MICRO is not defined for one-vs-rest AUC; expected MACRO or WEIGHTED");
        }
        List<RocCurve> curves = oneVsRest(labels, scores, weights);
        double num = 0;
        double den = 0;
        for (RocCurve c : curves) {
            double a = average == Average.MACRO ? 1.0 : c.totalSignalWeight();
            num += a * c.auc();
            den += a;
        }
        return num / den;
    }

    // ------------------------------------------------------------------ kernels on primitive arrays

    /** The full curve (no point dropped) from validated arrays. */
    static RocCurve curve(int[] y, double[] s, double[] w, String op) {
        Inputs.nonEmpty(op, s.length);
        double ws = 0;
        double wb = 0;
        int ns = 0;
        for (int i = 0; i < s.length; i++) {
            if (y[i] == 1) {
                ws += w[i];
                ns++;
            } else {
                wb += w[i];
            }
        }
        if (ns == 0 || ns == s.length) {
            throw new IllegalArgumentException(op + ": all " + s.length + " events are " + (ns == 0 ? "background (label 0)" : "signal (label 1)")
                    + "; a ROC curve needs events of both classes");
        }
        if (!(ws > 0)) {
            throw new IllegalArgumentException(op + ": total signal weight is " + ws + "; efficiencies need a positive total weight");
        }
        if (!(wb > 0)) {
            throw new IllegalArgumentException(op + ": total background weight is " + wb + "; efficiencies need a positive total weight");
        }
        int[] order = Sorting.argsortDescending(s);
        int[] ends = groupEnds(s, order);
        int m = ends.length + 1;
        double[] thr = new double[m];
        double[] fps = new double[m];
        double[] tps = new double[m];
        thr[0] = Double.POSITIVE_INFINITY;
        double cs = 0;
        double cb = 0;
        int start = 0;
        for (int g = 0; g < ends.length; g++) {
            for (int j = start; j < ends[g]; j++) {
                int i = order[j];
                if (y[i] == 1) {
                    cs += w[i];
                } else {
                    cb += w[i];
                }
            }
            thr[g + 1] = s[order[start]];
            tps[g + 1] = cs;
            fps[g + 1] = cb;
            start = ends[g];
        }
        return new RocCurve(thr, fps, tps, ws, wb);
    }

    /** Exclusive end positions (in sorted order) of each run of equal scores. */
    static int[] groupEnds(double[] s, int[] order) {
        int n = order.length;
        int[] ends = new int[n];
        int g = 0;
        for (int j = 1; j <= n; j++) {
            if (j == n || s[order[j]] != s[order[j - 1]]) {
                ends[g++] = j;
            }
        }
        return Arrays.copyOf(ends, g);
    }

    /** Weighted Mann–Whitney AUC with per-event multiplicities; NaN when a class has no positive weight. */
    private static double mannWhitney(int[] order, int[] ends, int[] y, double[] w, int[] count) {
        double area = 0;
        double cs = 0;
        double cb = 0;
        int start = 0;
        for (int end : ends) {
            double gs = 0;
            double gb = 0;
            for (int j = start; j < end; j++) {
                int i = order[j];
                double wi = w[i] * count[i];
                if (y[i] == 1) {
                    gs += wi;
                } else {
                    gb += wi;
                }
            }
            area += gb * (cs + 0.5 * gs);
            cs += gs;
            cb += gb;
            start = end;
        }
        if (!(cs > 0 && cb > 0)) {
            return Double.NaN;
        }
        return area / (cs * cb);
    }
}
