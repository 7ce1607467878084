package dev.hadron.eval.metrics;

import java.util.function.DoubleBinaryOperator;

/**
 * A figure of merit f(s, b) to maximise in a {@link CutScan}, with a name for tables and plots.
 *
 * @param name a short label, e.g. "s/√b"
 * @param function f(s, b), called only with b &gt; 0 and s ≥ 0
 */
public record FigureOfMerit(String name, DoubleBinaryOperator function) {
    /** s/√b. */
    public static final FigureOfMerit S_OVER_SQRT_B = new FigureOfMerit("s/√b", Significance::sOverSqrtB);
    /** s/√(s+b). */
    public static final FigureOfMerit S_OVER_SQRT_S_PLUS_B = new FigureOfMerit("s/√(s+b)", Significance::sOverSqrtSPlusB);
    /** The Asimov significance without background uncertainty. */
    public static final FigureOfMerit ASIMOV = new FigureOfMerit("Z_A", Significance::asimov);
    /** The Higgs ML AMS with b_r = 10. */
    public static final FigureOfMerit AMS = new FigureOfMerit("AMS", Significance::ams);

    /** Validates the fields. */
    public FigureOfMerit {
        if (name == null || name.isBlank() || function == null) {
            throw new IllegalArgumentException("FigureOfMerit: name and function must be given");
        }
    }

    /** The Asimov significance with a relative background uncertainty: σ_b = {@code relative} · b. */
    public static FigureOfMerit asimov(double relative) {
        if (!(relative >= 0) || Double.isInfinite(relative)) {
            throw new IllegalArgumentException("FigureOfMerit.asimov: relative background uncertainty is " + relative
                    + "; expected a finite value ≥ 0");
        }
        return new FigureOfMerit("Z_A(σ_b=" + Math.round(relative * 100) + "%)", (s, b) -> Significance.asimov(s, b, relative * b));
    }

    /** f(s, b). */
    public double value(double s, double b) {
        return function.applyAsDouble(s, b);
    }
}
