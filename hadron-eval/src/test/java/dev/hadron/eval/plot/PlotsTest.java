package dev.hadron.eval.plot;

import dev.hadron.eval.metrics.CalibrationCurve;
import dev.hadron.eval.metrics.ConfusionMatrix;
import dev.hadron.eval.metrics.CorrelationMatrix;
import dev.hadron.eval.metrics.CutScan;
import dev.hadron.eval.metrics.FigureOfMerit;
import dev.hadron.eval.metrics.Normalization;
import dev.hadron.eval.metrics.PermutationImportance;
import dev.hadron.eval.metrics.Roc;
import dev.hadron.eval.metrics.RocCurve;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders each plot and checks the SVG structure (elements, labels, numbers) and that the PNG decodes at the right size. */
class PlotsTest {
    private static final Samples S = new Samples(7, 2000);

    @Test
    void rocPlotShowsRejectionOnALogAxisWithARatioPanel() {
        RocCurve a = Roc.curve(S.labels, S.scoresA, S.weights);
        RocCurve b = Roc.curve(S.labels, S.scoresB, S.weights);
        Figure fig = RocPlot.of(List.of(new RocPlot.Curve("BDT", a), new RocPlot.Curve("MLP", b)));
        SvgAssert svg = new SvgAssert(fig.toSvg());
        assertEquals(2, svg.groups("axes").size(), "main and ratio panel");
        assertEquals(List.of(String.format(Locale.ROOT, "BDT (AUC = %.4f)", a.auc()), String.format(Locale.ROOT, "MLP (AUC = %.4f)", b.auc()),
                "Random"), svg.seriesLabels());
        assertEquals(List.of(String.format(Locale.ROOT, "BDT (AUC = %.4f)", a.auc()), String.format(Locale.ROOT, "MLP (AUC = %.4f)", b.auc()),
                "Random"), svg.textsIn("legend"));
        assertEquals(List.of("Background rejection 1/εB"), svg.textsIn("ylabel").subList(0, 1));
        assertEquals("Ratio to BDT", svg.textsIn("ylabel").get(1));
        assertEquals(List.of("Signal efficiency εS"), svg.textsIn("xlabel"));
        // Log axis: decade labels 1, 10, 10², ...; the x axis of the ratio panel 0 ... 1.
        List<String> yTicks = svg.textsIn("yticks");
        assertTrue(yTicks.containsAll(List.of("1", "10", "102")), "decade labels: " + yTicks);
        assertTrue(svg.svg.contains("<tspan dy=\"-4.75\" font-size=\"8.75\">2</tspan>"), "10² is written with a superscript");
        List<String> xTicks = svg.textsIn("xticks");
        assertTrue(xTicks.containsAll(List.of("0", "0.2", "0.4", "0.6", "0.8", "1.0")) || xTicks.containsAll(List.of("0", "0.5", "1.0")),
                "x tick labels: " + xTicks);
        assertTrue(svg.count("polyline") >= 5, "two curves, the random line, two ratio curves");
        SvgAssert.assertPng(fig.toPng(1.5), fig, 1.5);
    }

