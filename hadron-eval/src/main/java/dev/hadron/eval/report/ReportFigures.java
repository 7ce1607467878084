package dev.hadron.eval.report;

import dev.hadron.data.Dataset;
import dev.hadron.eval.metrics.CalibrationCurve;
import dev.hadron.eval.metrics.ConfusionMatrix;
import dev.hadron.eval.metrics.CorrelationMatrix;
import dev.hadron.eval.metrics.CutScan;
import dev.hadron.eval.metrics.Normalization;
import dev.hadron.eval.metrics.PermutationImportance;
import dev.hadron.eval.metrics.Roc;
import dev.hadron.eval.metrics.RocCurve;
import dev.hadron.eval.plot.CalibrationPlot;
import dev.hadron.eval.plot.ConfusionMatrixPlot;
import dev.hadron.eval.plot.CorrelationPlot;
import dev.hadron.eval.plot.DistributionPlot;
import dev.hadron.eval.plot.Figure;
import dev.hadron.eval.plot.HistoryPlot;
import dev.hadron.eval.plot.ImportancePlot;
import dev.hadron.eval.plot.OvertrainingPlot;
import dev.hadron.eval.plot.ParityPlot;
import dev.hadron.eval.plot.RocPlot;
import dev.hadron.eval.plot.SignificancePlot;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the figures of a report, each with its section and caption. */
final class ReportFigures {
    /** Input-variable plots are skipped above this many features (e.g. jet images). */
    static final int MAX_PLOTTED_FEATURES = 40;

    static final String ROC = "ROC curves";
    static final String OUTPUTS = "Classifier outputs and overtraining";
    static final String HISTORY = "Training history";
    static final String CONFUSION = "Confusion matrices";
    static final String CALIBRATION = "Calibration";
    static final String CUTS = "Cut optimisation";
    static final String PARITY = "Predictions";
    static final String INPUTS = "Input variables";
    static final String CORRELATIONS = "Correlations";
    static final String IMPORTANCE = "Feature importance";

    private final Report report;
    private final List<ReportFigure> out = new ArrayList<>();
    private final List<String[]> notes = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    ReportFigures(Report report) {
        this.report = report;
    }

    private void add(String id, String section, String caption, Figure f) {
        String base = Html.id(id);
        String unique = base;
        for (int i = 2; !ids.add(unique); i++) {
            unique = base + "-" + i;
        }
        out.add(new ReportFigure(unique, section, caption, f));
    }

