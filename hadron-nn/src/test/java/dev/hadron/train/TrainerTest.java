package dev.hadron.train;

import dev.hadron.data.Dataset;
import dev.hadron.nn.BatchNorm1d;
import dev.hadron.nn.CrossEntropyLoss;
import dev.hadron.nn.Dropout;
import dev.hadron.nn.Linear;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Sequential;
import dev.hadron.optim.Adam;
import dev.hadron.optim.SGD;
import dev.hadron.optim.StepLR;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    /** Two interleaved half-moons-like classes in 2-D: class = sign of x0 * x1 (an XOR pattern). */
    static Dataset xor(int n, long seed) {
        Generator g = new Generator(seed);
        float[] x = new float[n * 2];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            float a = (float) (g.nextDouble() * 4 - 2);
            float b = (float) (g.nextDouble() * 4 - 2);
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[i] = a * b > 0 ? 1 : 0;
        }
        return Dataset.of(Tensor.of(x, n, 2), Tensor.of(y, n));
    }

    static Sequential mlp(long seed, boolean dropoutAndNorm) {
        Generator gen = new Generator(seed);
        return dropoutAndNorm
                ? new Sequential(new Linear(2, 32, gen), new BatchNorm1d(32), new ReLU(), new Dropout(0.2, gen),
                new Linear(32, 2, gen))
                : new Sequential(new Linear(2, 32, gen), new ReLU(), new Linear(32, 32, gen), new ReLU(),
                new Linear(32, 2, gen));
    }

    private static ProgressBar quiet() {
        return new ProgressBar(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    }

    @Test
    void learnsXor() {
        Sequential model = mlp(1, false);
        Trainer t = new Trainer(model, new Adam(model.parameters(), 0.01), new CrossEntropyLoss())
                .withMetric("val_accuracy", Metrics.accuracy()).withProgressBar(quiet());
        History h = t.fit(new DataLoader(xor(2000, 1), 64, new Generator(2)), new DataLoader(xor(500, 2), 256), 15);
        assertEquals(15, h.size());
        assertTrue(h.last().get("val_accuracy") > 0.93, "accuracy " + h.last().get("val_accuracy"));
        assertTrue(h.last().trainLoss() < h.epochs().get(0).trainLoss());
        assertEquals(500, t.predict(new DataLoader(xor(500, 2), 100)).size(0));
    }

    @Test
    void eventWeightsReachTheLoss() {
        // every event twice: once with its true label and weight 1, once with the flipped label and weight 0
        Dataset d = xor(1000, 11);
        Tensor flipped = d.labels().neg().add(1);
        Dataset both = Dataset.of(Tensor.cat(0, d.features(), d.features()), Tensor.cat(0, d.labels(), flipped),
                Tensor.cat(0, Tensor.ones(1000), Tensor.zeros(1000)));
        Sequential model = mlp(1, false);
        Trainer t = new Trainer(model, new Adam(model.parameters(), 0.01), new CrossEntropyLoss())
                .withMetric("val_accuracy", Metrics.accuracy()).withProgressBar(quiet());
        History h = t.fit(new DataLoader(both, 64, new Generator(2)), new DataLoader(xor(500, 2), 250), 10);
        assertTrue(h.last().get("val_accuracy") > 0.9, "zero-weight events ignored: " + h.last().get("val_accuracy"));
    }

    /** The run of resumeIsBitIdentical: dropout, batch norm, Adam, a schedule, early stopping and checkpoints. */
    private static Trainer run(Sequential model, Path dir) {
        Adam opt = new Adam(model.parameters(), 0.01);
        return new Trainer(model, opt, new CrossEntropyLoss())
                .withScheduler(new StepLR(opt, 2, 0.5))
                .withMetric("val_accuracy", Metrics.accuracy())
                .withCallbacks(new EarlyStopping("val_loss", 10, true), new ModelCheckpoint(dir),
                        new MetricsLogger(dir.resolve("history.csv")))
                .withProgressBar(quiet());
    }

    @Test
    void resumeIsBitIdentical(@TempDir Path tmp) throws Exception {
        Dataset train = xor(600, 5);
        Dataset valid = xor(200, 6);
        Sequential full = mlp(7, true);
        History hFull = run(full, tmp.resolve("full")).fit(new DataLoader(train, 50, new Generator(9)),
                new DataLoader(valid, 100), 6);

        Sequential first = mlp(7, true);
        run(first, tmp.resolve("split")).fit(new DataLoader(train, 50, new Generator(9)), new DataLoader(valid, 100), 3);
        // a new process: fresh objects built the same way, then resume from the last checkpoint
        Sequential second = mlp(7, true);
        Trainer resumed = run(second, tmp.resolve("split")).resume(tmp.resolve("split").resolve("last"));
        History hResumed = resumed.fit(new DataLoader(train, 50, new Generator(9)), new DataLoader(valid, 100), 6);

        assertEquals(6, hResumed.size());
        assertArrayEquals(hFull.values("loss"), hResumed.values("loss"));
        assertArrayEquals(hFull.values("val_loss"), hResumed.values("val_loss"));
        Map<String, Tensor> a = full.stateDict();
        Map<String, Tensor> b = second.stateDict();
        for (String k : a.keySet()) {
            assertTrue(a.get(k).equal(b.get(k)), k + " differs after resume");
        }
        assertEquals(full.randomState().get("3.random")[1], second.randomState().get("3.random")[1]);
        String csv = Files.readString(tmp.resolve("split").resolve("history.csv"));
        assertEquals(7, csv.lines().count(), csv);
        assertTrue(csv.startsWith("epoch,loss,val_loss,val_accuracy,lr,events,seconds"), csv);
    }

    @Test
    void resumingWithADifferentModelFails(@TempDir Path tmp) {
        Sequential m = mlp(1, false);
        run(m, tmp).fit(new DataLoader(xor(100, 1), 50, new Generator(1)), new DataLoader(xor(50, 2), 50), 1);
        Sequential other = new Sequential(new Linear(2, 16, new Generator(1)), new ReLU(),
                new Linear(16, 2, new Generator(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(other, tmp).resume(tmp.resolve("last")));
        assertTrue(e.getMessage().contains("cannot resume: it was written for a different model"), e.getMessage());
        assertTrue(e.getMessage().contains("4.weight"), e.getMessage());
        assertTrue(e.getMessage().contains("0.weight (checkpoint [32, 2] float32, model [16, 2] float32)"),
                e.getMessage());
        // other optimizer
        Sequential same = mlp(1, false);
        Trainer sgd = new Trainer(same, new SGD(same.parameters(), 0.1), new CrossEntropyLoss());
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class, () -> sgd.resume(tmp.resolve("last")));
        assertTrue(o.getMessage().contains("optimizer dev.hadron.optim.Adam"), o.getMessage());
        // a model-only checkpoint cannot be resumed
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> run(mlp(1, false), tmp).resume(tmp.resolve("best")));
        assertTrue(b.getMessage().contains("without training state"), b.getMessage());
    }

    @Test
    void nanInABatchNamesTheBatchAndEvent() {
        Dataset d = xor(100, 3);
        float[] x = d.features().toFloatArray();
        x[2 * 37 + 1] = Float.NaN;   // event 37, feature 1
        Dataset bad = d.withFeatures(Tensor.of(x, 100, 2));
        Sequential model = mlp(1, false);
        Trainer t = new Trainer(model, new SGD(model.parameters(), 0.1), new CrossEntropyLoss()).withProgressBar(quiet());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> t.fit(new DataLoader(bad, 10), null, 2));
        assertTrue(e.getMessage().contains("the training loss is NaN at epoch 0, batch 3"), e.getMessage());
        assertTrue(e.getMessage().contains("dataset event 37, feature 1"), e.getMessage());
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBest(@TempDir Path tmp) {
        Sequential model = mlp(1, false);
        // a learning rate so large that validation stops improving quickly
        EarlyStopping es = new EarlyStopping("val_loss", 1, true);
        Trainer t = new Trainer(model, new SGD(model.parameters(), 3.0), new CrossEntropyLoss())
                .withCallbacks(es, new ModelCheckpoint(tmp)).withProgressBar(quiet());
        History h = t.fit(new DataLoader(xor(300, 1), 30, new Generator(4)), new DataLoader(xor(100, 2), 100), 40);
        assertTrue(h.size() < 40, "stopped early after " + h.size() + " epochs");
        assertEquals(es.stoppedEpoch(), h.last().epoch());
        // the restored weights are the best epoch's, which is also what best.safetensors holds
        Sequential fromBest = mlp(99, false);
        Map<String, Object> cfg = Checkpoint.load(tmp.resolve("best"), fromBest);
        assertEquals((long) es.bestEpoch(), cfg.get("epoch"));
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
            assertTrue(e.getValue().equal(fromBest.stateDict().get(e.getKey())), e.getKey());
        }
    }

    @Test
    void checkpointsAreValidatedOnLoad(@TempDir Path tmp) throws Exception {
        Sequential model = mlp(1, false);
        Path base = tmp.resolve("model");
        Checkpoint.save(base, model, Map.of("note", "test"));
        assertTrue(Files.exists(tmp.resolve("model.safetensors")));
        assertTrue(Files.readString(tmp.resolve("model.json")).contains("\"0.weight\""));
        // into a mismatched model: the error lists the names
        Sequential wrong = new Sequential(new Linear(2, 32, new Generator(1)), new ReLU(), new Linear(32, 3,
                new Generator(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(base, wrong));
        assertTrue(e.getMessage().contains("not in the model: [4.weight, 4.bias]"), e.getMessage());
        assertTrue(e.getMessage().contains("2.weight (checkpoint [32, 32] float32, model [3, 32] float32)"),
                e.getMessage());
        // a damaged weights file
        byte[] bytes = Files.readAllBytes(tmp.resolve("model.safetensors"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(tmp.resolve("model.safetensors"), bytes);
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(base, mlp(2, false)));
        assertTrue(c.getMessage().contains("does not match the SHA-256"), c.getMessage());
        Files.write(tmp.resolve("model.safetensors"), java.util.Arrays.copyOf(bytes, 100));
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(base, mlp(2, false)));
        assertTrue(t.getMessage().contains("incomplete or replaced"), t.getMessage());
        Files.writeString(tmp.resolve("model.json"), "{\"format\": 1");
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(base, mlp(2, false)));
        assertFalse(Files.list(tmp).anyMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary files left");
    }

    @Test
    void metricsLoggedAsJson(@TempDir Path tmp) throws Exception {
        Sequential model = mlp(1, false);
        Path json = tmp.resolve("logs").resolve("history.json");
        new Trainer(model, new Adam(model.parameters(), 0.01), new CrossEntropyLoss())
                .withMetric("val_accuracy", Metrics.accuracy()).withCallbacks(new MetricsLogger(json))
                .withProgressBar(quiet())
                .fit(new DataLoader(xor(200, 1), 50), new DataLoader(xor(50, 1), 50), 3);
        Object parsed = dev.hadron.util.Json.parse(Files.readString(json));
        java.util.List<?> epochs = (java.util.List<?>) parsed;
        assertEquals(3, epochs.size());
        Map<?, ?> last = (Map<?, ?>) epochs.get(2);
        assertEquals(2L, ((Number) last.get("epoch")).longValue(), "epochs count from 0");
        assertTrue(((Number) last.get("val_loss")).doubleValue() > 0, last.toString());
        assertTrue(((Map<?, ?>) last.get("metrics")).containsKey("val_accuracy"), last.toString());
        assertEquals(200L, ((Number) last.get("events")).longValue());
    }

    @Test
    void progressBarPrintsPlainLinesOrRedraws() {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        Sequential model = mlp(1, false);
        new Trainer(model, new Adam(model.parameters(), 0.01), new CrossEntropyLoss())
                .withProgressBar(new ProgressBar(new PrintStream(plain, true, StandardCharsets.UTF_8), false))
                .fit(new DataLoader(xor(200, 1), 50), new DataLoader(xor(50, 1), 50), 2);
        String text = plain.toString(StandardCharsets.UTF_8);
        assertEquals(2, text.lines().count(), text);
        assertTrue(text.contains("epoch 1/2  loss "), text);
        assertTrue(text.contains("val_loss"), text);
        assertFalse(text.contains("\r"));
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        new Trainer(model, new Adam(model.parameters(), 0.01), new CrossEntropyLoss())
                .withProgressBar(new ProgressBar(new PrintStream(tty, true, StandardCharsets.UTF_8), true))
                .fit(new DataLoader(xor(200, 1), 50), null, 1);
        String drawn = tty.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("\repoch 1/1 [####################] 4/4  loss"), drawn);
        assertTrue(drawn.contains("ev/s  ETA"), drawn);
    }

    @Test
    void autoencoderTargetsAndMissingLabels() {
        Dataset unlabelled = Dataset.of(Tensor.randn(new Generator(1), 64, 4));
        Generator gen = new Generator(3);
        Sequential ae = new Sequential(new Linear(4, 2, gen), new ReLU(), new Linear(2, 4, gen));
        Trainer t = new Trainer(ae, new Adam(ae.parameters(), 0.01), new dev.hadron.nn.MSELoss()).withProgressBar(quiet());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.fit(new DataLoader(unlabelled, 16),
                null, 1));
        assertTrue(e.getMessage().contains("withTarget(Batch::features)"), e.getMessage());
        History h = t.withTarget(Batch::features).fit(new DataLoader(unlabelled, 16), new DataLoader(unlabelled, 64), 2);
        assertEquals(2, h.size());
        assertEquals(DType.FLOAT32, ae.dtype());
    }
}
