/**
 * Plots for HEP studies, written as SVG and PNG by a small built-in renderer.
 *
 * <p>Ready-made figures: {@link dev.hadron.eval.plot.RocPlot} (background rejection against signal
 * efficiency, log scale, methods overlaid, ratio panel), {@link dev.hadron.eval.plot.OvertrainingPlot}
 * (TMVA's train/test output comparison with KS p-values), {@link dev.hadron.eval.plot.HistoryPlot}
 * (loss and metric curves), {@link dev.hadron.eval.plot.ConfusionMatrixPlot},
 * {@link dev.hadron.eval.plot.DistributionPlot} (input variables by class),
 * {@link dev.hadron.eval.plot.CorrelationPlot}, {@link dev.hadron.eval.plot.ParityPlot} (regression),
 * {@link dev.hadron.eval.plot.CalibrationPlot}, {@link dev.hadron.eval.plot.SignificancePlot} and
 * {@link dev.hadron.eval.plot.ImportancePlot}. Each returns a {@link dev.hadron.eval.plot.Figure};
 * custom plots are built from {@link dev.hadron.eval.plot.Figure} and {@link dev.hadron.eval.plot.Axes}.
 *
 * <pre>{@code
 * Figure roc = RocPlot.of(List.of(new RocPlot.Curve("BDT", Roc.curve(y, bdtScores, w)),
 *                                 new RocPlot.Curve("MLP", Roc.curve(y, mlpScores, w))));
 * roc.save(Path.of("roc.svg"));
 * roc.save(Path.of("roc.png"));
 * }</pre>
 *
 * <p><b>Why a renderer of our own.</b> The plots need only lines, rectangles, circles and text, but in
 * the HEP house style (inward ticks on all sides, minor ticks, log-decade labels 10², sub- and
 * superscripts in labels, ratio panels). The pure-Java libraries on Maven Central (JFreeChart, XChart)
 * render through Swing components with a different look and would need as much code to restyle as
 * this package has, plus a dependency. Writing SVG directly is exact and deterministic (the layout uses
 * a built-in table of DejaVu Sans metrics, so the same input gives byte-identical SVG on every
 * machine); PNG output replays the same drawing calls on a Java2D image, headless. SVG needs no fonts
 * or graphics stack at all; PNG needs {@code java.desktop} and one system font.
 */
package dev.hadron.eval.plot;
