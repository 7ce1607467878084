package dev.hadron.tensor;

import dev.hadron.internal.kernel.Gemm;
import dev.hadron.internal.kernel.Parallel;
import dev.hadron.internal.kernel.Simd;

/**
 * What the kernels run on in this process, for logs, reports and benchmark records: the matrix-product
 * implementation ({@code HADRON_BLAS=java|openblas|auto} chooses), whether the Vector API kernels are
 * active (the {@code jdk.incubator.vector} module is present), and the thread count
 * ({@code HADRON_THREADS}, default all cores). All fixed at start-up.
 *
 * <pre>{@code
 * System.out.println(Backend.describe());   // e.g. "gemm java-vector, simd on, 2 threads"
 * }</pre>
 */
public final class Backend {
    private Backend() {
    }

    /** The float32 matrix-product implementation: {@code "openblas (<library>)"}, {@code "java-vector"} or {@code "java-scalar"}. */
    public static String gemm() {
        return Gemm.implementation();
    }

    /** True when the Vector API kernels are in use (else the plain-Java fallbacks). */
    public static boolean simd() {
        return Simd.ENABLED;
    }

    /** The number of threads the kernels use. */
    public static int threads() {
        return Parallel.threads();
    }

    /** One line: GEMM implementation, SIMD and threads. */
    public static String describe() {
        return "gemm " + gemm() + ", simd " + (simd() ? "on" : "off") + ", " + threads() + " thread"
                + (threads() == 1 ? "" : "s");
    }
}
