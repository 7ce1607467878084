package dev.hadron.autodiff;

/**
 * Thrown in anomaly mode ({@link Autodiff#detectAnomaly()}) by the first operation whose output, or
 * whose computed input gradient, holds NaN or infinity. The message names the op, the phase
 * (forward or backward) and the op's input shapes.
 */
public final class AnomalyException extends ArithmeticException {
    private final String opName;

    /** An anomaly found in op {@code opName}. */
    public AnomalyException(String message, String opName) {
        super(message);
        this.opName = opName;
    }

    /** The name of the op that produced the NaN or infinity. */
    public String opName() {
        return opName;
    }
}
