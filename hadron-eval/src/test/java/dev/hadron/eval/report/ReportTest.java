package dev.hadron.eval.report;

import dev.hadron.data.Dataset;
import dev.hadron.eval.metrics.FigureOfMerit;
import dev.hadron.eval.metrics.PermutationImportance;
import dev.hadron.eval.metrics.Roc;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds binary, multi-class and regression reports (copies land in target/report-samples for a look in a browser). */
class ReportTest {
    private static final Path SAMPLES = Path.of("target", "report-samples");

    /** Seeded toy study: two features that separate signal from background, two "methods". */
    private static final class Toy {
        final Tensor x;
        final Tensor y;
        final Tensor w;
        final Tensor bdt;
        final Tensor mlpLogit;

        Toy(long seed, int n) {
            Generator g = new Generator(seed);
            double[] xs = new double[n * 3];
            long[] ys = new long[n];
            double[] ws = new double[n];
            double[] b = new double[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                ys[i] = g.nextDouble() < 0.45 ? 1 : 0;
                ws[i] = ys[i] == 1 ? 0.02 : 0.5 + g.nextDouble();
                xs[i * 3] = 100 + 30 * g.nextGaussian() + 25 * ys[i];
                xs[i * 3 + 1] = g.nextGaussian() + 0.8 * ys[i];
                xs[i * 3 + 2] = 0.5 * xs[i * 3 + 1] + g.nextGaussian();
                double z = (xs[i * 3] - 110) / 30 + xs[i * 3 + 1];
                b[i] = 1 / (1 + Math.exp(-z + 0.3 * g.nextGaussian()));
                m[i] = z + 0.5 * g.nextGaussian();
            }
            x = Tensor.of(xs, n, 3);
            y = Tensor.of(ys, n);
            w = Tensor.of(ws);
            bdt = Tensor.of(b);
            mlpLogit = Tensor.of(m);
        }
    }

