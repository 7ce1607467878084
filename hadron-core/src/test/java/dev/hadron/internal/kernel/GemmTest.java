package dev.hadron.internal.kernel;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every matrix-product path equals a float64 naive product, for awkward sizes and strided operands. */
class GemmTest {
    private static final int[] SIZES = {0, 1, 7, 17, 63, 64, 65};

    /** A (rows x cols) operand laid out as requested: 0 row-major, 1 column-major (transposed), 2 strided with gaps. */
    private record Operand(double[] values, int rows, int cols, int layout) {
        int off() {
            return layout == 2 ? 3 : 0;
        }

        int rs() {
            return switch (layout) {
                case 0 -> cols;
                case 1 -> 1;
                default -> 2 * cols + 1;
            };
        }

        int cs() {
            return switch (layout) {
                case 0 -> 1;
                case 1 -> Math.max(rows, 1);
                default -> 2;
            };
        }

        int size() {
            return off() + Math.max(0, (rows - 1)) * rs() + Math.max(0, cols - 1) * cs() + 1;
        }

        float[] f32() {
            float[] d = new float[size()];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    d[off() + i * rs() + j * cs()] = (float) values[i * cols + j];
                }
            }
            return d;
        }

        double[] f64() {
            double[] d = new double[size()];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    d[off() + i * rs() + j * cs()] = values[i * cols + j];
                }
            }
            return d;
        }
    }

    private static Operand operand(Generator g, int rows, int cols, int layout) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (g.nextDouble() * 2 - 1);
        }
        return new Operand(v, rows, cols, layout);
    }

    private static double[] reference(Operand a, Operand b) {
        int n = a.rows();
        int k = a.cols();
        int m = b.cols();
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double av = a.values()[i * k + p];
                for (int j = 0; j < m; j++) {
                    c[i * m + j] += av * b.values()[p * m + j];
                }
            }
        }
        return c;
    }

    @FunctionalInterface
    private interface F32Path {
        void run(int n, int m, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs, float[] c);
    }

    @FunctionalInterface
    private interface F64Path {
        void run(int n, int m, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                 double[] c);
    }

    private static void checkF32(String name, F32Path path, int n, int m, int k, int la, int lb, Generator g) {
        Operand a = operand(g, n, k, la);
        Operand b = operand(g, k, m, lb);
        double[] ref = reference(a, b);
        float[] c = new float[n * m];
        path.run(n, m, k, a.f32(), a.off(), a.rs(), a.cs(), b.f32(), b.off(), b.rs(), b.cs(), c);
        for (int i = 0; i < ref.length; i++) {
            double tol = 1e-5 * Math.max(1, Math.sqrt(k)) + 1e-6 * Math.abs(ref[i]);
            if (Math.abs(ref[i] - c[i]) > tol) {
                throw new AssertionError(name + " n=" + n + " m=" + m + " k=" + k + " layouts " + la + "," + lb + ": element " + i
                        + " is " + c[i] + ", expected " + ref[i]);
            }
        }
    }

    private static void checkF64(String name, F64Path path, int n, int m, int k, int la, int lb, Generator g) {
        Operand a = operand(g, n, k, la);
        Operand b = operand(g, k, m, lb);
        double[] ref = reference(a, b);
        double[] c = new double[n * m];
        path.run(n, m, k, a.f64(), a.off(), a.rs(), a.cs(), b.f64(), b.off(), b.rs(), b.cs(), c);
        for (int i = 0; i < ref.length; i++) {
            if (Math.abs(ref[i] - c[i]) > 1e-12 * Math.max(1, k)) {
                throw new AssertionError(name + " n=" + n + " m=" + m + " k=" + k + " layouts " + la + "," + lb + ": element " + i
                        + " is " + c[i] + ", expected " + ref[i]);
            }
        }
    }

    private static List<int[]> shapes() {
        List<int[]> s = new ArrayList<>();
        for (int n : SIZES) {
            for (int m : SIZES) {
                for (int k : SIZES) {
                    s.add(new int[] {n, m, k});
                }
            }
        }
        s.add(new int[] {1000, 64, 65});
        s.add(new int[] {65, 1000, 17});
        s.add(new int[] {17, 63, 1000});
        return s;
    }

    private static void allF32(String name, F32Path path) {
        Generator g = new Generator(name.hashCode());
        for (int[] s : shapes()) {
            for (int la = 0; la < 3; la++) {
                checkF32(name, path, s[0], s[1], s[2], la, (la + s[0]) % 3, g);
            }
        }
    }

    private static void allF64(String name, F64Path path) {
        Generator g = new Generator(name.hashCode());
        for (int[] s : shapes()) {
            for (int la = 0; la < 3; la++) {
                checkF64(name, path, s[0], s[1], s[2], la, (la + s[1]) % 3, g);
            }
        }
    }

    @Test
    void packedScalarFloat32() {
        SgemmScalar s = new SgemmScalar();
        allF32("SgemmScalar", (n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c) -> s.gemm(n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c, 0));
    }

    @Test
    void packedVectorFloat32() {
        Assumptions.assumeTrue(Simd.ENABLED, "Vector API not available in this JVM (run with --add-modules jdk.incubator.vector)");
        SgemmVector s = new SgemmVector();
        allF32("SgemmVector", (n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c) -> s.gemm(n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c, 0));
    }

    /** The narrow-output dot-product path (used when aCs == 1 and bRs == 1); other layouts go through packing. */
    private static void narrow(String name, SgemmScalar s) {
        allF32(name, (n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c) -> {
            if (acs == 1 && brs == 1) {
                s.dots(0, n, m, k, a, ao, ars, b, bo, bcs, c, 0);
            } else {
                s.gemm(n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c, 0);
            }
        });
    }

    @Test
    void narrowDotsFloat32() {
        narrow("SgemmScalar.dots", new SgemmScalar());
        Assumptions.assumeTrue(Simd.ENABLED, "Vector API not available in this JVM");
        narrow("SgemmVector.dots", new SgemmVector());
    }

    @Test
    void packedScalarFloat64() {
        DgemmScalar s = new DgemmScalar();
        allF64("DgemmScalar", (n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c) -> s.gemm(n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c, 0));
    }

    @Test
    void packedVectorFloat64() {
        Assumptions.assumeTrue(Simd.ENABLED, "Vector API not available in this JVM");
        DgemmVector s = new DgemmVector();
        allF64("DgemmVector", (n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c) -> s.gemm(n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c, 0));
    }

    @Test
    void dispatcher() {
        allF32("Gemm.gemm(f32)", (n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c) -> Gemm.gemm(n, m, k, new Storage.F32(a), ao, ars,
                acs, new Storage.F32(b), bo, brs, bcs, new Storage.F32(c), 0));
        allF64("Gemm.gemm(f64)", (n, m, k, a, ao, ars, acs, b, bo, brs, bcs, c) -> Gemm.gemm(n, m, k, new Storage.F64(a), ao, ars,
                acs, new Storage.F64(b), bo, brs, bcs, new Storage.F64(c), 0));
    }

    @Test
    void openBlasThroughFfm() {
        Assumptions.assumeTrue(Blas.ENABLED, "no CBLAS library found (install libopenblas0-pthread) or HADRON_BLAS=java");
        Generator g = new Generator(5);
        for (int[] s : shapes()) {
            for (int la = 0; la < 2; la++) {
                for (int lb = 0; lb < 2; lb++) {
                    checkF32("cblas_sgemm", Blas::sgemm32, s[0], s[1], s[2], la, lb, g);
                    checkF64("cblas_dgemm", Blas::dgemm64, s[0], s[1], s[2], la, lb, g);
                }
            }
        }
    }

    @Test
    void matmulBroadcastsBatchesAndReadsStridedViews() {
        Generator g = new Generator(9);
        Tensor a = Tensor.randn(g, 3, 1, 17, 7);
        Tensor b = Tensor.randn(g, 4, 9, 7).transpose(-1, -2);
        Tensor c = a.matmul(b);
        assertArrayEquals(new int[] {3, 4, 17, 9}, c.shape());
        Tensor ref = naive(a, b);
        assertTrue(c.to(DType.FLOAT64).allClose(ref, 1e-5, 1e-5));
        Tensor strided = Tensor.randn(g, 20, 30).slice(0, 1, 20, 3).slice(1, 2, 30, 4);
        Tensor w = Tensor.randn(g, 7, 5);
        assertTrue(strided.matmul(w).to(DType.FLOAT64).allClose(naive(strided, w), 1e-5, 1e-5));
    }

    /** Broadcast batched product computed elementwise in float64. */
    private static Tensor naive(Tensor a, Tensor b) {
        Tensor a64 = a.to(DType.FLOAT64);
        Tensor b64 = b.to(DType.FLOAT64);
        return a64.unsqueeze(-1).mul(b64.unsqueeze(-3)).sum(-2);
    }
}