    @Test
    void overtrainingPlotHasFilledTestHistogramsTrainPointsAndKsValues() {
        Figure fig = OvertrainingPlot.of(S.trainLabels, S.trainScores, null, S.labels, S.scoresB, null, 0, null, 30);
        SvgAssert svg = new SvgAssert(fig.toSvg());
        assertEquals(List.of("Background (test)", "Signal (test)", "Background (train)", "Signal (train)"), svg.seriesLabels());
        assertEquals(2, svg.groups("histogram").size());
        assertEquals(2, svg.groups("points").size());
        // 30 bins per class of training points, each a circle.
        assertEquals(60, svg.groups("points").stream().mapToInt(g -> g.getElementsByTagNameNS("*", "circle").getLength()).sum());
        var ks = dev.hadron.eval.metrics.Overtraining.check(S.trainLabels, S.trainScores, null, S.labels, S.scoresB, null);
        String expected = String.format(Locale.ROOT, "KS test p-value: Background %.3f, Signal %.3f", ks.get(0).pValue(), ks.get(1).pValue());
        assertEquals(List.of(expected), svg.textsIn("annotations"));
        svg.hasText("Classifier output");
        assertTrue(svg.svg.contains("fill-opacity=\"0.35\""), "test histograms are filled, translucent");
        SvgAssert.assertPng(fig.toPng(), fig, Figure.DEFAULT_PNG_SCALE);
        // Test sample only: no points, no KS line.
        SvgAssert testOnly = new SvgAssert(OvertrainingPlot.of(null, null, null, S.labels, S.scoresB, null, 0, null, 30).toSvg());
        assertEquals(List.of("Background (test)", "Signal (test)"), testOnly.seriesLabels());
        assertTrue(testOnly.groups("annotations").isEmpty());
    }

    @Test
    void multiClassOvertrainingPlotUsesTheRequestedColumn() {
        Figure fig = OvertrainingPlot.of(S.multiLabels, S.multiScores, null, S.multiLabels, S.multiScores, null, 2, List.of("QCD", "W", "top"), 20);
        SvgAssert svg = new SvgAssert(fig.toSvg());
        assertEquals(List.of("Classifier output for top"), svg.textsIn("xlabel"));
        assertEquals(6, svg.seriesLabels().size());
        assertTrue(svg.textsIn("annotations").getFirst().contains("QCD 1.000, W 1.000, top 1.000"), "identical samples: p = 1");
    }

    @Test
    void historyPlotDrawsOneLinePerSeries() {
        Map<String, double[]> h = new LinkedHashMap<>();
        h.put("train", new double[] {1.0, 0.7, 0.55, 0.5});
        h.put("validation", new double[] {1.1, 0.8, 0.65, Double.NaN});
        SvgAssert svg = new SvgAssert(HistoryPlot.of("Loss", h).toSvg());
        assertEquals(List.of("train", "validation"), svg.seriesLabels());
        assertEquals(List.of("Epoch"), svg.textsIn("xlabel"));
        assertEquals(List.of("Loss"), svg.textsIn("ylabel"));
        assertTrue(svg.textsIn("xticks").containsAll(List.of("1", "2", "3", "4")), svg.textsIn("xticks").toString());
        // Loss spanning three decades switches to a log axis.
        h.put("train", new double[] {10, 1, 0.1, 0.01});
        SvgAssert log = new SvgAssert(HistoryPlot.of("Loss", h).toSvg());
        assertTrue(log.textsIn("yticks").contains("10−2"), log.textsIn("yticks").toString());
        assertThrows(IllegalArgumentException.class, () -> HistoryPlot.of("Loss", Map.of("train", new double[0])));
    }

    @Test
    void confusionMatrixHeatmapPrintsEveryCell() {
        ConfusionMatrix cm = ConfusionMatrix.fromScores(S.multiLabels, S.multiScores, null);
        Figure fig = ConfusionMatrixPlot.of(cm, List.of("QCD", "W", "top"), Normalization.TRUE);
        SvgAssert svg = new SvgAssert(fig.toSvg());
        double[][] v = cm.values(Normalization.TRUE);
        List<String> cells = svg.textsIn("heatmap");
        assertEquals(9, cells.size());
        assertEquals(String.format(Locale.ROOT, "%.1f%%", 100 * v[0][0]), cells.getFirst());
        assertEquals(String.format(Locale.ROOT, "%.1f%%", 100 * v[2][1]), cells.get(7));
        assertEquals(List.of("QCD", "W", "top"), svg.textsIn("xticks"));
        assertEquals(List.of("QCD", "W", "top"), svg.textsIn("yticks"));
        assertEquals(List.of("Predicted class"), svg.textsIn("xlabel"));
        assertTrue(svg.textsIn("colorbar").containsAll(List.of("0", "1.0", "Fraction")), svg.textsIn("colorbar").toString());
        SvgAssert.assertPng(fig.toPng(1), fig, 1);
    }

