package dev.hadron.ml.tree;

/**
 * The loss that gradient boosting minimizes, with the gradients and hessians XGBoost uses for it.
 * Event weights multiply both (negative weights included; see {@link NegativeWeights}).
 */
public enum Objective {
    /** Logistic loss for two classes and softmax for more (classifiers); squared error (regressors). */
    AUTO("auto"),
    /** Binary logistic loss; one tree per round; raw score = log-odds of class 1 (XGBoost {@code binary:logistic}). */
    BINARY_LOGISTIC("binary:logistic"),
    /**
     * Multinomial (softmax) log loss; one tree per class and round (XGBoost {@code multi:softprob}:
     * hessian {@code 2 p (1 - p)}).
     */
    MULTICLASS_SOFTMAX("multi:softprob"),
    /** Squared error {@code (f - y)^2 / 2} (XGBoost {@code reg:squarederror}). */
    SQUARED_ERROR("reg:squarederror"),
    /**
     * Pseudo-Huber loss {@code d^2 (sqrt(1 + ((f - y) / d)^2) - 1)} with slope {@code d} =
     * {@code huberSlope}: quadratic near 0, linear for large residuals, so outliers pull less
     * (XGBoost {@code reg:pseudohubererror}).
     */
    PSEUDO_HUBER("reg:pseudohubererror");

    private static final double HESSIAN_FLOOR = 1e-16;
    private final String xgboostName;

    Objective(String xgboostName) {
        this.xgboostName = xgboostName;
    }

    /** XGBoost's name for this objective ({@code "auto"} for {@link #AUTO}). */
    public String xgboostName() {
        return xgboostName;
    }

    /** True for the classification objectives. */
    public boolean isClassification() {
        return this == BINARY_LOGISTIC || this == MULTICLASS_SOFTMAX;
    }

    /** The objective named {@code name} by XGBoost. */
    public static Objective fromXGBoostName(String name) {
        for (Objective o : values()) {
            if (o != AUTO && o.xgboostName.equals(name)) {
                return o;
            }
        }
        if ("multi:softmax".equals(name)) {
            return MULTICLASS_SOFTMAX;
        }
        throw new IllegalArgumentException("XGBoost objective '" + name + "' is not supported; expected one of"
                + " binary:logistic, multi:softprob, multi:softmax, reg:squarederror, reg:pseudohubererror");
    }

    /** Number of raw scores (trees per round) for {@code classes} classes (0 for regression). */
    int groups(int classes) {
        return this == MULTICLASS_SOFTMAX ? classes : 1;
    }

    /** The starting raw scores: log-odds / log-priors of the weighted class fractions, or the weighted mean target. */
    double[] baseMargin(double[] y, double[] w, int classes) {
        double total = 0;
        for (double v : w) {
            total += v;
        }
        switch (this) {
            case BINARY_LOGISTIC -> {
                double pos = 0;
                for (int i = 0; i < y.length; i++) {
                    pos += y[i] * w[i];
                }
                double p = Math.min(1 - 1e-15, Math.max(1e-15, pos / total));
                return new double[] {Math.log(p / (1 - p))};
            }
            case MULTICLASS_SOFTMAX -> {
                double[] c = new double[classes];
                for (int i = 0; i < y.length; i++) {
                    c[(int) y[i]] += w[i];
                }
                double[] m = new double[classes];
                for (int k = 0; k < classes; k++) {
                    m[k] = Math.log(Math.max(1e-15, c[k] / total));
                }
                return m;
            }
            default -> {
                double s = 0;
                for (int i = 0; i < y.length; i++) {
                    s += y[i] * w[i];
                }
                return new double[] {s / total};
            }
        }
    }

    /**
     * Gradients and hessians for the rows {@code rows[0 .. m)} (in that order) into {@code g[k]} and
     * {@code h[k]} for each group {@code k}; {@code raw} is {@code n x groups} row-major.
     */
    void gradients(double[] raw, double[] y, double[] w, int groups, double huberSlope, int[] rows, int from, int to,
                   float[][] g, float[][] h) {
        switch (this) {
            case BINARY_LOGISTIC -> {
                float[] g0 = g[0];
                float[] h0 = h[0];
                for (int i = from; i < to; i++) {
                    int r = rows[i];
                    double p = sigmoid(raw[r]);
                    g0[i] = (float) ((p - y[r]) * w[r]);
                    h0[i] = (float) (Math.max(p * (1 - p), HESSIAN_FLOOR) * w[r]);
                }
            }
            case MULTICLASS_SOFTMAX -> {
                for (int i = from; i < to; i++) {
                    int r = rows[i];
                    int base = r * groups;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < groups; k++) {
                        max = Math.max(max, raw[base + k]);
                    }
                    double sum = 0;
                    for (int k = 0; k < groups; k++) {
                        sum += Math.exp(raw[base + k] - max);
                    }
                    int label = (int) y[r];
                    for (int k = 0; k < groups; k++) {
                        double p = Math.exp(raw[base + k] - max) / sum;
                        g[k][i] = (float) (((k == label ? p - 1 : p)) * w[r]);
                        h[k][i] = (float) (Math.max(2 * p * (1 - p), HESSIAN_FLOOR) * w[r]);
                    }
                }
            }
            case SQUARED_ERROR -> {
                for (int i = from; i < to; i++) {
                    int r = rows[i];
                    g[0][i] = (float) ((raw[r] - y[r]) * w[r]);
                    h[0][i] = (float) w[r];
                }
            }
            case PSEUDO_HUBER -> {
                double d2 = huberSlope * huberSlope;
                for (int i = from; i < to; i++) {
                    int r = rows[i];
                    double z = raw[r] - y[r];
                    double scale = 1 + z * z / d2;
                    double sq = Math.sqrt(scale);
                    g[0][i] = (float) (z / sq * w[r]);
                    h[0][i] = (float) (1 / (scale * sq) * w[r]);
                }
            }
            default -> throw new IllegalStateException("objective " + this + " has no gradient");
        }
    }

    /** The weighted mean loss over all rows ({@code raw} is {@code n x groups}). */
    double loss(double[] raw, double[] y, double[] w, int groups, double huberSlope) {
        double sum = 0;
        double tw = 0;
        int n = y.length;
        for (int r = 0; r < n; r++) {
            double l;
            switch (this) {
                case BINARY_LOGISTIC -> {
                    double f = raw[r];
                    // log(1 + exp(-f)) for y = 1, log(1 + exp(f)) for y = 0, computed stably
                    double z = y[r] > 0.5 ? -f : f;
                    l = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
                }
                case MULTICLASS_SOFTMAX -> {
                    int base = r * groups;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < groups; k++) {
                        max = Math.max(max, raw[base + k]);
                    }
                    double s = 0;
                    for (int k = 0; k < groups; k++) {
                        s += Math.exp(raw[base + k] - max);
                    }
                    l = max + Math.log(s) - raw[base + (int) y[r]];
                }
                case SQUARED_ERROR -> {
                    double z = raw[r] - y[r];
                    l = 0.5 * z * z;
                }
                case PSEUDO_HUBER -> {
                    double z = (raw[r] - y[r]) / huberSlope;
                    l = huberSlope * huberSlope * (Math.sqrt(1 + z * z) - 1);
                }
                default -> throw new IllegalStateException("objective " + this + " has no loss");
            }
            sum += l * w[r];
            tw += w[r];
        }
        return sum / tw;
    }

    static double sigmoid(double f) {
        return 1 / (1 + Math.exp(-f));
    }
}
