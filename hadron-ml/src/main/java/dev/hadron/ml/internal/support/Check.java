package dev.hadron.ml.internal.support;

/**
 * Validation of hyperparameters in the compact constructors of the {@code Params} records. Every
 * message names the hyperparameter, its value and what was expected:
 * {@code "Invalid alpha: -1.0 (must be >= 0)"}.
 */
public final class Check {
    private Check() {
    }

    private static IllegalArgumentException invalid(String name, Object value, String expected) {
        return new IllegalArgumentException("Invalid " + name + ": " + value + " (" + expected + ")");
    }

    /** {@code value >= 0} and finite. */
    public static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw invalid(name, value, "must be >= 0 and finite");
        }
    }

    /** {@code value > 0} and finite. */
    public static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw invalid(name, value, "must be > 0 and finite");
        }
    }

    /** {@code value >= min}. */
    public static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw invalid(name, value, "must be >= " + min);
        }
    }

    /** {@code lo <= value <= hi}. */
    public static void inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw invalid(name, value, "must be in [" + lo + ", " + hi + "]");
        }
    }

    /** A non-null value. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException("Invalid " + name + ": null (a value is required)");
        }
        return value;
    }
}
