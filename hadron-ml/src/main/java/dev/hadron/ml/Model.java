package dev.hadron.ml;

import java.util.Map;

/**
 * A fitted model: an immutable value produced by an {@link Estimator}. Every model can be written as
 * versioned, human-readable JSON ({@link #toJson()}, {@link ModelIO}).
 */
public interface Model {
    /** Number of input features the model was fitted on. */
    int numFeatures();

    /**
     * The model as JSON values (maps, lists, strings, numbers). {@link ModelIO} adds the envelope
     * ({@code format}, {@code version}, {@code class}); implementations provide a static
     * {@code fromJson(Map<String, Object>)} that reverses this.
     */
    Map<String, Object> toJson();
}
