package dev.hadron.eval.plot;

import java.util.ArrayList;
import java.util.List;

/** Lays out and draws one {@link Axes}: limits, margins, ticks, frame, series, legend, colour bar. */
final class AxesRenderer {
    private static final double MAJOR_TICK = 7;
    private static final double MINOR_TICK = 3.5;
    private static final double PAD = 6;
    private static final LineStyle FRAME = LineStyle.solid(Color.BLACK, 1);
    private static final LineStyle GRID = LineStyle.solid(Color.LIGHT_GREY, 0.8);
    private static final double COS45 = Math.sqrt(0.5);

    private final Axes axes;
    private final double[] outer;
    private final double[] xLim;
    private final double[] yLim;

    AxesRenderer(Axes axes, double figWidth, double figHeight) {
        this.axes = axes;
        this.outer = axes.outer(figWidth, figHeight);
        this.xLim = limits(true);
        this.yLim = limits(false);
    }

    // ------------------------------------------------------------------ limits

    private double[] limits(boolean x) {
        List<String> cats = x ? axes.xCategories() : axes.yCategories();
        if (cats != null) {
            return new double[] {0, cats.size()};
        }
        double[] fixed = x ? axes.xLimitsOrNull() : axes.yLimitsOrNull();
        if (fixed != null) {
            return fixed.clone();
        }
        Scale scale = x ? axes.xScale() : axes.yScale();
        double lo = Double.NaN;
        double hi = Double.NaN;
        boolean histogram = false;
        boolean bars = false;
        for (Series s : axes.series()) {
            double[] b = s.bounds(axes.xScale(), axes.yScale());
            double a = x ? b[0] : b[2];
            double c = x ? b[1] : b[3];
            if (!Double.isNaN(a)) {
                lo = Double.isNaN(lo) ? a : Math.min(lo, a);
                hi = Double.isNaN(hi) ? c : Math.max(hi, c);
            }
            histogram |= s instanceof Series.Steps || s instanceof Series.Bars;
            bars |= s instanceof Series.Bars;
        }
        if (Double.isNaN(lo)) {
            return scale == Scale.LOG ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (scale == Scale.LOG) {
            double kLo = Math.floor(Math.log10(lo) + 1e-9);
            double kHi = Math.ceil(Math.log10(hi) - 1e-9);
            if (kHi <= kLo) {
                kHi = kLo + 1;
            }
            if (!x) {
                kHi += axes.yHeadroom() * (kHi - kLo);
            }
            return new double[] {Math.pow(10, kLo), Math.pow(10, kHi)};
        }
        if (hi == lo) {
            double d = lo == 0 ? 0.5 : Math.abs(lo) * 0.1;
            return new double[] {lo - d, hi + d};
        }
        double range = hi - lo;
        if (x) {
            if (bars) {
                return new double[] {lo >= 0 ? lo : lo - 0.05 * range, hi + 0.05 * range};
            }
            return new double[] {lo, hi};
        }
        double bottom = histogram && lo >= 0 ? 0 : lo - 0.05 * range;
        return new double[] {bottom, hi + axes.yHeadroom() * (hi - bottom)};
    }

    // ------------------------------------------------------------------ margins

    /** [left, top, right, bottom] margins in pixels for this axes' own needs. */
    double[] margins() {
        double plotW = Math.max(40, outer[2] - 90);
        double plotH = Math.max(40, outer[3] - 70);
        double left = PAD + 4;
        double bottom = PAD + 2;
        double top = PAD + 8;
        double right = 16;
        List<String> yc = axes.yCategories();
        double yLabelsW;
        if (yc != null) {
            yLabelsW = 0;
            for (String s : yc) {
                yLabelsW = Math.max(yLabelsW, RichText.width(s, Axes.TICK_FONT, false));
            }
        } else {
            yLabelsW = widest(yTicks(plotH), Axes.TICK_FONT);
        }
        left += yLabelsW + PAD;
        if (!axes.yLabel().isEmpty()) {
            left += Axes.LABEL_FONT * 1.6 + 2;
        }
        List<String> xc = axes.xCategories();
        if (axes.showXTickLabels()) {
            if (xc != null && rotateXCategories(plotW)) {
                double w = 0;
                for (int j = 0; j < xc.size(); j++) {
                    double lw = RichText.width(xc.get(j), Axes.TICK_FONT, false);
                    w = Math.max(w, lw);
                    double cell = plotW / xc.size();
                    left = Math.max(left, lw * COS45 - (j + 0.5) * cell + PAD);
                }
                bottom += w * COS45 + Axes.TICK_FONT + PAD;
            } else {
                boolean sup = xTicks(plotW).stream().anyMatch(t -> RichText.hasSuperscript(t.label()));
                bottom += Axes.TICK_FONT * (sup ? 1.45 : 1.2) + PAD;
            }
        }
        if (!axes.xLabel().isEmpty()) {
            bottom += Axes.LABEL_FONT * 1.3 + 2;
        }
        if (!axes.title().isEmpty()) {
            top += Axes.TITLE_FONT * 1.5;
        }
        Axes.ColorBar cb = axes.colorBarOrNull();
        if (cb != null) {
            double w = widest(Ticks.linear(cb.lo(), cb.hi(), plotH, false, Axes.TICK_FONT), Axes.TICK_FONT);
            right = 14 + 16 + PAD + w + (cb.label().isEmpty() ? 0 : Axes.LABEL_FONT * 1.3 + 4) + 10;
        }
        return new double[] {left, top, right, bottom};
    }

    private boolean rotateXCategories(double plotW) {
        List<String> xc = axes.xCategories();
        double cell = plotW / Math.max(1, xc.size());
        for (String s : xc) {
            if (RichText.width(s, Axes.TICK_FONT, false) > cell - 4) {
                return true;
            }
        }
        return false;
    }

    private static double widest(List<Ticks.Tick> ticks, double size) {
        double w = 0;
        for (Ticks.Tick t : ticks) {
            if (!t.label().isEmpty()) {
                w = Math.max(w, RichText.width(t.label(), size, false));
            }
        }
        return w;
    }

    private List<Ticks.Tick> xTicks(double plotW) {
        return Ticks.compute(axes.xScale(), xLim[0], xLim[1], plotW, true, Axes.TICK_FONT, axes.integerXTicks());
    }

    private List<Ticks.Tick> yTicks(double plotH) {
        return Ticks.compute(axes.yScale(), yLim[0], yLim[1], plotH, false, Axes.TICK_FONT, false);
    }

    double[] outer() {
        return outer;
    }

    // ------------------------------------------------------------------ drawing

    void draw(Canvas c, double[] m) {
        double left = outer[0] + m[0];
        double top = outer[1] + m[1];
        double width = outer[2] - m[0] - m[2];
        double height = outer[3] - m[1] - m[3];
        if (width < 10 || height < 10) {
            throw new IllegalStateException("Figure: plot area of " + Math.round(width) + " × " + Math.round(height)
                    + " pixels after margins; make the figure larger");
        }
        boolean invert = axes.yCategories() != null;
        Frame f = new Frame(left, top, width, height, axes.xScale(), axes.yScale(), xLim[0], xLim[1], yLim[0], yLim[1], invert);
        c.beginGroup("axes", "data-title", RichText.plain(axes.title()));
        List<Ticks.Tick> xt = axes.xCategories() != null ? categoryTicks(axes.xCategories()) : xTicks(width);
        List<Ticks.Tick> yt = axes.yCategories() != null ? categoryTicks(axes.yCategories()) : yTicks(height);
        if (axes.grid()) {
            c.beginGroup("grid");
            for (Ticks.Tick t : xt) {
                if (t.major() && inside(t.value(), xLim)) {
                    c.line(f.px(t.value()), top, f.px(t.value()), top + height, GRID);
                }
            }
            for (Ticks.Tick t : yt) {
                if (t.major() && inside(t.value(), yLim)) {
                    c.line(left, f.py(t.value()), left + width, f.py(t.value()), GRID);
                }
            }
            c.endGroup();
        }
        c.beginClip(left, top, width, height);
        for (Series s : axes.series()) {
            if (s.label() != null) {
                c.beginGroup("series " + s.kind(), "data-label", RichText.plain(s.label()));
            } else {
                c.beginGroup("series " + s.kind());
            }
            s.draw(c, f);
            c.endGroup();
        }
        c.endClip();
        c.rect(left, top, width, height, null, FRAME);
        drawXTicks(c, f, xt);
        drawYTicks(c, f, yt);
        drawLabels(c, f, m);
        drawLegend(c, f);
        drawAnnotations(c, f);
        drawColorBar(c, f);
        c.endGroup();
    }

    private static boolean inside(double v, double[] lim) {
        double eps = 1e-9 * Math.abs(lim[1] - lim[0]);
        return v >= lim[0] - eps && v <= lim[1] + eps;
    }

    private static List<Ticks.Tick> categoryTicks(List<String> names) {
        List<Ticks.Tick> t = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            t.add(new Ticks.Tick(i + 0.5, names.get(i), true));
        }
        return t;
    }

