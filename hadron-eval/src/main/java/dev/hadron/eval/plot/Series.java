package dev.hadron.eval.plot;

import java.util.ArrayList;
import java.util.List;

/** The things an {@link Axes} can draw; each knows its data bounds, how to draw itself and its legend swatch. */
sealed interface Series {
    /** Legend label, or null for none. */
    String label();

    /** The SVG class of the series group. */
    String kind();

    /** [xmin, xmax, ymin, ymax] of the drawable data, NaN where there is none. */
    double[] bounds(Scale xs, Scale ys);

    void draw(Canvas c, Frame f);

    /** Draws the legend symbol into the box (x, y, w, h). */
    void swatch(Canvas c, double x, double y, double w, double h);

    private static double[] bounds(double[] x, double[] y, Scale xs, Scale ys) {
        double[] b = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        for (int i = 0; i < x.length; i++) {
            if (xs.accepts(x[i]) && ys.accepts(y[i])) {
                b[0] = Double.isNaN(b[0]) ? x[i] : Math.min(b[0], x[i]);
                b[1] = Double.isNaN(b[1]) ? x[i] : Math.max(b[1], x[i]);
                b[2] = Double.isNaN(b[2]) ? y[i] : Math.min(b[2], y[i]);
                b[3] = Double.isNaN(b[3]) ? y[i] : Math.max(b[3], y[i]);
            }
        }
        return b;
    }

    /** A polyline; points that the scales cannot show (e.g. ≤ 0 on a log axis) break it. */
    record Line(double[] x, double[] y, LineStyle style, String label) implements Series {
        @Override
        public String kind() {
            return "line";
        }

        @Override
        public double[] bounds(Scale xs, Scale ys) {
            return Series.bounds(x, y, xs, ys);
        }

        @Override
        public void draw(Canvas c, Frame f) {
            List<double[]> pts = new ArrayList<>();
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            for (int i = 0; i <= x.length; i++) {
                boolean ok = i < x.length && f.xScale().accepts(x[i]) && f.yScale().accepts(y[i]);
                if (!ok) {
                    flush(c, pts);
                    lastX = Double.NaN;
                    continue;
                }
                double px = f.px(x[i]);
                double py = f.py(y[i]);
                // Drop points that move less than a quarter pixel: long curves stay small without visible change.
                if (!Double.isNaN(lastX) && Math.abs(px - lastX) < 0.25 && Math.abs(py - lastY) < 0.25 && i < x.length - 1) {
                    continue;
                }
                pts.add(new double[] {px, py});
                lastX = px;
                lastY = py;
            }
        }

        private void flush(Canvas c, List<double[]> pts) {
            if (pts.size() >= 2) {
                double[] xs = new double[pts.size()];
                double[] ys = new double[pts.size()];
                for (int j = 0; j < xs.length; j++) {
                    xs[j] = pts.get(j)[0];
                    ys[j] = pts.get(j)[1];
                }
                c.polyline(xs, ys, style);
            }
            pts.clear();
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w, double h) {
            c.line(x0, y0 + h / 2, x0 + w, y0 + h / 2, style);
        }
    }

    /** A histogram drawn as steps over bin edges, optionally filled down to the baseline. */
    record Steps(double[] edges, double[] values, Color fill, LineStyle edge, String label) implements Series {
        @Override
        public String kind() {
            return "histogram";
        }

        @Override
        public double[] bounds(Scale xs, Scale ys) {
            double[] b = Series.bounds(new double[] {edges[0], edges[edges.length - 1]}, new double[] {0, 0}, xs, Scale.LINEAR);
            double[] v = Series.bounds(values, values, Scale.LINEAR, ys);
            return new double[] {b[0], b[1], v[2], v[3]};
        }

        @Override
        public void draw(Canvas c, Frame f) {
            int n = values.length;
            double[] xs = new double[2 * n + 2];
            double[] ys = new double[2 * n + 2];
            double base = f.py(f.baseline());
            xs[0] = f.px(edges[0]);
            ys[0] = base;
            for (int i = 0; i < n; i++) {
                double v = f.yScale().accepts(values[i]) ? f.py(values[i]) : base;
                xs[1 + 2 * i] = f.px(edges[i]);
                ys[1 + 2 * i] = v;
                xs[2 + 2 * i] = f.px(edges[i + 1]);
                ys[2 + 2 * i] = v;
            }
            xs[2 * n + 1] = f.px(edges[n]);
            ys[2 * n + 1] = base;
            if (fill != null) {
                c.polygon(xs, ys, fill, null);
            }
            if (edge != null) {
                c.polyline(xs, ys, edge);
            }
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w, double h) {
            c.rect(x0 + 2, y0 + 1, w - 4, h - 2, fill, edge);
        }
    }

