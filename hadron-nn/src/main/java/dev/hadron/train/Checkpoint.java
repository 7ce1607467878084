package dev.hadron.train;

import dev.hadron.nn.Module;
import dev.hadron.tensor.Safetensors;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model checkpoints: the weights as safetensors with PyTorch's names, so
 * {@code model.load_state_dict(safetensors.torch.load_file("best.safetensors"))} loads them into the
 * equivalent PyTorch module (and a file saved that way from PyTorch loads here), plus a JSON config
 * describing the model (class, every state entry with shape and dtype, parameter count), the user's own
 * settings and, for training checkpoints, everything needed to resume.
 *
 * <p>A checkpoint {@code base} is the files {@code base.safetensors} (weights), {@code base.json}
 * (config) and, for training checkpoints, {@code base.state.safetensors} (optimizer, schedules,
 * callbacks). Every file is written to a temporary file and renamed into place; the JSON is written last
 * and records the size and SHA-256 of the others, so loading detects a torn or altered checkpoint.
 * Loading validates the format, the files, the safetensors headers (dtypes, shapes, offsets) and that
 * the checkpoint fits the model, listing any missing, unexpected or mis-shaped entries.
 *
 * <pre>{@code
 * Checkpoint.save(Path.of("runs/jet-cnn"), model, Map.of("lr", 1e-3));
 * Checkpoint.load(Path.of("runs/jet-cnn"), freshModel);
 * }</pre>
 */
public final class Checkpoint {
    /** The {@code format} field of the JSON config. */
    public static final String FORMAT = "hadron-checkpoint";
    /** The version of the layout written by this class. */
    public static final long VERSION = 1;

    private Checkpoint() {
    }

    /** The weights file of a checkpoint. */
    public static Path weightsFile(Path base) {
        return sibling(base, ".safetensors");
    }

    /** The JSON config of a checkpoint. */
    public static Path configFile(Path base) {
        return sibling(base, ".json");
    }

    /** The training-state file of a checkpoint. */
    public static Path stateFile(Path base) {
        return sibling(base, ".state.safetensors");
    }

    private static Path sibling(Path base, String ext) {
        String name = base.getFileName().toString();
        for (String known : new String[] {".state.safetensors", ".safetensors", ".json"}) {
            if (name.endsWith(known)) {
                name = name.substring(0, name.length() - known.length());
                break;
            }
        }
        return base.resolveSibling(name + ext);
    }

    /** Saves the model's weights and a config describing it. */
    public static void save(Path base, Module model) {
        save(base, model, Map.of());
    }

    /**
     * Saves the model's weights and a config describing it, with the caller's own settings (JSON values:
     * strings, numbers, booleans, lists, maps) under {@code "config"}.
     */
    public static void save(Path base, Module model, Map<String, Object> config) {
        write(base, model, config, null, null);
    }

    /** Writes a checkpoint; {@code trainingState} and {@code training} only for training checkpoints. */
    static void write(Path base, Module model, Map<String, Object> config, Map<String, Tensor> trainingState,
                      Map<String, Object> training) {
        try {
            Path dir = base.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Map<String, Object> files = new LinkedHashMap<>();
            Path weights = weightsFile(base);
            Safetensors.save(contiguous(model.stateDict()), weights, Map.of("format", "pt", "hadron", FORMAT));
            files.put("model", describeFile(weights));
            if (trainingState != null) {
                Path state = stateFile(base);
                Safetensors.save(contiguous(trainingState), state, Map.of("hadron", FORMAT));
                files.put("state", describeFile(state));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("format", FORMAT);
            json.put("version", VERSION);
            json.put("model", describeModel(model));
            json.put("files", files);
            json.put("config", config);
            if (training != null) {
                json.put("training", training);
            }
            writeAtomically(configFile(base), Json.writePretty(json));
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + base + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static Map<String, Tensor> contiguous(Map<String, Tensor> state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            out.put(e.getKey(), e.getValue().contiguous());
        }
        return out;
    }

    private static Map<String, Object> describeModel(Module model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class", model.getClass().getName());
        m.put("parameter_count", model.parameterCount());
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("shape", e.getValue().shape());
            d.put("dtype", e.getValue().dtype().toString());
            entries.put(e.getKey(), d);
        }
        m.put("state", entries);
        m.put("repr", model.toString());
        return m;
    }

    private static Map<String, Object> describeFile(Path file) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file", file.getFileName().toString());
        d.put("bytes", Files.size(file));
        d.put("sha256", sha256(file));
        return d;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ------------------------------------------------------------------ loading

    /** The JSON config of a checkpoint, after checking its format. */
    public static Map<String, Object> readConfig(Path base) {
        Path file = configFile(base);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("checkpoint " + base + ": no config file " + file
                    + " (a checkpoint is base.safetensors + base.json)");
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + base + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint " + base + ": " + file + " is not valid JSON: " + e.getMessage());
        }
        if (!FORMAT.equals(json.get("format"))) {
            throw new IllegalArgumentException("checkpoint " + base + ": " + file + " is not a Hadron checkpoint config"
                    + " (format " + json.get("format") + ")");
        }
        if (!(json.get("version") instanceof Number v) || v.longValue() > VERSION) {
            throw new IllegalArgumentException("checkpoint " + base + ": unsupported version " + json.get("version")
                    + " (this Hadron reads version " + VERSION + ")");
        }
        return json;
    }

