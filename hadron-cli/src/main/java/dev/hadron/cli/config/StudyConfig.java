package dev.hadron.cli.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole study read from YAML: what to learn ({@code task}), from which data, with which methods,
 * evaluated how. See {@link ConfigReader} for the file format.
 *
 * @param name the study name (default: the config file's name without extension)
 * @param title the report title
 * @param classification true for classification, false for regression
 * @param seed the random seed of splits, initialisations and shuffles
 * @param data the data section
 * @param methods the methods, in order
 * @param evaluation the evaluation settings
 * @param file the config file
 * @param text the config text (shown in the report)
 */
public record StudyConfig(String name, String title, boolean classification, long seed, DataConfig data, List<MethodConfig> methods,
                          EvaluationConfig evaluation, Path file, String text) {
}
