package dev.hadron.cli.method;

import dev.hadron.cli.CliException;
import dev.hadron.cli.ExitCode;
import dev.hadron.cli.study.InputKind;
import dev.hadron.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A saved model folder ({@code runs/<study>/models/<method>/}): {@code hadron-model.json} says what the
 * model needs to score new events — the input columns, the missing-value markers, the preprocessing
 * fitted on the training part, the class names — next to the model's own files (hadron-ml JSON or
 * safetensors). {@code hadron predict} reads it.
 *
 * @param name the method name
 * @param type the method type
 * @param classification classification or regression
 * @param classNames class names by label
 * @param inputKind the input kind
 * @param columns the source columns to read from a new file
 * @param featureNames the feature names after expansion
 * @param missingValues numbers that mean "missing"
 * @param fillValue the fill value when the study filled missing values, else NaN
 * @param preprocessing the fitted preprocessing
 * @param model what loads the model ({@code kind}, {@code file}, ...)
 */
public record ModelBundle(String name, String type, boolean classification, List<String> classNames, InputKind inputKind, List<String> columns,
                          List<String> featureNames, List<Double> missingValues, double fillValue, Preprocessing preprocessing,
                          Map<String, Object> model) {
    /** The description file's name. */
    public static final String FILE = "hadron-model.json";
    private static final String FORMAT = "hadron-cli-model";

    /** Writes {@code hadron-model.json} into {@code dir}. */
    public void write(Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", 1);
        m.put("name", name);
        m.put("type", type);
        m.put("task", classification ? "classification" : "regression");
        m.put("class_names", classNames);
        m.put("input_kind", inputKind.name().toLowerCase(Locale.ROOT));
        m.put("columns", columns);
        m.put("feature_names", featureNames);
        m.put("missing_values", missingValues);
        if (!Double.isNaN(fillValue)) {
            m.put("fill_value", fillValue);
        }
        m.put("preprocessing", preprocessing.toJson());
        m.put("model", model);
        Files.writeString(dir.resolve(FILE), Json.writePretty(m));
    }

    /** Reads a model folder (or its {@code hadron-model.json}). */
    @SuppressWarnings("unchecked")
    public static ModelBundle read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(FILE) : path;
        if (!Files.isRegularFile(file)) {
            throw CliException.usage("predict: " + path + " is not a saved model; give a folder such as runs/<study>/models/<method>"
                    + " (it holds " + FILE + ")");
        }
        Map<String, Object> m;
        try {
            m = Json.parseObject(Files.readString(file));
        } catch (IOException e) {
            throw new CliException(ExitCode.INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INPUT, file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw new CliException(ExitCode.INPUT, file + " is not a Hadron model description (format " + m.get("format") + ", expected "
                    + FORMAT + ")");
        }
        try {
            List<Double> mv = new ArrayList<>();
            for (Object o : (List<Object>) m.get("missing_values")) {
                mv.add(((Number) o).doubleValue());
            }
            return new ModelBundle(String.valueOf(m.get("name")), String.valueOf(m.get("type")), "classification".equals(m.get("task")),
                    (List<String>) m.get("class_names"), InputKind.valueOf(String.valueOf(m.get("input_kind")).toUpperCase(Locale.ROOT)),
                    (List<String>) m.get("columns"), (List<String>) m.get("feature_names"), mv,
                    m.get("fill_value") instanceof Number n ? n.doubleValue() : Double.NaN,
                    Preprocessing.fromJson((Map<String, Object>) m.get("preprocessing")), (Map<String, Object>) m.get("model"));
        } catch (RuntimeException e) {
            throw new CliException(ExitCode.INPUT, file + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Loads the model itself. */
    public FittedModel load(Path dir) {
        Path folder = Files.isDirectory(dir) ? dir : dir.getParent();
        return "network".equals(model.get("kind")) ? NetworkMethod.load(folder, model) : EstimatorMethod.load(folder, model);
    }
}