    /**
     * Loads a checkpoint's weights into {@code model} after validating the files and that the
     * checkpoint was written for a model with the same state entries. Returns the user config.
     */
    public static Map<String, Object> load(Path base, Module model) {
        Map<String, Object> json = readConfig(base);
        checkSameModel(base, json, model, "load");
        Map<String, Tensor> weights = readVerified(base, json, "model", weightsFile(base));
        try {
            model.loadStateDict(weights);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint " + base + ": " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) json.getOrDefault("config", Map.of());
        return config;
    }

    /** Reads a checkpoint file after checking its size and SHA-256 against the config. */
    @SuppressWarnings("unchecked")
    static Map<String, Tensor> readVerified(Path base, Map<String, Object> json, String key, Path file) {
        if (!(json.get("files") instanceof Map<?, ?> files) || !(files.get(key) instanceof Map<?, ?> desc)) {
            throw new IllegalArgumentException("checkpoint " + base + ": the config lists no '" + key + "' file");
        }
        Map<String, Object> d = (Map<String, Object>) desc;
        try {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("checkpoint " + base + ": missing file " + file);
            }
            long bytes = Files.size(file);
            Object expectedBytes = d.get("bytes");
            if (!(expectedBytes instanceof Number n) || n.longValue() != bytes) {
                throw new IllegalArgumentException("checkpoint " + base + ": " + file + " has " + bytes
                        + " bytes but the config records " + expectedBytes + " (incomplete or replaced file)");
            }
            String sum = sha256(file);
            if (!sum.equals(d.get("sha256"))) {
                throw new IllegalArgumentException("checkpoint " + base + ": " + file + " does not match the SHA-256 in "
                        + configFile(base) + " (corrupted, or written by another save)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + base + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        return Safetensors.load(file);
    }

    /** Fails with the list of differences when the checkpoint was written for a model with other state entries. */
    @SuppressWarnings("unchecked")
    static void checkSameModel(Path base, Map<String, Object> json, Module model, String action) {
        if (!(json.get("model") instanceof Map<?, ?> m) || !(m.get("state") instanceof Map<?, ?> st)) {
            throw new IllegalArgumentException("checkpoint " + base + ": the config does not describe the model");
        }
        Map<String, Object> saved = (Map<String, Object>) st;
        Map<String, Tensor> own = model.stateDict();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Object d = saved.get(e.getKey());
            if (d == null) {
                missing.add(e.getKey());
                continue;
            }
            Map<String, Object> desc = (Map<String, Object>) d;
            int[] shape = toShape(desc.get("shape"));
            String dtype = String.valueOf(desc.get("dtype"));
            if (!java.util.Arrays.equals(shape, e.getValue().shape()) || !dtype.equals(e.getValue().dtype().toString())) {
                mismatched.add(e.getKey() + " (checkpoint " + Shape.toString(shape) + " " + dtype + ", model "
                        + Shape.toString(e.getValue().shape()) + " " + e.getValue().dtype() + ")");
            }
        }
        for (String k : saved.keySet()) {
            if (!own.containsKey(k)) {
                unexpected.add(k);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("checkpoint " + base + ": cannot " + action + ": it was written for a different"
                + " model (" + m.get("class") + ", " + m.get("parameter_count") + " parameters) than this "
                + model.getClass().getName() + " (" + model.parameterCount() + " parameters)");
        if (!missing.isEmpty()) {
            sb.append("\n  missing in the checkpoint: ").append(missing);
        }
        if (!unexpected.isEmpty()) {
            sb.append("\n  not in the model: ").append(unexpected);
        }
        if (!mismatched.isEmpty()) {
            sb.append("\n  different shape or dtype: ").append(mismatched);
        }
        throw new IllegalArgumentException(sb.toString());
    }

    private static int[] toShape(Object o) {
        if (!(o instanceof List<?> l)) {
            return new int[] {-1};
        }
        int[] s = new int[l.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = l.get(i) instanceof Number n ? n.intValue() : -1;
        }
        return s;
    }
}
