package dev.hadron.eval.report;

import dev.hadron.data.Dataset;
import dev.hadron.eval.metrics.PermutationImportance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A study report: one self-contained HTML file (inline SVG figures, inline CSS, no scripts, no
 * external references — it opens offline and can be mailed or archived) with the data summary, a
 * metrics table per method, every plot, the configuration text and the provenance.
 *
 * <p>A report is an immutable value built with {@code withX} copies, then rendered once:
 *
 * <pre>{@code
 * RenderedReport r = Report.classification("Higgs ML: BDT vs MLP", List.of("Background", "Signal"))
 *         .withMethods(List.of(
 *                 new MethodResult("BDT", new Predictions(bdtTest, yTest, wTest), new Predictions(bdtTrain, yTrain, wTrain), null, 41.2),
 *                 new MethodResult("MLP", new Predictions(mlpTest, yTest, wTest), null, history, 95.0)))
 *         .withData(testSet)                               // input distributions and correlations
 *         .withConfig(yamlText)
 *         .withProvenance(Provenance.of(42).withChecksum("higgs.csv", Provenance.sha256(csv)))
 *         .withOptions(EvaluationOptions.defaults().withFigureOfMerit(FigureOfMerit.AMS))
 *         .render();
 * r.write(Path.of("runs/higgs/report.html"));
 * Map<String, Object> results = r.results();              // for results.json
 * }</pre>
 *
 * <p>Classification outputs are binary scores (n) — or (n, 2) probabilities, of which column 1 is used
 * — with labels 0 (first class name, background) and 1 (second, signal), or class scores (n, k) with
 * labels 0..k−1. Regression outputs are predictions (n) against true values (n).
 */
public final class Report {
    /** What the study predicts. */
    public enum Task {
        /** Class labels from scores. */
        CLASSIFICATION,
        /** A continuous target. */
        REGRESSION
    }

    private final String title;
    private final Task task;
    private final List<String> classNames;
    private final String targetName;
    private final List<MethodResult> methods;
    private final Dataset data;
    private final Map<String, String> summaryRows;
    private final String config;
    private final Provenance provenance;
    private final EvaluationOptions options;
    private final Map<String, PermutationImportance> importances;

    private Report(String title, Task task, List<String> classNames, String targetName, List<MethodResult> methods, Dataset data,
                   Map<String, String> summaryRows, String config, Provenance provenance, EvaluationOptions options,
                   Map<String, PermutationImportance> importances) {
        this.title = title;
        this.task = task;
        this.classNames = classNames;
        this.targetName = targetName;
        this.methods = methods;
        this.data = data;
        this.summaryRows = summaryRows;
        this.config = config;
        this.provenance = provenance;
        this.options = options;
        this.importances = importances;
    }

    /** A classification report; {@code classNames} name labels 0, 1, … (binary: background first, then signal). */
    public static Report classification(String title, List<String> classNames) {
        if (classNames == null || classNames.size() < 2) {
            throw new IllegalArgumentException("Report.classification: class names " + classNames + "; expected at least two");
        }
        return new Report(checkTitle(title), Task.CLASSIFICATION, List.copyOf(classNames), "", List.of(), null, Map.of(), "",
                Provenance.of(0), EvaluationOptions.defaults(), Map.of());
    }

    /** A regression report for the named target quantity (e.g. "m_{Z} [GeV]"). */
    public static Report regression(String title, String targetName) {
        return new Report(checkTitle(title), Task.REGRESSION, List.of(), targetName == null ? "" : targetName, List.of(), null, Map.of(), "",
                Provenance.of(0), EvaluationOptions.defaults(), Map.of());
    }

