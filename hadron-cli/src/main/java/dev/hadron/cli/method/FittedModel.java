package dev.hadron.cli.method;

import dev.hadron.data.Dataset;
import dev.hadron.eval.report.TrainingHistory;
import dev.hadron.tensor.Tensor;

import java.nio.file.Path;
import java.util.Map;

/** A trained method as the command uses it: predicts on preprocessed inputs and saves itself. */
public interface FittedModel {
    /**
     * Outputs on preprocessed inputs: class probabilities (events, classes) for a classification, the
     * predicted values (events) for a regression.
     */
    Tensor predict(Dataset inputs);

    /** Per-epoch (or per-round) curves for the report, or null. */
    TrainingHistory history();

    /** Writes the model's files into {@code dir} and returns what the model description needs to load them. */
    Map<String, Object> save(Path dir);
}
