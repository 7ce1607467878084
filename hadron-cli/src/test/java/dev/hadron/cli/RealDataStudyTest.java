package dev.hadron.cli;

import dev.hadron.io.DataFiles;
import dev.hadron.io.Table;
import dev.hadron.io.npy.Npy;
import dev.hadron.io.root.RootFile;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hadron train} and {@code hadron predict} end to end on the real files of {@code ../shared/data}
 * (each test skips with a message when its file is absent): CSV with weights and −999 markers, ROOT
 * trees for signal and background, a ROOT regression with a selection, Parquet with jagged branches.
 */
class RealDataStudyTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> methods(Path out) {
        return (List<Map<String, Object>>) Cli.results(out).get("methods");
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private Path train(String yaml) {
        Path cfg = Cli.config(dir, "study.yaml", yaml);
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("--quiet", "--threads", "2", "train", cfg.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.toString());
        return out;
    }

    @Test
    void atlasHiggsMlWithWeightsMissingValuesAndAmsThenPredict() throws IOException {
        Path sig = Cli.data("csv/atlas-higgsml/train_sml_sig.csv");
        Path bkg = Cli.data("csv/atlas-higgsml/train_sml_bg.csv");
        Path out = train("""
                title: ATLAS Higgs ML (small)
                task: classification
                data:
                  signal: %s
                  background: %s
                  features: [DER_*, PRI_*]
                  weight: Weight
                  missing: {values: [-999], policy: keep}
                  max_events: 700
                methods:
                  - {name: BDT, type: gbt, params: {trees: 40, max_depth: 4}}
                  - {name: MLP, type: nn, layers: [linear 16, relu], training: {epochs: 4}}
                  - {name: Logistic, type: logistic}
                evaluation: {figure_of_merit: ams, bootstrap: 10}
                """.formatted(Cli.yaml(sig), Cli.yaml(bkg)));
        List<Map<String, Object>> ms = methods(out);
        assertEquals(List.of("BDT", "MLP", "Logistic"), ms.stream().map(m -> m.get("name")).toList());
        for (Map<String, Object> m : ms) {
            assertTrue(num(m, "auc") > 0.75, m.get("name") + " AUC " + m.get("auc"));
            @SuppressWarnings("unchecked")
            Map<String, Object> cut = (Map<String, Object>) m.get("best_cut");
            assertEquals("AMS", cut.get("figure_of_merit"));
            assertTrue(num(cut, "value") > 0 && num(cut, "signal") > 0, "AMS " + cut);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("AMS") && html.contains("train_sml_sig.csv"), "figure of merit and data provenance in the report");
        assertTrue(html.contains("<svg"), "plots in the report");

        // predict: stream the whole signal file (4999 events) through the saved BDT in chunks, as CSV and NPY
        Path csv = dir.resolve("scores.csv");
        Cli.Run p = Cli.run("--quiet", "predict", out.resolve("models/BDT").toString(), sig.toString(), csv.toString(), "--chunk", "1000");
        assertEquals(0, p.code(), p.toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("score_background,score_signal", lines.get(0));
        assertEquals(4999 + 1, lines.size());
        double mean = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double b = Double.parseDouble(f[0]);
            double s = Double.parseDouble(f[1]);
            assertEquals(1.0, b + s, 1e-5, line);
            mean += s / 4999;
        }
        assertTrue(mean > 0.6, "signal events score as signal on average: " + mean);

        Path npy = dir.resolve("scores.npy");
        assertEquals(0, Cli.run("--quiet", "predict", out.resolve("models/BDT").toString(), sig.toString(), npy.toString()).code());
        Tensor t = Npy.read(npy);
        assertArrayEquals(new int[] {4999, 2}, t.shape());
        assertEquals(Double.parseDouble(lines.get(1).split(",")[1]), t.get(0, 1).item(), 1e-6, "one chunk or five: the same scores");

        // Parquet: one float32 column per class, one row group per chunk, read back by hadron-io's reader
        Path pq = dir.resolve("scores.parquet");
        assertEquals(0, Cli.run("--quiet", "predict", out.resolve("models/BDT").toString(), sig.toString(), pq.toString(), "--chunk", "2000")
                .code());
        Table back = DataFiles.read(pq);
        assertEquals(List.of("score_background", "score_signal"), back.columnNames());
        assertEquals(4999, back.numRows());
        try (var pf = dev.hadron.io.parquet.ParquetFile.open(pq)) {
            assertEquals(3, pf.numRowGroups(), "2000 + 2000 + 999 events");
        }
        double[] fromParquet = back.tensor("score_signal").toDoubleArray();
        for (int i = 0; i < 4999; i += 97) {
            assertEquals(Double.parseDouble(lines.get(i + 1).split(",")[1]), fromParquet[i], 1e-6, "event " + i);
        }

        // the MLP imputes missing values with the training mean inside the model bundle: predict works on raw -999 rows
        Path mlp = dir.resolve("mlp.csv");
        assertEquals(0, Cli.run("--quiet", "predict", out.resolve("models/MLP").toString(), bkg.toString(), mlp.toString()).code());
        assertEquals(4999 + 1, Files.readAllLines(mlp).size());
    }

