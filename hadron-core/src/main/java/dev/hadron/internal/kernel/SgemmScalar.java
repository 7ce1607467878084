package dev.hadron.internal.kernel;

/** float32 packed GEMM with a plain-Java 4 x 16 micro-kernel (the fallback when the Vector API is absent). */
class SgemmScalar extends PackedGemm<float[]> {
    static final int MR = 4;
    static final int NR = 16;

    SgemmScalar() {
        super(MR, NR, 256, 64, 1024);
    }

    @Override
    float[] allocate(int size) {
        return new float[size];
    }

    @Override
    int length(float[] array) {
        return array.length;
    }

    /**
     * {@code C[i, j] += dot(A[i, :], B[:, j])} for rows {@code [i0, i1)} when A's rows and B's columns are
     * contiguous along k ({@code aCs == 1}, {@code bRs == 1}): a narrow output (few columns, such as a
     * classifier's last layer) gains nothing from packing, whose panels would be mostly padding.
     */
    void dots(int i0, int i1, int m, int k, float[] a, int aOff, int aRs, float[] b, int bOff, int bCs, float[] c,
              int cOff) {
        for (int i = i0; i < i1; i++) {
            int ai = aOff + i * aRs;
            for (int j = 0; j < m; j++) {
                int bj = bOff + j * bCs;
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                c[cOff + i * m + j] += s;
            }
        }
    }

    /**
     * {@code C[i, :] += A[i, :] @ B} for rows {@code [i0, i1)} without packing, B's rows contiguous
     * ({@code bCs == 1}): for products with few rows or a short depth, where packing costs more than it saves.
     */
    void rows(int i0, int i1, int m, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs,
              float[] c, int cOff) {
        rowsTail(i0, i1, 0, m, k, a, aOff, aRs, aCs, b, bOff, bRs, c, cOff);
    }

    /** {@link #rows} restricted to the columns {@code [j0, m)}. */
    final void rowsTail(int i0, int i1, int j0, int m, int k, float[] a, int aOff, int aRs, int aCs, float[] b,
                        int bOff, int bRs, float[] c, int cOff) {
        for (int i = i0; i < i1; i++) {
            int ci = cOff + i * m;
            int ai = aOff + i * aRs;
            for (int p = 0; p < k; p++) {
                float aip = a[ai + p * aCs];
                int bp = bOff + p * bRs;
                for (int j = j0; j < m; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    boolean readsADirectly(int aCs) {
        return aCs == 1;
    }

    @Override
    void kernelDirect(int k, float[] a, int ao, int aRs, float[] bp, int bo, float[] c, int co, int ldc) {
        for (int p = 0; p < k; p++) {
            int bi = bo + p * NR;
            for (int r = 0; r < MR; r++) {
                float av = a[ao + r * aRs + p];
                int row = co + r * ldc;
                for (int j = 0; j < NR; j++) {
                    c[row + j] += av * bp[bi + j];
                }
            }
        }
    }

    @Override
    void kernel(int k, float[] ap, int ao, float[] bp, int bo, float[] c, int co, int ldc) {
        for (int p = 0; p < k; p++) {
            int bi = bo + p * NR;
            int ai = ao + p * MR;
            for (int r = 0; r < MR; r++) {
                float av = ap[ai + r];
                int row = co + r * ldc;
                for (int j = 0; j < NR; j++) {
                    c[row + j] += av * bp[bi + j];
                }
            }
        }
    }

    @Override
    void packA(float[] a, int off, int rs, int cs, int i0, int rows, int p0, int depth, float[] dst) {
        int panels = (rows + mr - 1) / mr;
        for (int ip = 0; ip < panels; ip++) {
            int base = ip * mr * depth;
            if (rs == 1 && (ip + 1) * mr <= rows) {
                // a transposed A (a weight gradient's g^T): the panel's rows are adjacent in memory, so copy
                // them across k together, reading mr contiguous values per step instead of mr strided walks
                int src = off + i0 + ip * mr + p0 * cs;
                for (int p = 0; p < depth; p++) {
                    int sp = src + p * cs;
                    int d = base + p * mr;
                    for (int r = 0; r < mr; r++) {
                        dst[d + r] = a[sp + r];
                    }
                }
                continue;
            }
            for (int r = 0; r < mr; r++) {
                int i = ip * mr + r;
                if (i >= rows) {
                    for (int p = 0; p < depth; p++) {
                        dst[base + p * mr + r] = 0f;
                    }
                    continue;
                }
                int src = off + (i0 + i) * rs + p0 * cs;
                for (int p = 0; p < depth; p++) {
                    dst[base + p * mr + r] = a[src + p * cs];
                }
            }
        }
    }

    @Override
    void packB(float[] b, int off, int rs, int cs, int p0, int depth, int j0, int cols, float[] dst) {
        int panels = (cols + nr - 1) / nr;
        for (int jp = 0; jp < panels; jp++) {
            int base = jp * nr * depth;
            int width = Math.min(nr, cols - jp * nr);
            for (int p = 0; p < depth; p++) {
                int src = off + (p0 + p) * rs + (j0 + jp * nr) * cs;
                int d = base + p * nr;
                if (cs == 1) {
                    System.arraycopy(b, src, dst, d, width);
                } else {
                    for (int j = 0; j < width; j++) {
                        dst[d + j] = b[src + j * cs];
                    }
                }
                for (int j = width; j < nr; j++) {
                    dst[d + j] = 0f;
                }
            }
        }
    }

    @Override
    void clear(float[] tile, int n) {
        java.util.Arrays.fill(tile, 0, n, 0f);
    }

    @Override
    void addTile(float[] tile, float[] c, int co, int ldc, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                c[co + r * ldc + j] += tile[r * nr + j];
            }
        }
    }
}
