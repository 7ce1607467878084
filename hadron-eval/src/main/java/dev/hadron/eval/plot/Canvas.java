package dev.hadron.eval.plot;

/**
 * The drawing primitives a figure is rendered with, in pixel coordinates (origin top left, y down).
 * Two implementations draw the same calls: {@link SvgCanvas} writes SVG markup, {@link RasterCanvas}
 * paints a Java2D image for PNG, so both outputs come from one layout.
 */
interface Canvas {
    /** Opens a logical group (an SVG {@code <g class="...">}); attribute pairs are name, value, .... */
    void beginGroup(String cssClass, String... attributes);

    /** Closes the innermost group. */
    void endGroup();

    /** Opens a group clipped to a rectangle. */
    void beginClip(double x, double y, double w, double h);

    /** Closes the innermost clipped group. */
    void endClip();

    /** A polyline through the points. */
    void polyline(double[] xs, double[] ys, LineStyle style);

    /** A closed polygon, filled and/or stroked (either may be null). */
    void polygon(double[] xs, double[] ys, Color fill, LineStyle stroke);

    /** A rectangle, filled and/or stroked (either may be null). */
    void rect(double x, double y, double w, double h, Color fill, LineStyle stroke);

    /** A circle, filled and/or stroked (either may be null). */
    void circle(double cx, double cy, double r, Color fill, LineStyle stroke);

    /**
     * Rich text (see {@link RichText}) with its baseline at y, aligned by {@code anchor} at x, rotated
     * by {@code rotation} degrees (counter-clockwise positive, as text reads bottom to top at 90).
     */
    void text(double x, double y, String text, double size, Anchor anchor, double rotation, Color color, boolean bold);

    /** A line segment. */
    default void line(double x1, double y1, double x2, double y2, LineStyle style) {
        polyline(new double[] {x1, x2}, new double[] {y1, y2}, style);
    }
}
