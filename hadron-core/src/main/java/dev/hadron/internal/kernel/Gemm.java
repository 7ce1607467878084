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

    /**
     * The geometry of a batched product {@code a (..., n, k) @ b (..., k, m)}: matrix sizes, the broadcast
     * batch shape, and each operand's batch strides (0 along broadcast dimensions).
     */
    private record Batched(Tensor a, Tensor b, int n, int k, int m, int[] batch, int[] batchStridesA,
                           int[] batchStridesB) {
        static Batched of(Tensor a, Tensor b) {
            int[] as = K.shape(a);
            int[] bs = K.shape(b);
            int ra = as.length;
            int rb = bs.length;
            int[] batchA = java.util.Arrays.copyOf(as, ra - 2);
            int[] batchB = java.util.Arrays.copyOf(bs, rb - 2);
            int[] batch = Shape.broadcast("matmul", batchA, batchB);
            return new Batched(a, b, as[ra - 2], as[ra - 1], bs[rb - 1], batch,
                    Loops.broadcastStrides(batchA, java.util.Arrays.copyOf(K.strides(a), ra - 2), batch),
                    Loops.broadcastStrides(batchB, java.util.Arrays.copyOf(K.strides(b), rb - 2), batch));
        }

        int count() {
            return Shape.numel(batch);
        }

        /** C (n x m at cOff) += a[t] @ b[t]. */
        void item(int t, Storage c, int cOff) {
            int[] sa = K.strides(a);
            int[] sb = K.strides(b);
            gemm(n, m, k, a.storage(), batchOffset(t, batch, batchStridesA, a.storageOffset()), sa[sa.length - 2],
                    sa[sa.length - 1], b.storage(), batchOffset(t, batch, batchStridesB, b.storageOffset()),
                    sb[sb.length - 2], sb[sb.length - 1], c, cOff);
        }
    }

    /** {@code a @ b} for {@code a: (..., n, k)}, {@code b: (..., k, m)} of the same dtype; batch dims broadcast. */
    public static Tensor matmul(Tensor a, Tensor b) {
        Batched p = Batched.of(a, b);
        int n = p.n();
        int m = p.m();
        int[] outShape = java.util.Arrays.copyOf(p.batch(), p.batch().length + 2);
        outShape[p.batch().length] = n;
        outShape[p.batch().length + 1] = m;
        Tensor out = K.alloc(a.dtype(), outShape);
        if (Shape.numel(outShape) == 0) {
            return out;
        }
        int batchCount = p.count();
        long perItem = (long) n * m * p.k();
        if (batchCount > 1 && perItem < SMALL_ITEM) {
            // Many small products (a convolution's per-image matrices): one task per range of items.
            Parallel.forRange(batchCount, (int) Math.max(1, SMALL_ITEM / Math.max(1, perItem)), (from, to) -> {
                for (int t = from; t < to; t++) {
                    p.item(t, out.storage(), t * n * m);
                }
            });
            return out;
        }
        for (int t = 0; t < batchCount; t++) {
            p.item(t, out.storage(), t * n * m);
        }
        return out;
    }

    /**
     * The least work (multiply-adds) worth a task of its own: waking a pooled thread costs several
     * microseconds, about what this many multiply-adds take, so smaller products run on the caller alone
     * (measured on W2, whose 1024 x 64 x 32 products ran slower on two threads than on one).
     */
    static final long TASK_WORK = 1L << 19;

    /** Products below this many multiply-adds are spread over the threads by batch item, not inside. */
    private static final long SMALL_ITEM = 1L << 16;

    /** The storage offset of batch item {@code t} (row-major over {@code batch}) under batch strides. */
    private static int batchOffset(int t, int[] batch, int[] strides, int base) {
        int off = base;
        for (int d = batch.length - 1; d >= 0; d--) {
            off += (t % batch[d]) * strides[d];
            t /= batch[d];
        }
        return off;
    }

    /**
     * {@code sum over the batch of a[t] @ b[t]} as an (n, m) matrix, for a (..., n, k) and b (..., k, m) whose
     * batch dimensions broadcast: the gradient of a matrix shared by every batch item (a convolution's
     * weight, a linear layer applied to a sequence) without materializing one product per item. The items
     * accumulate in batch order within fixed chunks, one per thread, whose sums are added in chunk order:
     * the result is the same for a given thread count.
     */
    public static Tensor matmulBatchSum(Tensor a, Tensor b) {
        Batched p = Batched.of(a, b);
        int nm = p.n() * p.m();
        Tensor out = K.alloc(a.dtype(), p.n(), p.m());
        int count = p.count();
        if (nm == 0 || count == 0) {
            return out;
        }
        long perItem = (long) nm * p.k();
        int tasks = (int) Math.max(1, Math.min(Parallel.threads(), count * perItem / TASK_WORK));
        if (tasks == 1) {
            for (int t = 0; t < count; t++) {
                p.item(t, out.storage(), 0);
            }
            return out;
        }
        // Fixed chunks of the batch, each summed into its own partial, then the partials added in chunk
        // order: the same result for a given thread count.
        Tensor partials = K.alloc(a.dtype(), tasks, p.n(), p.m());
        Parallel.run(tasks, c -> {
            int from = (int) ((long) count * c / tasks);
            int to = (int) ((long) count * (c + 1) / tasks);
            for (int t = from; t < to; t++) {
                p.item(t, partials.storage(), c * nm);
            }
        });
        Storage o = out.storage();
        Storage s = partials.storage();
        for (int c = 0; c < tasks; c++) {
            for (int i = 0; i < nm; i++) {
                o.setDouble(i, o.getDouble(i) + s.getDouble(c * nm + i));
            }
        }
        return out;
    }

    private static final SgemmScalar SGEMM = Simd.ENABLED ? newVectorSgemm() : new SgemmScalar();
    private static final DgemmScalar DGEMM = Simd.ENABLED ? newVectorDgemm() : new DgemmScalar();
    /** Below this many multiply-adds a product is computed directly, without packing. */
    private static final long PACKED_THRESHOLD = 16L * 16 * 16;
    /**
     * Products with few rows (at most 8) or a short depth (at most 16), B's rows contiguous, and a depth up
     * to this are computed without packing: packing would cost more than the product itself.
     */
    private static final int UNPACKED_DEPTH = 512;
    /**
     * Small outputs (at most this many elements) over a long depth, B's rows contiguous, are also computed
     * without packing: a weight gradient {@code g^T x} sums over the batch, and packing its transposed A
     * and its B cost more than the product (measured 126 µs packed vs 30 µs unpacked for
     * 64 x 16 over a batch of 1024).
     */
    private static final long UNPACKED_OUTPUTS = 16384;
    /**
     * Deep products (k at least 64) with at most this many outputs, both operands contiguous along k, are
     * also computed as dot products (a convolution weight's gradient for one image).
     */
    private static final long DOTS_OUTPUTS = 256;
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
        gemm(n, m, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, null);
    }

    /**
     * {@link #gemm} followed by {@code after} on rows of C once they are final: on each packed row block
     * right after it is computed (while it is in cache), or on all rows at the end for the other paths.
     * {@code after} may be null.
     */
    public static void gemm(int n, int m, int k, Storage a, int aOff, int aRs, int aCs, Storage b, int bOff, int bRs,
                            int bCs, Storage c, int cOff, Parallel.Range after) {
        if (n == 0 || m == 0) {
            return;
        }
        if (k == 0) {
            finishRows(n, m, after);
            return;
        }
        boolean afterDone = false;   // the packed path runs `after` itself, block by block
        long work = (long) n * m * k;
        switch (c) {
            case Storage.F32 cf -> {
                float[] A = ((Storage.F32) a).data;
                float[] B = ((Storage.F32) b).data;
                if (Blas.ENABLED && Blas.expressible(n, k, aRs, aCs) && Blas.expressible(k, m, bRs, bCs)) {
                    Blas.sgemm(n, m, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, cf.data, cOff);
                } else if (dotsF32(n, m, k, aCs, bRs)) {
                    int ao = aOff;
                    int bo = bOff;
                    int ars = aRs;
                    int bcs = bCs;
                    float[] C = cf.data;
                    Parallel.forRange(n, (int) Math.max(1, TASK_WORK / ((long) m * k)),
                            (from, to) -> SGEMM.dots(from, to, m, k, A, ao, ars, B, bo, bcs, C, cOff));
                } else if (rowsF32(n, m, k, bCs)) {
                    int ao = aOff;
                    int bo = bOff;
                    int brs = bRs;
                    float[] C = cf.data;
                    Parallel.forRange(n, (int) Math.max(1, TASK_WORK / ((long) m * k)),
                            (from, to) -> SGEMM.rows(from, to, m, k, A, ao, aRs, aCs, B, bo, brs, C, cOff));
                } else if (work >= PACKED_THRESHOLD && n > 1) {
                    SGEMM.gemm(n, m, k, A, aOff, aRs, aCs, B, bOff, bRs, bCs, cf.data, cOff, after);
                    afterDone = true;
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
        if (!afterDone) {
            finishRows(n, m, after);
        }
    }

    /** Runs {@code after} (if any) on all n rows of an n x m product, split over threads by rows. */
    static void finishRows(int n, int m, Parallel.Range after) {
        if (after != null) {
            Parallel.forRange(n, Math.max(1, (1 << 15) / m), after);
        }
    }

    private static boolean dotsF32(int n, int m, int k, int aCs, int bRs) {
        return aCs == 1 && bRs == 1 && k >= 8 && (m <= NARROW || (long) n * m <= DOTS_OUTPUTS && k >= 64);
    }

    private static boolean rowsF32(int n, int m, int k, int bCs) {
        return bCs == 1 && m >= 8 && (k <= UNPACKED_DEPTH && (n <= 8 || k <= 16)
                || (long) n * m <= UNPACKED_OUTPUTS && k <= 8192);
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
