package dev.hadron.eval.plot;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A figure: a canvas of a given size in pixels holding one or more {@link Axes}, rendered as SVG
 * (vector, for reports and papers) or PNG (raster). Both come from the same layout, drawn by a small
 * built-in renderer.
 *
 * <pre>{@code
 * Figure fig = Figure.of(640, 480);
 * fig.axes().xLabel("x").yLabel("y").line(x, y, LineStyle.solid(Color.palette(0), 2), "data");
 * fig.save(Path.of("plot.svg"));          // or .png (twice the size in pixels, for sharp text)
 * String svg = fig.toSvg();
 * }</pre>
 *
 * <p><b>Why a built-in renderer.</b> The maintained pure-Java plotting libraries on Maven Central
 * either draw through Swing with a look far from publication style (XChart, JFreeChart) or pull in
 * large dependency trees, and none produces HEP conventions (inward ticks on four sides, log-decade
 * labels, ratio panels, TMVA's overtraining plot) without heavy customisation. Plots here need a
 * handful of primitives (lines, rectangles, circles, text), so Hadron writes SVG directly — exact,
 * dependency-free, identical on every machine — and rasterises the same drawing calls with Java2D
 * ({@code java.desktop}, headless) for PNG.
 *
 * <p>Columns of axes that share their outer left and right edges get equal margins, so stacked
 * panels (a ratio panel under a main panel) line up exactly.
 */
public final class Figure {
    /** PNG pixels per SVG unit used by {@link #save} and {@link #toPng()}: twice the nominal size, for sharp text. */
    public static final double DEFAULT_PNG_SCALE = 2.0;

    private final double width;
    private final double height;
    private final List<Axes> axes = new ArrayList<>();
    private String title = "";

    private Figure(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** An empty figure of {@code width} × {@code height} pixels (SVG user units). */
    public static Figure of(double width, double height) {
        if (!(width >= 50 && width <= 20000 && height >= 50 && height <= 20000)) {
            throw new IllegalArgumentException("Figure: size " + width + " × " + height + "; expected each side in [50, 20000] pixels");
        }
        return new Figure(width, height);
    }

    /** The figure's width in pixels. */
    public double width() {
        return width;
    }

    /** The figure's height in pixels. */
    public double height() {
        return height;
    }

    /** A title stored as the SVG's accessible {@code <title>} (not drawn; use {@link Axes#title} for visible titles). */
    public Figure title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    /** The SVG title. */
    public String title() {
        return title;
    }

    /**
     * Adds axes in the cell given as fractions of the figure (x, y from the top left corner, width,
     * height); the cell includes the room for tick labels and axis labels.
     */
    public Axes addAxes(double x, double y, double w, double h) {
        if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1 + 1e-9 && y + h <= 1 + 1e-9)) {
            throw new IllegalArgumentException("Figure.addAxes: cell (" + x + ", " + y + ", " + w + ", " + h
                    + "); expected fractions of the figure with x + w <= 1 and y + h <= 1");
        }
        Axes a = new Axes(x, y, w, h);
        axes.add(a);
        return a;
    }

    /** The first axes, created to fill the whole figure if there is none yet. */
    public Axes axes() {
        if (axes.isEmpty()) {
            return addAxes(0, 0, 1, 1);
        }
        return axes.getFirst();
    }

    /** All axes, in the order added. */
    public List<Axes> allAxes() {
        return List.copyOf(axes);
    }

    /** Draws every axes on a canvas, aligning margins of axes stacked in one column. */
    private void render(Canvas c) {
        List<AxesRenderer> rs = new ArrayList<>();
        for (Axes a : axes) {
            rs.add(new AxesRenderer(a, width, height));
        }
        List<double[]> margins = new ArrayList<>();
        Map<String, double[]> column = new HashMap<>();
        for (AxesRenderer r : rs) {
            double[] m = r.margins();
            margins.add(m);
            String key = columnKey(r.outer());
            double[] cm = column.computeIfAbsent(key, k -> new double[] {0, 0});
            cm[0] = Math.max(cm[0], m[0]);
            cm[1] = Math.max(cm[1], m[2]);
        }
        for (int i = 0; i < rs.size(); i++) {
            double[] m = margins.get(i).clone();
            double[] cm = column.get(columnKey(rs.get(i).outer()));
            m[0] = cm[0];
            m[2] = cm[1];
            rs.get(i).draw(c, m);
        }
    }

    private static String columnKey(double[] outer) {
        return String.format(Locale.ROOT, "%.1f/%.1f", outer[0], outer[2]);
    }

    /** The figure as a standalone SVG document. */
    public String toSvg() {
        return toSvg("");
    }

    /**
     * The figure as SVG whose internal ids (clip paths) start with {@code idPrefix}, so that several
     * figures can be inlined into one HTML page without their ids colliding.
     */
    public String toSvg(String idPrefix) {
        if (idPrefix == null || !idPrefix.matches("[A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("Figure.toSvg: id prefix '" + idPrefix + "'; expected letters, digits, '_' or '-'");
        }
        SvgCanvas c = new SvgCanvas(width, height, title, idPrefix);
        render(c);
        return c.finish();
    }

    /** The figure painted at {@code scale} image pixels per figure pixel. */
    public BufferedImage toImage(double scale) {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("Figure.toImage: scale " + scale + "; expected a value in (0, 8]");
        }
        try {
            RasterCanvas c = new RasterCanvas(width, height, scale);
            render(c);
            return c.finish();
        } catch (InternalError | LinkageError e) {
            throw new IllegalStateException("Figure: PNG rendering failed in Java2D (" + e
                    + "); it needs the java.desktop module and a system font (e.g. the fonts-dejavu-core package). SVG output needs neither.",
                    e);
        }
    }

    /** PNG bytes at {@code scale} image pixels per figure pixel. */
    public byte[] toPng(double scale) {
        BufferedImage img = toImage(scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("Figure: no PNG writer available in javax.imageio");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** PNG bytes at {@link #DEFAULT_PNG_SCALE}. */
    public byte[] toPng() {
        return toPng(DEFAULT_PNG_SCALE);
    }

    /** Writes the figure to {@code path}; the extension (.svg or .png) selects the format. */
    public void save(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".svg")) {
                Files.writeString(path, toSvg(), StandardCharsets.UTF_8);
            } else if (name.endsWith(".png")) {
                Files.write(path, toPng());
            } else {
                throw new IllegalArgumentException("Figure.save: '" + path + "' has no .svg or .png extension; expected one of those");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Figure.save: cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
