package dev.hadron.eval.plot;

import dev.hadron.eval.metrics.RocCurve;

import java.util.List;
import java.util.Locale;

/**
 * The HEP ROC plot: background rejection 1/ε_B (log scale) against signal efficiency ε_S, several
 * methods overlaid, with a ratio panel showing each method's rejection relative to the first one —
 * the figure flavour-tagging and jet-tagging papers use.
 *
 * <pre>{@code
 * Figure fig = RocPlot.of(List.of(new RocPlot.Curve("BDT", rocBdt), new RocPlot.Curve("MLP", rocMlp)));
 * fig.save(Path.of("roc.svg"));
 * }</pre>
 *
 * <p>Curves are sampled at 400 signal efficiencies between 1 % and 100 % by {@link
 * RocCurve#backgroundRejectionAt}; points with no passing background (infinite rejection) cannot be
 * drawn on the log axis and are left out. A dashed line shows a random classifier (1/ε_B = 1/ε_S).
 */
public final class RocPlot {
    /** A named curve. */
    public record Curve(String name, RocCurve roc) {
        /** Validates. */
        public Curve {
            if (name == null || roc == null) {
                throw new IllegalArgumentException("RocPlot.Curve: name and curve must be given");
            }
        }
    }

    private static final int POINTS = 400;
    private static final double MIN_EFFICIENCY = 0.01;
    /** The ratio panel's range is fitted to ε_S above this, where the rejections are statistically meaningful. */
    private static final double RATIO_RANGE_FROM = 0.3;

    private RocPlot() {
    }

    /** The plot with a ratio panel to the first curve (for a single curve, no ratio panel). */
    public static Figure of(List<Curve> curves) {
        return of(curves, curves.size() > 1);
    }

    /** The plot, with or without the ratio panel. */
    public static Figure of(List<Curve> curves, boolean ratioPanel) {
        if (curves == null || curves.isEmpty()) {
            throw new IllegalArgumentException("RocPlot: no curves; expected at least one");
        }
        Figure fig = Figure.of(640, ratioPanel ? 620 : 480);
        Axes main = ratioPanel ? fig.addAxes(0, 0, 1, 0.70) : fig.axes();
        double[] eff = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            eff[i] = MIN_EFFICIENCY + (1 - MIN_EFFICIENCY) * i / (POINTS - 1);
        }
        double[][] rej = new double[curves.size()][POINTS];
        for (int c = 0; c < curves.size(); c++) {
            for (int i = 0; i < POINTS; i++) {
                rej[c][i] = curves.get(c).roc().backgroundRejectionAt(eff[i]);
            }
        }
        double[] random = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            random[i] = 1 / eff[i];
        }
        main.yScale(Scale.LOG).xLimits(0, 1).yLabel("Background rejection 1/ε_{B}").yHeadroom(0.25)
                .legend(LegendPosition.UPPER_RIGHT);
        if (ratioPanel) {
            main.hideXTickLabels();
        } else {
            main.xLabel("Signal efficiency ε_{S}");
        }
        for (int c = 0; c < curves.size(); c++) {
            Curve cv = curves.get(c);
            String label = String.format(Locale.ROOT, "%s (AUC = %.4f)", cv.name(), cv.roc().auc());
            main.line(eff, rej[c], LineStyle.cycle(c, Color.palette(c), 2), label);
        }
        main.line(eff, random, LineStyle.dashed(Color.GREY, 1.2), "Random");
        if (ratioPanel) {
            Axes ratio = fig.addAxes(0, 0.70, 1, 0.30);
            ratio.xLimits(0, 1).xLabel("Signal efficiency ε_{S}").yLabel("Ratio to " + curves.getFirst().name()).legend(LegendPosition.NONE);
            List<Double> inRange = new java.util.ArrayList<>();
            for (int c = 0; c < curves.size(); c++) {
                double[] r = new double[POINTS];
                for (int i = 0; i < POINTS; i++) {
                    double ref = rej[0][i];
                    r[i] = Double.isFinite(ref) && Double.isFinite(rej[c][i]) ? rej[c][i] / ref : Double.NaN;
                    if (Double.isFinite(r[i]) && eff[i] >= RATIO_RANGE_FROM) {
                        inRange.add(r[i]);
                    }
                }
                ratio.line(eff, r, LineStyle.cycle(c, Color.palette(c), 2), null);
            }
            ratio.hline(1.0, LineStyle.dashed(Color.GREY, 1));
            double[] lim = ratioLimits(inRange);
            ratio.yLimits(lim[0], lim[1]);
        }
        fig.title("ROC curves");
        return fig;
    }

    /** The 2 %–98 % range of the ratios, padded and always including 1; spikes beyond are clipped. */
    private static double[] ratioLimits(List<Double> values) {
        if (values.isEmpty()) {
            return new double[] {0.5, 1.5};
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double lo = Math.min(v[(int) Math.floor(0.02 * (v.length - 1))], 1.0);
        double hi = Math.max(v[(int) Math.ceil(0.98 * (v.length - 1))], 1.0);
        double pad = Math.max(0.1 * (hi - lo), 0.05);
        return new double[] {Math.max(0, lo - pad), hi + pad};
    }
}
