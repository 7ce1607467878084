package dev.hadron.tensor;

import dev.hadron.autodiff.Autodiff;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jagged segment reductions and their gradients equal the padded-and-masked dense computation. */
class JaggedTest {
    private static final long[] COUNTS = {3, 0, 1, 4, 2};

    private static Tensor values() {
        return Tensor.normal(new Generator(3), DType.FLOAT64, 0, 1, 10, 2);
    }

    /** Padded (events, maxLen, f) and float mask (events, maxLen, 1) built by hand, independently of Jagged. */
    private static Tensor[] denseByHand(Tensor v) {
        int max = 4;
        double[] d = new double[COUNTS.length * max * 2];
        double[] m = new double[COUNTS.length * max];
        double[] vv = v.toDoubleArray();
        int row = 0;
        for (int e = 0; e < COUNTS.length; e++) {
            for (int j = 0; j < COUNTS[e]; j++) {
                d[(e * max + j) * 2] = vv[row * 2];
                d[(e * max + j) * 2 + 1] = vv[row * 2 + 1];
                m[e * max + j] = 1;
                row++;
            }
        }
        return new Tensor[] {Tensor.of(d, COUNTS.length, max, 2), Tensor.of(m, COUNTS.length, max, 1)};
    }

    private static void sameValueAndGradient(Function<Tensor, Tensor> jagged, Function<Tensor, Tensor> dense) {
        Tensor v = values();
        Tensor weights = Tensor.normal(new Generator(4), DType.FLOAT64, 0, 1, COUNTS.length, 2);
        Function<Tensor, Tensor> lj = x -> jagged.apply(x).mul(weights).sum();
        Function<Tensor, Tensor> ld = x -> dense.apply(x).mul(weights).sum();
        Autodiff.ValueAndGrad a = Autodiff.valueAndGrad(lj).apply(v);
        Autodiff.ValueAndGrad b = Autodiff.valueAndGrad(ld).apply(v);
        assertArrayEquals(dense.apply(v).toDoubleArray(), jagged.apply(v).toDoubleArray(), 1e-12);
        assertEquals(b.value().item(), a.value().item(), 1e-12);
        assertArrayEquals(b.grad().toDoubleArray(), a.grad().toDoubleArray(), 1e-12);
    }

    /** Dense path: pads via the hand-built layout, differentiably (an index map from values to dense cells). */
    private static Tensor padded(Tensor v) {
        long[] pos = new long[10];
        int row = 0;
        for (int e = 0; e < COUNTS.length; e++) {
            for (int j = 0; j < COUNTS[e]; j++) {
                pos[row++] = e * 4L + j;
            }
        }
        return Tensor.zeros(DType.FLOAT64, COUNTS.length * 4, 2).indexAdd(0, Tensor.of(pos, 10), v).reshape(COUNTS.length, 4, 2);
    }

    private static Tensor mask() {
        return denseByHand(values())[1];
    }

    @Test
    void sumMatchesMaskedDenseSum() {
        sameValueAndGradient(v -> Jagged.fromCounts(v, COUNTS).sum(), v -> padded(v).mul(mask()).sum(1));
    }

    @Test
    void meanMatchesMaskedDenseMean() {
        Tensor counts = mask().sum(1).clampMin(1);
        sameValueAndGradient(v -> Jagged.fromCounts(v, COUNTS).mean(), v -> padded(v).mul(mask()).sum(1).div(counts));
    }

    @Test
    void maxMatchesMaskedDenseMax() {
        Tensor m = mask();
        Tensor nonEmpty = m.sum(1).gt(0);
        sameValueAndGradient(v -> Jagged.fromCounts(v, COUNTS).max(),
                v -> Tensor.where(nonEmpty, Tensor.where(m.gt(0), padded(v), Double.NEGATIVE_INFINITY).amax(1), 0));
    }

    @Test
    void minMatchesMaskedDenseMin() {
        Tensor m = mask();
        Tensor nonEmpty = m.sum(1).gt(0);
        sameValueAndGradient(v -> Jagged.fromCounts(v, COUNTS).min(),
                v -> Tensor.where(nonEmpty, Tensor.where(m.gt(0), padded(v), Double.POSITIVE_INFINITY).amin(1), 0));
    }

    @Test
    void softmaxMatchesMaskedDenseSoftmax() {
        Tensor m = mask();
        // weight per particle, then pooled per event so both sides end in (events, 2)
        sameValueAndGradient(v -> {
            Jagged j = Jagged.fromCounts(v, COUNTS);
            return j.withValues(j.softmax().values().mul(v)).sum();
        }, v -> {
            Tensor p = padded(v);
            Tensor logits = Tensor.where(m.gt(0), p, Double.NEGATIVE_INFINITY);
            Tensor sm = Tensor.where(m.gt(0), logits.softmax(1), 0);
            Tensor safe = Tensor.where(sm.isNan(), Tensor.zerosLike(sm), sm);
            return safe.mul(p).sum(1);
        });
    }

    @Test
    void broadcastAndDenseRoundTrip() {
        Tensor v = values();
        Jagged j = Jagged.fromCounts(v, COUNTS);
        Jagged.Padded p = j.toDense(0.0);
        Tensor[] hand = denseByHand(v);
        assertArrayEquals(hand[0].toDoubleArray(), p.values().toDoubleArray(), 0);
        assertArrayEquals(hand[1].squeeze(2).gt(0).toBooleanArray(), p.mask().toBooleanArray());
        Jagged back = Jagged.fromDense(p.values(), p.mask());
        assertArrayEquals(v.toDoubleArray(), back.values().toDoubleArray(), 0);
        assertArrayEquals(j.offsetsArray(), back.offsetsArray());
        Jagged b = j.broadcast(Tensor.arange(DType.FLOAT64, 0, 5, 1));
        assertArrayEquals(new double[] {0, 0, 0, 2, 3, 3, 3, 3, 4, 4}, b.values().toDoubleArray());
        Jagged.Padded cut = j.toDense(2, -9.0);
        assertEquals(-9.0, cut.values().get(1, 0, 0).item());
        assertEquals(2, cut.values().size(1));
    }

    @Test
    void structureAccessors() {
        Jagged j = Jagged.fromList(List.of(Tensor.ones(2, 3), Tensor.zeros(0, 3), Tensor.ones(1, 3)));
        assertEquals(3, j.numEvents());
        assertEquals(3, j.numValues());
        assertArrayEquals(new long[] {0, 2, 2, 3}, j.offsets().toLongArray());
        assertEquals(DType.INT64, j.offsets().dtype());
        assertArrayEquals(new long[] {2, 0, 1}, j.counts().toLongArray());
        assertArrayEquals(new long[] {0, 0, 2}, j.segmentIds().toLongArray());
        assertEquals(2, j.maxCount());
        assertArrayEquals(new int[] {0, 3}, j.event(1).shape());
        assertTrue(j.toString().contains("events=3"));
    }

    @Test
    void malformedOffsetsAreRefused() {
        Tensor v = Tensor.zeros(4, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Jagged.of(v, new long[] {1, 4})).getMessage()
                .contains("start with 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Jagged.of(v, new long[] {0, 3, 2, 4})).getMessage()
                .contains("must not decrease"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Jagged.of(v, new long[] {0, 3})).getMessage()
                .contains("last offset (3)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Jagged.fromCounts(v, 5, -1)).getMessage()
                .contains("negative"));
    }
}
