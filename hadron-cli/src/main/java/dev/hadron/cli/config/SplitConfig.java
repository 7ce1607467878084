package dev.hadron.cli.config;

/**
 * How events are divided: {@code split: {train: 0.6, validation: 0.1, test: 0.3}}. The validation part
 * drives neural-network early stopping and the loss curves; the test part gives every reported number.
 *
 * @param train training fraction
 * @param validation validation fraction (may be 0)
 * @param test test fraction
 */
public record SplitConfig(double train, double validation, double test) {
    /** 60 % train, 10 % validation, 30 % test. */
    public static SplitConfig defaults() {
        return new SplitConfig(0.6, 0.1, 0.3);
    }
}
