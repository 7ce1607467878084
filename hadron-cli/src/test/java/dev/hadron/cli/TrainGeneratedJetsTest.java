package dev.hadron.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hadron train} on the built-in jet generator (needs no data folder): the README's main job in
 * miniature — every input set (features, images, constituents), trees, classic methods and networks —
 * checked through the files it writes.
 */
class TrainGeneratedJetsTest {
    private static final String STUDY = """
            title: small jets
            task: classification
            seed: 3
            data:
              generator: {kind: jets, signal: W, events: 200}
              split: {train: 0.6, validation: 0.1, test: 0.3}
            methods:
              - {name: BDT, type: gbt, params: {trees: 30, max_depth: 3}}
              - {name: Fisher, type: fisher}
              - {name: kNN, type: knn, params: {neighbors: 15}}
              - {name: SVM, type: svm}
              - name: MLP
                type: nn
                layers: [linear 16, relu]
                training: {epochs: 6, batch_size: 32, learning_rate: 1e-2}
              - name: DeepSets
                type: nn
                inputs: constituents
                layers: [linear 16, relu, pool sum, linear 16, relu]
                training: {epochs: 6, batch_size: 32, learning_rate: 1e-2}
              - name: CNN
                type: nn
                inputs: images
                layers: [conv2d 4 3 padding=1, relu, maxpool2d 4, flatten, linear 16, relu]
                training: {epochs: 1, batch_size: 64}
            evaluation: {bootstrap: 10}
            """;

    @Test
    void studyWritesResultsReportFiguresAndModels(@TempDir Path dir) throws IOException {
        Path cfg = Cli.config(dir, "jets.yaml", STUDY);
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("--threads", "2", "--quiet", "train", cfg.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err().lines().filter(l -> !l.startsWith("WARNING")).reduce("", String::concat), "--quiet prints no progress");

        Map<String, Object> res = Cli.results(out);
        assertEquals("jets", res.get("study"));
        assertEquals(List.of("QCD", "W"), res.get("classes"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> methods = (List<Map<String, Object>>) res.get("methods");
        assertEquals(List.of("BDT", "Fisher", "kNN", "SVM", "MLP", "DeepSets", "CNN"), methods.stream().map(m -> m.get("name")).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> events = (Map<String, Object>) res.get("events");
        assertEquals(400L, ((Number) events.get("train")).longValue() + ((Number) events.get("validation")).longValue()
                + ((Number) events.get("test")).longValue());
        for (Map<String, Object> m : methods) {
            double auc = ((Number) m.get("auc")).doubleValue();
            double acc = ((Number) m.get("accuracy")).doubleValue();
            assertTrue(auc > 0.5 && auc <= 1, m.get("name") + " AUC " + auc);
            assertTrue(acc > 0 && acc <= 1, m.get("name") + " accuracy " + acc);
            assertTrue(((Number) m.get("train_seconds")).doubleValue() >= 0);
            @SuppressWarnings("unchecked")
            Map<String, Object> rej = (Map<String, Object>) m.get("rejection");
            assertEquals(List.of("0.3", "0.5", "0.7"), List.copyOf(rej.keySet()));
            for (Object v : rej.values()) {   // null: no background event passes (infinite rejection)
                assertTrue(v == null || ((Number) v).doubleValue() >= 1, m.get("name") + " rejection " + rej);
            }
            Path model = out.resolve(String.valueOf(m.get("model")));
            assertTrue(Files.isRegularFile(model.resolve("hadron-model.json")), "saved model " + model);
        }
        // W and QCD jets separate well even with 240 training jets: on the tagging features, and for Deep Sets on the
        // constituents relative to the jet axis (absolute eta/phi gave Deep Sets ~0.6 here)
        for (int i : new int[] {0, 1, 4, 5}) {
            assertTrue(((Number) methods.get(i).get("auc")).doubleValue() > 0.85, methods.get(i).get("name") + " AUC " + methods.get(i).get("auc"));
        }

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.substring(0, 40));
        assertTrue(html.contains("<svg"), "plots are inlined as SVG");
        assertTrue(html.contains("ROC"), "the ROC plot is in the report");
        for (String name : List.of("BDT", "DeepSets", "CNN")) {
            assertTrue(html.contains(name), name + " is in the report");
        }
        assertFalse(html.contains("src=\"http"), "the report is self-contained");
        for (String f : List.of("roc.svg", "roc.png", "output-bdt.svg", "history-mlp-loss.svg", "confusion-cnn.png")) {
            assertTrue(Files.size(out.resolve("figures").resolve(f)) > 200, "figure " + f);
        }
        assertEquals(List.of("jets.yaml", "out"), Cli.list(dir), "nothing but the results folder is left next to it");
    }

    @Test
    void sameSeedSameResultsOtherSeedOtherData(@TempDir Path dir) {
        String one = """
                task: classification
                data: {generator: {kind: jets, signal: top, events: 120}}
                methods: [{name: BDT, type: gbt, params: {trees: 10}}]
                evaluation: {bootstrap: 0, figures: false}
                """;
        Path cfg = Cli.config(dir, "seeded.yaml", one);
        double a = auc(Cli.run("--quiet", "--seed", "11", "train", cfg.toString(), "--output", dir.resolve("a").toString()), dir.resolve("a"));
        double b = auc(Cli.run("--quiet", "--seed", "11", "train", cfg.toString(), "--output", dir.resolve("b").toString()), dir.resolve("b"));
        double c = auc(Cli.run("--quiet", "--seed", "12", "train", cfg.toString(), "--output", dir.resolve("c").toString()), dir.resolve("c"));
        assertEquals(a, b, 0.0, "same seed, same AUC to the bit");
        assertNotEquals(a, c, "another seed generates other jets");
        assertEquals(11L, ((Number) Cli.results(dir.resolve("a")).get("seed")).longValue());
    }

    @Test
    void rerunReplacesTheFolderAndDefaultOutputIsRunsSlashName(@TempDir Path dir) throws IOException {
        String name = "cli-test-default-output-" + ProcessHandle.current().pid();
        Path cfg = Cli.config(dir, name + ".yaml", """
                task: classification
                data: {generator: {kind: jets, events: 60}}
                methods: [{type: fisher}]
                evaluation: {bootstrap: 0, figures: false}
                """);
        Path runs = Path.of("runs").toAbsolutePath();
        Path out = runs.resolve(name);
        try {
            assertEquals(0, Cli.run("--quiet", "train", cfg.toString()).code());
            assertTrue(Files.isRegularFile(out.resolve("results.json")), "default output runs/<config name>");
            Files.writeString(out.resolve("stale.txt"), "from an earlier run");
            assertEquals(0, Cli.run("--quiet", "train", cfg.toString()).code());
            assertFalse(Files.exists(out.resolve("stale.txt")), "a rerun replaces the whole folder");
            assertTrue(Cli.list(runs).stream().noneMatch(f -> f.startsWith("." + name)), "no temporary folders left: " + Cli.list(runs));
        } finally {
            OutputFolder.deleteTree(out);
            try (var s = Files.list(runs)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(runs);
                }
            }
        }
    }

    private static double auc(Cli.Run r, Path out) {
        assertEquals(0, r.code(), r.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> m = (List<Map<String, Object>>) Cli.results(out).get("methods");
        return ((Number) m.get(0).get("auc")).doubleValue();
    }
}