    @Test
    void tmvaRootTreesWithTheClassicMethods() {
        Path f = Cli.data("root/tmva-Higgs_data.root");
        Path out = train("""
                task: classification
                data:
                  signal: {file: %1$s, tree: sig_tree}
                  background: {file: %1$s, tree: bkg_tree}
                  features: ["m_*"]
                  max_events: 600
                methods:
                  - {name: Fisher, type: fisher}
                  - {name: kNN, type: knn, params: {neighbors: 20}}
                  - {name: SVM, type: svm}
                  - {name: Forest, type: random_forest, params: {trees: 30}}
                evaluation: {bootstrap: 0}
                """.formatted(Cli.yaml(f)));
        for (Map<String, Object> m : methods(out)) {
            // the seven high-level masses separate H from ttbar moderately (the BDT of the tutorial reaches ~0.75 on all 28)
            assertTrue(num(m, "auc") > 0.6, m.get("name") + " AUC " + m.get("auc"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> events = (Map<String, Object>) Cli.results(out).get("events");
        assertEquals(1200, ((Number) events.get("train")).intValue() + ((Number) events.get("validation")).intValue()
                + ((Number) events.get("test")).intValue());
    }

    @Test
    void zmumuRegressionWithASelectionThenPredictOnTheRootFile() throws IOException {
        Path z = Cli.data("root/uproot-Zmumu.root");
        Path out = train("""
                task: regression
                data:
                  files: {file: %s, tree: events}
                  target: M
                  features: [E1, px1, py1, pz1, E2, px2, py2, pz2]
                  selection: "M > 60 && M < 120 && abs(eta1) < 2.4"
                methods:
                  - {name: Linear, type: linear}
                  - {name: BDT, type: gbt, params: {trees: 150, max_depth: 4}}
                evaluation: {bootstrap: 0}
                """.formatted(Cli.yaml(z)));
        Map<String, Object> res = Cli.results(out);
        assertEquals("regression", res.get("task"));
        List<Map<String, Object>> ms = methods(out);
        assertTrue(num(ms.get(1), "r2") > 0.5, "the BDT learns the invariant mass: R2 " + ms.get(1).get("r2"));
        @SuppressWarnings("unchecked")
        Map<String, Object> ev = (Map<String, Object>) res.get("events");
        int selected = ((Number) ev.get("train")).intValue() + ((Number) ev.get("validation")).intValue() + ((Number) ev.get("test")).intValue();
        assertTrue(selected > 1000 && selected < 2304, "the selection keeps part of the 2304 events: " + selected);
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"), "parity plot and residuals in the report");

        Path pred = dir.resolve("mass.csv");
        Cli.Run p = Cli.run("--quiet", "predict", out.resolve("models/BDT").toString(), z.toString(), pred.toString(), "--tree", "events");
        assertEquals(0, p.code(), p.toString());
        List<String> lines = Files.readAllLines(pred);
        assertEquals("prediction", lines.get(0));
        assertEquals(2304 + 1, lines.size(), "predict scores every event of the file, not only the selected ones");
        double[] m;
        try (RootFile f = RootFile.open(z)) {
            m = f.tree("events").table(List.of("M"), 0, 2304).tensor("M").toDoubleArray();
        }
        int close = 0;
        int inWindow = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] > 70 && m[i] < 110) {
                inWindow++;
                close += Math.abs(Double.parseDouble(lines.get(i + 1)) - m[i]) < 10 ? 1 : 0;
            }
        }
        assertTrue(close > 0.8 * inWindow, close + " of " + inWindow + " predictions within 10 GeV of M");
    }

