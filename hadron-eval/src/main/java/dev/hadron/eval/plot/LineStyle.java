package dev.hadron.eval.plot;

/**
 * How a line is stroked.
 *
 * @param color the colour
 * @param width the width in pixels (SVG user units)
 * @param dash dash and gap lengths in pixels, or null for a solid line
 */
public record LineStyle(Color color, double width, double[] dash) {
    /** Validates. */
    public LineStyle {
        if (color == null || !(width > 0)) {
            throw new IllegalArgumentException("LineStyle: colour " + color + ", width " + width + "; expected a colour and a positive width");
        }
        dash = dash == null ? null : dash.clone();
    }

    /** A solid line. */
    public static LineStyle solid(Color color, double width) {
        return new LineStyle(color, width, null);
    }

    /** A dashed line (6 on, 4 off). */
    public static LineStyle dashed(Color color, double width) {
        return new LineStyle(color, width, new double[] {6, 4});
    }

    /** A dotted line. */
    public static LineStyle dotted(Color color, double width) {
        return new LineStyle(color, width, new double[] {1.5, 3});
    }

    /** The dash pattern (a copy), or null. */
    @Override
    public double[] dash() {
        return dash == null ? null : dash.clone();
    }

    /** The i-th style of a cycle that varies dash patterns, for curves that must stay apart in black and white. */
    public static LineStyle cycle(int i, Color color, double width) {
        return switch (Math.floorMod(i, 4)) {
            case 0 -> solid(color, width);
            case 1 -> dashed(color, width);
            case 2 -> new LineStyle(color, width, new double[] {8, 3, 2, 3});
            default -> dotted(color, width);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineStyle l && color.equals(l.color) && width == l.width && java.util.Arrays.equals(dash, l.dash);
    }

    @Override
    public int hashCode() {
        return color.hashCode() * 31 + Double.hashCode(width) + java.util.Arrays.hashCode(dash);
    }

    @Override
    public String toString() {
        return "LineStyle[" + color.hex() + ", " + width + (dash == null ? "" : ", dashed") + "]";
    }
}
