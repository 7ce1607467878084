package dev.hadron.ml.svm;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

/**
 * The training data of Platt's sigmoid: decision values of each training event from a machine
 * fitted without it, by five-fold cross-validation over a seeded permutation (LIBSVM's
 * {@code svm_binary_svc_probability}). A fold whose training part holds one class only gives its
 * events the decision value of that class (+1 or -1).
 */
final class PlattFolds {
    private PlattFolds() {
    }

    /** Platt (A, B) from five-fold cross-validated decision values, as LIBSVM's {@code svm_binary_svc_probability}. */
    static double[] fit(SVC.Params p, SvmKernel kernel, double[] x, int f, int[] rows,
                        byte[] labels, double[] cs, Generator gen) {
        int l = rows.length;
        int folds = 5;
        long[] perm = Tensor.randperm(gen, l).toLongArray();
        double[] dec = new double[l];
        for (int fold = 0; fold < folds; fold++) {
            int begin = fold * l / folds;
            int end = (fold + 1) * l / folds;
            boolean[] held = new boolean[l];
            for (int k = begin; k < end; k++) {
                held[(int) perm[k]] = true;
            }
            int trainCount = l - (end - begin);
            int[] subRows = new int[trainCount];
            byte[] subLabels = new byte[trainCount];
            double[] subC = new double[trainCount];
            int positives = 0;
            for (int i = 0, k = 0; i < l; i++) {
                if (!held[i]) {
                    subRows[k] = rows[i];
                    subLabels[k] = labels[i];
                    subC[k] = cs[i];
                    positives += labels[i] > 0 ? 1 : 0;
                    k++;
                }
            }
            int negatives = trainCount - positives;
            if (positives == 0 || negatives == 0) {
                double v = positives == 0 && negatives == 0 ? 0 : (positives > 0 ? 1 : -1);
                for (int k = begin; k < end; k++) {
                    dec[(int) perm[k]] = v;
                }
                continue;
            }
            Smo.Solution s = new Smo(kernel, x, f, subRows, subLabels, subC, p.cacheMegabytes()).solve(p.tol(), p.maxIter());
            for (int k = begin; k < end; k++) {
                int i = (int) perm[k];
                double v = -s.rho();
                for (int t = 0; t < trainCount; t++) {
                    double at = s.alpha()[t];
                    if (at != 0) {
                        v += at * subLabels[t] * kernel.apply(x, subRows[t] * f, x, rows[i] * f, f);
                    }
                }
                dec[i] = v;
            }
        }
        return Platt.fit(dec, labels);
    }
}
