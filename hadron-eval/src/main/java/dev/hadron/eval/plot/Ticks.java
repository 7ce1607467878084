package dev.hadron.eval.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions and labels: 1–2–2.5–5 steps on linear axes, decades with 2…9 minor ticks on log
 * axes (labelled 1, 10, 10², …), each spaced so that the labels never overlap.
 */
final class Ticks {
    /** One tick: its value, its label (empty for minor ticks) and whether it is major. */
    record Tick(double value, String label, boolean major) {
    }

    private static final double[] MANTISSAS = {1, 2, 2.5, 5};

    private Ticks() {
    }

    /**
     * Ticks for an axis of {@code lengthPx} pixels; {@code horizontal} axes need room for label
     * widths, vertical ones for label heights.
     */
    static List<Tick> compute(Scale scale, double lo, double hi, double lengthPx, boolean horizontal, double fontSize, boolean integer) {
        return scale == Scale.LOG ? log(lo, hi, lengthPx, horizontal, fontSize) : linear(lo, hi, lengthPx, horizontal, fontSize, integer);
    }

    static List<Tick> linear(double lo, double hi, double lengthPx, boolean horizontal, double fontSize) {
        return linear(lo, hi, lengthPx, horizontal, fontSize, false);
    }

    /** Linear ticks; with {@code integer} only whole-number steps (epochs, counts). */
    static List<Tick> linear(double lo, double hi, double lengthPx, boolean horizontal, double fontSize, boolean integer) {
        double range = hi - lo;
        if (!(range > 0)) {
            return List.of(new Tick(lo, format(lo, 1), true));
        }
        int exp = (int) Math.floor(Math.log10(range)) - 2;
        for (int e = exp; e < exp + 6; e++) {
            for (double m : MANTISSAS) {
                double step = m * Math.pow(10, e);
                if (integer && (step < 1 || m == 2.5)) {
                    continue;
                }
                List<Tick> ticks = linearWithStep(lo, hi, step, m);
                int majors = (int) ticks.stream().filter(Tick::major).count();
                if (majors < 2 && e < exp + 5) {
                    continue;
                }
                double spacing = step / range * lengthPx;
                double need = horizontal ? Math.max(widestLabel(ticks, fontSize) + 1.5 * fontSize, 60) : 2.8 * fontSize;
                if (spacing >= need && majors <= 11) {
                    return ticks;
                }
            }
        }
        double step = niceStep(range);
        return linearWithStep(lo, hi, step, mantissa(step));
    }

    private static double niceStep(double range) {
        return Math.pow(10, Math.ceil(Math.log10(range)));
    }

    private static double mantissa(double step) {
        return step / Math.pow(10, Math.floor(Math.log10(step)));
    }

    private static List<Tick> linearWithStep(double lo, double hi, double step, double mant) {
        int minorDiv = mant == 2 ? 4 : 5;
        double minor = step / minorDiv;
        List<Tick> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / minor - 1e-9);
        long last = (long) Math.floor(hi / minor + 1e-9);
        if (last - first > 10000) {
            return ticks;
        }
        for (long i = first; i <= last; i++) {
            double v = i * minor;
            boolean major = Math.floorMod(i, minorDiv) == 0;
            if (Math.abs(v) < step * 1e-9) {
                v = 0;
            }
            ticks.add(new Tick(v, major ? format(v, step) : "", major));
        }
        return ticks;
    }

    private static double widestLabel(List<Tick> ticks, double fontSize) {
        double w = 0;
        for (Tick t : ticks) {
            if (t.major()) {
                w = Math.max(w, RichText.width(t.label(), fontSize, false));
            }
        }
        return w;
    }

    /** A tick value with as many decimals as the step needs; large or tiny magnitudes as m×10^{k}. */
    static String format(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double mag = Math.abs(v);
        if (mag >= 1e5 || mag < 1e-3) {
            int e = (int) Math.floor(Math.log10(mag));
            double m = v / Math.pow(10, e);
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step / Math.pow(10, e)) - 1e-9));
            String ms = String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", m);
            return (ms.equals("1") ? "" : ms.equals("-1") ? "−" : ms.replace('-', '−') + "×") + "10^{" + (e < 0 ? "−" + (-e) : e) + "}";
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        double mant = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
        if (Math.abs(mant - 2.5) < 1e-9) {
            decimals = Math.max(decimals, (int) Math.ceil(-Math.log10(step / 2.5) - 1e-9) + 1);
        }
        String s = String.format(Locale.ROOT, "%." + Math.min(decimals, 10) + "f", v);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    static List<Tick> log(double lo, double hi, double lengthPx, boolean horizontal, double fontSize) {
        int kLo = (int) Math.floor(Math.log10(lo) + 1e-9);
        int kHi = (int) Math.ceil(Math.log10(hi) - 1e-9);
        int decades = Math.max(1, kHi - kLo);
        double perDecade = lengthPx / decades;
        double need = horizontal ? 3.2 * fontSize : 2.0 * fontSize;
        int stride = 1;
        while (perDecade * stride < need && stride < 100) {
            stride++;
        }
        List<Tick> ticks = new ArrayList<>();
        int majorsInRange = 0;
        for (int k = kLo; k <= kHi; k++) {
            double v = Math.pow(10, k);
            if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                majorsInRange++;
            }
        }
        boolean labelMinors = majorsInRange < 2;
        for (int k = kLo; k <= kHi; k++) {
            double decade = Math.pow(10, k);
            boolean major = Math.floorMod(k, stride) == 0;
            if (decade >= lo * (1 - 1e-9) && decade <= hi * (1 + 1e-9)) {
                ticks.add(new Tick(decade, major ? decadeLabel(k) : "", major || labelMinors));
            }
            if (stride == 1 || perDecade >= 40) {
                for (int m = 2; m <= 9; m++) {
                    double v = m * decade;
                    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                        boolean label = labelMinors && (m == 2 || m == 5 || perDecade > 12 * fontSize);
                        ticks.add(new Tick(v, label ? plain(v) : "", label));
                    }
                }
            }
        }
        return ticks;
    }

    private static String decadeLabel(int k) {
        if (k == 0) {
            return "1";
        }
        if (k == 1) {
            return "10";
        }
        return "10^{" + (k < 0 ? "−" + (-k) : Integer.toString(k)) + "}";
    }

    private static String plain(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
