package dev.hadron.ml.linear;

/** Row-wise linear scores shared by the linear models. */
final class LinearMath {
    private LinearMath() {
    }

    /** {@code x . coef + intercept} for each row of the row-major {@code x}. */
    static double[] predict(double[] x, int n, double[] coef, double intercept) {
        int f = coef.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = intercept;
            int r = i * f;
            for (int j = 0; j < f; j++) {
                s += x[r + j] * coef[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Scores of several linear functions: {@code x (n x f) . coef^T (k x f) + intercept (k)} as (n x k). */
    static double[] scores(double[] x, int n, int f, double[] coef, double[] intercept) {
        int k = intercept.length;
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            int r = i * f;
            for (int c = 0; c < k; c++) {
                double s = intercept[c];
                int cr = c * f;
                for (int j = 0; j < f; j++) {
                    s += x[r + j] * coef[cr + j];
                }
                out[i * k + c] = s;
            }
        }
        return out;
    }
}
