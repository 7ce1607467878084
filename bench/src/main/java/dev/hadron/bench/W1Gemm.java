package dev.hadron.bench;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * W1: float32 square matrix product, pure Java (packed Vector API kernels) and through FFM to the
 * system OpenBLAS. GFLOP/s = 2 n^3 / time. Peer: bench/peers/w1_gemm_numpy.py (NumPy on OpenBLAS).
 */
@State(Scope.Benchmark)
public class W1Gemm {
    @Param({"256", "1024", "2048"})
    public int n;
    private Tensor a;
    private Tensor b;

    @Setup
    public void setup() {
        Generator g = new Generator(1);
        a = Tensor.rand(g, n, n);
        b = Tensor.rand(g, n, n);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Dhadron.blas=java"})
    public Tensor pureJava() {
        return a.matmul(b);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Dhadron.blas=openblas"})
    public Tensor openblasFfm() {
        return a.matmul(b);
    }
}
