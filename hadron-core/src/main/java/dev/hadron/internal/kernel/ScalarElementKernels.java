package dev.hadron.internal.kernel;

/**
 * Plain-Java fast paths: the function is chosen outside the loop so each loop is a simple counted
 * loop that C2 can unroll and auto-vectorize.
 */
final class ScalarElementKernels extends ElementKernels {

    @Override
    boolean unary(UnaryFn fn, double p, double q, float[] x, int xo, float[] out, int oo, int n) {
        switch (fn) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = -x[xo + i];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = Math.abs(x[xo + i]);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i];
                    out[oo + i] = v * v;
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i];
                    out[oo + i] = v > 0 || v != v ? v : 0f;
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = (float) Math.sqrt(x[xo + i]);
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = 1f / x[xo + i];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = (float) fn.apply(x[xo + i], p, q);
                }
            }
        }
        return true;
    }

    @Override
    boolean unary(UnaryFn fn, double p, double q, double[] x, int xo, double[] out, int oo, int n) {
        switch (fn) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = -x[xo + i];
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = v * v;
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = v > 0 || v != v ? v : 0.0;
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = fn.apply(x[xo + i], p, q);
                }
            }
        }
        return true;
    }

    @Override
    boolean binary(BinaryFn fn, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        if (n == 0) {
            return combinableOrArithmetic(fn);
        }
        if (as == 1 && bs == 1) {
            switch (fn) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] + b[bo + i];
                    }
                }
                case SUB -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] - b[bo + i];
                    }
                }
                case MUL -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] * b[bo + i];
                    }
                }
                case DIV -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] / b[bo + i];
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (as == 1 && bs == 0) {
            float s = b[bo];
            switch (fn) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] + s;
                    }
                }
                case SUB -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] - s;
                    }
                }
                case MUL -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] * s;
                    }
                }
                case DIV -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] / s;
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    boolean binary(BinaryFn fn, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        if (n == 0) {
            return combinableOrArithmetic(fn);
        }
        if (as == 1 && bs == 1) {
            switch (fn) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] + b[bo + i];
                    }
                }
                case SUB -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] - b[bo + i];
                    }
                }
                case MUL -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] * b[bo + i];
                    }
                }
                case DIV -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] / b[bo + i];
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (as == 1 && bs == 0) {
            double s = b[bo];
            switch (fn) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] + s;
                    }
                }
                case MUL -> {
                    for (int i = 0; i < n; i++) {
                        out[oo + i] = a[ao + i] * s;
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    boolean compare(BinaryFn fn, float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            float x = a[ao + i * as];
            float y = b[bo + i * bs];
            boolean r = switch (fn) {
                case EQ -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
                default -> throw new IllegalStateException(fn.name());
            };
            out[oo + i] = r ? (byte) 1 : 0;
        }
        return true;
    }

    @Override
    boolean compare(BinaryFn fn, double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[ao + i * as];
            double y = b[bo + i * bs];
            boolean r = switch (fn) {
                case EQ -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
                default -> throw new IllegalStateException(fn.name());
            };
            out[oo + i] = r ? (byte) 1 : 0;
        }
        return true;
    }

    @Override
    double sum(float[] x, int xo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[xo + i];
        }
        return s;
    }

    @Override
    double sum(double[] x, int xo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[xo + i];
        }
        return s;
    }

    @Override
    double max(float[] x, int xo, int n) {
        float m = x[xo];
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            if (v != v) {
                return Double.NaN;
            }
            m = Math.max(m, v);
        }
        return m;
    }

    @Override
    void activationGrad(UnaryFn fn, float[] g, int go, float[] y, int yo, float[] out, int oo, int n) {
        switch (fn) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = y[yo + i] > 0 ? g[go + i] : 0f;
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    float v = y[yo + i];
                    out[oo + i] = g[go + i] * (1f - v * v);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    float v = y[yo + i];
                    out[oo + i] = g[go + i] * v * (1f - v);
                }
            }
            default -> throw new IllegalArgumentException("activationGrad: no output-form derivative for " + fn);
        }
    }

    @Override
    void activationGrad(UnaryFn fn, double[] g, int go, double[] y, int yo, double[] out, int oo, int n) {
        switch (fn) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = y[yo + i] > 0 ? g[go + i] : 0.0;
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    double v = y[yo + i];
                    out[oo + i] = g[go + i] * (1 - v * v);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    double v = y[yo + i];
                    out[oo + i] = g[go + i] * v * (1 - v);
                }
            }
            default -> throw new IllegalArgumentException("activationGrad: no output-form derivative for " + fn);
        }
    }
}
