package dev.hadron.eval.report;

import dev.hadron.data.Dataset;
import dev.hadron.eval.metrics.CutScan;
import dev.hadron.eval.metrics.FigureOfMerit;
import dev.hadron.eval.metrics.KolmogorovSmirnov;
import dev.hadron.eval.metrics.KsResult;
import dev.hadron.eval.metrics.Roc;
import dev.hadron.eval.metrics.RocCurve;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real data: the ATLAS Higgs ML challenge sample in {@code ../shared/data} (4999 signal + 4999
 * background events with their physics weights). The discriminant is the MMC mass window
 * −|DER_mass_MMC − 125|; AUC, the AMS cut scan and KS tests are compared with scikit-learn, NumPy and
 * SciPy (golden_higgsml.json, from make_golden_higgsml.py), and a full report is built from it.
 */
class HiggsMlRealDataTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data", "csv", "atlas-higgsml");
    private static Map<String, Object> golden;
    private static double[] score;
    private static long[] label;
    private static double[] weight;
    private static long[] eventId;
    private static double[][] features;
    private static List<String> featureNames;

    @BeforeAll
    static void load() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "shared data folder " + DATA.toAbsolutePath().normalize()
                + " is absent: skipping the ATLAS Higgs ML real-data test");
        try (InputStream in = HiggsMlRealDataTest.class.getResourceAsStream("/dev/hadron/eval/metrics/golden_higgsml.json")) {
            golden = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<double[]> rows = new ArrayList<>();
        List<Long> labels = new ArrayList<>();
        String[] header = null;
        for (String file : List.of("train_sml_sig.csv", "train_sml_bg.csv")) {
            List<String> lines = Files.readAllLines(DATA.resolve(file));
            header = lines.getFirst().split(",");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                double[] r = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    r[i] = i == f.length - 3 || i == f.length - 2 ? 0 : Double.parseDouble(f[i]);
                }
                rows.add(r);
                labels.add(file.contains("sig") ? 1L : 0L);
            }
        }
        List<String> cols = Arrays.asList(header);
        int mmc = cols.indexOf("DER_mass_MMC");
        int w = cols.indexOf("Weight");
        int n = rows.size();
        score = new double[n];
        label = new long[n];
        weight = new double[n];
        eventId = new long[n];
        int[] picked = {cols.indexOf("DER_mass_transverse_met_lep"), cols.indexOf("DER_mass_vis"), cols.indexOf("DER_pt_h"),
            cols.indexOf("PRI_tau_pt")};
        featureNames = List.of("DER_mass_transverse_met_lep", "DER_mass_vis", "DER_pt_h", "PRI_tau_pt");
        features = new double[n][picked.length];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            score[i] = r[mmc] == -999.0 ? -1000.0 : -Math.abs(r[mmc] - 125.0);
            label[i] = labels.get(i);
            weight[i] = r[w];
            eventId[i] = (long) r[0];
            for (int j = 0; j < picked.length; j++) {
                features[i][j] = r[picked[j]];
            }
        }
    }

    private static double g(String key) {
        return ((Number) golden.get(key)).doubleValue();
    }

    @Test
    void weightedRocAucAndWorkingPointMatchScikitLearn() {
        assertEquals((int) g("events"), score.length);
        RocCurve roc = Roc.curve(Tensor.of(label, label.length), Tensor.of(score), Tensor.of(weight));
        assertEquals(g("auc_weighted"), roc.auc(), 1e-12);
        assertEquals(g("auc_unweighted"), Roc.auc(Tensor.of(label, label.length), Tensor.of(score), null), 1e-12);
        assertEquals((int) g("roc_points"), roc.size());
        assertEquals(g("fpr_at_tpr_0.5"), roc.backgroundEfficiencyAt(0.5), 1e-12);
    }

    @Test
    void amsCutScanMatchesNumpy() {
        CutScan scan = CutScan.scan(Tensor.of(label, label.length), Tensor.of(score), Tensor.of(weight), FigureOfMerit.AMS);
        assertEquals(g("ams_best"), scan.bestValue(), 1e-12);
        assertEquals(g("ams_threshold"), scan.bestThreshold(), 0.0);
        assertEquals(g("ams_s"), scan.bestSignal(), 1e-9);
        assertEquals(g("ams_b"), scan.bestBackground(), 1e-9);
    }

    @Test
    void ksTestsMatchScipy() {
        List<Double> even = new ArrayList<>();
        List<Double> odd = new ArrayList<>();
        List<Double> sig = new ArrayList<>();
        List<Double> bkg = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            if (label[i] == 1) {
                (eventId[i] % 2 == 0 ? even : odd).add(score[i]);
                sig.add(score[i]);
            } else {
                bkg.add(score[i]);
            }
        }
        KsResult r = KolmogorovSmirnov.test(tensor(even), tensor(odd));
        assertEquals(g("ks_even_odd_statistic"), r.statistic(), 1e-12);
        assertEquals(g("ks_even_odd_pvalue"), r.pValue(), 1e-9);
        KsResult sb = KolmogorovSmirnov.test(tensor(sig), tensor(bkg), KolmogorovSmirnov.Mode.ASYMPTOTIC);
        assertEquals(g("ks_sig_bkg_statistic"), sb.statistic(), 1e-12);
        assertEquals(g("ks_sig_bkg_pvalue"), sb.pValue(), 1e-12);
    }

    private static Tensor tensor(List<Double> v) {
        return Tensor.of(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void reportOnRealEventsRendersEveryPart() {
        int n = score.length;
        Tensor y = Tensor.of(label, n);
        double[] flat = new double[n * 4];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features[i], 0, flat, i * 4, 4);
        }
        Dataset ds = Dataset.of(Tensor.of(flat, n, 4), y, Tensor.of(weight)).withFeatureNames(featureNames);
        RenderedReport r = Report.classification("ATLAS Higgs ML: MMC mass window", List.of("Background", "Signal"))
                .withMethods(List.of(MethodResult.of("MMC window", new Predictions(Tensor.of(score), y, Tensor.of(weight)))))
                .withData(ds)
                .withOptions(EvaluationOptions.defaults().withBootstrapReplicas(20).withFigureOfMerit(FigureOfMerit.AMS).withThreshold(-20))
                .render();
        assertEquals(g("ams_best"), r.classifiers().getFirst().cutScan().bestValue(), 1e-12);
        assertTrue(r.html().contains("<section id=\"cut-optimisation\">"));
        assertEquals(List.of("roc", "output-mmc-window", "confusion-mmc-window", "significance", "inputs", "correlation-background",
                "correlation-signal"), r.figures().stream().map(ReportFigure::id).toList());
        r.write(Path.of("target", "report-samples", "atlas-higgsml.html"));
    }
}
