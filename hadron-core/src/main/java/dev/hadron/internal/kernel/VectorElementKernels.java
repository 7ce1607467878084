package dev.hadron.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API fast paths. Transcendentals use the Vector API's lanewise operators (SVML-backed on x86),
 * which agree with {@link Math} to about one ulp; the tail of each array is processed with a lane mask
 * so every element goes through the same code. Functions without a vector form (erf, GELU) and sums
 * (kept in double precision, in order) use the scalar loops.
 */
final class VectorElementKernels extends ElementKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private final ScalarElementKernels scalar = new ScalarElementKernels();

    private static boolean vectorizable(UnaryFn fn) {
        return switch (fn) {
            case NEG, ABS, SQUARE, RELU, SQRT, RSQRT, RECIPROCAL, EXP, LOG, LOG1P, EXPM1, SIN, COS, TAN, ASIN, ACOS, ATAN,
                 SINH, COSH, TANH, SIGMOID, LOG_SIGMOID, SILU, LEAKY_RELU, ELU, SOFTPLUS, GELU_TANH, CLAMP -> true;
            default -> false;
        };
    }

    private static FloatVector apply(UnaryFn fn, double p, double q, FloatVector v) {
        return switch (fn) {
            case NEG -> v.neg();
            case ABS -> v.abs();
            case SQUARE -> v.mul(v);
            case RELU -> v.max(0f);
            case SQRT -> v.sqrt();
            case RSQRT -> v.broadcast(1f).div(v.sqrt());
            case RECIPROCAL -> v.broadcast(1f).div(v);
            case EXP -> v.lanewise(VectorOperators.EXP);
            case LOG -> v.lanewise(VectorOperators.LOG);
            case LOG1P -> v.lanewise(VectorOperators.LOG1P);
            case EXPM1 -> v.lanewise(VectorOperators.EXPM1);
            case SIN -> v.lanewise(VectorOperators.SIN);
            case COS -> v.lanewise(VectorOperators.COS);
            case TAN -> v.lanewise(VectorOperators.TAN);
            case ASIN -> v.lanewise(VectorOperators.ASIN);
            case ACOS -> v.lanewise(VectorOperators.ACOS);
            case ATAN -> v.lanewise(VectorOperators.ATAN);
            case SINH -> v.lanewise(VectorOperators.SINH);
            case COSH -> v.lanewise(VectorOperators.COSH);
            case TANH -> v.lanewise(VectorOperators.TANH);
            case SIGMOID -> sigmoid(v);
            case LOG_SIGMOID -> v.min(0f).sub(v.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P));
            case SILU -> v.mul(sigmoid(v));
            case LEAKY_RELU -> v.blend(v.mul((float) p), v.compare(VectorOperators.LE, 0f));
            case ELU -> v.blend(v.lanewise(VectorOperators.EXPM1).mul((float) p), v.compare(VectorOperators.LE, 0f));
            case SOFTPLUS -> {
                FloatVector bx = v.mul((float) p);
                FloatVector soft = bx.max(0f).add(bx.abs().neg().lanewise(VectorOperators.EXP)
                        .lanewise(VectorOperators.LOG1P)).div((float) p);
                yield soft.blend(v, bx.compare(VectorOperators.GT, (float) q));
            }
            case GELU_TANH -> {
                FloatVector u = v.mul(v).mul(v).mul(0.044715f).add(v).mul(0.7978845608028654f);
                yield v.mul(0.5f).mul(u.lanewise(VectorOperators.TANH).add(1f));
            }
            case CLAMP -> {
                FloatVector r = v;
                VectorMask<Float> nan = v.test(VectorOperators.IS_NAN);
                if (!Double.isNaN(p)) {
                    r = r.max((float) p);
                }
                if (!Double.isNaN(q)) {
                    r = r.min((float) q);
                }
                yield r.blend(v, nan);
            }
            default -> throw new IllegalStateException(fn.name());
        };
    }

    private static FloatVector sigmoid(FloatVector v) {
        FloatVector e = v.neg().lanewise(VectorOperators.EXP);
        return v.broadcast(1f).div(e.add(1f));
    }

    private static DoubleVector apply(UnaryFn fn, double p, double q, DoubleVector v) {
        return switch (fn) {
            case NEG -> v.neg();
            case ABS -> v.abs();
            case SQUARE -> v.mul(v);
            case RELU -> v.max(0.0);
            case SQRT -> v.sqrt();
            case RSQRT -> v.broadcast(1.0).div(v.sqrt());
            case RECIPROCAL -> v.broadcast(1.0).div(v);
            case EXP -> v.lanewise(VectorOperators.EXP);
            case LOG -> v.lanewise(VectorOperators.LOG);
            case LOG1P -> v.lanewise(VectorOperators.LOG1P);
            case EXPM1 -> v.lanewise(VectorOperators.EXPM1);
            case SIN -> v.lanewise(VectorOperators.SIN);
            case COS -> v.lanewise(VectorOperators.COS);
            case TAN -> v.lanewise(VectorOperators.TAN);
            case ASIN -> v.lanewise(VectorOperators.ASIN);
            case ACOS -> v.lanewise(VectorOperators.ACOS);
            case ATAN -> v.lanewise(VectorOperators.ATAN);
            case SINH -> v.lanewise(VectorOperators.SINH);
            case COSH -> v.lanewise(VectorOperators.COSH);
            case TANH -> v.lanewise(VectorOperators.TANH);
            case SIGMOID -> sigmoid(v);
            case LOG_SIGMOID -> v.min(0.0).sub(v.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P));
            case SILU -> v.mul(sigmoid(v));
            case LEAKY_RELU -> v.blend(v.mul(p), v.compare(VectorOperators.LE, 0.0));
            case ELU -> v.blend(v.lanewise(VectorOperators.EXPM1).mul(p), v.compare(VectorOperators.LE, 0.0));
            case SOFTPLUS -> {
                DoubleVector bx = v.mul(p);
                DoubleVector soft = bx.max(0.0).add(bx.abs().neg().lanewise(VectorOperators.EXP)
                        .lanewise(VectorOperators.LOG1P)).div(p);
                yield soft.blend(v, bx.compare(VectorOperators.GT, q));
            }
            case GELU_TANH -> {
                DoubleVector u = v.mul(v).mul(v).mul(0.044715).add(v).mul(0.7978845608028654);
                yield v.mul(0.5).mul(u.lanewise(VectorOperators.TANH).add(1.0));
            }
            case CLAMP -> {
                DoubleVector r = v;
                VectorMask<Double> nan = v.test(VectorOperators.IS_NAN);
                if (!Double.isNaN(p)) {
                    r = r.max(p);
                }
                if (!Double.isNaN(q)) {
                    r = r.min(q);
                }
                yield r.blend(v, nan);
            }
            default -> throw new IllegalStateException(fn.name());
        };
    }

    private static DoubleVector sigmoid(DoubleVector v) {
        DoubleVector e = v.neg().lanewise(VectorOperators.EXP);
        return v.broadcast(1.0).div(e.add(1.0));
    }

    /**
     * The most used functions, each in its own loop: {@link #apply} is too large for C2 to inline into a
     * loop, and a vector operation that is not inlined boxes its vectors on the heap (measured: the ReLU
     * of a 1024 x 64 linear layer took about 125 µs through the generic loop, about 15 µs in its own).
     * Returns the count of elements done (a multiple of the vector length); the caller does the rest.
     */
    private static int unaryCommon(UnaryFn fn, float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int len = F.length();
        switch (fn) {
            case RELU -> {
                for (int i = 0; i < bound; i += len) {
                    FloatVector.fromArray(F, x, xo + i).max(0f).intoArray(out, oo + i);
                }
            }
            case TANH -> {
                for (int i = 0; i < bound; i += len) {
                    FloatVector.fromArray(F, x, xo + i).lanewise(VectorOperators.TANH).intoArray(out, oo + i);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < bound; i += len) {
                    sigmoid(FloatVector.fromArray(F, x, xo + i)).intoArray(out, oo + i);
                }
            }
            case EXP -> {
                for (int i = 0; i < bound; i += len) {
                    FloatVector.fromArray(F, x, xo + i).lanewise(VectorOperators.EXP).intoArray(out, oo + i);
                }
            }
            case LOG -> {
                for (int i = 0; i < bound; i += len) {
                    FloatVector.fromArray(F, x, xo + i).lanewise(VectorOperators.LOG).intoArray(out, oo + i);
                }
            }
            case NEG -> {
                for (int i = 0; i < bound; i += len) {
                    FloatVector.fromArray(F, x, xo + i).neg().intoArray(out, oo + i);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < bound; i += len) {
                    FloatVector v = FloatVector.fromArray(F, x, xo + i);
                    v.mul(v).intoArray(out, oo + i);
                }
            }
            case SQRT -> {
                for (int i = 0; i < bound; i += len) {
                    FloatVector.fromArray(F, x, xo + i).sqrt().intoArray(out, oo + i);
                }
            }
            default -> {
                return 0;
            }
        }
        return bound;
    }

    /** float64 variant of {@link #unaryCommon(UnaryFn, float[], int, float[], int, int)}. */
    private static int unaryCommon(UnaryFn fn, double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int len = D.length();
        switch (fn) {
            case RELU -> {
                for (int i = 0; i < bound; i += len) {
                    DoubleVector.fromArray(D, x, xo + i).max(0.0).intoArray(out, oo + i);
                }
            }
            case TANH -> {
                for (int i = 0; i < bound; i += len) {
                    DoubleVector.fromArray(D, x, xo + i).lanewise(VectorOperators.TANH).intoArray(out, oo + i);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < bound; i += len) {
                    sigmoid(DoubleVector.fromArray(D, x, xo + i)).intoArray(out, oo + i);
                }
            }
            case EXP -> {
                for (int i = 0; i < bound; i += len) {
                    DoubleVector.fromArray(D, x, xo + i).lanewise(VectorOperators.EXP).intoArray(out, oo + i);
                }
            }
            case LOG -> {
                for (int i = 0; i < bound; i += len) {
                    DoubleVector.fromArray(D, x, xo + i).lanewise(VectorOperators.LOG).intoArray(out, oo + i);
                }
            }
            case NEG -> {
                for (int i = 0; i < bound; i += len) {
                    DoubleVector.fromArray(D, x, xo + i).neg().intoArray(out, oo + i);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < bound; i += len) {
                    DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
                    v.mul(v).intoArray(out, oo + i);
                }
            }
            case SQRT -> {
                for (int i = 0; i < bound; i += len) {
                    DoubleVector.fromArray(D, x, xo + i).sqrt().intoArray(out, oo + i);
                }
            }
            default -> {
                return 0;
            }
        }
        return bound;
    }

    @Override
    boolean unary(UnaryFn fn, double p, double q, float[] x, int xo, float[] out, int oo, int n) {
        if (!vectorizable(fn)) {
            return scalar.unary(fn, p, q, x, xo, out, oo, n);
        }
        int i = unaryCommon(fn, x, xo, out, oo, n);
        int bound = F.loopBound(n);
        for (; i < bound; i += F.length()) {
            apply(fn, p, q, FloatVector.fromArray(F, x, xo + i)).intoArray(out, oo + i);
        }
        if (i < n) {
            VectorMask<Float> m = F.indexInRange(i, n);
            apply(fn, p, q, FloatVector.fromArray(F, x, xo + i, m)).intoArray(out, oo + i, m);
        }
        return true;
    }

    @Override
    boolean unary(UnaryFn fn, double p, double q, double[] x, int xo, double[] out, int oo, int n) {
        if (!vectorizable(fn)) {
            return scalar.unary(fn, p, q, x, xo, out, oo, n);
        }
        int i = unaryCommon(fn, x, xo, out, oo, n);
        int bound = D.loopBound(n);
        for (; i < bound; i += D.length()) {
            apply(fn, p, q, DoubleVector.fromArray(D, x, xo + i)).intoArray(out, oo + i);
        }
        if (i < n) {
            VectorMask<Double> m = D.indexInRange(i, n);
            apply(fn, p, q, DoubleVector.fromArray(D, x, xo + i, m)).intoArray(out, oo + i, m);
        }
        return true;
    }

    private static FloatVector combine(BinaryFn fn, FloatVector a, FloatVector b) {
        return switch (fn) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
            case MAXIMUM -> a.max(b);
            case MINIMUM -> a.min(b);
            default -> throw new IllegalStateException(fn.name());
        };
    }

    private static DoubleVector combine(BinaryFn fn, DoubleVector a, DoubleVector b) {
        return switch (fn) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
            case MAXIMUM -> a.max(b);
            case MINIMUM -> a.min(b);
            default -> throw new IllegalStateException(fn.name());
        };
    }

    private static boolean combinable(BinaryFn fn) {
        return switch (fn) {
            case ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM -> true;
            default -> false;
        };
    }

    @Override
    boolean binary(BinaryFn fn, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        if (n == 0) {
            return combinableOrArithmetic(fn);
        }
        if (!combinable(fn) || (as == 0 && bs == 0)) {
            return scalar.binary(fn, a, ao, as, b, bo, bs, out, oo, n);
        }
        FloatVector sa = as == 0 ? FloatVector.broadcast(F, a[ao]) : null;
        FloatVector sb = bs == 0 ? FloatVector.broadcast(F, b[bo]) : null;
        int i = 0;
        int bound = F.loopBound(n);
        for (; i < bound; i += F.length()) {
            FloatVector va = sa != null ? sa : FloatVector.fromArray(F, a, ao + i);
            FloatVector vb = sb != null ? sb : FloatVector.fromArray(F, b, bo + i);
            combine(fn, va, vb).intoArray(out, oo + i);
        }
        if (i < n) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector va = sa != null ? sa : FloatVector.fromArray(F, a, ao + i, m);
            FloatVector vb = sb != null ? sb : FloatVector.fromArray(F, b, bo + i, m);
            combine(fn, va, vb).intoArray(out, oo + i, m);
        }
        return true;
    }

    @Override
    boolean binary(BinaryFn fn, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        if (n == 0) {
            return combinableOrArithmetic(fn);
        }
        if (!combinable(fn) || (as == 0 && bs == 0)) {
            return scalar.binary(fn, a, ao, as, b, bo, bs, out, oo, n);
        }
        DoubleVector sa = as == 0 ? DoubleVector.broadcast(D, a[ao]) : null;
        DoubleVector sb = bs == 0 ? DoubleVector.broadcast(D, b[bo]) : null;
        int i = 0;
        int bound = D.loopBound(n);
        for (; i < bound; i += D.length()) {
            DoubleVector va = sa != null ? sa : DoubleVector.fromArray(D, a, ao + i);
            DoubleVector vb = sb != null ? sb : DoubleVector.fromArray(D, b, bo + i);
            combine(fn, va, vb).intoArray(out, oo + i);
        }
        if (i < n) {
            VectorMask<Double> m = D.indexInRange(i, n);
            DoubleVector va = sa != null ? sa : DoubleVector.fromArray(D, a, ao + i, m);
            DoubleVector vb = sb != null ? sb : DoubleVector.fromArray(D, b, bo + i, m);
            combine(fn, va, vb).intoArray(out, oo + i, m);
        }
        return true;
    }

    @Override
    boolean compare(BinaryFn fn, float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int n) {
        return scalar.compare(fn, a, ao, as, b, bo, bs, out, oo, n);
    }

    @Override
    boolean compare(BinaryFn fn, double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int n) {
        return scalar.compare(fn, a, ao, as, b, bo, bs, out, oo, n);
    }

    @Override
    double sum(float[] x, int xo, int n) {
        return scalar.sum(x, xo, n);
    }

    @Override
    double sum(double[] x, int xo, int n) {
        return scalar.sum(x, xo, n);
    }

    @Override
    double max(float[] x, int xo, int n) {
        int i = 0;
        int bound = F.loopBound(n);
        FloatVector m = FloatVector.broadcast(F, x[xo]);
        for (; i < bound; i += F.length()) {
            m = m.max(FloatVector.fromArray(F, x, xo + i));
        }
        float r = m.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            r = Math.max(r, x[xo + i]);
        }
        return r != r ? Double.NaN : r;
    }

    private static FloatVector activationGrad(UnaryFn fn, FloatVector g, FloatVector y) {
        return switch (fn) {
            case RELU -> g.broadcast(0f).blend(g, y.compare(VectorOperators.GT, 0f));
            case TANH -> g.mul(y.mul(y).neg().add(1f));
            case SIGMOID -> g.mul(y).mul(y.neg().add(1f));
            default -> throw new IllegalArgumentException("activationGrad: no output-form derivative for " + fn);
        };
    }

    private static DoubleVector activationGrad(UnaryFn fn, DoubleVector g, DoubleVector y) {
        return switch (fn) {
            case RELU -> g.broadcast(0.0).blend(g, y.compare(VectorOperators.GT, 0.0));
            case TANH -> g.mul(y.mul(y).neg().add(1.0));
            case SIGMOID -> g.mul(y).mul(y.neg().add(1.0));
            default -> throw new IllegalArgumentException("activationGrad: no output-form derivative for " + fn);
        };
    }

    @Override
    void activationGrad(UnaryFn fn, float[] g, int go, float[] y, int yo, float[] out, int oo, int n) {
        int i = 0;
        int bound = F.loopBound(n);
        for (; i < bound; i += F.length()) {
            activationGrad(fn, FloatVector.fromArray(F, g, go + i), FloatVector.fromArray(F, y, yo + i))
                    .intoArray(out, oo + i);
        }
        if (i < n) {
            VectorMask<Float> m = F.indexInRange(i, n);
            activationGrad(fn, FloatVector.fromArray(F, g, go + i, m), FloatVector.fromArray(F, y, yo + i, m))
                    .intoArray(out, oo + i, m);
        }
    }

    @Override
    void activationGrad(UnaryFn fn, double[] g, int go, double[] y, int yo, double[] out, int oo, int n) {
        int i = 0;
        int bound = D.loopBound(n);
        for (; i < bound; i += D.length()) {
            activationGrad(fn, DoubleVector.fromArray(D, g, go + i), DoubleVector.fromArray(D, y, yo + i))
                    .intoArray(out, oo + i);
        }
        if (i < n) {
            VectorMask<Double> m = D.indexInRange(i, n);
            activationGrad(fn, DoubleVector.fromArray(D, g, go + i, m), DoubleVector.fromArray(D, y, yo + i, m))
                    .intoArray(out, oo + i, m);
        }
    }
}
