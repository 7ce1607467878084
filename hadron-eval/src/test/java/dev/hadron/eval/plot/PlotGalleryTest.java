package dev.hadron.eval.plot;

import dev.hadron.eval.metrics.CalibrationCurve;
import dev.hadron.eval.metrics.ConfusionMatrix;
import dev.hadron.eval.metrics.CorrelationMatrix;
import dev.hadron.eval.metrics.CutScan;
import dev.hadron.eval.metrics.FigureOfMerit;
import dev.hadron.eval.metrics.Normalization;
import dev.hadron.eval.metrics.PermutationImportance;
import dev.hadron.eval.metrics.Roc;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders every ready-made plot as SVG and PNG into {@code target/plot-gallery}, the folder to open
 * when checking how the plots look, and checks that each file was written and decodes.
 */
class PlotGalleryTest {
    @Test
    void renderGallery() throws Exception {
        Path dir = Path.of("target", "plot-gallery");
        Files.createDirectories(dir);
        Samples s = new Samples(1, 3000);
        Map<String, Figure> figs = new LinkedHashMap<>();
        figs.put("roc", RocPlot.of(List.of(new RocPlot.Curve("BDT", Roc.curve(s.labels, s.scoresA, s.weights)),
                new RocPlot.Curve("MLP", Roc.curve(s.labels, s.scoresB, s.weights)))));
        figs.put("overtraining", OvertrainingPlot.of(s.trainLabels, s.trainScores, null, s.labels, s.scoresB, null, 0, null, 40));
        Map<String, double[]> hist = new LinkedHashMap<>();
        double[] tl = new double[30];
        double[] vl = new double[30];
        for (int i = 0; i < 30; i++) {
            tl[i] = 0.7 * Math.exp(-i / 8.0) + 0.3;
            vl[i] = 0.7 * Math.exp(-i / 9.0) + 0.32 + 0.002 * i;
        }
        hist.put("train", tl);
        hist.put("validation", vl);
        figs.put("history", HistoryPlot.of("Loss", hist));
        figs.put("confusion", ConfusionMatrixPlot.of(ConfusionMatrix.fromScores(s.multiLabels, s.multiScores, null), List.of("QCD", "W", "top"),
                Normalization.TRUE));
        List<String> names = List.of("m_jj [GeV]", "η_{1}", "Δφ", "p_{T}^{miss}");
        figs.put("distributions", DistributionPlot.grid(s.features, s.labels, s.weights, names, null, 40, 2));
        figs.put("correlation", CorrelationPlot.of(CorrelationMatrix.of(s.features, s.weights, names), "signal"));
        double[] t = s.features.toDoubleArray();
        double[] truth = new double[3000];
        double[] pred = new double[3000];
        Generator g = new Generator(3);
        for (int i = 0; i < 3000; i++) {
            truth[i] = t[i * 4];
            pred[i] = truth[i] + 4 * g.nextGaussian();
        }
        figs.put("parity", ParityPlot.of(Tensor.of(truth), Tensor.of(pred), null, "m_{jj} [GeV]"));
        figs.put("calibration", CalibrationPlot.of(Map.of("MLP", CalibrationCurve.compute(s.labels, s.scoresB, null, 10,
                CalibrationCurve.Strategy.UNIFORM))));
        figs.put("significance", SignificancePlot.of(Map.of("MLP", CutScan.scan(s.labels, s.scoresB, s.weights, FigureOfMerit.AMS))));
        figs.put("importance", ImportancePlot.of(PermutationImportance.compute(s.features, names,
                f -> {
                    double[] v = f.toDoubleArray();
                    double[] sc = new double[v.length / 4];
                    for (int i = 0; i < sc.length; i++) {
                        sc[i] = v[i * 4] / 15 + 0.3 * Math.abs(v[i * 4 + 1]) + v[i * 4 + 3] / 100;
                    }
                    return Roc.auc(s.labels, Tensor.of(sc), null);
                }, 3, new Generator(4)), "AUC"));
        for (var e : figs.entrySet()) {
            Path svg = dir.resolve(e.getKey() + ".svg");
            Path png = dir.resolve(e.getKey() + ".png");
            e.getValue().save(svg);
            e.getValue().save(png);
            new SvgAssert(Files.readString(svg));
            SvgAssert.assertPng(Files.readAllBytes(png), e.getValue(), Figure.DEFAULT_PNG_SCALE);
        }
    }
}
