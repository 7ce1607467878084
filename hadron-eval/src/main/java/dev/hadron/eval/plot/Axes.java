package dev.hadron.eval.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * One plot area of a {@link Figure}: scales, limits, labels, a legend and the series drawn in it, in
 * the style of HEP publications (ticks inside on all four sides with minor ticks, axis labels at the
 * far ends, a frameless legend). Labels may use {@code _{sub}} and {@code ^{sup}}, e.g.
 * {@code "1/ε_{B}"}. Methods return this axes so calls can be chained:
 *
 * <pre>{@code
 * Figure fig = Figure.of(640, 480);
 * fig.axes().xLabel("Epoch").yLabel("Loss").line(epochs, loss, LineStyle.solid(Color.palette(0), 2), "train");
 * fig.save(Path.of("loss.svg"));
 * }</pre>
 *
 * <p>Axes are mutable while a figure is being built; rendering does not change them.
 */
public final class Axes {
    static final double TICK_FONT = 12.5;
    static final double LABEL_FONT = 14;
    static final double LEGEND_FONT = 12.5;
    static final double TITLE_FONT = 14;

    private final double fx;
    private final double fy;
    private final double fw;
    private final double fh;
    private final List<Series> series = new ArrayList<>();
    private final List<Annotation> annotations = new ArrayList<>();
    private Scale xScale = Scale.LINEAR;
    private Scale yScale = Scale.LINEAR;
    private double[] xLimits;
    private double[] yLimits;
    private String xLabel = "";
    private String yLabel = "";
    private String title = "";
    private LegendPosition legend = LegendPosition.UPPER_RIGHT;
    private boolean xTickLabels = true;
    private boolean grid;
    private List<String> xCategories;
    private List<String> yCategories;
    private ColorBar colorBar;
    private double yHeadroom = 0.05;
    private boolean xIntegerTicks;

    record Annotation(double xFrac, double yFrac, String text, double size, boolean bold, Anchor anchor, Color color) {
    }

    record ColorBar(ColorMap map, double lo, double hi, String label) {
    }

    Axes(double fx, double fy, double fw, double fh) {
        this.fx = fx;
        this.fy = fy;
        this.fw = fw;
        this.fh = fh;
    }

    // ------------------------------------------------------------------ configuration

    /** The x-axis label. */
    public Axes xLabel(String label) {
        this.xLabel = label == null ? "" : label;
        return this;
    }

    /** The y-axis label. */
    public Axes yLabel(String label) {
        this.yLabel = label == null ? "" : label;
        return this;
    }

    /** A title above the plot area (left-aligned). */
    public Axes title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    /** Linear or logarithmic x axis. */
    public Axes xScale(Scale scale) {
        this.xScale = scale;
        return this;
    }

    /** Linear or logarithmic y axis. */
    public Axes yScale(Scale scale) {
        this.yScale = scale;
        return this;
    }

    /** Fixed x range (otherwise fitted to the data). */
    public Axes xLimits(double lo, double hi) {
        this.xLimits = checkLimits("x", lo, hi, xScale);
        return this;
    }

    /** Fixed y range (otherwise fitted to the data). */
    public Axes yLimits(double lo, double hi) {
        this.yLimits = checkLimits("y", lo, hi, yScale);
        return this;
    }

    /**
     * Extra room above the data when the y range is fitted automatically, as a fraction of the range
     * (of the decades on a log axis): room for the legend. Default 0.05.
     */
    public Axes yHeadroom(double fraction) {
        if (!(fraction >= 0 && fraction <= 5)) {
            throw new IllegalArgumentException("Axes.yHeadroom: " + fraction + "; expected a fraction in [0, 5]");
        }
        this.yHeadroom = fraction;
        return this;
    }

