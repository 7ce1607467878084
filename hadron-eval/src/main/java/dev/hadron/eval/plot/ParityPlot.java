package dev.hadron.eval.plot;

import dev.hadron.eval.internal.Inputs;
import dev.hadron.eval.metrics.RegressionMetrics;
import dev.hadron.tensor.Tensor;

import java.util.Locale;

/**
 * The regression parity plot: predicted against true value for each event, the diagonal y = x, and
 * R², MAE and RMSE printed in the corner. Beyond 5 000 events an evenly strided subset is drawn (the
 * metrics use every event).
 *
 * <pre>{@code
 * Figure fig = ParityPlot.of(targets, predictions, weights, "Z mass [GeV]");
 * }</pre>
 */
public final class ParityPlot {
    private static final int MAX_POINTS = 5000;

    private ParityPlot() {
    }

    /** The plot of predictions against targets (both (n)); weights may be null; {@code quantity} names the target. */
    public static Figure of(Tensor targets, Tensor predictions, Tensor weights, String quantity) {
        String op = "ParityPlot";
        double[] t = Inputs.values(op, "target", targets);
        double[] p = Inputs.values(op, "prediction", predictions);
        Inputs.sameLength(op, "targets", t.length, "predictions", p.length);
        Inputs.nonEmpty(op, t.length);
        RegressionMetrics m = RegressionMetrics.of(targets, predictions, weights);
        int stride = Math.max(1, (t.length + MAX_POINTS - 1) / MAX_POINTS);
        int count = (t.length + stride - 1) / stride;
        double[] xs = new double[count];
        double[] ys = new double[count];
        for (int i = 0, j = 0; i < t.length; i += stride, j++) {
            xs[j] = t[i];
            ys[j] = p[i];
        }
        double[] rt = Binned.range(t, 0.001, 0.999);
        double[] rp = Binned.range(p, 0.001, 0.999);
        double lo = Math.min(rt[0], rp[0]);
        double hi = Math.max(rt[1], rp[1]);
        double pad = 0.04 * (hi - lo);
        lo -= pad;
        hi += pad;
        Figure fig = Figure.of(560, 540);
        String q = quantity == null || quantity.isEmpty() ? "target" : quantity;
        double alpha = count > 2000 ? 0.25 : count > 300 ? 0.45 : 0.8;
        fig.axes().xLabel("True " + q).yLabel("Predicted " + q).xLimits(lo, hi).yLimits(lo, hi).legend(LegendPosition.LOWER_RIGHT)
                .scatter(xs, ys, Color.palette(0).withAlpha(alpha), count > 2000 ? 1.6 : 2.4, "Events")
                .line(new double[] {lo, hi}, new double[] {lo, hi}, LineStyle.dashed(Color.BLACK, 1.2), "y = x")
                .text(0.04, 0.93, String.format(Locale.ROOT, "R^{2} = %.4f", m.r2()), 13, false)
                .text(0.04, 0.86, String.format(Locale.ROOT, "MAE = %.4g", m.mae()), 13, false)
                .text(0.04, 0.79, String.format(Locale.ROOT, "RMSE = %.4g", m.rmse()), 13, false);
        fig.title("Predicted vs true " + q);
        return fig;
    }
}
