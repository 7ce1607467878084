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
