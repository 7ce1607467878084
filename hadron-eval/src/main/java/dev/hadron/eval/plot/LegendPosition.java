package dev.hadron.eval.plot;

/** Where the legend sits inside the plot area. */
public enum LegendPosition {
    /** Top right corner (the default). */
    UPPER_RIGHT,
    /** Top left corner. */
    UPPER_LEFT,
    /** Bottom left corner. */
    LOWER_LEFT,
    /** Bottom right corner. */
    LOWER_RIGHT,
    /** No legend. */
    NONE
}