    private static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Report: title must be non-empty");
        }
        return title;
    }

    /** A copy with these methods (names must be unique). */
    public Report withMethods(List<MethodResult> methods) {
        Set<String> seen = new HashSet<>();
        for (MethodResult m : methods) {
            if (!seen.add(m.name())) {
                throw new IllegalArgumentException("Report: two methods are named '" + m.name() + "'; expected unique names");
            }
        }
        return new Report(title, task, classNames, targetName, List.copyOf(methods), data, summaryRows, config, provenance, options, importances);
    }

    /**
     * A copy with the events whose input variables are shown (distributions by class, correlation
     * matrices) and summarised (counts and weights per class); usually the test or the full sample.
     */
    public Report withData(Dataset data) {
        return new Report(title, task, classNames, targetName, methods, data, summaryRows, config, provenance, options, importances);
    }

    /** A copy with one more row in the data summary (e.g. "Source", "higgs.csv, 250 000 events"). */
    public Report withSummary(String key, String value) {
        Map<String, String> rows = new LinkedHashMap<>(summaryRows);
        rows.put(key, value);
        return new Report(title, task, classNames, targetName, methods, data, Collections.unmodifiableMap(rows), config, provenance, options,
                importances);
    }

    /** A copy with the configuration text that defined the study, shown verbatim. */
    public Report withConfig(String text) {
        return new Report(title, task, classNames, targetName, methods, data, summaryRows, text == null ? "" : text, provenance, options,
                importances);
    }

    /** A copy with the provenance. */
    public Report withProvenance(Provenance p) {
        if (p == null) {
            throw new IllegalArgumentException("Report: provenance is null");
        }
        return new Report(title, task, classNames, targetName, methods, data, summaryRows, config, p, options, importances);
    }

    /** A copy with evaluation options. */
    public Report withOptions(EvaluationOptions o) {
        if (o == null) {
            throw new IllegalArgumentException("Report: options are null");
        }
        return new Report(title, task, classNames, targetName, methods, data, summaryRows, config, provenance, o, importances);
    }

    /** A copy with the permutation importance of one method (shown as a bar chart). */
    public Report withImportance(String method, PermutationImportance importance) {
        Map<String, PermutationImportance> m = new LinkedHashMap<>(importances);
        m.put(method, importance);
        return new Report(title, task, classNames, targetName, methods, data, summaryRows, config, provenance, options,
                Collections.unmodifiableMap(m));
    }

    /** Computes every metric and figure and writes the HTML. */
    public RenderedReport render() {
        if (methods.isEmpty()) {
            throw new IllegalStateException("Report '" + title + "': no methods; add them with withMethods");
        }
        for (String m : importances.keySet()) {
            if (methods.stream().noneMatch(r -> r.name().equals(m))) {
                throw new IllegalStateException("Report: importance given for unknown method '" + m + "'");
            }
        }
        List<ClassifierSummary> cls = new ArrayList<>();
        List<RegressorSummary> reg = new ArrayList<>();
        for (MethodResult m : methods) {
            if (task == Task.CLASSIFICATION) {
                ClassifierSummary s = Evaluation.classifier(m, options);
                if (s.numClasses() > classNames.size()) {
                    throw new IllegalArgumentException("Report: method '" + m.name() + "' has " + s.numClasses() + " classes but "
                            + classNames.size() + " class names were given");
                }
                cls.add(s);
            } else {
                reg.add(Evaluation.regressor(m));
            }
        }
        ReportFigures figures = new ReportFigures(this);
        List<ReportFigure> figs = task == Task.CLASSIFICATION ? figures.classification(cls) : figures.regression();
        String html = new HtmlReport(this, cls, reg, figs, figures.notes()).write();
        return new RenderedReport(title, task, classNames, html, cls, reg, figs);
    }

    // ------------------------------------------------------------------ accessors

    /** The title. */
    public String title() {
        return title;
    }

    /** Classification or regression. */
    public Task task() {
        return task;
    }

    /** Class names (classification). */
    public List<String> classNames() {
        return classNames;
    }

    /** The target's name (regression). */
    public String targetName() {
        return targetName;
    }

    /** The methods. */
    public List<MethodResult> methods() {
        return methods;
    }

    /** The events shown as input variables, or null. */
    public Dataset data() {
        return data;
    }

    /** Extra data-summary rows. */
    public Map<String, String> summaryRows() {
        return summaryRows;
    }

    /** The configuration text. */
    public String config() {
        return config;
    }

    /** The provenance. */
    public Provenance provenance() {
        return provenance;
    }

    /** The evaluation options. */
    public EvaluationOptions options() {
        return options;
    }

    /** Permutation importances by method. */
    public Map<String, PermutationImportance> importances() {
        return importances;
    }
}
