package dev.hadron.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 packed GEMM with a Vector API micro-kernel of 4 rows x 2 vectors (4 x 8 doubles on AVX2),
 * the float64 twin of {@link SgemmVector}.
 */
final class DgemmVector extends DgemmScalar {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    @Override
    void kernel(int k, double[] ap, int ao, double[] bp, int bo, double[] c, int co, int ldc) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c31 = DoubleVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bi = bo + p * 8;
            int ai = ao + p * 4;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + 4);
            DoubleVector a0 = DoubleVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, ap[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        add(c00, c, co);
        add(c01, c, co + 4);
        add(c10, c, co + ldc);
        add(c11, c, co + ldc + 4);
        add(c20, c, co + 2 * ldc);
        add(c21, c, co + 2 * ldc + 4);
        add(c30, c, co + 3 * ldc);
        add(c31, c, co + 3 * ldc + 4);
    }

    private static void add(DoubleVector v, double[] c, int at) {
        DoubleVector.fromArray(S, c, at).add(v).intoArray(c, at);
    }
}
