package dev.hadron.eval.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with subscripts and superscripts written as {@code _{...}} and {@code ^{...}}, as in LaTeX:
 * {@code "1/ε_{B}"}, {@code "10^{-3}"}, {@code "p_{T} [GeV]"}. A lone underscore or caret (as in
 * {@code PRI_jet_pt}) is literal text.
 */
final class RichText {
    /** Font size of a script relative to its base. */
    static final double SCRIPT_SCALE = 0.7;
    /** Baseline shift of a superscript (up) in base em. */
    static final double SUP_SHIFT = 0.38;
    /** Baseline shift of a subscript (down) in base em. */
    static final double SUB_SHIFT = 0.18;

    /** Position of a run of text. */
    enum Kind { NORMAL, SUB, SUP }

    /** A run of text of one kind. */
    record Run(String text, Kind kind) {
    }

    private RichText() {
    }

    static List<Run> parse(String s) {
        List<Run> runs = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if ((c == '_' || c == '^') && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i + 2);
                if (close > 0) {
                    if (!cur.isEmpty()) {
                        runs.add(new Run(cur.toString(), Kind.NORMAL));
                        cur.setLength(0);
                    }
                    runs.add(new Run(s.substring(i + 2, close), c == '_' ? Kind.SUB : Kind.SUP));
                    i = close + 1;
                    continue;
                }
            }
            cur.append(c);
            i++;
        }
        if (!cur.isEmpty()) {
            runs.add(new Run(cur.toString(), Kind.NORMAL));
        }
        return runs;
    }

    /** The text without markup (for SVG titles and accessibility). */
    static String plain(String s) {
        StringBuilder b = new StringBuilder();
        for (Run r : parse(s)) {
            b.append(r.text());
        }
        return b.toString();
    }

    /** Rendered width at the given base size. */
    static double width(String s, double size, boolean bold) {
        double w = 0;
        for (Run r : parse(s)) {
            w += TextMetrics.width(r.text(), r.kind() == Kind.NORMAL ? size : size * SCRIPT_SCALE, bold);
        }
        return w;
    }

    /** True if the text has a superscript (it then needs a little more room above). */
    static boolean hasSuperscript(String s) {
        return parse(s).stream().anyMatch(r -> r.kind() == Kind.SUP);
    }
}
