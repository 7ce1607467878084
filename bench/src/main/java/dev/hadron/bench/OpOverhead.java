package dev.hadron.bench;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-op overhead of a tiny eager op (a 4-element float32 add), without and with tape recording,
 * and a tiny forward + backward: what dominates small HEP models. Peer: bench/peers/op_overhead_torch.py.
 */
@State(Scope.Thread)
public class OpOverhead {
    private Tensor a;
    private Tensor b;
    private Tensor w;

    @Setup
    public void setup() {
        a = Tensor.of(new float[] {1, 2, 3, 4}, 4);
        b = Tensor.of(new float[] {5, 6, 7, 8}, 4);
        w = Tensor.of(new float[] {1, 2, 3, 4}, 4).requiresGrad(true);
    }

    /** One add, nothing recorded. */
    @Benchmark
    public Tensor addNoGrad() {
        try (Autodiff.Scope s = Autodiff.noGrad()) {
            return a.add(b);
        }
    }

    /** One add of inputs that need no gradient (the eager default). */
    @Benchmark
    public Tensor addConstants() {
        return a.add(b);
    }

    /** One add recorded on the tape (an input requires grad). */
    @Benchmark
    public Tensor addRecorded() {
        return w.add(b);
    }

    /** mul + sum recorded, then backward: the smallest training step. */
    @Benchmark
    public Tensor mulSumBackward() {
        Tensor loss = w.mul(b).sum();
        loss.backward();
        Tensor g = w.grad();
        w.setGrad(null);
        return g;
    }
}
