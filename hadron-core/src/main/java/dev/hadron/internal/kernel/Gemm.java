package dev.hadron.internal.kernel;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

/**
 * Matrix products. {@link #matmul} handles batching with broadcast batch dimensions and strided
 * (e.g. transposed) operands without materializing them; {@link #gemm} is the single-matrix entry
 * point, which dispatches to OpenBLAS through FFM ({@link Blas}), the packed Vector API or scalar
 * kernels ({@link PackedGemm}), or direct loops for tiny products.
 */
public final class Gemm {
    private static final int KB = 128;
    private static final int JB = 512;

    private Gemm() {
    }

    /** {@code a @ b} for {@code a: (..., n, k)}, {@code b: (..., k, m)} of the same dtype; batch dims broadcast. */
    public static Tensor matmul(Tensor a, Tensor b) {
        int[] as = K.shape(a);
        int[] bs = K.shape(b);
        int ra = as.length;
        int rb = bs.length;
        int n = as[ra - 2];
        int k = as[ra - 1];
        int m = bs[rb - 1];
        int[] batchA = java.util.Arrays.copyOf(as, ra - 2);
        int[] batchB = java.util.Arrays.copyOf(bs, rb - 2);
        int[] batch = Shape.broadcast("matmul", batchA, batchB);
        int[] outShape = java.util.Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = n;
        outShape[batch.length + 1] = m;
        Tensor out = K.alloc(a.dtype(), outShape);
        if (Shape.numel(outShape) == 0) {
            return out;
        }
        int[] sa = K.strides(a);
        int[] sb = K.strides(b);
        int[] bsa = Loops.broadcastStrides(batchA, java.util.Arrays.copyOf(sa, ra - 2), batch);
        int[] bsb = Loops.broadcastStrides(batchB, java.util.Arrays.copyOf(sb, rb - 2), batch);
        int batchCount = Shape.numel(batch);
        int[] idx = new int[batch.length];
        for (int t = 0; t < batchCount; t++) {
            int offA = a.storageOffset();
            int offB = b.storageOffset();
            for (int d = 0; d < batch.length; d++) {
                offA += idx[d] * bsa[d];
                offB += idx[d] * bsb[d];
            }
            gemm(n, m, k, a.storage(), offA, sa[ra - 2], sa[ra - 1], b.storage(), offB, sb[rb - 2], sb[rb - 1],
                    out.storage(), t * n * m);
            for (int d = batch.length - 1; d >= 0; d--) {
                if (++idx[d] < batch[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return out;
    }

    private static final SgemmScalar SGEMM = Simd.ENABLED ? newVectorSgemm() : new SgemmScalar();
    private static final DgemmScalar DGEMM = Simd.ENABLED ? newVectorDgemm() : new DgemmScalar();
    /** Below this many multiply-adds a product is computed directly, without packing. */
    private static final long PACKED_THRESHOLD = 16L * 16 * 16;
    /** Outputs at most this wide, with operands contiguous along k, are computed as dot products. */
    private static final int NARROW = 8;

    private static SgemmScalar newVectorSgemm() {
        return new SgemmVector();
    }

    private static DgemmScalar newVectorDgemm() {
        return new DgemmVector();
    }

    /** Which implementation runs float32 products ("openblas", "java-vector" or "java-scalar"). */
    public static String implementation() {
        return Blas.ENABLED ? "openblas (" + Blas.library() + ")" : Simd.ENABLED ? "java-vector" : "java-scalar";
    }

    /**
     * {@code C[cOff + i*m + j] += sum_p A[aOff + i*aRs + p*aCs] * B[bOff + p*bRs + j*bCs]}, C contiguous (n x m).
     * Dispatches to OpenBLAS (when enabled and the operands are BLAS matrices), the packed Java kernels, or
     * direct loops for tiny products.
     */
    public static void gemm(int n, int m, int k, Storage a, int aOff, int aRs, int aCs, Storage b, int bOff, int bRs,
                            int bCs, Storage c, int cOff) {
        if (k == 0 || n == 0 || m == 0) {
            return;
        }
        long work = (long) n * m * k;
        switch (c) {
            case Storage.F32 cf -> {
                float[] A = ((Storage.F32) a).data;
                float[] B = ((Storage.F32) b).data;
                if (Blas.ENABLED && Blas.expressible(n, k, aRs, aCs) && Blas.expressible(k, m, bRs, bCs)) {
                    Blas.sgemm(n, m, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, cf.data, cOff);
                } else if (m <= NARROW && aCs == 1 && bRs == 1 && k >= 8) {
                    int ao = aOff;
                    int bo = bOff;
                    int ars = aRs;
                    int bcs = bCs;
                    float[] C = cf.data;
                    Parallel.forRange(n, (int) Math.max(1, (1L << 16) / ((long) m * k)),
                            (from, to) -> SGEMM.dots(from, to, m, k, A, ao, ars, B, bo, bcs, C, cOff));
                } else if (work >= PACKED_THRESHOLD && n > 1) {
                    SGEMM.gemm(n, m, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, cf.data, cOff);
                } else if (bCs == 1) {
                    rowMajorF32(n, m, k, A, aOff, aRs, aCs, B, bOff, bRs, cf.data, cOff);
                } else {
                    dotsF32(n, m, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, cf.data, cOff);
                }
            }
            case Storage.F64 cd -> {
                double[] A = ((Storage.F64) a).data;
                double[] B = ((Storage.F64) b).data;
                if (Blas.ENABLED && Blas.expressible(n, k, aRs, aCs) && Blas.expressible(k, m, bRs, bCs)) {
                    Blas.dgemm(n, m, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, cd.data, cOff);
                } else if (work >= PACKED_THRESHOLD && n > 1) {
                    DGEMM.gemm(n, m, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, cd.data, cOff);
                } else {
                    if (bCs != 1) {
                        B = packF64(B, bOff, bRs, bCs, k, m);
                        bOff = 0;
                        bRs = m;
                    }
                    rowMajorF64(n, m, k, A, aOff, aRs, aCs, B, bOff, bRs, cd.data, cOff);
                }
            }
            default -> {
                boolean integral = c.dtype() != DType.FLOAT32 && c.dtype() != DType.FLOAT64;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        if (integral) {
                            long s = 0;
                            for (int p = 0; p < k; p++) {
                                s += a.getLong(aOff + i * aRs + p * aCs) * b.getLong(bOff + p * bRs + j * bCs);
                            }
                            c.setLong(cOff + i * m + j, c.getLong(cOff + i * m + j) + s);
                        } else {
                            double s = 0;
                            for (int p = 0; p < k; p++) {
                                s += a.getDouble(aOff + i * aRs + p * aCs) * b.getDouble(bOff + p * bRs + j * bCs);
                            }
                            c.setDouble(cOff + i * m + j, c.getDouble(cOff + i * m + j) + s);
                        }
                    }
                }
            }
        }
    }

    private static double[] packF64(double[] src, int off, int rs, int cs, int rows, int cols) {
        double[] p = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                p[i * cols + j] = src[off + i * rs + j * cs];
            }
        }
        return p;
    }