    List<ReportFigure> classification(List<ClassifierSummary> summaries) {
        List<String> names = report.classNames();
        boolean allBinary = summaries.stream().allMatch(s -> s.numClasses() == 2);
        List<MethodResult> methods = report.methods();
        EvaluationOptions o = report.options();
        if (allBinary) {
            List<RocPlot.Curve> curves = new ArrayList<>();
            for (MethodResult m : methods) {
                Predictions t = m.test();
                curves.add(new RocPlot.Curve(m.name(), Roc.curve(t.target(), t.binaryScores(), t.weights())));
            }
            add("roc", ROC, "Background rejection 1/ε_{B} against signal efficiency ε_{S} on the test sample ("
                    + names.get(1) + " as signal), with each method's AUC" + (curves.size() > 1 ? "; the lower panel divides each rejection by "
                    + methods.getFirst().name() + "'s." : "."), RocPlot.of(curves));
        } else {
            int k = summaries.stream().mapToInt(ClassifierSummary::numClasses).max().orElse(2);
            for (int c = 0; c < k; c++) {
                List<RocPlot.Curve> curves = new ArrayList<>();
                for (MethodResult m : methods) {
                    if (m.test().output().dim() == 2 && m.test().output().size(1) == k) {
                        List<RocCurve> ovr = Roc.oneVsRest(m.test().target(), m.test().output(), m.test().weights());
                        curves.add(new RocPlot.Curve(m.name(), ovr.get(c)));
                    }
                }
                if (!curves.isEmpty()) {
                    add("roc-" + names.get(c), ROC, "One-vs-rest ROC for " + names.get(c) + " against all other classes (test sample).",
                            RocPlot.of(curves));
                }
            }
        }
        for (MethodResult m : methods) {
            Predictions test = m.test();
            Predictions train = m.train();
            boolean binary = Evaluation.isBinary(test);
            int columns = binary ? 1 : test.output().size(1);
            for (int c = 0; c < columns; c++) {
                Tensor testScores = binary ? test.binaryScores() : test.output();
                Figure f;
                String caption;
                if (train != null) {
                    Tensor trainScores = binary ? train.binaryScores() : train.output();
                    f = OvertrainingPlot.of(train.target(), trainScores, train.weights(), test.target(), testScores, test.weights(), c, names,
                            o.bins());
                    caption = m.name() + ": output" + (binary ? "" : " for " + names.get(c)) + " on the test sample (filled) and the training sample "
                            + "(points), normalised to unit area; a small Kolmogorov–Smirnov p-value signals overtraining.";
                } else {
                    f = OvertrainingPlot.of(null, null, null, test.target(), testScores, test.weights(), c, names, o.bins());
                    caption = m.name() + ": output" + (binary ? "" : " for " + names.get(c)) + " on the test sample, normalised to unit area "
                            + "(no training outputs were given, so no overtraining check).";
                }
                add("output-" + m.name() + (binary ? "" : "-" + names.get(c)), OUTPUTS, caption, f);
            }
        }
        histories();
        for (MethodResult m : methods) {
            Predictions t = m.test();
            ConfusionMatrix cm = Evaluation.isBinary(t) ? ConfusionMatrix.fromScores(t.target(), t.binaryScores(), t.weights(), o.threshold())
                    : ConfusionMatrix.fromScores(t.target(), t.output(), t.weights());
            String rule = Evaluation.isBinary(t) ? "predicted " + names.get(1) + " when the score is ≥ " + o.threshold()
                    : "predicted class = highest score";
            add("confusion-" + m.name(), CONFUSION, m.name() + ": confusion matrix on the test sample, each row normalised to one (" + rule + ").",
                    ConfusionMatrixPlot.of(cm, names.subList(0, cm.numClasses()), Normalization.TRUE));
        }
        if (allBinary) {
            Map<String, CalibrationCurve> cal = new LinkedHashMap<>();
            for (MethodResult m : methods) {
                Predictions t = m.test();
                if (inUnitInterval(t.binaryScores())) {
                    cal.put(m.name(), CalibrationCurve.compute(t.target(), t.binaryScores(), t.weights(), 10, CalibrationCurve.Strategy.UNIFORM));
                }
            }
            if (!cal.isEmpty()) {
                add("calibration", CALIBRATION, "Observed signal fraction against mean predicted probability in ten bins (test sample, weighted); "
                        + "methods whose scores are not probabilities are left out.", CalibrationPlot.of(cal));
            }
            Map<String, CutScan> scans = new LinkedHashMap<>();
            for (ClassifierSummary s : summaries) {
                if (s.cutScan() != null) {
                    scans.put(s.name(), s.cutScan());
                }
            }
            if (!scans.isEmpty()) {
                add("significance", CUTS, scans.values().iterator().next().figureOfMerit().name()
                        + " of the cut “score ≥ t” against t on the test sample; the dot marks each method's best cut.", SignificancePlot.of(scans));
            }
        }
        inputs(true);
        importances();
        return out;
    }

    List<ReportFigure> regression() {
        for (MethodResult m : report.methods()) {
            Predictions t = m.test();
            Tensor pred = t.output().dim() == 2 && t.output().size(1) == 1 ? t.output().reshape(t.output().size(0)) : t.output();
            Tensor target = t.target().dim() == 2 && t.target().size(1) == 1 ? t.target().reshape(t.target().size(0)) : t.target();
            add("parity-" + m.name(), PARITY, m.name() + ": predicted against true " + plainTarget() + " on the test sample.",
                    ParityPlot.of(target, pred, t.weights(), report.targetName()));
        }
        histories();
        inputs(false);
        importances();
        return out;
    }