    @Test
    void uciHiggsCsvWithoutHeaderAndALabelColumn() {
        Path f = Cli.data("csv/higgs-uci/binary.train");
        Path out = train("""
                task: classification
                data:
                  files: %s
                  label: col0
                  classes: [0, 1]
                  class_names: [background, signal]
                  features: [col*]
                methods: [{name: BDT, type: gbt, params: {trees: 60, max_depth: 4}}]
                evaluation: {bootstrap: 0, figures: false}
                """.formatted(Cli.yaml(f)));
        Map<String, Object> bdt = methods(out).get(0);
        assertTrue(num(bdt, "auc") > 0.7, "HIGGS with 4200 training events: AUC " + bdt.get("auc"));
        assertEquals(List.of("background", "signal"), Cli.results(out).get("classes"));
        assertTrue(Cli.list(out).contains("report.html") && !Cli.list(out).contains("figures"), "figures: false writes no figures folder");

        // a header-less CSV is streamed in chunks without losing its first row
        Path scores = dir.resolve("higgs.csv");
        assertEquals(0, Cli.run("--quiet", "predict", out.resolve("models/BDT").toString(), f.toString(), scores.toString(), "--chunk", "3000")
                .code());
        try {
            assertEquals(7000 + 1, Files.readAllLines(scores).size());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void parquetWithJaggedMuonsForDeepSets() throws IOException {
        Path dy = Cli.data("parquet/nano_dy.parquet");
        Path data = Cli.data("parquet/nano_dimuon.parquet");
        Path out = train("""
                task: classification
                data:
                  signal: %s
                  background: %s
                  class_names: [data, DY]
                  features: [MET_pt, PV_npvs]
                  particles: [Muon_pt, Muon_eta, Muon_phi]
                  split: {train: 0.5, validation: 0, test: 0.5}
                methods:
                  - {name: BDT, type: gbt, params: {trees: 10, min_child_weight: 1}}
                  - name: DeepSets
                    type: nn
                    inputs: particles
                    layers: [linear 8, relu, pool mean, linear 8, relu]
                    training: {epochs: 2, batch_size: 8}
                evaluation: {bootstrap: 0, figures: false}
                """.formatted(Cli.yaml(dy), Cli.yaml(data)));
        assertEquals(List.of("BDT", "DeepSets"), methods(out).stream().map(m -> m.get("name")).toList());

        // the jagged model scores a Parquet file event by event
        Path scores = dir.resolve("dy.csv");
        Cli.Run p = Cli.run("--quiet", "predict", out.resolve("models/DeepSets").toString(), dy.toString(), scores.toString());
        assertEquals(0, p.code(), p.toString());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("score_data,score_DY", lines.get(0));
        Table t = DataFiles.read(dy);
        assertEquals(t.numRows() + 1, lines.size());
    }

    @Test
    void predictRefusesAnInputWithoutTheModelsColumns() {
        Path sig = Cli.data("csv/atlas-higgsml/train_sml_sig.csv");
        Path z = Cli.data("root/uproot-Zmumu.root");
        Path out = train("""
                task: classification
                data: {signal: %s, background: %s, features: [DER_mass_MMC, DER_pt_h], max_events: 200}
                methods: [{name: BDT, type: gbt, params: {trees: 5}}]
                evaluation: {bootstrap: 0, figures: false}
                """.formatted(Cli.yaml(sig), Cli.yaml(Cli.data("csv/atlas-higgsml/train_sml_bg.csv"))));
        Path target = dir.resolve("scores.csv");
        Cli.Run r = Cli.run("predict", out.resolve("models/BDT").toString(), z.toString(), target.toString());
        assertEquals(ExitCode.INPUT.code(), r.code(), r.toString());
        assertTrue(r.errors().get(0).contains("DER_mass_MMC"), r.toString());
        assertTrue(!Files.exists(target) && Cli.list(dir).stream().noneMatch(n -> n.contains("partial")), "no partial output: " + Cli.list(dir));
        Cli.Run bad = Cli.run("predict", dir.resolve("no-model").toString(), sig.toString(), target.toString());
        assertTrue(bad.code() != 0 && bad.errors().size() == 1, bad.toString());
    }
}
