package dev.hadron.nn.graph;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.nn.Module;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared helpers of the graph-layer tests: random jagged batches, comparisons, parameter gradient checks. */
final class GraphTesting {
    /** Event sizes with an empty and a single-particle event, and events larger and smaller than k = 3. */
    static final long[] COUNTS = {5, 0, 1, 7, 3, 2, 4};

    private GraphTesting() {
    }

    static Jagged randomBatch(Generator gen, long[] counts, int features) {
        int total = (int) Arrays.stream(counts).sum();
        return Jagged.fromCounts(Tensor.randn(gen, total, features).to(DType.FLOAT64), counts);
    }

    /** A permutation of the particles that shuffles within each event only. */
    static long[] withinEventPermutation(Generator gen, long[] offsets) {
        int total = (int) offsets[offsets.length - 1];
        long[] perm = new long[total];
        for (int e = 0; e + 1 < offsets.length; e++) {
            int n = (int) (offsets[e + 1] - offsets[e]);
            long[] p = n == 0 ? new long[0] : Tensor.randperm(gen, n).toLongArray();
            for (int i = 0; i < n; i++) {
                perm[(int) offsets[e] + i] = offsets[e] + p[i];
            }
        }
        return perm;
    }

    static void assertClose(String what, Tensor expected, Tensor actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape " + Shape.toString(actual.shape())
                + " expected " + Shape.toString(expected.shape()));
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= tol * Math.max(1, Math.abs(e[i])))) {
                fail(what + ": element " + i + " is " + a[i] + ", expected " + e[i] + " (tol " + tol + ")");
            }
        }
    }

    /**
     * Compares the backward-pass gradient of every parameter of {@code m} (float64) with central finite
     * differences of {@code loss}.
     */
    static void checkParameterGradients(Module m, Supplier<Tensor> loss, double tol) {
        m.zeroGrad();
        loss.get().backward();
        for (Map.Entry<String, Tensor> e : m.namedParameters().entrySet()) {
            Tensor p = e.getValue();
            assertTrue(p.dtype() == DType.FLOAT64, "use a float64 module");
            double[] analytic = p.grad() == null ? new double[p.numel()] : p.grad().toDoubleArray();
            Storage s = p.storage();
            double eps = 1e-6;
            for (int i = 0; i < p.numel(); i++) {
                double old = s.getDouble(i);
                s.setDouble(i, old + eps);
                s.bumpVersion();
                double up;
                double down;
                try (var scope = Autodiff.noGrad()) {
                    up = loss.get().item();
                }
                s.setDouble(i, old - eps);
                s.bumpVersion();
                try (var scope = Autodiff.noGrad()) {
                    down = loss.get().item();
                }
                s.setDouble(i, old);
                s.bumpVersion();
                double numeric = (up - down) / (2 * eps);
                if (!(Math.abs(numeric - analytic[i]) <= tol * Math.max(1, Math.abs(numeric)))) {
                    fail("gradient of " + e.getKey() + "[" + i + "]: backward gives " + analytic[i]
                            + ", finite differences " + numeric);
                }
            }
        }
    }

    /** A fixed random weighting of the output, so the loss sees every element: sum(out * r). */
    static Tensor weightedSum(Tensor out, long seed) {
        Tensor r = Tensor.randn(new Generator(seed), out.shape()).to(out.dtype());
        return out.mul(r).sum();
    }
}