    private String plainTarget() {
        return report.targetName().isEmpty() ? "value" : report.targetName().replace("_{", "").replace("^{", "").replace("}", "");
    }

    private void histories() {
        for (MethodResult m : report.methods()) {
            TrainingHistory h = m.history();
            if (h == null || h.isEmpty()) {
                continue;
            }
            for (String metric : h.metrics()) {
                add("history-" + m.name() + "-" + metric, HISTORY, m.name() + ": " + metric + " per epoch.", HistoryPlot.of(metric, h.curves(metric)));
            }
        }
    }

    /** Section notes: (section, text) pairs for things that could not be plotted. */
    List<String[]> notes() {
        return notes;
    }

    private void inputs(boolean byClass) {
        Dataset d = report.data();
        if (d == null) {
            return;
        }
        if (d.isJagged() || d.features().dim() != 2) {
            notes.add(new String[] {INPUTS, "The inputs are variable-length (jagged) or multi-dimensional; per-variable distributions are not shown."});
            return;
        }
        if (d.numFeatures() > MAX_PLOTTED_FEATURES) {
            notes.add(new String[] {INPUTS, d.numFeatures() + " input variables are too many to plot one by one (limit "
                    + MAX_PLOTTED_FEATURES + ")."});
            return;
        }
        Tensor x = d.features();
        List<String> names = d.featureNames();
        int n = d.size();
        Tensor labels = byClass && d.labels() != null ? d.labels() : Tensor.zeros(dev.hadron.tensor.DType.INT64, n);
        List<String> classes = byClass ? report.classNames() : List.of("All events");
        Tensor w = d.hasWeights() ? d.weights() : null;
        int cols = Math.min(4, Math.max(2, (int) Math.ceil(Math.sqrt(names.size()))));
        add("inputs", INPUTS, "Input variables" + (byClass ? " by class" : "") + ", each histogram normalised to unit area"
                + (w != null ? " (weighted)" : "") + "; the range spans the 0.1–99.9 % quantiles.",
                DistributionPlot.grid(x, labels, w, names, byClass ? classes : List.of("All events"), report.options().bins(), cols));
        if (byClass && d.labels() != null) {
            long[] y = d.labels().toLongArray();
            for (int c = 0; c < classes.size(); c++) {
                List<Long> idx = new ArrayList<>();
                for (int i = 0; i < y.length; i++) {
                    if (y[i] == c) {
                        idx.add((long) i);
                    }
                }
                if (idx.size() < 2) {
                    continue;
                }
                Dataset sub = d.subset(idx.stream().mapToLong(Long::longValue).toArray());
                correlation(sub, classes.get(c));
            }
        } else {
            correlation(d, "");
        }
    }

    private void correlation(Dataset d, String label) {
        CorrelationMatrix m;
        try {
            m = CorrelationMatrix.of(d.features(), d.hasWeights() ? d.weights() : null, d.featureNames());
        } catch (IllegalArgumentException e) {
            // A constant feature has no correlation: say so in the section instead of failing the whole report.
            notes.add(new String[] {CORRELATIONS, "No correlation matrix" + (label.isEmpty() ? "" : " for " + label) + ": " + e.getMessage()});
            return;
        }
        add("correlation-" + (label.isEmpty() ? "all" : label), CORRELATIONS, "Linear (Pearson) correlation coefficients of the input variables"
                + (label.isEmpty() ? "" : " for " + label) + (d.hasWeights() ? ", weighted" : "") + ", in per cent.", CorrelationPlot.of(m, label));
    }

    private void importances() {
        for (Map.Entry<String, PermutationImportance> e : report.importances().entrySet()) {
            add("importance-" + e.getKey(), IMPORTANCE, e.getKey() + ": drop of the score when one input is shuffled (mean ± standard deviation "
                    + "over repeats); a larger drop means the method relies more on that input.", ImportancePlot.of(e.getValue(), "score"));
        }
    }

    private static boolean inUnitInterval(Tensor s) {
        for (double v : s.toDoubleArray()) {
            if (v < 0 || v > 1) {
                return false;
            }
        }
        return true;
    }
}
