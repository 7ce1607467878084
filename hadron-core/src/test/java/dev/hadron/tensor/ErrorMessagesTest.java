package dev.hadron.tensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors a physicist can act on: they name the op, the values and what was expected. */
class ErrorMessagesTest {

    private static void contains(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should contain '" + p + "': " + e.getMessage());
        }
    }

    @Test
    void shapeMismatchNamesTheOpAndBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        contains(e, "add", "[2, 3]", "[4]");
        var m = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
        contains(m, "matmul", "[2, 3]", "[4, 5]");
        var c = assertThrows(IllegalArgumentException.class, () -> Tensor.cat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
        contains(c, "cat", "[2, 4]", "[2, 3]");
        var r = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(4, 2));
        contains(r, "reshape", "[4, 2]", "6 elements");
        var x = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).expand(2, 4));
        contains(x, "expand", "[2, 3]", "[2, 4]");
        var conv = assertThrows(IllegalArgumentException.class,
                () -> Conv.conv2d(Tensor.zeros(1, 3, 8, 8), Tensor.zeros(4, 2, 3, 3), null));
        contains(conv, "conv2d", "input channels", "[1, 3, 8, 8]");
    }

    @Test
    void dtypeMismatchIsExplained() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 2).matmul(Tensor.zeros(DType.FLOAT64, 2, 2)));
        contains(e, "matmul", "float32", "float64");
        var g = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).gather(0, Tensor.zeros(2)));
        contains(g, "gather", "index", "float32");
        var w = assertThrows(IllegalArgumentException.class, () -> Tensor.where(Tensor.zeros(2), Tensor.zeros(2), Tensor.zeros(2)));
        contains(w, "where", "bool");
    }

    @Test
    void indexOutOfRangeNamesIndexAndSize() {
        var e = assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(3, 2).get(5));
        contains(e, "index 5", "dimension 0", "size 3");
        var d = assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(3, 2).sum(2));
        contains(d, "sum", "dimension 2", "rank 2");
        var g = assertThrows(IndexOutOfBoundsException.class,
                () -> Tensor.zeros(2, 3).gather(1, Tensor.of(new long[] {0, 3}, 1, 2)));
        contains(g, "gather", "index 3", "size 3");
        var i = assertThrows(IndexOutOfBoundsException.class,
                () -> Tensor.zeros(4).indexSelect(0, Tensor.of(new long[] {-1}, 1)));
        contains(i, "indexSelect", "-1");
        var n = assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(4).narrow(0, 2, 3));
        contains(n, "narrow", "start 2", "length 3", "size 4");
        var o = assertThrows(IndexOutOfBoundsException.class, () -> Tensor.of(new long[] {0, 4}, 2).oneHot(3));
        contains(o, "oneHot", "4", "3 classes");
    }

    @Test
    void badValuesAreRefusedWithTheirValue() {
        contains(assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item()), "item", "[2]");
        contains(assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[] {1, 2, 3}, 2, 2)),
                "length 3", "[2, 2]");
        contains(assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).clamp(2, 1)), "clamp", "2.0", "1.0");
        contains(assertThrows(IllegalArgumentException.class, () -> Tensor.arange(DType.FLOAT32, 0, 1, 0)), "step");
        contains(assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2).gelu("fast")), "gelu", "fast");
        contains(assertThrows(ArithmeticException.class, () -> Linalg.cholesky(Tensor.of(new double[] {1, 2, 2, 1}, 2, 2))),
                "cholesky", "not positive definite");
        contains(assertThrows(ArithmeticException.class, () -> Linalg.solve(Tensor.zeros(DType.FLOAT64, 2, 2),
                Tensor.ones(DType.FLOAT64, 2))), "solve", "singular");
        contains(assertThrows(ArithmeticException.class, () -> Tensor.of(new long[] {1}, 1).floorDivide(
                Tensor.of(new long[] {0}, 1))), "division by zero");
        contains(assertThrows(IllegalArgumentException.class, () -> Tensor.bernoulli(new Generator(1), 1.5, 2)),
                "bernoulli", "1.5");
    }
}