    /** Markers with vertical (and optional horizontal) error bars. */
    record Points(double[] x, double[] y, double[] yErr, double[] xErr, Color color, double radius, String label) implements Series {
        @Override
        public String kind() {
            return "points";
        }

        @Override
        public double[] bounds(Scale xs, Scale ys) {
            double[] hi = new double[y.length];
            double[] lo = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                double e = yErr == null ? 0 : yErr[i];
                hi[i] = y[i] + e;
                lo[i] = ys == Scale.LOG ? y[i] : y[i] - e;
            }
            double[] a = Series.bounds(x, hi, xs, ys);
            double[] b = Series.bounds(x, lo, xs, ys);
            return new double[] {a[0], a[1], Math.min(a[2], b[2]), Math.max(a[3], b[3])};
        }

        @Override
        public void draw(Canvas c, Frame f) {
            LineStyle bar = LineStyle.solid(color, 1.2);
            for (int i = 0; i < x.length; i++) {
                if (!f.xScale().accepts(x[i]) || !f.yScale().accepts(y[i])) {
                    continue;
                }
                double px = f.px(x[i]);
                double py = f.py(y[i]);
                if (yErr != null && yErr[i] > 0) {
                    double lo = y[i] - yErr[i];
                    double pyLo = f.yScale().accepts(lo) ? f.py(lo) : f.bottom();
                    c.line(px, f.py(y[i] + yErr[i]), px, pyLo, bar);
                }
                if (xErr != null && xErr[i] > 0) {
                    c.line(f.px(x[i] - xErr[i]), py, f.px(x[i] + xErr[i]), py, bar);
                }
                c.circle(px, py, radius, color, null);
            }
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w, double h) {
            c.line(x0 + w / 2, y0, x0 + w / 2, y0 + h, LineStyle.solid(color, 1.2));
            c.circle(x0 + w / 2, y0 + h / 2, radius, color, null);
        }
    }

    /** Unconnected markers (scatter plots). */
    record Scatter(double[] x, double[] y, Color color, double radius, String label) implements Series {
        @Override
        public String kind() {
            return "scatter";
        }

        @Override
        public double[] bounds(Scale xs, Scale ys) {
            return Series.bounds(x, y, xs, ys);
        }

        @Override
        public void draw(Canvas c, Frame f) {
            for (int i = 0; i < x.length; i++) {
                if (f.xScale().accepts(x[i]) && f.yScale().accepts(y[i])) {
                    c.circle(f.px(x[i]), f.py(y[i]), radius, color, null);
                }
            }
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w, double h) {
            c.circle(x0 + w / 2, y0 + h / 2, Math.max(radius, 2.5), color.withAlpha(1), null);
        }
    }

    /** A filled band between two curves (uncertainty bands). */
    record Band(double[] x, double[] lo, double[] hi, Color fill, String label) implements Series {
        @Override
        public String kind() {
            return "band";
        }

        @Override
        public double[] bounds(Scale xs, Scale ys) {
            double[] a = Series.bounds(x, lo, xs, ys);
            double[] b = Series.bounds(x, hi, xs, ys);
            return new double[] {a[0], a[1], Math.min(a[2], b[2]), Math.max(a[3], b[3])};
        }

        @Override
        public void draw(Canvas c, Frame f) {
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (f.xScale().accepts(x[i]) && f.yScale().accepts(hi[i])) {
                    px.add(f.px(x[i]));
                    py.add(f.py(hi[i]));
                }
            }
            for (int i = x.length - 1; i >= 0; i--) {
                if (f.xScale().accepts(x[i]) && f.yScale().accepts(lo[i])) {
                    px.add(f.px(x[i]));
                    py.add(f.py(lo[i]));
                }
            }
            if (px.size() >= 3) {
                c.polygon(px.stream().mapToDouble(Double::doubleValue).toArray(), py.stream().mapToDouble(Double::doubleValue).toArray(), fill,
                        null);
            }
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w, double h) {
            c.rect(x0 + 2, y0 + 1, w - 4, h - 2, fill, null);
        }
    }

    /** Horizontal bars from zero, one per category (row i at y in [i, i+1] on an inverted axis), with error whiskers. */
    record Bars(double[] values, double[] errors, Color color, String label) implements Series {
        @Override
        public String kind() {
            return "bars";
        }

        @Override
        public double[] bounds(Scale xs, Scale ys) {
            double lo = 0;
            double hi = 0;
            for (int i = 0; i < values.length; i++) {
                double e = errors == null ? 0 : errors[i];
                lo = Math.min(lo, values[i] - e);
                hi = Math.max(hi, values[i] + e);
            }
            return new double[] {lo, hi, 0, values.length};
        }

        @Override
        public void draw(Canvas c, Frame f) {
            for (int i = 0; i < values.length; i++) {
                double x0 = f.px(Math.min(0, values[i]));
                double x1 = f.px(Math.max(0, values[i]));
                double y0 = f.py(i + 0.15);
                double y1 = f.py(i + 0.85);
                c.rect(x0, Math.min(y0, y1), x1 - x0, Math.abs(y1 - y0), color, null);
                if (errors != null && errors[i] > 0) {
                    double ym = f.py(i + 0.5);
                    c.line(f.px(values[i] - errors[i]), ym, f.px(values[i] + errors[i]), ym, LineStyle.solid(Color.BLACK, 1));
                }
            }
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w, double h) {
            c.rect(x0 + 2, y0 + 1, w - 4, h - 2, color, null);
        }
    }

    /** A grid of coloured cells (row i spans y in [i, i+1], column j x in [j, j+1]) with optional text. */
    record Cells(double[][] values, ColorMap map, double vmin, double vmax, String[][] text, double fontSize) implements Series {
        @Override
        public String label() {
            return null;
        }

        @Override
        public String kind() {
            return "heatmap";
        }

        @Override
        public double[] bounds(Scale xs, Scale ys) {
            return new double[] {0, values.length == 0 ? 0 : values[0].length, 0, values.length};
        }

        @Override
        public void draw(Canvas c, Frame f) {
            for (int i = 0; i < values.length; i++) {
                for (int j = 0; j < values[i].length; j++) {
                    double x0 = f.px(j);
                    double x1 = f.px(j + 1);
                    double y0 = f.py(i);
                    double y1 = f.py(i + 1);
                    double t = vmax == vmin ? 0.5 : (values[i][j] - vmin) / (vmax - vmin);
                    Color col = map.at(t);
                    c.rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0), col, LineStyle.solid(Color.WHITE, 1));
                    if (text != null && text[i][j] != null && !text[i][j].isEmpty()) {
                        Color ink = col.luminance() < 0.5 ? Color.WHITE : Color.BLACK;
                        c.text((x0 + x1) / 2, (y0 + y1) / 2 + TextMetrics.CAP_HEIGHT * fontSize / 2, text[i][j], fontSize, Anchor.MIDDLE, 0, ink,
                                false);
                    }
                }
            }
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w, double h) {
            c.rect(x0, y0, w, h, map.at(1), null);
        }
    }

    /** A horizontal (or vertical) line across the whole plot area at one data value. */
    record Reference(double value, LineStyle style, boolean horizontal) implements Series {
        @Override
        public String label() {
            return null;
        }

        @Override
        public String kind() {
            return "reference";
        }

        @Override
        public double[] bounds(Scale xs, Scale ys) {
            boolean ok = horizontal ? ys.accepts(value) : xs.accepts(value);
            double v = ok ? value : Double.NaN;
            return horizontal ? new double[] {Double.NaN, Double.NaN, v, v} : new double[] {v, v, Double.NaN, Double.NaN};
        }

        @Override
        public void draw(Canvas c, Frame f) {
            if (horizontal && f.yScale().accepts(value)) {
                double y = f.py(value);
                c.line(f.left(), y, f.right(), y, style);
            } else if (!horizontal && f.xScale().accepts(value)) {
                double x = f.px(value);
                c.line(x, f.top(), x, f.bottom(), style);
            }
        }

        @Override
        public void swatch(Canvas c, double x0, double y0, double w, double h) {
            c.line(x0, y0 + h / 2, x0 + w, y0 + h / 2, style);
        }
    }
}
