package dev.hadron.eval.plot;

import java.util.List;
import java.util.Locale;

/**
 * An sRGB colour with opacity.
 *
 * @param red 0–255
 * @param green 0–255
 * @param blue 0–255
 * @param alpha opacity, 0 (transparent) to 1 (opaque)
 */
public record Color(int red, int green, int blue, double alpha) {
    /** Black. */
    public static final Color BLACK = new Color(0, 0, 0, 1);
    /** White. */
    public static final Color WHITE = new Color(255, 255, 255, 1);
    /** A mid grey for reference lines. */
    public static final Color GREY = rgb("#7f7f7f");
    /** Light grey for grid lines. */
    public static final Color LIGHT_GREY = rgb("#d9d9d9");
    /** The colour of signal (Petroff's colour-blind-safe blue, as CMS plots use). */
    public static final Color SIGNAL = rgb("#3f90da");
    /** The colour of background (Petroff's red). */
    public static final Color BACKGROUND = rgb("#bd1f01");

    /**
     * Petroff's ten-colour sequence ("Accessible color sequences for data visualization", 2021),
     * distinguishable under the common forms of colour blindness; methods are drawn in this order.
     */
    public static final List<Color> PALETTE = List.of(rgb("#3f90da"), rgb("#ffa90e"), rgb("#bd1f01"), rgb("#94a4a2"), rgb("#832db6"),
            rgb("#a96b59"), rgb("#e76300"), rgb("#b9ac70"), rgb("#717581"), rgb("#92dadd"));

    /** Validates the channels. */
    public Color {
        if (red < 0 || red > 255 || green < 0 || green > 255 || blue < 0 || blue > 255 || !(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("Color: (" + red + ", " + green + ", " + blue + ", " + alpha
                    + "); expected channels in 0..255 and alpha in [0, 1]");
        }
    }

    /** An opaque colour from "#rrggbb". */
    public static Color rgb(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("Color: '" + hex + "'; expected #rrggbb");
        }
        int v = Integer.parseInt(hex.substring(1), 16);
        return new Color((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, 1);
    }

    /** The colour of method {@code i} in {@link #PALETTE} (cycling). */
    public static Color palette(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    /** The same colour with opacity {@code a}. */
    public Color withAlpha(double a) {
        return new Color(red, green, blue, a);
    }

    /** "#rrggbb" (without the opacity). */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** Relative luminance in [0, 1] (ITU-R BT.709 weights on the sRGB values), to pick a readable text colour. */
    public double luminance() {
        return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255.0;
    }

    /** Linear interpolation towards {@code other} by t in [0, 1]. */
    public Color mix(Color other, double t) {
        return new Color((int) Math.round(red + (other.red - red) * t), (int) Math.round(green + (other.green - green) * t),
                (int) Math.round(blue + (other.blue - blue) * t), alpha + (other.alpha - alpha) * t);
    }
}
