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
    void rows(int i0, int i1, int m, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs,
              float[] c, int cOff) {
        int len = S.length();
        int j = 0;
        for (; j + 2 * len <= m; j += 2 * len) {
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                tile4x2(k, a, aOff + i * aRs, aRs, aCs, b, bOff + j, bRs, c, cOff + i * m + j, m);
            }
            for (; i < i1; i++) {
                rows1x2(i, j, m, k, a, aOff, aRs, aCs, b, bOff, bRs, c, cOff);
            }
        }
        for (; j + len <= m; j += len) {
            for (int i = i0; i < i1; i++) {
                int ai = aOff + i * aRs;
                FloatVector acc = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    acc = FloatVector.broadcast(S, a[ai + p * aCs]).fma(FloatVector.fromArray(S, b, bOff + p * bRs + j), acc);
                }
                int ci = cOff + i * m + j;
                FloatVector.fromArray(S, c, ci).add(acc).intoArray(c, ci);
            }
        }
        if (j < m) {
            rowsTail(i0, i1, j, m, k, a, aOff, aRs, aCs, b, bOff, bRs, c, cOff);
        }
    }

    /**
     * {@code C[co + r*ldc + j] += sum_p A[a0 + r*aRs + p*aCs] * B[b0 + p*bRs + j]} for r < 4, j < 16: the
     * register tile of the packed kernel, reading A and B in place.
     */
    private static void tile4x2(int k, float[] a, int a0, int aRs, int aCs, float[] b, int b0, int bRs, float[] c, int co,
                                int ldc) {
        int len = S.length();
        int a1 = a0 + aRs;
        int a2 = a1 + aRs;
        int a3 = a2 + aRs;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * bRs;
            FloatVector b0v = FloatVector.fromArray(S, b, bp);
            FloatVector b1v = FloatVector.fromArray(S, b, bp + len);
            int ap = p * aCs;
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0v, c00);
            c01 = x.fma(b1v, c01);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0v, c10);
            c11 = x.fma(b1v, c11);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0v, c20);
            c21 = x.fma(b1v, c21);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0v, c30);
            c31 = x.fma(b1v, c31);
        }
        addInto(c, co, c00, c01);
        addInto(c, co + ldc, c10, c11);
        addInto(c, co + 2 * ldc, c20, c21);
        addInto(c, co + 3 * ldc, c30, c31);
    }

    @Override
    void kernelDirect(int k, float[] a, int ao, int aRs, float[] bp, int bo, float[] c, int co, int ldc) {
        tile4x2(k, a, ao, aRs, 1, bp, bo, 16, c, co, ldc);
    }

    private static void rows1x2(int i, int j, int m, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff,
                                int bRs, float[] c, int cOff) {
        int len = S.length();
        int a0 = aOff + i * aRs;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bp = bOff + p * bRs + j;
            FloatVector x = FloatVector.broadcast(S, a[a0 + p * aCs]);
            c00 = x.fma(FloatVector.fromArray(S, b, bp), c00);
            c01 = x.fma(FloatVector.fromArray(S, b, bp + len), c01);
        }
        addInto(c, cOff + i * m + j, c00, c01);
    }

    private static void addInto(float[] c, int at, FloatVector v0, FloatVector v1) {
        add(v0, c, at);
        add(v1, c, at + S.length());
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
