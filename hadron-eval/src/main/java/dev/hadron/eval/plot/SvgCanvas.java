package dev.hadron.eval.plot;

import java.util.Locale;

/**
 * Writes drawing calls as SVG 1.1 markup: presentation attributes only (no CSS, no scripts, no
 * external references), so the result can be saved as a file or inlined into an HTML page as is.
 */
final class SvgCanvas implements Canvas {
    /** The font stack: DejaVu Sans (the metrics the layout uses) first, then look-alikes. */
    static final String FONT_FAMILY = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Arial, Helvetica, sans-serif";

    private final StringBuilder sb = new StringBuilder();
    private final double width;
    private final double height;
    private final String idPrefix;
    private int clipId;
    private int depth = 1;

    SvgCanvas(double width, double height, String title, String idPrefix) {
        this.width = width;
        this.height = height;
        this.idPrefix = idPrefix;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" font-family=\"").append(FONT_FAMILY).append("\" role=\"img\">\n");
        if (title != null && !title.isEmpty()) {
            sb.append("  <title>").append(escape(RichText.plain(title))).append("</title>\n");
        }
        sb.append("  <rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" fill=\"#ffffff\"/>\n");
    }

    /** The finished document. */
    String finish() {
        if (depth != 1) {
            throw new IllegalStateException("SvgCanvas: " + (depth - 1) + " groups left open");
        }
        return sb + "</svg>\n";
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    private void indent() {
        sb.append("  ".repeat(depth));
    }

    @Override
    public void beginGroup(String cssClass, String... attributes) {
        indent();
        sb.append("<g class=\"").append(escape(cssClass)).append('"');
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            sb.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        sb.append(">\n");
        depth++;
    }

    @Override
    public void endGroup() {
        depth--;
        indent();
        sb.append("</g>\n");
    }

    @Override
    public void beginClip(double x, double y, double w, double h) {
        String id = idPrefix + "clip" + (clipId++);
        indent();
        sb.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\"/></clipPath>\n");
        indent();
        sb.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        depth++;
    }

    @Override
    public void endClip() {
        endGroup();
    }

    @Override
    public void polyline(double[] xs, double[] ys, LineStyle style) {
        if (xs.length < 2) {
            return;
        }
        indent();
        if (xs.length == 2) {
            sb.append("<line x1=\"").append(num(xs[0])).append("\" y1=\"").append(num(ys[0])).append("\" x2=\"").append(num(xs[1]))
                    .append("\" y2=\"").append(num(ys[1])).append('"');
        } else {
            sb.append("<polyline fill=\"none\" points=\"");
            points(xs, ys);
            sb.append('"');
        }
        stroke(style);
        sb.append("/>\n");
    }

    @Override
    public void polygon(double[] xs, double[] ys, Color fill, LineStyle stroke) {
        indent();
        sb.append("<polygon points=\"");
        points(xs, ys);
        sb.append('"');
        fill(fill);
        stroke(stroke);
        sb.append("/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, LineStyle stroke) {
        indent();
        sb.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(Math.max(0, w)))
                .append("\" height=\"").append(num(Math.max(0, h))).append('"');
        fill(fill);
        stroke(stroke);
        sb.append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, LineStyle stroke) {
        indent();
        sb.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r)).append('"');
        fill(fill);
        stroke(stroke);
        sb.append("/>\n");
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, double rotation, Color color, boolean bold) {
        indent();
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"").append(num(size)).append('"');
        if (anchor != Anchor.START) {
            sb.append(" text-anchor=\"").append(anchor.svg).append('"');
        }
        if (bold) {
            sb.append(" font-weight=\"bold\"");
        }
        if (!color.equals(Color.BLACK)) {
            sb.append(" fill=\"").append(color.hex()).append('"');
            if (color.alpha() < 1) {
                sb.append(" fill-opacity=\"").append(num(color.alpha())).append('"');
            }
        }
        if (rotation != 0) {
            sb.append(" transform=\"rotate(").append(num(-rotation)).append(' ').append(num(x)).append(' ').append(num(y)).append(")\"");
        }
        sb.append('>');
        double shift = 0;
        for (RichText.Run run : RichText.parse(text)) {
            double target = switch (run.kind()) {
                case NORMAL -> 0;
                case SUP -> -RichText.SUP_SHIFT * size;
                case SUB -> RichText.SUB_SHIFT * size;
            };
            if (run.kind() == RichText.Kind.NORMAL && target == shift) {
                sb.append(escape(run.text()));
            } else {
                sb.append("<tspan");
                if (target != shift) {
                    sb.append(" dy=\"").append(num(target - shift)).append('"');
                }
                if (run.kind() != RichText.Kind.NORMAL) {
                    sb.append(" font-size=\"").append(num(size * RichText.SCRIPT_SCALE)).append('"');
                }
                sb.append('>').append(escape(run.text())).append("</tspan>");
                shift = target;
            }
        }
        sb.append("</text>\n");
    }

    private void points(double[] xs, double[] ys) {
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(num(xs[i])).append(',').append(num(ys[i]));
        }
    }

    private void fill(Color c) {
        if (c == null) {
            sb.append(" fill=\"none\"");
            return;
        }
        sb.append(" fill=\"").append(c.hex()).append('"');
        if (c.alpha() < 1) {
            sb.append(" fill-opacity=\"").append(num(c.alpha())).append('"');
        }
    }

    private void stroke(LineStyle s) {
        if (s == null) {
            return;
        }
        sb.append(" stroke=\"").append(s.color().hex()).append("\" stroke-width=\"").append(num(s.width())).append('"');
        if (s.color().alpha() < 1) {
            sb.append(" stroke-opacity=\"").append(num(s.color().alpha())).append('"');
        }
        double[] dash = s.dash();
        if (dash != null) {
            sb.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                sb.append(i == 0 ? "" : ",").append(num(dash[i]));
            }
            sb.append('"');
        }
        sb.append(" stroke-linejoin=\"round\"");
    }

    /** Coordinates with two decimals, trailing zeros dropped. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        s = s.substring(0, end);
        return s.equals("-0") ? "0" : s;
    }

    /** XML escaping of text and attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
