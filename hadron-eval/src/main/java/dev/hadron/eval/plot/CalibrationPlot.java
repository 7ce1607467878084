package dev.hadron.eval.plot;

import dev.hadron.eval.metrics.CalibrationCurve;

import java.util.Map;

/**
 * Reliability diagram: observed signal fraction against mean predicted probability per bin, one
 * curve per method, with the diagonal of perfect calibration.
 *
 * <pre>{@code
 * Figure fig = CalibrationPlot.of(Map.of("BDT", CalibrationCurve.compute(y, p, w, 10, UNIFORM)));
 * }</pre>
 */
public final class CalibrationPlot {
    private CalibrationPlot() {
    }

    /** The diagram (iteration order = drawing order). */
    public static Figure of(Map<String, CalibrationCurve> curves) {
        if (curves == null || curves.isEmpty()) {
            throw new IllegalArgumentException("CalibrationPlot: no curves; expected at least one");
        }
        Figure fig = Figure.of(560, 520);
        Axes ax = fig.axes().xLabel("Mean predicted probability").yLabel("Fraction of signal").xLimits(0, 1).yLimits(0, 1)
                .legend(LegendPosition.UPPER_LEFT);
        ax.line(new double[] {0, 1}, new double[] {0, 1}, LineStyle.dashed(Color.GREY, 1.2), "Perfectly calibrated");
        int c = 0;
        for (Map.Entry<String, CalibrationCurve> e : curves.entrySet()) {
            double[] x = e.getValue().meanPredicted();
            double[] y = e.getValue().fractionPositive();
            ax.line(x, y, LineStyle.solid(Color.palette(c), 2), e.getKey());
            ax.scatter(x, y, Color.palette(c), 3.5, null);
            c++;
        }
        fig.title("Calibration");
        return fig;
    }
}
