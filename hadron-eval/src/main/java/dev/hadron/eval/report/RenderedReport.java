package dev.hadron.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered {@link Report}: the HTML page, the per-method metrics and the figures (which can also be
 * saved as separate SVG/PNG files).
 *
 * @param title the report title
 * @param task classification or regression
 * @param classNames the class names (classification)
 * @param html the complete, self-contained HTML document
 * @param classifiers metrics per method (classification)
 * @param regressors metrics per method (regression)
 * @param figures every figure, in page order
 */
public record RenderedReport(String title, Report.Task task, List<String> classNames, String html, List<ClassifierSummary> classifiers,
                             List<RegressorSummary> regressors, List<ReportFigure> figures) {

    /** Freezes the lists. */
    public RenderedReport {
        classNames = List.copyOf(classNames);
        classifiers = List.copyOf(classifiers);
        regressors = List.copyOf(regressors);
        figures = List.copyOf(figures);
    }

    /**
     * The machine-readable results: {@code {"title": …, "task": "classification"|"regression",
     * "methods": [{"name": …, "auc": …, "accuracy": …, "rejection": {"0.3": …}, "train_seconds": …}, …]}}
     * (see {@link ClassifierSummary#toMap} and {@link RegressorSummary#toMap}), ready for
     * {@link dev.hadron.util.Json#writePretty}.
     */
    public Map<String, Object> results() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("task", task.name().toLowerCase(java.util.Locale.ROOT));
        List<Object> list = new ArrayList<>();
        for (ClassifierSummary s : classifiers) {
            list.add(s.toMap(classNames));
        }
        for (RegressorSummary s : regressors) {
            list.add(s.toMap());
        }
        m.put("methods", list);
        return m;
    }

    /**
     * Writes the HTML to {@code file} atomically: to a temporary file in the same folder first, then
     * moved into place, so a failure never leaves a half-written report.
     */
    public void write(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".report-", ".html.part");
            try {
                Files.writeString(tmp, html, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("RenderedReport.write: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Saves every figure as {@code <id>.svg} and, when {@code png} is true, {@code <id>.png} into {@code dir}. */
    public void saveFigures(Path dir, boolean png) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("RenderedReport.saveFigures: cannot create " + dir + ": " + e.getMessage(), e);
        }
        for (ReportFigure f : figures) {
            f.figure().save(dir.resolve(f.id() + ".svg"));
            if (png) {
                f.figure().save(dir.resolve(f.id() + ".png"));
            }
        }
    }
}
