package dev.hadron.ml;

import dev.hadron.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads models as versioned JSON:
 * {@code {"format": "hadron-model", "version": 1, "class": "...", "model": {...}}}. Loading only
 * instantiates classes of this module that implement {@link Model}, through their static
 * {@code fromJson(Map)}: a model file cannot make Hadron run arbitrary code.
 */
public final class ModelIO {
    /** The current file format version. */
    public static final int VERSION = 1;
    private static final String FORMAT = "hadron-model";

    private ModelIO() {
    }

    /** The model wrapped in the versioned envelope. */
    public static Map<String, Object> toJson(Model model) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", (long) VERSION);
        root.put("class", model.getClass().getName());
        root.put("model", model.toJson());
        return root;
    }

    /** Writes the model atomically (temporary file + rename). */
    public static void save(Model model, Path path) {
        String text = Json.writePretty(toJson(model));
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a model written by {@link #save}. */
    public static Model load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + path + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(Json.parseObject(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Rebuilds a model from its enveloped JSON. */
    @SuppressWarnings("unchecked")
    public static Model fromJson(Map<String, Object> root) {
        if (!FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException("not a Hadron model (format is " + root.get("format") + ", expected "
                    + FORMAT + ")");
        }
        if (!(root.get("version") instanceof Long v) || v > VERSION || v < 1) {
            throw new IllegalArgumentException("unsupported model format version " + root.get("version")
                    + " (this Hadron reads versions 1 to " + VERSION + ")");
        }
        if (!(root.get("class") instanceof String cls) || !cls.startsWith("dev.hadron.ml.")) {
            throw new IllegalArgumentException("model class " + root.get("class") + " is not a Hadron ML model");
        }
        if (!(root.get("model") instanceof Map<?, ?> body)) {
            throw new IllegalArgumentException("model body is missing");
        }
        try {
            Class<?> c = Class.forName(cls, false, ModelIO.class.getClassLoader());
            if (!Model.class.isAssignableFrom(c) || c.getModule() != ModelIO.class.getModule()) {
                throw new IllegalArgumentException("class " + cls + " is not a model of this module");
            }
            Method m = c.getMethod("fromJson", Map.class);
            return (Model) m.invoke(null, (Map<String, Object>) body);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown model class " + cls, e);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("model class " + cls + " has no public static fromJson(Map)", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalArgumentException("cannot rebuild " + cls + ": " + cause, cause);
        }
    }
}