    @Test
    void distributionGridHasOnePanelPerFeature() {
        List<String> names = List.of("m_{jj} [GeV]", "η", "Δφ", "p_{T}^{miss}");
        Figure fig = DistributionPlot.grid(S.features, S.labels, S.weights, names, null, 25, 2);
        SvgAssert svg = new SvgAssert(fig.toSvg());
        assertEquals(4, svg.groups("axes").size());
        assertEquals(List.of("mjj [GeV]", "η", "Δφ", "pTmiss"), svg.textsIn("title"));
        assertEquals(8, svg.groups("histogram").size(), "two classes in each of four panels");
        assertEquals(List.of("Background", "Signal"), svg.textsIn("legend"), "legend in the first panel only");
        SvgAssert.assertPng(fig.toPng(1), fig, 1);
    }

    @Test
    void distributionGridLeavesOutMissingValues() {
        Tensor x = S.features.clone();
        x.select(1, 0).narrow(0, 0, 10).fill(Double.NaN);     // 10 missing values in the first feature
        x.select(1, 1).fill(Double.NaN);                      // the second feature is missing everywhere
        Figure fig = DistributionPlot.grid(x, S.labels, S.weights, List.of("a", "b", "c", "d"), null, 25, 2);
        SvgAssert svg = new SvgAssert(fig.toSvg());
        assertEquals(List.of("a (10 missing)", "b (all missing)", "c", "d"), svg.textsIn("title"));
        assertEquals(6, svg.groups("histogram").size(), "no histograms for the all-missing feature");
        Tensor inf = S.features.clone();
        inf.select(1, 2).narrow(0, 0, 1).fill(Double.POSITIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> DistributionPlot.grid(inf, S.labels, S.weights, null, null, 25, 2));
    }

    @Test
    void correlationPlotPrintsPercentages() {
        List<String> names = List.of("a", "b", "c", "d");
        CorrelationMatrix m = CorrelationMatrix.of(S.features, S.weights, names);
        SvgAssert svg = new SvgAssert(CorrelationPlot.of(m, "signal").toSvg());
        List<String> cells = svg.textsIn("heatmap");
        assertEquals(16, cells.size());
        assertEquals("100", cells.getFirst());
        assertEquals(String.format(Locale.ROOT, "%.0f", 100 * m.get(1, 2)), cells.get(6));
        assertEquals(List.of("Correlation matrix, signal [%]"), svg.textsIn("title"));
        assertTrue(svg.textsIn("colorbar").containsAll(List.of("−100", "0", "100")), svg.textsIn("colorbar").toString());
    }

    @Test
    void parityPlotShowsTheDiagonalAndR2() {
        Generator g = new Generator(2);
        double[] t = new double[500];
        double[] p = new double[500];
        for (int i = 0; i < t.length; i++) {
            t[i] = 91 + 3 * g.nextGaussian();
            p[i] = t[i] + g.nextGaussian();
        }
        Figure fig = ParityPlot.of(Tensor.of(t), Tensor.of(p), null, "m_{Z} [GeV]");
        SvgAssert svg = new SvgAssert(fig.toSvg());
        assertEquals(List.of("Events", "y = x"), svg.seriesLabels());
        assertEquals(500, svg.groups("scatter").getFirst().getElementsByTagNameNS("*", "circle").getLength());
        double r2 = dev.hadron.eval.metrics.RegressionMetrics.of(Tensor.of(t), Tensor.of(p), null).r2();
        assertTrue(svg.textsIn("annotations").contains(String.format(Locale.ROOT, "R2 = %.4f", r2)), svg.textsIn("annotations").toString());
        assertEquals(List.of("True mZ [GeV]"), svg.textsIn("xlabel"));
        SvgAssert.assertPng(fig.toPng(1), fig, 1);
    }

