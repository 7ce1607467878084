package dev.hadron.internal.kernel;

/**
 * The Goto/BLIS blocking scheme shared by the float32 and float64 matrix products: B is packed in
 * KC × NC blocks of NR-wide column panels, A in MC × KC blocks of MR-tall row panels, and an
 * MR × NR register-blocked micro-kernel accumulates into C. Packing reads strided (e.g. transposed)
 * operands directly, so no operand is ever copied whole. Row blocks of C are distributed over
 * {@link Parallel} tasks with a fixed assignment; every element of C is summed by one thread in the
 * same order whatever the thread count, so results are bit-identical across thread counts.
 * Packing buffers are reused per thread.
 *
 * @param <T> the array type ({@code float[]} or {@code double[]})
 */
abstract class PackedGemm<T> {
    final int mr;
    final int nr;
    final int kc;
    final int mc;
    final int nc;
    private final ThreadLocal<Buffers<T>> buffers = ThreadLocal.withInitial(Buffers::new);
    private final ThreadLocal<T> sharedB = new ThreadLocal<>();

    PackedGemm(int mr, int nr, int kc, int mc, int nc) {
        this.mr = mr;
        this.nr = nr;
        this.kc = kc;
        this.mc = mc;
        this.nc = nc;
    }

    private static final class Buffers<T> {
        T a;
        T tile;
    }

    abstract T allocate(int size);

    abstract int length(T array);

    /** {@code C[co + r*ldc + j] += sum_p ap[ao + p*mr + r] * bp[bo + p*nr + j]} for the full MR x NR tile. */
    abstract void kernel(int k, T ap, int ao, T bp, int bo, T c, int co, int ldc);

    /**
     * Whether full MR-row panels of an A whose rows are contiguous along k ({@code aCs == 1}) are read in
     * place by {@link #kernelDirect} instead of being packed: when C has few columns, packing A costs as
     * much as the product itself, because each packed panel serves only a few column panels.
     */
    boolean readsADirectly(int aCs) {
        return false;
    }

    /**
     * {@link #kernel} reading A in place: row r of the tile starts at {@code a[ao + r*aRs]}, contiguous
     * along k. Only called when {@link #readsADirectly} is true.
     */
    void kernelDirect(int k, T a, int ao, int aRs, T bp, int bo, T c, int co, int ldc) {
        throw new IllegalStateException(getClass().getSimpleName() + " packs A; readsADirectly must be false");
    }

    /** Packs rows [i0, i0+rows) x columns [p0, p0+depth) of A into MR-row panels (zero padded). */
    abstract void packA(T a, int off, int rs, int cs, int i0, int rows, int p0, int depth, T dst);

    /** Packs rows [p0, p0+depth) x columns [j0, j0+cols) of B into NR-column panels (zero padded). */
    abstract void packB(T b, int off, int rs, int cs, int p0, int depth, int j0, int cols, T dst);

    /** Zeroes the first {@code n} elements. */
    abstract void clear(T tile, int n);

    /** {@code C[co + r*ldc + j] += tile[r*nr + j]} for r < rows, j < cols. */
    abstract void addTile(T tile, T c, int co, int ldc, int rows, int cols);

    private T ensure(T buf, int size) {
        return buf != null && length(buf) >= size ? buf : allocate(size);
    }

    /** {@code C (n x m, row-major at cOff) += A (n x k) B (k x m)}, operands given by offset and strides. */
    final void gemm(int n, int m, int k, T a, int aOff, int aRs, int aCs, T b, int bOff, int bRs, int bCs, T c, int cOff) {
        gemm(n, m, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, null);
    }

