package dev.hadron.internal.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The optional native accelerator: a system CBLAS (OpenBLAS) called through the Foreign Function &amp;
 * Memory API, on Hadron's heap arrays without copying ({@code Linker.Option.critical(true)} passes heap
 * segments). Selected by {@code HADRON_BLAS} (or {@code -Dhadron.blas}): {@code java} never uses it,
 * {@code openblas} requires it (failing clearly if absent), {@code auto} (the default) uses it when a
 * library is found. Nothing requires it; results agree with the Java path to float rounding.
 */
public final class Blas {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;
    private static final String[] LIBRARIES = {"libopenblas.so.0", "libopenblas.so", "libcblas.so.3", "libblas.so.3",
        "libopenblas.dylib", "libopenblas.dll"};

    private static final MethodHandle SGEMM;
    private static final MethodHandle DGEMM;
    private static final String LIBRARY;
    /** True when GEMM goes to the native library. */
    public static final boolean ENABLED;

    static {
        String mode = System.getProperty("hadron.blas", System.getenv("HADRON_BLAS"));
        mode = mode == null || mode.isBlank() ? "auto" : mode.trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("java") && !mode.equals("openblas") && !mode.equals("auto")) {
            throw new IllegalArgumentException("HADRON_BLAS must be java, openblas or auto, got '" + mode + "'");
        }
        MethodHandle s = null;
        MethodHandle d = null;
        String found = null;
        if (!mode.equals("java")) {
            try {
                Linker linker = Linker.nativeLinker();
                for (String lib : LIBRARIES) {
                    SymbolLookup lookup;
                    try {
                        lookup = SymbolLookup.libraryLookup(lib, Arena.global());
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    Optional<MemorySegment> sg = lookup.find("cblas_sgemm");
                    Optional<MemorySegment> dg = lookup.find("cblas_dgemm");
                    if (sg.isEmpty() || dg.isEmpty()) {
                        continue;
                    }
                    s = linker.downcallHandle(sg.get(), descriptor(ValueLayout.JAVA_FLOAT), Linker.Option.critical(true));
                    d = linker.downcallHandle(dg.get(), descriptor(ValueLayout.JAVA_DOUBLE), Linker.Option.critical(true));
                    lookup.find("openblas_set_num_threads").ifPresent(fn -> {
                        try {
                            linker.downcallHandle(fn, FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT))
                                    .invokeExact(Parallel.threads());
                        } catch (Throwable t) {
                            throw new IllegalStateException("openblas_set_num_threads failed", t);
                        }
                    });
                    found = lib;
                    break;
                }
            } catch (IllegalCallerException | UnsupportedOperationException e) {
                s = null;
                d = null;
            }
            if (s == null && mode.equals("openblas")) {
                throw new IllegalStateException("HADRON_BLAS=openblas but no CBLAS library was found (looked for "
                        + String.join(", ", LIBRARIES) + "); install OpenBLAS (e.g. apt-get install libopenblas0-pthread)"
                        + " or set HADRON_BLAS=auto");
            }
        }
        SGEMM = s;
        DGEMM = d;
        LIBRARY = found;
        ENABLED = s != null;
    }

    private Blas() {
    }

    private static FunctionDescriptor descriptor(ValueLayout scalar) {
        ValueLayout i = ValueLayout.JAVA_INT;
        return FunctionDescriptor.ofVoid(i, i, i, i, i, i, scalar, ValueLayout.ADDRESS, i, ValueLayout.ADDRESS, i, scalar,
                ValueLayout.ADDRESS, i);
    }

    /** The library in use, or null. */
    public static String library() {
        return LIBRARY;
    }

    /** Whether a rows x cols operand with these strides is a CBLAS matrix (row-major, or transposed row-major). */
    static boolean expressible(int rows, int cols, int rs, int cs) {
        return rowMajor(rows, cols, rs, cs) || columnMajor(rows, cols, rs, cs);
    }

    private static boolean columnMajor(int rows, int cols, int rs, int cs) {
        return (rs == 1 || rows <= 1) && (cols <= 1 || cs >= rows);
    }

    private static boolean rowMajor(int rows, int cols, int rs, int cs) {
        return (cs == 1 || cols <= 1) && (rows <= 1 || rs >= cols);
    }

    private static int trans(int rows, int cols, int rs, int cs) {
        return rowMajor(rows, cols, rs, cs) ? NO_TRANS : TRANS;
    }

    private static int ld(int rows, int cols, int rs, int cs) {
        if (rowMajor(rows, cols, rs, cs)) {
            return rows <= 1 ? Math.max(cols, 1) : Math.max(rs, 1);
        }
        return cols <= 1 ? Math.max(rows, 1) : Math.max(cs, 1);
    }

    /** C (n x m, contiguous) += A B through cblas_sgemm; operands must be {@link #expressible}. */
    static void sgemm(int n, int m, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                      float[] c, int cOff) {
        try {
            SGEMM.invokeExact(ROW_MAJOR, trans(n, k, aRs, aCs), trans(k, m, bRs, bCs), n, m, k, 1f,
                    MemorySegment.ofArray(a).asSlice(4L * aOff), ld(n, k, aRs, aCs),
                    MemorySegment.ofArray(b).asSlice(4L * bOff), ld(k, m, bRs, bCs), 1f,
                    MemorySegment.ofArray(c).asSlice(4L * cOff), Math.max(m, 1));
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_sgemm failed", t);
        }
    }

    /** {@link #sgemm} with C at offset 0 (test hook). */
    static void sgemm32(int n, int m, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                        float[] c) {
        if (!expressible(n, k, aRs, aCs) || !expressible(k, m, bRs, bCs)) {
            throw new IllegalArgumentException("operands are not BLAS matrices");
        }
        sgemm(n, m, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, 0);
    }

    /** {@link #dgemm} with C at offset 0 (test hook). */
    static void dgemm64(int n, int m, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                        double[] c) {
        if (!expressible(n, k, aRs, aCs) || !expressible(k, m, bRs, bCs)) {
            throw new IllegalArgumentException("operands are not BLAS matrices");
        }
        dgemm(n, m, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, 0);
    }

    /** C (n x m, contiguous) += A B through cblas_dgemm. */
    static void dgemm(int n, int m, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                      double[] c, int cOff) {
        try {
            DGEMM.invokeExact(ROW_MAJOR, trans(n, k, aRs, aCs), trans(k, m, bRs, bCs), n, m, k, 1.0,
                    MemorySegment.ofArray(a).asSlice(8L * aOff), ld(n, k, aRs, aCs),
                    MemorySegment.ofArray(b).asSlice(8L * bOff), ld(k, m, bRs, bCs), 1.0,
                    MemorySegment.ofArray(c).asSlice(8L * cOff), Math.max(m, 1));
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_dgemm failed", t);
        }
    }
}
