package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hadron.nn.LayerParityTest.check;
import static dev.hadron.nn.LayerParityTest.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers that {@link LayerParityTest} leaves out, against PyTorch 1.13 within 1e-5 (outputs, parameter and
 * input gradients; golden files from {@code make_golden.py layers_extra}).
 */
class MoreLayerParityTest {
    private final Generator gen = new Generator(5);

    @Test
    void conv3dAndTransposed1d() {
        Conv3d c = new Conv3d(2, 3, 2, gen, ConvOptions.defaults().withStride(2).withPadding(1));
        check("conv3d", c, true, x -> one(c.forward(x[0])));
        ConvTranspose1d t = new ConvTranspose1d(3, 2, 4, gen,
                ConvOptions.defaults().withStride(3).withPadding(1).withOutputPadding(2));
        check("convtranspose1d", t, true, x -> one(t.forward(x[0])));
    }

    @Test
    void pooling() {
        MaxPool1d m1 = new MaxPool1d(3, 2, 1, 1, false);
        check("maxpool1d", m1, true, x -> one(m1.forward(x[0])));
        AvgPool1d a1 = new AvgPool1d(3, 2, 1, false, false);
        check("avgpool1d", a1, true, x -> one(a1.forward(x[0])));
        AvgPool2d a2 = new AvgPool2d(2, 2, 1, true, true);
        check("avgpool2d", a2, true, x -> one(a2.forward(x[0])));
        AdaptiveAvgPool1d p1 = new AdaptiveAvgPool1d(4);
        check("adaptive_avgpool1d", p1, true, x -> one(p1.forward(x[0])));
        AdaptiveAvgPool2d p2 = new AdaptiveAvgPool2d(3, 2);
        check("adaptive_avgpool2d", p2, true, x -> one(p2.forward(x[0])));
    }

    @Test
    void activations() {
        for (Object[] c : new Object[][] {{"gelu", new GELU()}, {"gelu_tanh", new GELU("tanh")}, {"elu", new ELU(0.7)},
                {"leaky_relu", new LeakyReLU(0.05)}, {"silu", new SiLU()}, {"softplus", new Softplus(2.0, 3.0)},
                {"softmax", new Softmax(1)}, {"log_softmax", new LogSoftmax(-1)}}) {
            Module act = (Module) c[1];
            check("act_" + c[0], act, true, x -> one(act.forward(x[0])));
        }
    }

    @Test
    void residualBlockTrainingMode() {
        Residual block = Residual.basicBlock2d(2, 4, 2, gen);
        assertTrue(block.namedParameters().containsKey("shortcut.0.weight"));
        check("residual_block", block, true, x -> one(block.forward(x[0])));
        Residual plain = new Residual(new Linear(3, 4, gen));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.forward(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("give a shortcut projection"), e.getMessage());
        assertEquals(2, new Residual(new Identity()).forward(Tensor.ones(2)).sum().item() / 2, 1e-12);
    }

    @Test
    void stackedPreNormEncoderWithFinalNormAndPadding() {
        Tensor kpm = Golden.load("transformer_encoder").get("src_key_padding_mask");
        TransformerEncoder enc = new TransformerEncoder(8, 2, 16, 2, gen,
                TransformerOptions.defaults().withNormFirst(true), true);
        assertTrue(enc.namedParameters().containsKey("layers.1.self_attn.in_proj_weight"));
        // compared in float64: through two layers PyTorch's own float32 gradients stray 1.2e-5 from its float64 ones
        enc.to(DType.FLOAT64);
        check("transformer_encoder", enc, true, x -> one(enc.forward(x[0], null, kpm)));
    }

    @Test
    void additiveAttention() {
        Tensor kpm = Golden.load("additive_attention").get("key_padding_mask");
        AdditiveAttention att = new AdditiveAttention(5, 6, 7, gen);
        assertEquals(List.of("query_proj.weight", "key_proj.weight", "key_proj.bias", "v.weight"),
                List.copyOf(att.namedParameters().keySet()));
        check("additive_attention", att, true, x -> {
            Functional.AttentionResult r = att.forward(x[0], x[1], x[2], kpm);
            return new Tensor[] {r.output(), r.weights()};
        });
    }

    @Test
    void scaledDotProductAttention() {
        Tensor allowed = Golden.load("sdpa").get("allowed");
        Identity none = new Identity();
        check("sdpa", none, true, x -> one(Functional.scaledDotProductAttention(x[0], x[1], x[2], allowed, false)));
        // the causal flag is the lower-triangular mask
        Tensor q = Tensor.randn(gen, 1, 4, 3);
        Tensor causal = Functional.scaledDotProductAttention(q, q, q, null, true);
        Tensor masked = Functional.scaledDotProductAttention(q, q, q, Tensor.ones(4, 4).tril(0).gt(0.5), false);
        assertTrue(causal.sub(masked).abs().max().item() < 1e-7);
    }
}
