package dev.hadron.eval.plot;

import dev.hadron.eval.metrics.CutScan;

import java.util.Locale;
import java.util.Map;

/**
 * A figure of merit (AMS, Asimov Z, s/√b, …) against the cut on the classifier output, one curve per
 * method, the best cut of each marked and quoted in the legend.
 *
 * <pre>{@code
 * Figure fig = SignificancePlot.of(Map.of("BDT", CutScan.scan(y, s, w, FigureOfMerit.AMS)));
 * }</pre>
 */
public final class SignificancePlot {
    private static final int MAX_POINTS = 2000;

    private SignificancePlot() {
    }

    /** The plot (iteration order = drawing order); all scans should use the same figure of merit. */
    public static Figure of(Map<String, CutScan> scans) {
        if (scans == null || scans.isEmpty()) {
            throw new IllegalArgumentException("SignificancePlot: no scans; expected at least one");
        }
        String fom = scans.values().iterator().next().figureOfMerit().name();
        Figure fig = Figure.of(640, 460);
        Axes ax = fig.axes().xLabel("Cut on classifier output").yLabel(fom).yHeadroom(0.3).grid(true);
        int c = 0;
        for (Map.Entry<String, CutScan> e : scans.entrySet()) {
            CutScan s = e.getValue();
            double[] t = s.thresholds();
            double[] v = s.values();
            // Every stride-th cut plus the last one, so the curve spans the full range of cuts.
            int stride = Math.max(1, (t.length + MAX_POINTS - 1) / MAX_POINTS);
            int m = (t.length - 1) / stride + 1 + ((t.length - 1) % stride == 0 ? 0 : 1);
            double[] ts = new double[m];
            double[] vs = new double[m];
            int j = 0;
            for (int i = 0; i < t.length; i += stride, j++) {
                ts[j] = t[i];
                vs[j] = v[i];
            }
            if (j < m) {
                ts[j] = t[t.length - 1];
                vs[j] = v[t.length - 1];
            }
            String label = String.format(Locale.ROOT, "%s (max %.3f at %.4g)", e.getKey(), s.bestValue(), s.bestThreshold()).replace('-', '−');
            ax.line(ts, vs, LineStyle.solid(Color.palette(c), 2), label);
            ax.scatter(new double[] {s.bestThreshold()}, new double[] {s.bestValue()}, Color.palette(c), 4.5, null);
            c++;
        }
        fig.title(fom + " vs cut");
        return fig;
    }
}
