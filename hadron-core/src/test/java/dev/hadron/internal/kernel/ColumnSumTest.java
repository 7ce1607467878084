package dev.hadron.internal.kernel;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The bias-gradient column sum equals the general reduction {@code sum(0)} bit for bit. */
class ColumnSumTest {
    @Test
    void equalsSumOverRowsExactly() {
        Generator g = new Generator(8);
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int[] s : new int[][] {{0, 5}, {1, 1}, {7, 17}, {1000, 65}, {7680, 64}, {3, 0}}) {
                Tensor x = Tensor.randn(g, s).to(t);
                Tensor want = x.sum(0);
                Tensor got = FusedKernels.columnSum(x);
                assertArrayEquals(want.shape(), got.shape(), t + " " + s[0] + "x" + s[1]);
                assertArrayEquals(want.toDoubleArray(), got.toDoubleArray(), 0.0, t + " " + s[0] + "x" + s[1]);
            }
            // a transposed (non-contiguous) operand is read through its strides
            Tensor x = Tensor.randn(g, 33, 40).to(t).mT();
            assertArrayEquals(x.sum(0).toDoubleArray(), FusedKernels.columnSum(x).toDoubleArray(), 0.0);
        }
    }
}
