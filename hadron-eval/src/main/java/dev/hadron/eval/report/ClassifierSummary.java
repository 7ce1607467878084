package dev.hadron.eval.report;

import dev.hadron.eval.metrics.AucEstimate;
import dev.hadron.eval.metrics.CutScan;
import dev.hadron.eval.metrics.KsResult;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test-sample metrics of one classifier, from {@link Evaluation#classifier}.
 *
 * @param name the method name
 * @param numClasses 2 for binary problems, else the number of classes
 * @param auc the AUC (binary) or the macro-averaged one-vs-rest AUC (multi-class)
 * @param aucEstimate the AUC's bootstrap uncertainty (binary, when enabled), else null
 * @param aucPerClass one-vs-rest AUC per class (multi-class), or the single AUC (binary)
 * @param accuracy weighted accuracy at the options' threshold (binary) or by argmax (multi-class)
 * @param f1 F1 of the signal class (binary) or macro F1 (multi-class)
 * @param rejection background rejection 1/ε_B at each signal efficiency (binary; empty otherwise);
 *     infinite where no background passes
 * @param signalEfficiency signal efficiency at each background efficiency (binary; empty otherwise)
 * @param separation TMVA's ⟨S²⟩ of the output (binary), else null
 * @param overtraining KS test of train against test output per class; empty without training outputs
 * @param cutScan the optimal-cut scan when a figure of merit was asked for (binary), else null
 * @param trainSeconds training time
 */
public record ClassifierSummary(String name, int numClasses, double auc, AucEstimate aucEstimate, List<Double> aucPerClass, double accuracy,
                                double f1, Map<Double, Double> rejection, Map<Double, Double> signalEfficiency, Double separation,
                                List<KsResult> overtraining, CutScan cutScan, double trainSeconds) {

    /** Freezes the collections. */
    public ClassifierSummary {
        aucPerClass = List.copyOf(aucPerClass);
        rejection = Collections.unmodifiableMap(new LinkedHashMap<>(rejection));
        signalEfficiency = Collections.unmodifiableMap(new LinkedHashMap<>(signalEfficiency));
        overtraining = List.copyOf(overtraining);
    }

    /**
     * A JSON-ready map (insertion-ordered: maps, lists, strings and finite numbers) for a results file:
     * {@code name, auc, auc_error, accuracy, f1, rejection {"0.3": …}, signal_efficiency {"0.01": …},
     * separation, ks_pvalues {class: p}, best_cut {…}, train_seconds}. Infinite rejections are written
     * as null (no background passes at that working point); absent metrics are left out.
     */
    public Map<String, Object> toMap(List<String> classNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("auc", auc);
        if (aucEstimate != null) {
            m.put("auc_error", aucEstimate.standardError());
        }
        if (numClasses > 2) {
            m.put("auc_per_class", aucPerClass);
        }
        m.put("accuracy", accuracy);
        m.put("f1", f1);
        if (!rejection.isEmpty()) {
            Map<String, Object> r = new LinkedHashMap<>();
            rejection.forEach((k, v) -> r.put(key(k), Double.isFinite(v) ? v : null));
            m.put("rejection", r);
        }
        if (!signalEfficiency.isEmpty()) {
            Map<String, Object> r = new LinkedHashMap<>();
            signalEfficiency.forEach((k, v) -> r.put(key(k), v));
            m.put("signal_efficiency", r);
        }
        if (separation != null) {
            m.put("separation", separation);
        }
        if (!overtraining.isEmpty()) {
            Map<String, Object> ks = new LinkedHashMap<>();
            for (int c = 0; c < overtraining.size(); c++) {
                ks.put(c < classNames.size() ? classNames.get(c) : "class " + c, overtraining.get(c).pValue());
            }
            m.put("ks_pvalues", ks);
        }
        if (cutScan != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("figure_of_merit", cutScan.figureOfMerit().name());
            b.put("value", cutScan.bestValue());
            b.put("threshold", cutScan.bestThreshold());
            b.put("signal", cutScan.bestSignal());
            b.put("background", cutScan.bestBackground());
            m.put("best_cut", b);
        }
        m.put("train_seconds", trainSeconds);
        return m;
    }

    /** "0.3", "0.001": the shortest plain decimal of a working point. */
    static String key(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