    private void drawXTicks(Canvas c, Frame f, List<Ticks.Tick> ticks) {
        c.beginGroup("xticks");
        boolean categorical = axes.xCategories() != null;
        boolean rotate = categorical && rotateXCategories(f.width());
        for (Ticks.Tick t : ticks) {
            if (!inside(t.value(), xLim)) {
                continue;
            }
            double x = f.px(t.value());
            double len = t.major() ? MAJOR_TICK : MINOR_TICK;
            if (!categorical) {
                c.line(x, f.bottom(), x, f.bottom() - len, FRAME);
                c.line(x, f.top(), x, f.top() + len, FRAME);
            }
            if (axes.showXTickLabels() && !t.label().isEmpty()) {
                if (rotate) {
                    c.text(x + Axes.TICK_FONT * 0.3, f.bottom() + PAD + Axes.TICK_FONT * 0.5, t.label(), Axes.TICK_FONT, Anchor.END, 45,
                            Color.BLACK, false);
                } else {
                    boolean sup = RichText.hasSuperscript(t.label());
                    double y = f.bottom() + PAD + Axes.TICK_FONT * (sup ? 1.2 : 0.95);
                    c.text(x, y, t.label(), Axes.TICK_FONT, Anchor.MIDDLE, 0, Color.BLACK, false);
                }
            }
        }
        c.endGroup();
    }

