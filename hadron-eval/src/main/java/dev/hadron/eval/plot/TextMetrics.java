package dev.hadron.eval.plot;

/**
 * Advance widths of DejaVu Sans (regular and bold) in thousandths of an em, measured once from the
 * font with Java2D. Layout uses this table instead of live font metrics so that the SVG output is
 * identical on every machine (with or without fonts installed) and matches the PNG, which draws with
 * DejaVu Sans when available. Characters outside the table count as 0.6 em.
 */
final class TextMetrics {
    /** Cap height of DejaVu Sans, in em: used to centre text vertically on a point. */
    static final double CAP_HEIGHT = 0.73;
    /** Descent below the baseline, in em. */
    static final double DESCENT = 0.24;

    private static final short[] REGULAR = {
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};
    private static final short[] BOLD = {
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
        696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
        1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
        500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838};
    private static final String EXTRA = "εσμπχ²³⁻⁰¹√≤≥±×·−⟨⟩ΔαβγηθλτφωΣ–—…°∞";
    private static final short[] EXTRA_REGULAR = {541, 634, 636, 602, 578, 401, 401, 528, 401, 401, 637, 838, 838, 838, 838, 318, 838,
        390, 390, 684, 659, 638, 592, 634, 612, 592, 602, 660, 837, 632, 500, 1000, 1000, 500, 833};
    private static final short[] EXTRA_BOLD = {557, 779, 736, 791, 645, 438, 438, 528, 438, 438, 667, 838, 838, 838, 838, 380, 838,
        457, 457, 774, 687, 716, 681, 712, 687, 633, 638, 782, 869, 683, 500, 1000, 1000, 500, 833};

    private TextMetrics() {
    }

    /** Width of one character at font size 1. */
    static double charWidth(char c, boolean bold) {
        if (c >= 32 && c < 127) {
            return (bold ? BOLD : REGULAR)[c - 32] / 1000.0;
        }
        int i = EXTRA.indexOf(c);
        if (i >= 0) {
            return (bold ? EXTRA_BOLD : EXTRA_REGULAR)[i] / 1000.0;
        }
        return bold ? 0.65 : 0.6;
    }

    /** Width of plain text at the given font size. */
    static double width(String s, double size, boolean bold) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += charWidth(s.charAt(i), bold);
        }
        return w * size;
    }
}
