package dev.hadron.tensor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creation, dtypes and promotion, views sharing storage, broadcasting, reductions and indexing values. */
class TensorTest {

    @Test
    void javaArrayTypeSetsTheDtype() {
        assertEquals(DType.FLOAT64, Tensor.of(1.0, 2.0).dtype());
        assertEquals(DType.FLOAT32, Tensor.of(new float[] {1, 2}, 2).dtype());
        assertEquals(DType.INT64, Tensor.of(new long[] {1, 2}, 2).dtype());
        assertEquals(DType.INT32, Tensor.of(new int[] {1, 2}, 2).dtype());
        assertEquals(DType.BOOL, Tensor.of(new boolean[] {true}, 1).dtype());
        assertEquals(DType.FLOAT32, Tensor.zeros(2).dtype());
        assertEquals(DType.FLOAT32, Tensor.randn(new Generator(1), 3).dtype());
    }

    @Test
    void scalarsAndZeroSizeDimensions() {
        Tensor s = Tensor.scalar(2.5);
        assertEquals(0, s.dim());
        assertEquals(1, s.numel());
        assertEquals(2.5, s.item());
        Tensor empty = Tensor.zeros(0, 3);
        assertEquals(0, empty.numel());
        assertEquals(0.0, empty.sum().item());
        assertArrayEquals(new int[] {3}, empty.sum(0).shape());
        assertArrayEquals(new int[] {0, 3}, empty.add(Tensor.ones(3)).shape());
        assertArrayEquals(new int[] {2, 0}, Tensor.zeros(2, 0).matmul(Tensor.zeros(0, 0)).shape());
        assertArrayEquals(new double[] {0, 0}, Tensor.zeros(DType.FLOAT64, 2, 0).matmul(Tensor.zeros(DType.FLOAT64, 0, 2))
                .sum(0).toDoubleArray());
    }

    @Test
    void typePromotionFollowsTheDocumentedRules() {
        Tensor i = Tensor.of(new long[] {1, 2}, 2);
        Tensor f = Tensor.of(new float[] {1, 2}, 2);
        Tensor d = Tensor.of(1.0, 2.0);
        Tensor b = Tensor.of(new boolean[] {true, false}, 2);
        assertEquals(DType.FLOAT32, i.add(f).dtype());
        assertEquals(DType.FLOAT64, f.add(d).dtype());
        assertEquals(DType.INT64, i.mul(2).dtype());
        assertEquals(DType.FLOAT32, i.mul(0.5).dtype());
        assertEquals(DType.FLOAT32, f.mul(2).dtype());
        assertEquals(DType.FLOAT32, i.div(2).dtype());
        assertArrayEquals(new double[] {0.5, 1.0}, i.div(2).toDoubleArray());
        assertEquals(DType.INT64, b.add(1).dtype());
        assertEquals(DType.FLOAT32, i.exp().dtype());
        assertEquals(DType.BOOL, f.gt(1).dtype());
        assertEquals(DType.INT32, Tensor.of(new int[] {1}, 1).add(Tensor.of(new int[] {2}, 1)).dtype());
        assertArrayEquals(new long[] {3, 4}, i.add(2).toLongArray());
        assertArrayEquals(new long[] {-2, 0}, Tensor.of(new long[] {-3, 2}, 2).floorDivide(Tensor.of(new long[] {2, 3}, 2))
                .toLongArray());
    }

