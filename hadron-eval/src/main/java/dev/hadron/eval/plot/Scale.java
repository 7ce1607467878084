package dev.hadron.eval.plot;

/** An axis scale. */
public enum Scale {
    /** Linear. */
    LINEAR,
    /** Base-10 logarithmic; non-positive values cannot be drawn and are skipped. */
    LOG;

    /** Position of v between lo and hi as a fraction (may fall outside [0, 1]). */
    double fraction(double v, double lo, double hi) {
        if (this == LOG) {
            return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        }
        return (v - lo) / (hi - lo);
    }

    /** True if v can be placed on this scale. */
    boolean accepts(double v) {
        return Double.isFinite(v) && (this == LINEAR || v > 0);
    }
}
