package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleTest {
    /** A custom module mixing own parameters, a buffer and children, to check PyTorch's ordering rules. */
    static final class Block extends Module {
        final Linear inner;
        final Parameter scale;
        final Sequential head;

        Block(Generator gen) {
            inner = registerModule("inner", new Linear(3, 4, gen));
            scale = registerParameter("scale", Tensor.ones(4));
            registerBuffer("counter", Tensor.zeros(DType.INT64));
            head = registerModule("head", new Sequential(new ReLU(), new Linear(4, 2, gen)));
        }

        @Override
        public Tensor forward(Tensor x) {
            return head.forward(inner.forward(x).mul(scale.value()));
        }
    }

    static Sequential jetCnn(Generator gen) {
        return new Sequential(
                new Conv2d(1, 5, 5, gen), new ReLU(), new MaxPool2d(2),
                new Conv2d(5, 10, 5, gen), new ReLU(), new MaxPool2d(2),
                new Flatten(),
                new Linear(40, 30, gen), new ReLU(), new Linear(30, 20, gen), new ReLU(),
                new Linear(20, 10, gen), new ReLU(), new Linear(10, 5, gen));
    }

    @Test
    void namesAndOrderFollowPyTorch() {
        Block b = new Block(new Generator(1));
        // own parameters first, then children in registration order, recursively
        assertEquals(List.of("scale", "inner.weight", "inner.bias", "head.1.weight", "head.1.bias"),
                List.copyOf(b.namedParameters().keySet()));
        assertEquals(List.of("scale", "counter", "inner.weight", "inner.bias", "head.1.weight", "head.1.bias"),
                List.copyOf(b.stateDict().keySet()));
        assertEquals(List.of("", "inner", "head", "head.0", "head.1"), List.copyOf(b.namedModules().keySet()));
        assertEquals(4 + 12 + 4 + 8 + 2, b.parameterCount());
        assertSame(b.inner.weight(), b.parameters().get(1));
    }

    @Test
    void jetCnnHas3505Parameters() {
        Sequential cnn = jetCnn(new Generator(3));
        assertEquals(3505, cnn.parameterCount());
        assertEquals(List.of(5, 5), List.of(cnn.forward(Tensor.zeros(5, 1, 20, 20)).shape()[0],
                cnn.forward(Tensor.zeros(5, 1, 20, 20)).shape()[1]));
        String summary = cnn.summary(1, 1, 20, 20);
        assertTrue(summary.contains("Total params: 3,505"), summary);
        assertTrue(summary.contains("[1, 5, 16, 16]"), summary);
        assertTrue(summary.contains("[1, 40]"), summary);
    }

    @Test
    void trainAndEvalRecurse() {
        Block b = new Block(new Generator(1));
        b.eval();
        for (Module m : b.namedModules().values()) {
            assertFalse(m.isTraining());
        }
        b.train();
        for (Module m : b.namedModules().values()) {
            assertTrue(m.isTraining());
        }
    }

    @Test
    void stateDictRoundTripsAndSharesMemory() {
        Block a = new Block(new Generator(1));
        Block b = new Block(new Generator(2));
        assertFalse(a.inner.weight().equal(b.inner.weight()));
        Tensor before = b.inner.weight();
        b.loadStateDict(a.stateDictCopy());
        assertTrue(a.inner.weight().equal(b.inner.weight()));
        assertSame(before, b.inner.weight(), "loading copies in place; parameter identity is kept");
        Tensor x = Tensor.randn(new Generator(5), 7, 3);
        assertTrue(a.forward(x).equal(b.forward(x)));
    }

    @Test
    void strictLoadListsMissingUnexpectedAndMisShaped() {
        Block a = new Block(new Generator(1));
        Map<String, Tensor> sd = new LinkedHashMap<>(a.stateDict());
        sd.remove("inner.bias");
        sd.put("extra.weight", Tensor.zeros(2));
        sd.put("head.1.weight", Tensor.zeros(3, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.loadStateDict(sd));
        assertTrue(e.getMessage().contains("missing keys: [inner.bias]"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected keys: [extra.weight]"), e.getMessage());
        assertTrue(e.getMessage().contains("size mismatch for head.1.weight: checkpoint has shape [3, 4], the model has"
                + " [2, 4]"), e.getMessage());
        // non-strict tolerates names, never shapes
        sd.put("head.1.weight", Tensor.zeros(2, 4));
        Module.LoadResult r = a.loadStateDict(sd, false);
        assertEquals(List.of("inner.bias"), r.missingKeys());
        assertEquals(List.of("extra.weight"), r.unexpectedKeys());
    }

    @Test
    void toDoubleReplacesParametersAndKeepsIntegerBuffers() {
        Block b = new Block(new Generator(1));
        Tensor old = b.inner.weight();
        b.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, b.inner.weight().dtype());
        assertNotSame(old, b.inner.weight());
        assertTrue(b.inner.weight().requiresGrad());
        assertEquals(DType.INT64, b.stateDict().get("counter").dtype());
        assertEquals(DType.FLOAT64, b.forward(Tensor.zeros(DType.FLOAT64, 2, 3)).dtype());
    }

    @Test
    void registrationErrorsAreClear() {
        Module m = new Module() {
            {
                registerParameter("w", Tensor.zeros(2));
                IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                        () -> registerBuffer("w", Tensor.zeros(2)));
                assertTrue(dup.getMessage().contains("already registered"));
                assertThrows(IllegalArgumentException.class, () -> registerModule("a.b", new ReLU()));
                assertThrows(IllegalArgumentException.class, () -> registerParameter("i", Tensor.zeros(DType.INT64, 2)));
            }
        };
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> m.forward(Tensor.zeros(1)));
        assertTrue(e.getMessage().contains("does not take a single tensor"));
    }

    @Test
    void wrongInputWidthNamesTheLayer() {
        Sequential mlp = new Sequential(new Linear(4, 8, new Generator(1)), new ReLU());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mlp.forward(Tensor.zeros(10, 5)));
        assertTrue(e.getMessage().contains("Linear(in_features=4, out_features=8, bias=true)"), e.getMessage());
        assertTrue(e.getMessage().contains("expected input with 4 features"), e.getMessage());
        assertTrue(e.getMessage().contains("[10, 5]"), e.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> mlp.forward(Tensor.zeros(DType.FLOAT64, 10, 4)));
        assertTrue(d.getMessage().contains("float64"), d.getMessage());
    }

    @Test
    void reprLooksLikePyTorch() {
        Sequential s = new Sequential(new Linear(2, 3, new Generator(1)), new ReLU());
        assertEquals("Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=true)\n  (1): ReLU()\n)",
                s.toString());
    }

    @Test
    void zeroGradAndFreeze() {
        Linear l = new Linear(2, 1, new Generator(1));
        l.forward(Tensor.ones(3, 2)).sum().backward();
        assertTrue(l.weight().grad() != null);
        l.zeroGrad();
        assertEquals(null, l.weight().grad());
        l.requiresGrad(false);
        assertEquals(0, l.trainableParameterCount());
        assertEquals(3, l.parameterCount());
    }
}
