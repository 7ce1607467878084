package dev.hadron.golden;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.Conv;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Linalg;
import dev.hadron.tensor.Pool;
import dev.hadron.tensor.Safetensors;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values and gradients equal PyTorch's on fixed inputs. The inputs, outputs, cotangents and gradients
 * were produced by {@code make_torch_golden.py} (next to the safetensors file in test resources).
 */
class TorchParityTest {
    private static final Map<String, Function<Tensor[], Tensor>> OPS = new LinkedHashMap<>();
    private static Map<String, Tensor> golden;

    static {
        Tensor idx = Tensor.of(new long[] {2, 0, 1, 1, 0, 2}, 2, 3);
        Tensor sel = Tensor.of(new long[] {3, 0, 3, 1}, 4);
        OPS.put("add_broadcast", x -> x[0].add(x[1]));
        OPS.put("mul_div", x -> x[0].mul(x[1]).div(x[1].mul(x[1]).add(1)));
        OPS.put("pow", x -> x[0].pow(x[1]));
        OPS.put("exp_log", x -> x[0].exp().add(x[0].mul(x[0])).log());
        OPS.put("sigmoid_tanh", x -> x[0].sigmoid().mul(x[0].tanh()));
        OPS.put("relu_elu_leaky", x -> x[0].relu().add(x[0].elu(1.3)).add(x[0].leakyRelu(0.1)));
        OPS.put("gelu", x -> x[0].gelu());
        OPS.put("gelu_tanh", x -> x[0].gelu("tanh"));
        OPS.put("silu_softplus_logsigmoid", x -> x[0].silu().add(x[0].softplus()).add(x[0].logSigmoid()));
        OPS.put("erf_atan2", x -> x[0].erf().add(x[0].atan2(x[1])));
        OPS.put("softmax", x -> x[0].softmax(1));
        OPS.put("log_softmax", x -> x[0].logSoftmax(-1));
        OPS.put("logsumexp", x -> x[0].logsumexp(1, false));
        OPS.put("var_std", x -> x[0].var(new int[] {1}, 1, false).add(x[0].std(new int[] {0}, 0, false)));
        OPS.put("norm", x -> x[0].norm(2, new int[] {1}, false).add(x[0].norm(3, new int[] {1}, false)));
        OPS.put("cumsum", x -> x[0].cumsum(1));
        OPS.put("matmul_batched", x -> x[0].matmul(x[1]));
        OPS.put("einsum", x -> Tensor.einsum("bij,jk->bik", x[0], x[1]));
        OPS.put("gather", x -> x[0].gather(1, idx));
        OPS.put("scatter_add", x -> x[0].scatterAdd(1, idx, x[1]));
        OPS.put("index_select", x -> x[0].indexSelect(1, sel));
        OPS.put("index_add", x -> x[0].indexAdd(0, sel, x[1]));
        OPS.put("cat_pad", x -> Tensor.cat(2, x[0], x[1]).pad(new int[] {2, 1}, "reflect"));
        OPS.put("cholesky", x -> Linalg.cholesky(x[0].matmul(x[0].mT()).add(Tensor.eye(DType.FLOAT64, 4, 4))));
        OPS.put("solve", x -> Linalg.solve(x[0], x[1]));
        OPS.put("inverse", x -> Linalg.inv(x[0]));
        OPS.put("det", x -> Linalg.det(x[0]));
        OPS.put("slogdet", x -> Linalg.slogdet(x[0]).logabsdet());
        OPS.put("eigh_values", x -> Linalg.eigh(x[0].add(x[0].mT())).eigenvalues());
        OPS.put("conv2d", x -> Conv.conv2d(x[0], x[1], x[2], 2, 1, 1, 2));
        OPS.put("conv1d_dilated", x -> Conv.conv1d(x[0], x[1], null, 1, 2, 2, 1));
        OPS.put("conv_transpose2d", x -> Conv.convTranspose2d(x[0], x[1], x[2], 2, 1, 1, 1, 1));
        OPS.put("max_pool2d", x -> Pool.maxPool2d(x[0], 2));
        OPS.put("avg_pool2d", x -> Pool.avgPool(x[0], 2, 3, 2, 1, false, true));
        OPS.put("adaptive_avg_pool2d", x -> Pool.adaptiveAvgPool2d(x[0], 3, 2));
        OPS.put("unfold", x -> Conv.unfold(x[0], new int[] {2, 3}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 2}));
        OPS.put("cross_entropy", x -> x[0].logSoftmax(1).gather(1, Tensor.of(new long[] {0, 2, 1, 2}, 4, 1)).squeeze(1).neg());
        OPS.put("layer_norm", x -> {
            Tensor mean = x[0].mean(new int[] {-1}, true);
            Tensor var = x[0].var(new int[] {-1}, 0, true);
            return x[0].sub(mean).div(var.add(1e-5).sqrt()).mul(x[1]).add(x[2]);
        });
    }

    @BeforeAll
    static void load() throws URISyntaxException {
        Path p = Path.of(TorchParityTest.class.getResource("torch_golden.safetensors").toURI());
        golden = Safetensors.load(p);
    }

    static Iterable<String> cases() {
        return OPS.keySet();
    }

    @Test
    void everyGoldenCaseIsChecked() {
        long inFile = golden.keySet().stream().filter(k -> k.endsWith(".out")).count();
        assertEquals(inFile, OPS.size(), "the golden file and this test list different cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valuesAndGradientsMatchPyTorch(String name) {
        int n = 0;
        while (golden.containsKey(name + ".in" + n)) {
            n++;
        }
        assertTrue(n > 0, "no inputs for " + name);
        Tensor[] inputs = new Tensor[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = golden.get(name + ".in" + i);
        }
        Function<Tensor[], Tensor> f = OPS.get(name);
        Tensor expected = golden.get(name + ".out");
        Tensor out = f.apply(inputs);
        assertArrayEquals(expected.shape(), out.shape(), name + ": output shape");
        assertClose(expected.toDoubleArray(), out.toDoubleArray(), name + ": output");
        Tensor cot = golden.get(name + ".cot");
        Tensor[] grads = Autodiff.gradAll(xs -> f.apply(xs).mul(cot).sum()).apply(inputs);
        for (int i = 0; i < n; i++) {
            assertClose(golden.get(name + ".grad" + i).toDoubleArray(), grads[i].toDoubleArray(), name + ": gradient " + i);
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-9 + 1e-9 * Math.abs(expected[i]);
            if (Math.abs(expected[i] - actual[i]) > tol) {
                throw new AssertionError(what + " differs at " + i + ": PyTorch " + expected[i] + ", Hadron " + actual[i]);
            }
        }
    }
}
