/**
 * Hadron eval: the evaluation a HEP analysis expects. Metrics (weighted ROC and AUC with bootstrap
 * uncertainty, signal efficiency and background rejection at working points, confusion matrices,
 * regression metrics, calibration, the Kolmogorov–Smirnov overtraining test, separation, discovery
 * significance, cut optimisation, permutation importance, correlations), plots rendered by a small
 * built-in SVG/PNG renderer, and self-contained HTML study reports.
 */
module dev.hadron.eval {
    requires transitive dev.hadron.core;
    requires java.desktop;

    exports dev.hadron.eval.metrics;
    exports dev.hadron.eval.plot;
    exports dev.hadron.eval.report;
}