    @Test
    void calibrationSignificanceAndImportancePlotsRender() {
        Figure cal = CalibrationPlot.of(Map.of("MLP", CalibrationCurve.compute(S.labels, S.scoresB, null, 10, CalibrationCurve.Strategy.UNIFORM)));
        assertEquals(List.of("Perfectly calibrated", "MLP"), new SvgAssert(cal.toSvg()).seriesLabels());
        CutScan scan = CutScan.scan(S.labels, S.scoresB, S.weights, FigureOfMerit.AMS);
        SvgAssert sig = new SvgAssert(SignificancePlot.of(Map.of("MLP", scan)).toSvg());
        assertEquals(List.of(String.format(Locale.ROOT, "MLP (max %.3f at %.4g)", scan.bestValue(), scan.bestThreshold()).replace('-', '−')),
                sig.seriesLabels());
        assertEquals(1, sig.groups("line").getFirst().getElementsByTagNameNS("*", "polyline").getLength(), "the scan is one polyline");
        assertEquals(List.of("AMS"), sig.textsIn("ylabel"));
        PermutationImportance imp = PermutationImportance.compute(S.features, List.of("a", "b", "c", "d"),
                f -> Roc.auc(S.labels, f.select(1, 0).contiguous(), null), 2, new Generator(1));
        SvgAssert bars = new SvgAssert(ImportancePlot.of(imp, "AUC").toSvg());
        assertEquals("a", bars.textsIn("yticks").getFirst(), "most important first");
        assertEquals(4, bars.groups("bars").getFirst().getElementsByTagNameNS("*", "rect").getLength());
    }

    @Test
    void pngIsAntialiasedOnWhite() {
        Figure fig = Figure.of(200, 150);
        fig.axes().line(new double[] {0, 1}, new double[] {0, 1}, LineStyle.solid(Color.BLACK, 2), null);
        BufferedImage img = SvgAssert.assertPng(fig.toPng(2), fig, 2);
        assertEquals(0xffffff, img.getRGB(2, 2) & 0xffffff, "white background");
    }

    @Test
    void ticksAreNiceNumbers() {
        List<Ticks.Tick> t = Ticks.linear(0, 1, 500, true, 12);
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1.0"), t.stream().filter(Ticks.Tick::major).map(Ticks.Tick::label).toList());
        List<Ticks.Tick> big = Ticks.linear(0, 250000, 500, true, 12);
        assertTrue(big.stream().filter(Ticks.Tick::major).map(Ticks.Tick::label).anyMatch(s -> s.contains("×10^{5}") || s.equals("10^{5}")),
                big.toString());
        List<Ticks.Tick> log = Ticks.log(1e-3, 1e2, 400, false, 12);
        assertEquals(List.of("10^{−3}", "10^{−2}", "10^{−1}", "1", "10", "10^{2}"),
                log.stream().filter(x -> !x.label().isEmpty()).map(Ticks.Tick::label).toList());
        assertEquals(6 + 5 * 8, log.size(), "8 minor ticks per decade");
        assertEquals("−0.5", Ticks.format(-0.5, 0.5));
        assertEquals("2.50", Ticks.format(2.5, 0.25));
    }

    @Test
    void badInputFails() {
        assertThrows(IllegalArgumentException.class, () -> RocPlot.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Figure.of(10, 10));
        assertThrows(IllegalArgumentException.class, () -> Figure.of(100, 100).axes().line(new double[] {1, 2}, new double[] {1}, null, null));
        var e = assertThrows(IllegalArgumentException.class, () -> Figure.of(100, 100).save(java.nio.file.Path.of("x.pdf")));
        assertTrue(e.getMessage().contains("no .svg or .png extension"));
        assertFalse(Figure.of(300, 200).toSvg().contains("NaN"));
    }
}
