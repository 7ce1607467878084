package dev.hadron.eval.report;

import dev.hadron.eval.metrics.Average;
import dev.hadron.eval.metrics.AucEstimate;
import dev.hadron.eval.metrics.ConfusionMatrix;
import dev.hadron.eval.metrics.CutScan;
import dev.hadron.eval.metrics.KsResult;
import dev.hadron.eval.metrics.Overtraining;
import dev.hadron.eval.metrics.RegressionMetrics;
import dev.hadron.eval.metrics.Roc;
import dev.hadron.eval.metrics.RocCurve;
import dev.hadron.eval.metrics.Separation;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the standard metrics of a method on its test sample (and the overtraining check against
 * its training sample): what a study's metrics table and results file hold.
 *
 * <pre>{@code
 * ClassifierSummary s = Evaluation.classifier(method, EvaluationOptions.defaults());
 * double rej50 = s.rejection().get(0.5);
 * }</pre>
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** True when the outputs are binary scores: shape (n), (n, 1) or (n, 2). */
    static boolean isBinary(Predictions p) {
        return p.binaryScores() != null;
    }

    /** The metrics of a classifier; binary when its outputs are (n), (n, 1) or (n, 2), multi-class for (n, k > 2). */
    public static ClassifierSummary classifier(MethodResult m, EvaluationOptions options) {
        Predictions test = m.test();
        String who = "method '" + m.name() + "'";
        try {
            return isBinary(test) ? binary(m, options) : multiClass(m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": " + e.getMessage(), e);
        }
    }

    private static ClassifierSummary binary(MethodResult m, EvaluationOptions o) {
        Predictions test = m.test();
        Tensor s = test.binaryScores();
        Tensor y = test.target();
        Tensor w = test.weights();
        RocCurve roc = Roc.curve(y, s, w);
        double auc = roc.auc();
        AucEstimate est = o.bootstrapReplicas() > 0 ? Roc.aucBootstrap(y, s, w, o.bootstrapReplicas(), new Generator(o.seed())) : null;
        ConfusionMatrix cm = ConfusionMatrix.fromScores(y, s, w, o.threshold());
        Map<Double, Double> rejection = new LinkedHashMap<>();
        for (double e : o.signalEfficiencies()) {
            rejection.put(e, roc.backgroundRejectionAt(e));
        }
        Map<Double, Double> sigEff = new LinkedHashMap<>();
        for (double e : o.backgroundEfficiencies()) {
            sigEff.put(e, roc.signalEfficiencyAt(e));
        }
        double sep = Separation.of(y, s, w, o.bins());
        List<KsResult> ks = List.of();
        if (m.train() != null) {
            Tensor trainScores = m.train().binaryScores();
            if (trainScores == null) {
                throw new IllegalArgumentException("training outputs are not binary scores but the test outputs are");
            }
            ks = Overtraining.check(m.train().target(), trainScores, m.train().weights(), y, s, w);
        }
        CutScan scan = o.figureOfMerit() == null ? null : CutScan.scan(y, s, w, o.figureOfMerit(), o.minBackground());
        return new ClassifierSummary(m.name(), 2, auc, est, List.of(auc), cm.accuracy(), cm.f1(1), rejection, sigEff, sep, ks, scan,
                m.trainSeconds());
    }

    private static ClassifierSummary multiClass(MethodResult m) {
        Predictions test = m.test();
        Tensor s = test.output();
        Tensor y = test.target();
        Tensor w = test.weights();
        List<RocCurve> curves = Roc.oneVsRest(y, s, w);
        List<Double> perClass = new ArrayList<>();
        for (RocCurve c : curves) {
            perClass.add(c.auc());
        }
        double auc = Roc.aucOneVsRest(y, s, w, Average.MACRO);
        ConfusionMatrix cm = ConfusionMatrix.fromScores(y, s, w);
        List<KsResult> ks = List.of();
        if (m.train() != null) {
            ks = Overtraining.check(m.train().target(), m.train().output(), m.train().weights(), y, s, w);
        }
        return new ClassifierSummary(m.name(), s.size(1), auc, null, perClass, cm.accuracy(), cm.f1(Average.MACRO), Map.of(), Map.of(), null,
                ks, null, m.trainSeconds());
    }

    /** The metrics of a regressor: test predictions (n) against true values (n). */
    public static RegressorSummary regressor(MethodResult m) {
        Predictions t = m.test();
        try {
            return new RegressorSummary(m.name(), RegressionMetrics.of(t.target(), t.output(), t.weights()), m.trainSeconds());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method '" + m.name() + "': " + e.getMessage(), e);
        }
    }
}
