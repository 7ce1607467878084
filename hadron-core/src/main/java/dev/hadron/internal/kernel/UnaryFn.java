package dev.hadron.internal.kernel;

/**
 * Elementwise functions of one argument, with up to two constant parameters. Only the values live
 * here; the derivative rules are in {@code dev.hadron.internal.ops.UnaryMath}.
 */
public enum UnaryFn {
    NEG { public double apply(double x, double p, double q) { return -x; } },
    ABS { public double apply(double x, double p, double q) { return Math.abs(x); } },
    SIGN { public double apply(double x, double p, double q) { return Double.isNaN(x) ? x : Math.signum(x); } },
    EXP { public double apply(double x, double p, double q) { return Math.exp(x); } },
    LOG { public double apply(double x, double p, double q) { return Math.log(x); } },
    LOG1P { public double apply(double x, double p, double q) { return Math.log1p(x); } },
    EXPM1 { public double apply(double x, double p, double q) { return Math.expm1(x); } },
    SQRT { public double apply(double x, double p, double q) { return Math.sqrt(x); } },
    RSQRT { public double apply(double x, double p, double q) { return 1.0 / Math.sqrt(x); } },
    RECIPROCAL { public double apply(double x, double p, double q) { return 1.0 / x; } },
    SQUARE { public double apply(double x, double p, double q) { return x * x; } },
    SIN { public double apply(double x, double p, double q) { return Math.sin(x); } },
    COS { public double apply(double x, double p, double q) { return Math.cos(x); } },
    TAN { public double apply(double x, double p, double q) { return Math.tan(x); } },
    ASIN { public double apply(double x, double p, double q) { return Math.asin(x); } },
    ACOS { public double apply(double x, double p, double q) { return Math.acos(x); } },
    ATAN { public double apply(double x, double p, double q) { return Math.atan(x); } },
    SINH { public double apply(double x, double p, double q) { return Math.sinh(x); } },
    COSH { public double apply(double x, double p, double q) { return Math.cosh(x); } },
    TANH { public double apply(double x, double p, double q) { return Math.tanh(x); } },
    SIGMOID {
        public double apply(double x, double p, double q) {
            return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
        }
    },
    LOG_SIGMOID { public double apply(double x, double p, double q) { return -SpecialMath.log1pExp(-x); } },
    RELU { public double apply(double x, double p, double q) { return x > 0 ? x : (Double.isNaN(x) ? x : 0.0); } },
    /** p = negative slope. */
    LEAKY_RELU { public double apply(double x, double p, double q) { return x > 0 ? x : x * p; } },
    /** p = alpha. */
    ELU { public double apply(double x, double p, double q) { return x > 0 ? x : p * Math.expm1(x); } },
    GELU { public double apply(double x, double p, double q) { return x * SpecialMath.normalCdf(x); } },
    GELU_TANH {
        public double apply(double x, double p, double q) {
            double u = 0.7978845608028654 * (x + 0.044715 * x * x * x);
            return 0.5 * x * (1.0 + Math.tanh(u));
        }
    },
    SILU { public double apply(double x, double p, double q) { return x * SIGMOID.apply(x, 0, 0); } },
    /** p = beta, q = threshold: x when beta*x > threshold, else log(1 + exp(beta*x))/beta. */
    SOFTPLUS {
        public double apply(double x, double p, double q) {
            double bx = p * x;
            return bx > q ? x : SpecialMath.log1pExp(bx) / p;
        }
    },
    ERF { public double apply(double x, double p, double q) { return SpecialMath.erf(x); } },
    FLOOR { public double apply(double x, double p, double q) { return Math.floor(x); } },
    CEIL { public double apply(double x, double p, double q) { return Math.ceil(x); } },
    /** Round half to even, like PyTorch and NumPy. */
    ROUND { public double apply(double x, double p, double q) { return Math.rint(x); } },
    TRUNC { public double apply(double x, double p, double q) { return x < 0 ? Math.ceil(x) : Math.floor(x); } },
    /** p = lower bound, q = upper bound (NaN bounds are ignored). */
    CLAMP {
        public double apply(double x, double p, double q) {
            if (Double.isNaN(x)) {
                return x;
            }
            double r = x;
            if (!Double.isNaN(p) && r < p) {
                r = p;
            }
            if (!Double.isNaN(q) && r > q) {
                r = q;
            }
            return r;
        }
    },
    /** x raised to the constant power p. */
    POW_SCALAR { public double apply(double x, double p, double q) { return pow(x, p); } },
    /** p raised to the power x. */
    SCALAR_POW { public double apply(double x, double p, double q) { return pow(p, x); } },
    IS_NAN { public double apply(double x, double p, double q) { return Double.isNaN(x) ? 1 : 0; } },
    IS_INF { public double apply(double x, double p, double q) { return Double.isInfinite(x) ? 1 : 0; } },
    IS_FINITE { public double apply(double x, double p, double q) { return Double.isFinite(x) ? 1 : 0; } },
    LOGICAL_NOT { public double apply(double x, double p, double q) { return x == 0 ? 1 : 0; } };

    /** The function's value. */
    public abstract double apply(double x, double p, double q);

    /** True for functions whose result is boolean. */
    public boolean isPredicate() {
        return this == IS_NAN || this == IS_INF || this == IS_FINITE || this == LOGICAL_NOT;
    }

    /** True for functions that map integers to integers (so integer tensors keep their dtype). */
    public boolean preservesIntegers() {
        return switch (this) {
            case NEG, ABS, SIGN, RELU, SQUARE, CLAMP, FLOOR, CEIL, ROUND, TRUNC -> true;
            default -> false;
        };
    }

    /** Power with the float semantics of C's pow, as PyTorch uses. */
    static double pow(double x, double p) {
        if (p == 2.0) {
            return x * x;
        }
        if (p == 1.0) {
            return x;
        }
        return Math.pow(x, p);
    }
}