    /**
     * {@link #gemm} followed by {@code after} on each block of finished rows of C, called by the thread
     * that computed them while they are still in its cache (an activation fused into the product);
     * {@code after} may be null.
     */
    final void gemm(int n, int m, int k, T a, int aOff, int aRs, int aCs, T b, int bOff, int bRs, int bCs, T c, int cOff,
                    Parallel.Range after) {
        int rowBlocks = (n + mc - 1) / mc;
        for (int jc = 0; jc < m; jc += nc) {
            int ncur = Math.min(nc, m - jc);
            int panels = (ncur + nr - 1) / nr;
            for (int pc = 0; pc < k; pc += kc) {
                int kcur = Math.min(kc, k - pc);
                T bp = ensure(sharedB.get(), panels * nr * kcur);
                sharedB.set(bp);
                packB(b, bOff, bRs, bCs, pc, kcur, jc, ncur, bp);
                T packedB = bp;
                int jcFinal = jc;
                int pcFinal = pc;
                boolean last = after != null && pc + kcur == k && jc + ncur == m;
                int byWork = (int) Math.max(1, Math.min(Parallel.threads(), (long) n * ncur * kcur / Gemm.TASK_WORK));
                if (rowBlocks >= Parallel.threads() || panels < 2 * Parallel.threads()) {
                    int tasks = Math.min(byWork, rowBlocks);
                    Parallel.run(tasks, t -> {
                        for (int blk = t; blk < rowBlocks; blk += tasks) {
                            int rows = Math.min(mc, n - blk * mc);
                            block(blk * mc, rows, kcur, pcFinal, a, aOff, aRs, aCs, packedB, 0, panels, ncur, jcFinal, c,
                                    cOff, m);
                            if (last) {
                                after.range(blk * mc, blk * mc + rows);
                            }
                        }
                    });
                } else {
                    // few rows, many columns: split the column panels instead
                    int tasks = Math.min(byWork, panels);
                    Parallel.run(tasks, t -> {
                        int p0 = panels * t / tasks;
                        int p1 = panels * (t + 1) / tasks;
                        for (int blk = 0; blk < rowBlocks; blk++) {
                            block(blk * mc, Math.min(mc, n - blk * mc), kcur, pcFinal, a, aOff, aRs, aCs, packedB, p0, p1, ncur,
                                    jcFinal, c, cOff, m);
                        }
                    });
                    if (last) {
                        Gemm.finishRows(n, m, after);
                    }
                }
            }
        }
    }

    private void block(int i0, int rows, int kcur, int pc, T a, int aOff, int aRs, int aCs, T bp, int panel0, int panel1,
                       int ncur, int jc, T c, int cOff, int ldc) {
        Buffers<T> buf = buffers.get();
        int rowPanels = (rows + mr - 1) / mr;
        buf.a = ensure(buf.a, rowPanels * mr * kcur);
        buf.tile = ensure(buf.tile, mr * nr);
        boolean direct = readsADirectly(aCs);
        if (!direct) {
            packA(a, aOff, aRs, aCs, i0, rows, pc, kcur, buf.a);
        } else if (rows % mr != 0) {
            // only the last, partial row panel is packed (zero padded); full panels are read in place
            packA(a, aOff, aRs, aCs, i0 + rows - rows % mr, rows % mr, pc, kcur, buf.a);
        }
        for (int jp = panel0; jp < panel1; jp++) {
            int j = jp * nr;
            int cols = Math.min(nr, ncur - j);
            for (int ip = 0; ip < rowPanels; ip++) {
                int i = ip * mr;
                int r = Math.min(mr, rows - i);
                int co = cOff + (i0 + i) * ldc + jc + j;
                int ao = direct ? 0 : ip * mr * kcur;
                if (r == mr && cols == nr) {
                    if (direct) {
                        kernelDirect(kcur, a, aOff + (i0 + i) * aRs + pc, aRs, bp, jp * nr * kcur, c, co, ldc);
                    } else {
                        kernel(kcur, buf.a, ao, bp, jp * nr * kcur, c, co, ldc);
                    }
                } else {
                    clear(buf.tile, mr * nr);
                    if (direct && r == mr) {
                        kernelDirect(kcur, a, aOff + (i0 + i) * aRs + pc, aRs, bp, jp * nr * kcur, buf.tile, 0, nr);
                    } else {
                        kernel(kcur, buf.a, ao, bp, jp * nr * kcur, buf.tile, 0, nr);
                    }
                    addTile(buf.tile, c, co, ldc, r, cols);
                }
            }
        }
    }
}