    private static double[] checkLimits(String axis, double lo, double hi, Scale scale) {
        if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi) || (scale == Scale.LOG && !(lo > 0))) {
            throw new IllegalArgumentException("Axes: " + axis + " limits [" + lo + ", " + hi + "]; expected finite lo < hi"
                    + (scale == Scale.LOG ? " with lo > 0 on a log axis" : ""));
        }
        return new double[] {lo, hi};
    }

    /** Where the legend goes (default upper right); NONE hides it. */
    public Axes legend(LegendPosition position) {
        this.legend = position;
        return this;
    }

    /** Hides the x tick labels (for a panel stacked above another that shares its x axis). */
    public Axes hideXTickLabels() {
        this.xTickLabels = false;
        return this;
    }

    /** Only whole-number x ticks (epochs, counts). */
    public Axes xIntegerTicks() {
        this.xIntegerTicks = true;
        return this;
    }

    /** Light grid lines at the major ticks. */
    public Axes grid(boolean on) {
        this.grid = on;
        return this;
    }

    /** Categorical x axis: one labelled tick per category at j + 0.5. */
    public Axes xCategories(List<String> names) {
        this.xCategories = List.copyOf(names);
        return this;
    }

    /** Categorical y axis, first category at the top: one labelled tick per category at i + 0.5. */
    public Axes yCategories(List<String> names) {
        this.yCategories = List.copyOf(names);
        return this;
    }

    /** A colour bar to the right of the plot area. */
    public Axes colorBar(ColorMap map, double lo, double hi, String label) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("Axes.colorBar: range [" + lo + ", " + hi + "]; expected lo < hi");
        }
        this.colorBar = new ColorBar(map, lo, hi, label == null ? "" : label);
        return this;
    }

    // ------------------------------------------------------------------ series

    /** A line through (x, y); label null keeps it out of the legend. */
    public Axes line(double[] x, double[] y, LineStyle style, String label) {
        sameLength("line", x, y);
        series.add(new Series.Line(x.clone(), y.clone(), style, label));
        return this;
    }

    /** A histogram: {@code values.length + 1} bin edges, drawn as steps, filled when {@code fill} is not null. */
    public Axes histogram(double[] edges, double[] values, Color fill, LineStyle edge, String label) {
        if (edges.length != values.length + 1) {
            throw new IllegalArgumentException("Axes.histogram: " + edges.length + " edges for " + values.length + " bins; expected bins + 1 edges");
        }
        series.add(new Series.Steps(edges.clone(), values.clone(), fill, edge, label));
        return this;
    }

    /** Points with symmetric vertical error bars (yErr may be null) and optional horizontal half-widths (xErr may be null). */
    public Axes errorBars(double[] x, double[] y, double[] yErr, double[] xErr, Color color, String label) {
        sameLength("errorBars", x, y);
        if (yErr != null) {
            sameLength("errorBars", x, yErr);
        }
        if (xErr != null) {
            sameLength("errorBars", x, xErr);
        }
        series.add(new Series.Points(x.clone(), y.clone(), yErr == null ? null : yErr.clone(), xErr == null ? null : xErr.clone(), color, 3,
                label));
        return this;
    }

    /** Unconnected markers of the given radius. */
    public Axes scatter(double[] x, double[] y, Color color, double radius, String label) {
        sameLength("scatter", x, y);
        series.add(new Series.Scatter(x.clone(), y.clone(), color, radius, label));
        return this;
    }

    /** A filled band between lo(x) and hi(x). */
    public Axes band(double[] x, double[] lo, double[] hi, Color fill, String label) {
        sameLength("band", x, lo);
        sameLength("band", x, hi);
        series.add(new Series.Band(x.clone(), lo.clone(), hi.clone(), fill, label));
        return this;
    }

    /** Horizontal bars (one per y category, first at the top) with optional error whiskers. */
    public Axes bars(double[] values, double[] errors, Color color, String label) {
        if (errors != null) {
            sameLength("bars", values, errors);
        }
        series.add(new Series.Bars(values.clone(), errors == null ? null : errors.clone(), color, label));
        return this;
    }

    /**
     * A heat map: cell [i][j] spans x in [j, j+1] and y in [i, i+1] (row 0 at the top when y categories
     * are set); colour from {@code map} over [vmin, vmax]; {@code text} (may be null) printed in the cells.
     */
    public Axes heatmap(double[][] values, ColorMap map, double vmin, double vmax, String[][] text) {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        int cols = values.length == 0 ? 0 : values[0].length;
        double fontSize = Math.max(7, Math.min(12, 140.0 / Math.max(1, Math.max(cols, values.length))));
        series.add(new Series.Cells(copy, map, vmin, vmax, text, fontSize));
        return this;
    }

    /** A horizontal reference line across the plot. */
    public Axes hline(double y, LineStyle style) {
        series.add(new Series.Reference(y, style, true));
        return this;
    }

    /** A vertical reference line across the plot. */
    public Axes vline(double x, LineStyle style) {
        series.add(new Series.Reference(x, style, false));
        return this;
    }

    /** Text at a position given as fractions of the plot area (0, 0 bottom left; 1, 1 top right). */
    public Axes text(double xFrac, double yFrac, String text, double size, boolean bold) {
        annotations.add(new Annotation(xFrac, yFrac, text, size, bold, Anchor.START, Color.BLACK));
        return this;
    }

    /** Right-aligned text at a position given as fractions of the plot area. */
    public Axes textRight(double xFrac, double yFrac, String text, double size, boolean bold) {
        annotations.add(new Annotation(xFrac, yFrac, text, size, bold, Anchor.END, Color.BLACK));
        return this;
    }

    private static void sameLength(String op, double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Axes." + op + ": arrays of lengths " + a.length + " and " + b.length + "; expected equal lengths");
        }
    }

    // ------------------------------------------------------------------ accessors for Figure

    double[] outer(double width, double height) {
        return new double[] {fx * width, fy * height, fw * width, fh * height};
    }

    List<Series> series() {
        return series;
    }

    List<Annotation> annotations() {
        return annotations;
    }

    Scale xScale() {
        return xScale;
    }

    Scale yScale() {
        return yScale;
    }

    double[] xLimitsOrNull() {
        return xLimits;
    }

    double[] yLimitsOrNull() {
        return yLimits;
    }

    String xLabel() {
        return xLabel;
    }

    String yLabel() {
        return yLabel;
    }

    String title() {
        return title;
    }

    LegendPosition legendPosition() {
        return legend;
    }

    boolean showXTickLabels() {
        return xTickLabels;
    }

    boolean grid() {
        return grid;
    }

    List<String> xCategories() {
        return xCategories;
    }

    List<String> yCategories() {
        return yCategories;
    }

    ColorBar colorBarOrNull() {
        return colorBar;
    }

    double yHeadroom() {
        return yHeadroom;
    }

    boolean integerXTicks() {
        return xIntegerTicks;
    }
}