    private void drawYTicks(Canvas c, Frame f, List<Ticks.Tick> ticks) {
        c.beginGroup("yticks");
        boolean categorical = axes.yCategories() != null;
        for (Ticks.Tick t : ticks) {
            if (!inside(t.value(), yLim)) {
                continue;
            }
            double y = f.py(t.value());
            double len = t.major() ? MAJOR_TICK : MINOR_TICK;
            if (!categorical) {
                c.line(f.left(), y, f.left() + len, y, FRAME);
                c.line(f.right(), y, f.right() - len, y, FRAME);
            }
            if (!t.label().isEmpty()) {
                c.text(f.left() - PAD, y + TextMetrics.CAP_HEIGHT * Axes.TICK_FONT / 2, t.label(), Axes.TICK_FONT, Anchor.END, 0, Color.BLACK,
                        false);
            }
        }
        c.endGroup();
    }

    private void drawLabels(Canvas c, Frame f, double[] m) {
        // HEP convention: numeric axis labels sit at the far ends; categorical ones are centred.
        if (!axes.xLabel().isEmpty()) {
            c.beginGroup("xlabel");
            boolean centre = axes.xCategories() != null;
            c.text(centre ? f.left() + f.width() / 2 : f.right(), outer[1] + outer[3] - PAD - TextMetrics.DESCENT * Axes.LABEL_FONT,
                    axes.xLabel(), Axes.LABEL_FONT, centre ? Anchor.MIDDLE : Anchor.END, 0, Color.BLACK, false);
            c.endGroup();
        }
        if (!axes.yLabel().isEmpty()) {
            c.beginGroup("ylabel");
            boolean centre = axes.yCategories() != null;
            c.text(outer[0] + PAD + 4 + Axes.LABEL_FONT * 0.95, centre ? f.top() + f.height() / 2 : f.top(), axes.yLabel(), Axes.LABEL_FONT,
                    centre ? Anchor.MIDDLE : Anchor.END, 90, Color.BLACK, false);
            c.endGroup();
        }
        if (!axes.title().isEmpty()) {
            c.beginGroup("title");
            c.text(f.left(), f.top() - PAD - 2, axes.title(), Axes.TITLE_FONT, Anchor.START, 0, Color.BLACK, false);
            c.endGroup();
        }
    }

