package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every loss and its gradient against PyTorch 1.13 on the same inputs (golden/losses.safetensors). */
class LossParityTest {
    private static final Map<String, Tensor> G = Golden.load("losses");
    private static final Tensor LABELS = G.get("labels");
    private static final Tensor CW = G.get("class_weights");
    private static final Tensor W = G.get("w");

    private static void check(String name, Function<Tensor, Tensor> loss) {
        Tensor x = G.get(name + ".in0").clone().requiresGrad(true);
        Tensor v = loss.apply(x);
        Golden.assertClose(name + " value", G.get(name + ".value"), v, 1e-5);
        v.backward();
        Golden.assertClose(name + " gradient", G.get(name + ".grad0"), x.grad(), 1e-5);
    }

    @Test
    void crossEntropy() {
        check("ce", x -> Losses.crossEntropy(x, LABELS));
        CrossEntropyLoss full = new CrossEntropyLoss().withClassWeights(CW).withLabelSmoothing(0.1);
        check("ce_full", x -> full.apply(x, LABELS));
        check("ce_sum", x -> new CrossEntropyLoss().withClassWeights(CW).withReduction(Reduction.SUM).apply(x, LABELS));
        check("ce_eventw", x -> full.apply(x, LABELS, W));
        check("ce_soft", x -> new CrossEntropyLoss().withLabelSmoothing(0.05).apply(x, G.get("soft_targets")));
        check("ce_kdim", x -> Losses.crossEntropy(x, G.get("labels3")));
        check("nll", x -> new NLLLoss().withClassWeights(CW).apply(x.logSoftmax(1), LABELS));
    }

    @Test
    void regression() {
        Tensor target = G.get("target");
        check("mse", x -> Losses.mse(x, target));
        check("mse_w", x -> Losses.mse(x, target, W));
        check("l1", x -> Losses.l1(x, target));
        check("huber", x -> Losses.huber(x, G.get("target2"), 0.7));
        check("smoothl1", x -> Losses.smoothL1(x, G.get("target2"), 0.5));
        check("gauss", x -> new GaussianNLLLoss().withFull(true).apply(x, target, G.get("var"), null));
        check("poisson", x -> new PoissonNLLLoss().withFull(true).apply(x, G.get("counts")));
        check("poisson_rate", x -> new PoissonNLLLoss().withLogInput(false).apply(x, G.get("counts")));
    }

    @Test
    void binaryAndDivergence() {
        Tensor y = G.get("y01");
        check("bce_logits", x -> Losses.bceWithLogits(x, y));
        check("bce_logits_pw_w", x -> Losses.bceWithLogits(x, y, W, G.get("pos_weight")));
        check("bce_w", x -> Losses.bce(x, y, W));
        check("kl", x -> Losses.klDiv(x, G.get("soft_targets")));
    }

    @Test
    void labelsOutOfRangeNameTheEvent() {
        Tensor logits = Tensor.zeros(3, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, Tensor.of(new long[] {0, 7, 1}, 3)));
        assertTrue(e.getMessage().contains("label 7 of event 1 is out of range for 5 classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(logits, Tensor.of(new long[] {0, -1, 1}, 3)));
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, Tensor.zeros(3)));
        assertTrue(f.getMessage().contains("int64"), f.getMessage());
    }

    @Test
    void shapeMistakesAreCaught() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(Tensor.zeros(4, 1), Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("squeeze"), e.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(Tensor.zeros(4), Tensor.zeros(4), Tensor.zeros(3)));
        assertTrue(w.getMessage().contains("per-event weights must have shape [4]"), w.getMessage());
        Tensor nanW = Tensor.of(new float[] {1, Float.NaN, 1, 1}, 4);
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(Tensor.zeros(4), Tensor.zeros(4), nanW));
        assertTrue(n.getMessage().contains("weight of event 1 is NaN"), n.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.bce(Tensor.full(1.5, 2), Tensor.zeros(2)));
    }

    @Test
    void negativeWeightsGiveFiniteSignedLoss() {
        Tensor pred = Tensor.of(new float[] {1, 2}, 2);
        Tensor target = Tensor.zeros(2);
        Tensor w = Tensor.of(new float[] {1, -1}, 2);
        // (1 * 1 - 1 * 4) / 2 = -1.5: divided by the number of events, never by the weight sum (which is 0 here)
        assertEquals(-1.5, Losses.mse(pred, target, w).item(), 1e-6);
        assertEquals(DType.FLOAT32, Losses.mse(pred, target, w).dtype());
        assertEquals(2, new MSELoss(Reduction.NONE).apply(pred, target, w).numel());
    }

    @Test
    void ignoredEverythingIsAnError() {
        Tensor labels = Tensor.of(new long[] {-100, -100}, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(Tensor.zeros(2, 3), labels));
        assertTrue(e.getMessage().contains("ignore index"), e.getMessage());
        assertEquals(0.0, new CrossEntropyLoss().withReduction(Reduction.SUM).apply(Tensor.zeros(2, 3), labels).item());
    }
}
