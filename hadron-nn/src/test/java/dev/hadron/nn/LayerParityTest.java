package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outputs and gradients of the layers against PyTorch 1.13 on fixed inputs and weights (moved through
 * safetensors with PyTorch's names): all within 1e-5.
 */
class LayerParityTest {
    private static final double TOL = 1e-5;
    private final Generator gen = new Generator(11);

    /**
     * Loads the golden state into {@code m}, runs {@code forward} on the golden inputs, backpropagates
     * sum(out_i * r_i) and compares outputs, parameter gradients, input gradients and updated buffers.
     */
    static void check(String name, Module m, boolean train, Function<Tensor[], Tensor[]> forward) {
        Map<String, Tensor> g = Golden.load(name);
        m.loadStateDict(Golden.prefixed(g, "state"));
        m.train(train);
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; g.containsKey(i == 0 ? "x" : "x" + i); i++) {
            Tensor x = g.get(i == 0 ? "x" : "x" + i).clone();
            if (x.dtype().isFloatingPoint()) {
                x.requiresGrad(true);
            }
            inputs.add(x);
        }
        Tensor[] outs = forward.apply(inputs.toArray(new Tensor[0]));
        Tensor loss = null;
        for (int i = 0; i < outs.length; i++) {
            String suffix = i == 0 ? "" : Integer.toString(i);
            Golden.assertClose(name + " output " + i, g.get("y" + suffix), outs[i], TOL);
            Tensor term = outs[i].mul(g.get("r" + suffix)).sum();
            loss = loss == null ? term : loss.add(term);
        }
        assertTrue(!g.containsKey("y" + outs.length), name + ": PyTorch returned more outputs");
        loss.backward();
        Map<String, Tensor> grads = Golden.prefixed(g, "grad");
        int checked = 0;
        for (Map.Entry<String, Tensor> e : m.namedParameters().entrySet()) {
            Tensor expected = grads.get(e.getKey());
            if (expected != null) {
                Golden.assertClose(name + " grad " + e.getKey(), expected, e.getValue().grad(), TOL);
                checked++;
            }
        }
        assertEquals(m.namedParameters().size(), checked, name + ": every parameter gradient compared");
        for (int i = 0; i < inputs.size(); i++) {
            Tensor expected = grads.get(i == 0 ? "x" : "x" + i);
            if (expected != null) {
                Golden.assertClose(name + " input grad " + i, expected, inputs.get(i).grad(), TOL);
            }
        }
        Map<String, Tensor> after = Golden.prefixed(g, "state_after");
        Map<String, Tensor> state = m.stateDict();
        for (Map.Entry<String, Tensor> e : after.entrySet()) {
            Golden.assertClose(name + " " + e.getKey() + " after", e.getValue(), state.get(e.getKey()), TOL);
        }
    }

    static Tensor[] one(Tensor t) {
        return new Tensor[] {t};
    }

    @Test
    void linear() {
        Linear l = new Linear(5, 3, gen);
        check("linear", l, true, x -> one(l.forward(x[0])));
    }

    @Test
    void conv2d() {
        Conv2d c = new Conv2d(3, 4, 3, gen);
        check("conv2d", c, true, x -> one(c.forward(x[0])));
        Conv2d s = new Conv2d(2, 4, 3, gen, ConvOptions.defaults().withStride(2).withPadding(1));
        check("conv2d_s2p1", s, true, x -> one(s.forward(x[0])));
    }

    @Test
    void conv1dAndTransposed() {
        Conv1d c = new Conv1d(2, 3, 3, gen, ConvOptions.defaults().withPadding(1));
        check("conv1d", c, true, x -> one(c.forward(x[0])));
        ConvTranspose2d t = new ConvTranspose2d(3, 2, 3, gen,
                ConvOptions.defaults().withStride(2).withPadding(1).withOutputPadding(1));
        check("convtranspose2d", t, true, x -> one(t.forward(x[0])));
    }

    @Test
    void maxPool() {
        MaxPool2d p = new MaxPool2d(2);
        check("maxpool2d", p, true, x -> one(p.forward(x[0])));
    }

    @Test
    void batchNormTrainAndEval() {
        BatchNorm1d b1 = new BatchNorm1d(4);
        check("batchnorm1d_train", b1, true, x -> one(b1.forward(x[0])));
        BatchNorm1d e1 = new BatchNorm1d(4);
        check("batchnorm1d_eval", e1, false, x -> one(e1.forward(x[0])));
        BatchNorm2d b2 = new BatchNorm2d(3);
        check("batchnorm2d_train", b2, true, x -> one(b2.forward(x[0])));
        assertEquals(1L, (long) b2.stateDict().get("num_batches_tracked").item());
        BatchNorm2d e2 = new BatchNorm2d(3);
        check("batchnorm2d_eval", e2, false, x -> one(e2.forward(x[0])));
    }

    @Test
    void layerNorm() {
        LayerNorm ln = new LayerNorm(6);
        check("layernorm", ln, true, x -> one(ln.forward(x[0])));
    }

    @Test
    void embeddingWithPadding() {
        Embedding e = new Embedding(10, 4, 0, gen);
        check("embedding", e, true, x -> one(e.forward(x[0])));
        assertEquals(0.0, e.weight().grad().select(0, 0).abs().sum().item(), "no gradient for the padding row");
    }

    @Test
    void lstm() {
        LSTM l = new LSTM(3, 5, 2, gen);
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1",
                "bias_ih_l1", "bias_hh_l1"), List.copyOf(l.namedParameters().keySet()));
        check("lstm", l, true, x -> {
            RecurrentOutput r = l.forward(x[0], null, null, null);
            return new Tensor[] {r.output(), r.hN(), r.cN()};
        });
    }

    @Test
    void gruAndRnn() {
        GRU g = new GRU(3, 5, 2, gen);
        check("gru", g, true, x -> {
            RecurrentOutput r = g.forward(x[0], null, null, null);
            return new Tensor[] {r.output(), r.hN()};
        });
        RNN rnn = new RNN(3, 4, gen, RecurrentOptions.defaults(), "relu");
        check("rnn_relu", rnn, true, x -> {
            RecurrentOutput r = rnn.forward(x[0], null, null, null);
            return new Tensor[] {r.output(), r.hN()};
        });
    }

    @Test
    void bidirectionalStackedVariableLength() {
        long[] lengths = Golden.load("lstm_bidir_lengths").get("lengths").toLongArray();
        LSTM l = new LSTM(3, 4, gen, RecurrentOptions.defaults().withNumLayers(2).withBidirectional(true));
        assertTrue(l.namedParameters().containsKey("weight_hh_l1_reverse"));
        check("lstm_bidir_lengths", l, true, x -> {
            RecurrentOutput r = l.forward(x[0], lengths);
            return new Tensor[] {r.output(), r.hN(), r.cN()};
        });
        GRU g = new GRU(3, 4, gen, RecurrentOptions.defaults().withBidirectional(true));
        check("gru_bidir_lengths", g, true, x -> {
            RecurrentOutput r = g.forward(x[0], lengths);
            return new Tensor[] {r.output(), r.hN()};
        });
    }

    @Test
    void multiheadAttention() {
        Tensor kpm = Golden.load("mha").get("key_padding_mask");
        MultiheadAttention mha = new MultiheadAttention(8, 2, gen);
        assertEquals(List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"),
                List.copyOf(mha.namedParameters().keySet()));
        check("mha", mha, true, x -> {
            Functional.AttentionResult r = mha.forward(x[0], x[1], x[2], kpm, null, true);
            return new Tensor[] {r.output(), r.weights()};
        });
        Tensor causal = Golden.load("mha_kv_dims").get("attn_mask");
        MultiheadAttention kv = new MultiheadAttention(8, 4, gen, 0, true, 5, 6, true);
        check("mha_kv_dims", kv, true, x -> {
            Functional.AttentionResult r = kv.forward(x[0], x[1], x[2], null, causal, false);
            return new Tensor[] {r.output(), r.weights()};
        });
    }

    @Test
    void transformerEncoderLayer() {
        Tensor kpm = Golden.load("transformer_encoder_layer").get("src_key_padding_mask");
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, 16, gen);
        check("transformer_encoder_layer", layer, true, x -> one(layer.forward(x[0], null, kpm)));
        TransformerEncoderLayer pre = new TransformerEncoderLayer(8, 2, 16, gen,
                TransformerOptions.defaults().withNormFirst(true).withActivation("gelu"));
        check("transformer_encoder_layer_prenorm", pre, true, x -> one(pre.forward(x[0])));
    }

    @Test
    void transformerDecoderLayer() {
        Tensor mask = Golden.load("transformer_decoder_layer").get("tgt_mask");
        assertTrue(mask.equal(TransformerDecoder.causalMask(4)));
        TransformerDecoderLayer layer = new TransformerDecoderLayer(8, 2, 16, gen);
        check("transformer_decoder_layer", layer, true, x -> one(layer.forward(x[0], x[1], mask, null, null, null)));
    }

    @Test
    void float64ModelsWork() {
        Linear l = new Linear(5, 3, gen);
        l.to(DType.FLOAT64);
        Tensor y = l.forward(Tensor.ones(DType.FLOAT64, 2, 5));
        assertEquals(DType.FLOAT64, y.dtype());
    }
}