    private void drawLegend(Canvas c, Frame f) {
        if (axes.legendPosition() == LegendPosition.NONE) {
            return;
        }
        List<Series> entries = new ArrayList<>();
        for (Series s : axes.series()) {
            if (s.label() != null && !s.label().isEmpty()) {
                entries.add(s);
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        double row = Axes.LEGEND_FONT * 1.5;
        double sw = 26;
        double textW = 0;
        for (Series s : entries) {
            textW = Math.max(textW, RichText.width(s.label(), Axes.LEGEND_FONT, false));
        }
        double w = 8 + sw + 8 + textW + 8;
        double h = entries.size() * row + 8;
        double inset = 10;
        LegendPosition p = axes.legendPosition();
        boolean rightSide = p == LegendPosition.UPPER_RIGHT || p == LegendPosition.LOWER_RIGHT;
        boolean topSide = p == LegendPosition.UPPER_RIGHT || p == LegendPosition.UPPER_LEFT;
        double x = rightSide ? f.right() - inset - w : f.left() + inset;
        double y = topSide ? f.top() + inset : f.bottom() - inset - h;
        c.beginGroup("legend");
        c.rect(x, y, w, h, Color.WHITE.withAlpha(0.85), null);
        for (int i = 0; i < entries.size(); i++) {
            Series s = entries.get(i);
            double ry = y + 4 + i * row;
            c.beginGroup("legend-entry");
            s.swatch(c, x + 8, ry + (row - 12) / 2, sw, 12);
            c.text(x + 8 + sw + 8, ry + row / 2 + TextMetrics.CAP_HEIGHT * Axes.LEGEND_FONT / 2, s.label(), Axes.LEGEND_FONT, Anchor.START, 0,
                    Color.BLACK, false);
            c.endGroup();
        }
        c.endGroup();
    }

    private void drawAnnotations(Canvas c, Frame f) {
        if (axes.annotations().isEmpty()) {
            return;
        }
        c.beginGroup("annotations");
        for (Axes.Annotation a : axes.annotations()) {
            double x = f.left() + a.xFrac() * f.width();
            double y = f.top() + (1 - a.yFrac()) * f.height();
            c.text(x, y, a.text(), a.size(), a.anchor(), 0, a.color(), a.bold());
        }
        c.endGroup();
    }

    private void drawColorBar(Canvas c, Frame f) {
        Axes.ColorBar cb = axes.colorBarOrNull();
        if (cb == null) {
            return;
        }
        c.beginGroup("colorbar");
        double x = f.right() + 14;
        double w = 16;
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            double y0 = f.top() + f.height() * (1 - (i + 1.0) / steps);
            c.rect(x, y0, w, f.height() / steps + 0.5, cb.map().at((i + 0.5) / steps), null);
        }
        c.rect(x, f.top(), w, f.height(), null, FRAME);
        List<Ticks.Tick> ticks = Ticks.linear(cb.lo(), cb.hi(), f.height(), false, Axes.TICK_FONT);
        double labelsW = 0;
        for (Ticks.Tick t : ticks) {
            if (!t.major()) {
                continue;
            }
            double y = f.top() + f.height() * (1 - (t.value() - cb.lo()) / (cb.hi() - cb.lo()));
            c.line(x + w, y, x + w - 4, y, FRAME);
            if (!t.label().isEmpty()) {
                c.text(x + w + PAD, y + TextMetrics.CAP_HEIGHT * Axes.TICK_FONT / 2, t.label(), Axes.TICK_FONT, Anchor.START, 0, Color.BLACK,
                        false);
                labelsW = Math.max(labelsW, RichText.width(t.label(), Axes.TICK_FONT, false));
            }
        }
        if (!cb.label().isEmpty()) {
            c.text(x + w + PAD + labelsW + 6 + Axes.LABEL_FONT * 0.8, f.top() + f.height() / 2, cb.label(), Axes.LABEL_FONT, Anchor.MIDDLE, 90,
                    Color.BLACK, false);
        }
        c.endGroup();
    }
}
