package dev.hadron.eval.plot;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paints drawing calls onto a Java2D image (antialiased, white background) for PNG output. Text uses
 * DejaVu Sans when the system has it (the layout's metrics), else Java's logical sans-serif font.
 * Works in headless mode; Java selects headless automatically where no display is set.
 */
final class RasterCanvas implements Canvas {
    private static final String FAMILY = pickFamily();

    private final BufferedImage image;
    private final Graphics2D g;
    private final Deque<Shape> clips = new ArrayDeque<>();

    RasterCanvas(double width, double height, double scale) {
        int w = (int) Math.round(width * scale);
        int h = (int) Math.round(height * scale);
        image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.scale(scale, scale);
    }

    private static String pickFamily() {
        try {
            for (String f : java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(java.util.Locale.ROOT)) {
                if (f.equals("DejaVu Sans")) {
                    return f;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // No font configuration at all: rendering will report it when text is drawn.
            return Font.SANS_SERIF;
        }
        return Font.SANS_SERIF;
    }

    BufferedImage finish() {
        g.dispose();
        return image;
    }

    private static java.awt.Color awt(Color c) {
        return new java.awt.Color(c.red(), c.green(), c.blue(), (int) Math.round(c.alpha() * 255));
    }

    private void applyStroke(LineStyle s) {
        double[] d = s.dash();
        float[] dash = null;
        if (d != null) {
            dash = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                dash[i] = (float) d[i];
            }
        }
        g.setStroke(new BasicStroke((float) s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.setColor(awt(s.color()));
    }

    @Override
    public void beginGroup(String cssClass, String... attributes) {
        // Groups carry structure for SVG readers only.
    }

    @Override
    public void endGroup() {
        // Nothing to close on a raster.
    }

    @Override
    public void beginClip(double x, double y, double w, double h) {
        clips.push(g.getClip() == null ? new Rectangle2D.Double(-1e6, -1e6, 2e6, 2e6) : g.getClip());
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void endClip() {
        g.setClip(clips.pop());
    }

    @Override
    public void polyline(double[] xs, double[] ys, LineStyle style) {
        if (xs.length < 2) {
            return;
        }
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        applyStroke(style);
        g.draw(p);
    }

    @Override
    public void polygon(double[] xs, double[] ys, Color fill, LineStyle stroke) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        paint(p, fill, stroke);
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, LineStyle stroke) {
        paint(new Rectangle2D.Double(x, y, Math.max(0, w), Math.max(0, h)), fill, stroke);
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, LineStyle stroke) {
        paint(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), fill, stroke);
    }

    private void paint(Shape s, Color fill, LineStyle stroke) {
        if (fill != null) {
            g.setColor(awt(fill));
            g.fill(s);
        }
        if (stroke != null) {
            applyStroke(stroke);
            g.draw(s);
        }
    }

    private Font font(double size, boolean bold) {
        return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, double rotation, Color color, boolean bold) {
        var runs = RichText.parse(text);
        double total = 0;
        for (RichText.Run r : runs) {
            double s = r.kind() == RichText.Kind.NORMAL ? size : size * RichText.SCRIPT_SCALE;
            total += g.getFontMetrics(font(s, bold)).getStringBounds(r.text(), g).getWidth();
        }
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (rotation != 0) {
            g.rotate(-Math.toRadians(rotation));
        }
        double cx = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -total / 2;
            case END -> -total;
        };
        g.setColor(awt(color));
        for (RichText.Run r : runs) {
            double s = r.kind() == RichText.Kind.NORMAL ? size : size * RichText.SCRIPT_SCALE;
            double dy = switch (r.kind()) {
                case NORMAL -> 0;
                case SUP -> -RichText.SUP_SHIFT * size;
                case SUB -> RichText.SUB_SHIFT * size;
            };
            Font f = font(s, bold);
            g.setFont(f);
            g.drawString(r.text(), (float) cx, (float) dy);
            cx += g.getFontMetrics(f).getStringBounds(r.text(), g).getWidth();
        }
        g.setTransform(saved);
    }
}