    @Test
    void viewsShareStorageAndStrides() {
        Tensor x = Tensor.arange(DType.FLOAT64, 0, 12, 1).reshape(3, 4);
        Tensor t = x.transpose(0, 1);
        assertSame(x.storage(), t.storage());
        assertArrayEquals(new int[] {1, 4}, t.stride());
        assertFalse(t.isContiguous());
        assertEquals(6.0, t.get(2, 1).item());
        Tensor sl = x.slice(1, 1, 4, 2);
        assertArrayEquals(new double[] {1, 3, 5, 7, 9, 11}, sl.toDoubleArray());
        assertSame(x.storage(), sl.storage());
        assertArrayEquals(new double[] {4, 5, 6, 7}, x.get(1).toDoubleArray());
        assertArrayEquals(new double[] {8, 9, 10, 11}, x.get(-1).toDoubleArray());
        assertArrayEquals(new double[] {1, 5, 9}, x.narrow(1, 1, 1).squeeze(1).toDoubleArray());
        Tensor e = Tensor.of(1.0, 2.0).unsqueeze(1).expand(2, 3);
        assertArrayEquals(new int[] {1, 0}, e.stride());
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2}, e.toDoubleArray());
        // a view of a transposed tensor is still a view when the strides allow it
        Tensor u = t.unsqueeze(0);
        assertSame(x.storage(), u.storage());
        // writes through a view are seen by the base
        x.get(0).fill(-1);
        assertEquals(-1.0, t.get(3, 0).item());
    }

    @Test
    void reshapeCopiesOnlyWhenItMust() {
        Tensor x = Tensor.arange(DType.FLOAT64, 0, 6, 1).reshape(2, 3);
        assertSame(x.storage(), x.reshape(3, 2).storage());
        Tensor t = x.t();
        Tensor r = t.reshape(6);
        assertFalse(r.storage() == x.storage());
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, r.toDoubleArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.view(6));
        assertTrue(e.getMessage().contains("use reshape"), e.getMessage());
        assertArrayEquals(new int[] {2, 3}, x.reshape(-1, 3).shape());
    }

    @Test
    void broadcastingFollowsNumPy() {
        Tensor a = Tensor.arange(DType.FLOAT64, 0, 3, 1).reshape(3, 1);
        Tensor b = Tensor.arange(DType.FLOAT64, 0, 4, 1);
        Tensor c = a.mul(10).add(b);
        assertArrayEquals(new int[] {3, 4}, c.shape());
        assertEquals(23.0, c.get(2, 3).item());
        assertArrayEquals(new int[] {2, 3, 4}, Tensor.zeros(2, 1, 4).add(Tensor.zeros(3, 1)).shape());
    }

    @Test
    void reductionsMatchHandComputedValues() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(21.0, x.sum().item());
        assertArrayEquals(new double[] {5, 7, 9}, x.sum(0).toDoubleArray());
        assertArrayEquals(new int[] {2, 1}, x.sum(new int[] {1}, true).shape());
        assertArrayEquals(new double[] {2, 5}, x.mean(1).toDoubleArray());
        assertArrayEquals(new double[] {1, 1}, x.var(new int[] {1}, 1, false).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {6, 120}, x.prod(new int[] {1}, false).toDoubleArray());
        assertEquals(6.0, x.max().item());
        ValuesIndices m = x.max(1);
        assertArrayEquals(new double[] {3, 6}, m.values().toDoubleArray());
        assertArrayEquals(new long[] {2, 2}, m.indices().toLongArray());
        assertEquals(5, x.argmax().item());
        assertArrayEquals(new long[] {0, 0, 0}, x.argmin(0, false).toLongArray());
        assertArrayEquals(new double[] {1, 3, 6, 4, 9, 15}, x.cumsum(1).toDoubleArray());
        assertEquals(Math.sqrt(91), x.norm().item(), 1e-12);
        assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), x.logsumexp(1, false).get(0).item(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, x.softmax(1).sum(1).toDoubleArray(), 1e-12);
        assertEquals(1.0, Tensor.of(1.0, 1000.0, -1000.0).softmax(0).get(1).item(), 1e-12, "softmax must not overflow");
        assertTrue(Double.isNaN(Tensor.of(1.0, Double.NaN).max().item()), "max propagates NaN");
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0).max());
        assertEquals(1.0, Tensor.of(new boolean[] {true, false}, 2).any().item());
        assertEquals(0.0, Tensor.of(new boolean[] {true, false}, 2).all().item());
    }

    @Test
    void indexingOpsGiveTheRightValues() {
        Tensor x = Tensor.of(new double[] {10, 11, 12, 13, 20, 21, 22, 23}, 2, 4);
        assertArrayEquals(new double[] {12, 10, 21, 23}, x.gather(1, Tensor.of(new long[] {2, 0, 1, 3}, 2, 2)).toDoubleArray());
        assertArrayEquals(new double[] {13, 10, 23, 20}, x.indexSelect(1, Tensor.of(new long[] {3, 0}, 2)).toDoubleArray());
        Tensor sa = Tensor.zeros(DType.FLOAT64, 2, 3).scatterAdd(1, Tensor.of(new long[] {0, 0, 2, 1}, 2, 2),
                Tensor.of(new double[] {1, 2, 3, 4}, 2, 2));
        assertArrayEquals(new double[] {3, 0, 0, 0, 4, 3}, sa.toDoubleArray());
        Tensor ia = Tensor.zeros(DType.FLOAT64, 3).indexAdd(0, Tensor.of(new long[] {2, 2, 0}, 3), Tensor.of(1.0, 2.0, 3.0));
        assertArrayEquals(new double[] {3, 0, 3}, ia.toDoubleArray());
        assertArrayEquals(new double[] {11, 13, 21}, x.maskedSelect(x.remainder(2).eq(1).logicalAnd(x.lt(23))).toDoubleArray());
        assertArrayEquals(new long[] {1, 0, 0, 0, 1, 0}, Tensor.of(new long[] {0, 1}, 2).oneHot(3).toLongArray());
        assertArrayEquals(new double[] {12, 13, 10, 11}, x.get(0).roll(2, 0).toDoubleArray());
        assertArrayEquals(new double[] {23, 22, 21, 20, 13, 12, 11, 10}, x.flip(0, 1).toDoubleArray());
        ValuesIndices s = Tensor.of(3.0, Double.NaN, 1.0, 2.0).sort(0, false);
        assertArrayEquals(new long[] {2, 3, 0, 1}, s.indices().toLongArray(), "NaN sorts last");
        ValuesIndices t = Tensor.of(5.0, 1.0, 9.0, 7.0).topk(2, 0, true);
        assertArrayEquals(new double[] {9, 7}, t.values().toDoubleArray());
        assertArrayEquals(new long[] {2, 3}, t.indices().toLongArray());
        assertArrayEquals(new long[] {0, 0, 1, 1}, Tensor.of(new double[] {1, 0, 0, 2}, 2, 2).nonzero().toLongArray());
        List<Tensor> parts = Tensor.arange(7).split(3, 0);
        assertEquals(3, parts.size());
        assertArrayEquals(new long[] {6}, parts.get(2).toLongArray());
        assertEquals(4, Tensor.arange(7).chunk(2, 0).get(0).numel());
        assertArrayEquals(new double[] {0, 0, 1, 2, 0}, Tensor.of(1.0, 2.0).pad(new int[] {2, 1}, 0.0).toDoubleArray());
        assertArrayEquals(new double[] {3, 2, 1, 2, 3, 2}, Tensor.of(1.0, 2.0, 3.0).pad(new int[] {2, 1}, "reflect")
                .toDoubleArray());
        assertArrayEquals(new double[] {1, 1, 2, 3, 3}, Tensor.of(1.0, 2.0, 3.0).pad(new int[] {1, 1}, "replicate")
                .toDoubleArray());
        assertArrayEquals(new double[] {3, 1, 2, 3, 1}, Tensor.of(1.0, 2.0, 3.0).pad(new int[] {1, 1}, "circular")
                .toDoubleArray());
    }

    @Test
    void creationHelpers() {
        assertArrayEquals(new long[] {2, 3, 4}, Tensor.arange(2, 5).toLongArray());
        assertArrayEquals(new double[] {0, 0.5, 1}, Tensor.linspace(DType.FLOAT64, 0, 1, 3).toDoubleArray());
        assertArrayEquals(new double[] {1, 0, 0, 1}, Tensor.eye(2).toDoubleArray());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, Tensor.arange(DType.FLOAT64, 0, 1, 0.25).toDoubleArray());
        assertArrayEquals(new double[] {7, 7}, Tensor.full(7, 2).toDoubleArray());
        assertEquals(DType.INT64, Tensor.zerosLike(Tensor.arange(3)).dtype());
        float[] shared = {1, 2};
        Tensor w = Tensor.wrap(shared, 2);
        shared[0] = 5;
        assertEquals(5.0, w.get(0).item());
        Tensor c = Tensor.of(shared, 2);
        shared[0] = 6;
        assertEquals(5.0, c.get(0).item(), "of(...) copies");
    }

    @Test
    void randomCreationIsSeededAndDistributedCorrectly() {
        Tensor a = Tensor.randn(new Generator(5), 10000);
        Tensor b = Tensor.randn(new Generator(5), 10000);
        assertTrue(a.equal(b));
        assertEquals(0.0, a.mean().item(), 0.05);
        assertEquals(1.0, a.std().item(), 0.05);
        Tensor r = Tensor.rand(new Generator(6), 10000);
        assertTrue(r.min().item() >= 0 && r.max().item() < 1);
        assertEquals(0.5, r.mean().item(), 0.02);
        Tensor p = Tensor.randperm(new Generator(7), 50);
        assertArrayEquals(Tensor.arange(50).toLongArray(), p.sort(0, false).values().toLongArray());
        Tensor ri = Tensor.randint(new Generator(8), -3, 4, 5000);
        assertEquals(-3.0, ri.min().item());
        assertEquals(3.0, ri.max().item());
        assertEquals(0.3, Tensor.bernoulli(new Generator(9), 0.3, 20000).mean().item(), 0.02);
    }

    @Test
    void printingLooksLikePyTorch() {
        assertEquals("tensor([1.0000, 2.5000])", Tensor.of(new float[] {1, 2.5f}, 2).toString());
        assertEquals("tensor([[1., 2.],\n        [3., 4.]], dtype=float64)", Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).toString());
        assertEquals("tensor([1, 2, 3])", Tensor.arange(1, 4).toString());
        assertEquals("tensor([ True, False])", Tensor.of(new boolean[] {true, false}, 2).toString());
        assertEquals("tensor(3.5000)", Tensor.scalar(3.5).toString());
        assertEquals("tensor([], size=(0, 3))", Tensor.zeros(0, 3).toString());
        assertEquals("tensor([2.], dtype=float64, requires_grad=True)", Tensor.of(2.0).requiresGrad(true).toString());
        assertEquals("tensor([4.], dtype=float64, grad_fn=<mul>)", Tensor.of(2.0).requiresGrad(true).mul(2).toString());
        String big = Tensor.arange(2000).toString();
        assertTrue(big.contains("..."), big);
        assertTrue(big.length() < 100, big);
        assertEquals("tensor([1.0000e-05, 1.0000e+03])", Tensor.of(new float[] {1e-5f, 1000}, 2).toString());
    }

    @Test
    void inPlaceCopyBroadcastsAndConverts() {
        Tensor x = Tensor.zeros(DType.FLOAT64, 2, 2);
        x.copyFrom(Tensor.of(new float[] {1, 2}, 2));
        assertArrayEquals(new double[] {1, 2, 1, 2}, x.toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> x.copyFrom(Tensor.zeros(3)));
    }

    @Test
    void allCloseAndEqual() {
        assertTrue(Tensor.of(1.0, 2.0).allClose(Tensor.of(1.0, 2.0 + 1e-9), 1e-6, 0));
        assertFalse(Tensor.of(1.0, Double.NaN).allClose(Tensor.of(1.0, Double.NaN), 1e-6, 0));
        assertTrue(Tensor.arange(3).equal(Tensor.of(0.0, 1.0, 2.0)));
    }
}