    private static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);

    private static void assertSelfContained(String html) {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http://"), "no http:// anywhere (not even the SVG namespace)");
        assertFalse(lower.contains("https://"), "no https://");
        assertFalse(lower.contains("<script"), "no scripts");
        assertFalse(lower.contains("<link"), "no linked style sheets");
        assertFalse(lower.contains("@import"), "no CSS imports");
        assertFalse(lower.contains("<img"), "no images by reference");
        Matcher refs = Pattern.compile("(?:href|src|xlink:href)\\s*=\\s*\"([^\"]*)\"").matcher(lower);
        while (refs.find()) {
            assertTrue(refs.group(1).startsWith("#"), "only in-page references, found " + refs.group(0));
        }
        Matcher urls = Pattern.compile("url\\(([^)]*)\\)").matcher(lower);
        while (urls.find()) {
            assertTrue(urls.group(1).startsWith("#"), "only in-page url(#...) references, found " + urls.group(0));
        }
    }

    /** Every inline SVG parses as XML once its namespace is restored; returns them. */
    private static List<String> inlineSvgs(String html) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            String svg = m.group().replaceFirst("<svg ", "<svg xmlns=\"" + "http" + "://www.w3.org/2000/svg\" ");
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            out.add(svg);
        }
        return out;
    }

    @Test
    void binaryReportHasEveryTableAndPlotAndNoExternalReferences(@TempDir Path tmp) throws Exception {
        Toy train = new Toy(1, 1500);
        Toy test = new Toy(2, 1500);
        Path data = tmp.resolve("events.csv");
        Files.writeString(data, "x,y\n1,2\n");
        TrainingHistory history = TrainingHistory.empty().with("loss", "train", new double[] {0.69, 0.5, 0.45, 0.43})
                .with("loss", "validation", new double[] {0.69, 0.52, 0.48, 0.47});
        MethodResult bdt = new MethodResult("BDT", new Predictions(test.bdt, test.y, test.w), new Predictions(train.bdt, train.y, train.w), history,
                12.5);
        MethodResult mlp = MethodResult.of("MLP", new Predictions(test.mlpLogit, test.y, test.w));
        Dataset ds = Dataset.of(test.x, test.y, test.w).withFeatureNames(List.of("m_{jj} [GeV]", "η", "Δφ"));
        PermutationImportance imp = PermutationImportance.compute(test.x, ds.featureNames(), f -> Roc.auc(test.y, f.select(1, 1).contiguous(), null), 2,
                new Generator(3));
        String config = "study: toy\nmethods: [BDT, MLP]  # <b>not bold</b> & friends\n";
        RenderedReport r = Report.classification("Toy study", List.of("Background", "Signal"))
                .withMethods(List.of(bdt, mlp))
                .withData(ds)
                .withSummary("Source", "events.csv")
                .withConfig(config)
                .withImportance("BDT", imp)
                .withProvenance(Provenance.of(42).withChecksum("events.csv", Provenance.sha256(data)).withCreatedAt("2025-01-01T00:00:00Z"))
                .withOptions(EvaluationOptions.defaults().withBootstrapReplicas(50).withFigureOfMerit(FigureOfMerit.AMS))
                .render();
        String html = r.html();
        assertSelfContained(html);

        Set<String> ids = r.figures().stream().map(ReportFigure::id).collect(Collectors.toSet());
        assertEquals(Set.of("roc", "output-bdt", "output-mlp", "history-bdt-loss", "confusion-bdt", "confusion-mlp", "calibration", "significance",
                "inputs", "correlation-background", "correlation-signal", "importance-bdt"), ids);
        for (ReportFigure f : r.figures()) {
            assertTrue(html.contains("<figure id=\"fig-" + f.id() + "\">"), "figure " + f.id() + " in the page");
            assertTrue(html.contains("<figcaption>" + Html.richText(f.caption()) + "</figcaption>"), "caption of " + f.id());
        }
        List<String> svgs = inlineSvgs(html);
        assertEquals(r.figures().size(), svgs.size(), "one inline SVG per figure");
        Set<String> clipIds = new java.util.HashSet<>();
        Matcher clip = Pattern.compile("<clipPath id=\"([^\"]+)\"").matcher(html);
        while (clip.find()) {
            assertTrue(clipIds.add(clip.group(1)), "clip ids are unique across inline figures: " + clip.group(1));
        }
        // Calibration only for the method whose scores are probabilities.
        String calibration = svgs.get(r.figures().stream().map(ReportFigure::id).toList().indexOf("calibration"));
        assertTrue(calibration.contains("data-label=\"BDT\"") && !calibration.contains("data-label=\"MLP\""));

        // Metrics table and its numbers.
        ClassifierSummary sb = r.classifiers().getFirst();
        assertEquals(Roc.auc(test.y, test.bdt, test.w), sb.auc(), 1e-15);
        assertTrue(html.contains("<td>BDT</td><td class=\"num\">" + String.format(Locale.ROOT, "%.4f", sb.auc()) + " ± "), "BDT row with AUC");
        assertTrue(html.contains("<td>MLP</td>"));
        for (String col : List.of("1/ε<sub>B</sub> at ε<sub>S</sub> = 30 %", "1/ε<sub>B</sub> at ε<sub>S</sub> = 50 %",
                "1/ε<sub>B</sub> at ε<sub>S</sub> = 70 %", "ε<sub>S</sub> at ε<sub>B</sub> = 1 %", "Separation ⟨S²⟩", "KS p (Signal / Background)",
                "Best AMS")) {
            assertTrue(html.contains("<th class=\"num\">" + col + "</th>"), "column " + col);
        }
        assertTrue(html.contains("<td>m<sub>jj</sub> [GeV], η, Δφ</td>"), "feature names with their subscripts");
        // Data summary, configuration (escaped), provenance.
        assertTrue(html.contains("<th>Source</th><td>events.csv</td>"));
        assertTrue(html.contains("&lt;b&gt;not bold&lt;/b&gt; &amp; friends"), "config escaped verbatim");
        assertFalse(html.contains("<b>not bold</b>"));
        assertTrue(html.contains(Provenance.sha256(data)), "data checksum");
        assertTrue(html.contains("<th>Seed</th><td>42</td>"));
        for (String section : List.of("data", "metrics", "roc-curves", "classifier-outputs-and-overtraining", "training-history",
                "confusion-matrices", "calibration", "cut-optimisation", "input-variables", "correlations", "feature-importance", "configuration",
                "provenance")) {
            assertTrue(html.contains("<section id=\"" + section + "\">"), "section " + section);
            assertTrue(html.contains("href=\"#" + section + "\""), "navigation link to " + section);
        }

        // Machine-readable results.
        Map<String, Object> results = r.results();
        String json = Json.writePretty(results);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> methods = (List<Map<String, Object>>) Json.parseObject(json).get("methods");
        assertEquals("BDT", methods.getFirst().get("name"));
        assertEquals(sb.auc(), ((Number) methods.getFirst().get("auc")).doubleValue(), 1e-15);
        @SuppressWarnings("unchecked")
        Map<String, Object> rejection = (Map<String, Object>) methods.getFirst().get("rejection");
        assertEquals(Set.of("0.3", "0.5", "0.7"), rejection.keySet());
        assertEquals(12.5, ((Number) methods.getFirst().get("train_seconds")).doubleValue());
        assertTrue(methods.getFirst().containsKey("ks_pvalues") && !methods.get(1).containsKey("ks_pvalues"));

        // Atomic write: the file appears whole, no temporary file is left.
        Path out = tmp.resolve("run/report.html");
        r.write(out);
        assertEquals(html, Files.readString(out));
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of("report.html"), files.map(p -> p.getFileName().toString()).toList());
        }
        r.saveFigures(tmp.resolve("figures"), true);
        r.write(SAMPLES.resolve("binary.html"));
        assertTrue(Files.size(tmp.resolve("figures/roc.png")) > 1000);
    }

    @Test
    void multiClassReport() throws Exception {
        Generator g = new Generator(5);
        int n = 900;
        long[] y = new long[n];
        double[] p = new double[n * 3];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            double z = 0;
            double[] l = new double[3];
            for (int c = 0; c < 3; c++) {
                l[c] = g.nextGaussian() + (c == y[i] ? 1.3 : 0);
                z += Math.exp(l[c]);
            }
            for (int c = 0; c < 3; c++) {
                p[i * 3 + c] = Math.exp(l[c]) / z;
            }
        }
        Tensor yt = Tensor.of(y, n);
        Tensor pt = Tensor.of(p, n, 3);
        RenderedReport r = Report.classification("Jets", List.of("QCD", "W", "top"))
                .withMethods(List.of(new MethodResult("Deep Sets", new Predictions(pt, yt, null), new Predictions(pt, yt, null), null, 3)))
                .render();
        assertSelfContained(r.html());
        Set<String> ids = r.figures().stream().map(ReportFigure::id).collect(Collectors.toSet());
        assertEquals(Set.of("roc-qcd", "roc-w", "roc-top", "output-deep-sets-qcd", "output-deep-sets-w", "output-deep-sets-top",
                "confusion-deep-sets"), ids);
        assertEquals(7, inlineSvgs(r.html()).size());
        r.write(SAMPLES.resolve("multiclass.html"));
        assertTrue(r.html().contains("<th class=\"num\">AUC (one-vs-rest, macro)</th>"));
        ClassifierSummary s = r.classifiers().getFirst();
        assertEquals(3, s.aucPerClass().size());
        assertEquals(1.0, s.overtraining().getFirst().pValue(), "identical train and test");
    }

    @Test
    void regressionReport() throws Exception {
        Generator g = new Generator(8);
        int n = 600;
        double[] x = new double[n * 2];
        double[] t = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            x[i * 2] = g.nextGaussian();
            x[i * 2 + 1] = g.nextGaussian();
            t[i] = 91 + 2 * x[i * 2] + x[i * 2 + 1];
            p[i] = t[i] + 0.5 * g.nextGaussian();
        }
        Tensor xt = Tensor.of(x, n, 2);
        Tensor tt = Tensor.of(t);
        RenderedReport r = Report.regression("Z mass", "m_{Z} [GeV]")
                .withMethods(List.of(MethodResult.of("GBT", new Predictions(Tensor.of(p), tt, null))))
                .withData(Dataset.of(xt, tt).withFeatureNames(List.of("a", "b")))
                .render();
        assertSelfContained(r.html());
        assertEquals(List.of("parity-gbt", "inputs", "correlation-all"), r.figures().stream().map(ReportFigure::id).toList());
        assertTrue(r.html().contains("<th class=\"num\">R²</th>"));
        r.write(SAMPLES.resolve("regression.html"));
        Map<String, Object> m = r.regressors().getFirst().toMap();
        assertEquals(dev.hadron.eval.metrics.RegressionMetrics.of(tt, Tensor.of(p), null).r2(), (double) m.get("r2"), 1e-15);
    }

    @Test
    void badReportsFailClearly() {
        Tensor y = Tensor.of(new long[] {0, 1, 1}, 3);
        Tensor s = Tensor.of(0.2, 0.6, 0.9);
        var e = assertThrows(IllegalStateException.class, () -> Report.classification("x", List.of("b", "s")).render());
        assertTrue(e.getMessage().contains("no methods"));
        var e2 = assertThrows(IllegalArgumentException.class, () -> Report.classification("x", List.of("b", "s"))
                .withMethods(List.of(MethodResult.of("A", new Predictions(s, y, null)), MethodResult.of("A", new Predictions(s, y, null)))));
        assertTrue(e2.getMessage().contains("two methods are named 'A'"));
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> Report.classification("x", List.of("b", "s")).withMethods(List.of(MethodResult.of("A",
                        new Predictions(s, Tensor.of(new long[] {1, 1, 1}, 3), null)))).render());
        assertTrue(e3.getMessage().contains("method 'A'") && e3.getMessage().contains("needs events of both classes"), e3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Predictions(s, Tensor.of(new long[] {0, 1}, 2), null));
        assertThrows(IllegalArgumentException.class, () -> EvaluationOptions.defaults().withSignalEfficiencies(List.of(0.5, 1.5)));
    }
}
