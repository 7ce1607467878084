package dev.hadron.ml.svm;

/** A kernel function with its resolved parameters (gamma "scale" already turned into a number). */
record SvmKernel(SVC.Kernel type, double gamma, int degree, double coef0) {

    /** k(a[ao..], b[bo..]) over {@code f} features. */
    double apply(double[] a, int ao, double[] b, int bo, int f) {
        switch (type) {
            case LINEAR -> {
                double s = 0;
                for (int k = 0; k < f; k++) {
                    s += a[ao + k] * b[bo + k];
                }
                return s;
            }
            case RBF -> {
                double s = 0;
                for (int k = 0; k < f; k++) {
                    double d = a[ao + k] - b[bo + k];
                    s += d * d;
                }
                return Math.exp(-gamma * s);
            }
            case POLYNOMIAL -> {
                double s = 0;
                for (int k = 0; k < f; k++) {
                    s += a[ao + k] * b[bo + k];
                }
                return powi(gamma * s + coef0, degree);
            }
            default -> throw new IllegalStateException("unknown kernel " + type);
        }
    }

    private static double powi(double base, int exponent) {
        double r = 1;
        for (int i = 0; i < exponent; i++) {
            r *= base;
        }
        return r;
    }
}