    /** i-k-j order over k- and j-blocks; B row-major (column stride 1). */
    private static void rowMajorF32(int n, int m, int k, float[] A, int aOff, int aRs, int aCs, float[] B, int bOff,
                                    int bRs, float[] C, int cOff) {
        for (int j0 = 0; j0 < m; j0 += JB) {
            int j1 = Math.min(m, j0 + JB);
            for (int p0 = 0; p0 < k; p0 += KB) {
                int p1 = Math.min(k, p0 + KB);
                for (int i = 0; i < n; i++) {
                    int ci = cOff + i * m;
                    int ai = aOff + i * aRs;
                    for (int p = p0; p < p1; p++) {
                        float aip = A[ai + p * aCs];
                        int bp = bOff + p * bRs;
                        for (int j = j0; j < j1; j++) {
                            C[ci + j] += aip * B[bp + j];
                        }
                    }
                }
            }
        }
    }

    private static void rowMajorF64(int n, int m, int k, double[] A, int aOff, int aRs, int aCs, double[] B, int bOff,
                                    int bRs, double[] C, int cOff) {
        for (int j0 = 0; j0 < m; j0 += JB) {
            int j1 = Math.min(m, j0 + JB);
            for (int p0 = 0; p0 < k; p0 += KB) {
                int p1 = Math.min(k, p0 + KB);
                for (int i = 0; i < n; i++) {
                    int ci = cOff + i * m;
                    int ai = aOff + i * aRs;
                    for (int p = p0; p < p1; p++) {
                        double aip = A[ai + p * aCs];
                        int bp = bOff + p * bRs;
                        for (int j = j0; j < j1; j++) {
                            C[ci + j] += aip * B[bp + j];
                        }
                    }
                }
            }
        }
    }

    /** Few rows and a non-row-major B: one dot product per output element. */
    private static void dotsF32(int n, int m, int k, float[] A, int aOff, int aRs, int aCs, float[] B, int bOff,
                                int bRs, int bCs, float[] C, int cOff) {
        for (int i = 0; i < n; i++) {
            int ai = aOff + i * aRs;
            for (int j = 0; j < m; j++) {
                int bj = bOff + j * bCs;
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += A[ai + p * aCs] * B[bj + p * bRs];
                }
                C[cOff + i * m + j] += s;
            }
        }
    }
}
