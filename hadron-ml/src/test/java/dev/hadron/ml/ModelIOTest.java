package dev.hadron.ml;

import dev.hadron.ml.linear.LinearRegression;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The versioned envelope: what {@link ModelIO} writes, and the clear refusals when reading. */
class ModelIOTest {
    private static Map<String, Object> saved() {
        LinearRegression m = LinearRegression.Params.defaults().fit(Conformance.regression(1));
        return ModelIO.toJson(m);
    }

    private static String refusal(Map<String, Object> root) {
        return assertThrows(IllegalArgumentException.class, () -> ModelIO.fromJson(root)).getMessage();
    }

    @Test
    void envelopeRoundTripsThroughText() {
        Map<String, Object> root = saved();
        Model back = ModelIO.fromJson(Json.parseObject(Json.writePretty(root)));
        LinearRegression original = (LinearRegression) ModelIO.fromJson(root);
        var x = Conformance.regression(2).features();
        assertArrayEquals(original.predict(x).toDoubleArray(), ((Predictor) back).predict(x).toDoubleArray(), 0.0);
    }

    @Test
    void refusesForeignOrNewerFiles() {
        Map<String, Object> root = new LinkedHashMap<>(saved());
        root.put("version", (long) ModelIO.VERSION + 1);
        String m = refusal(root);
        assertTrue(m.contains("version " + (ModelIO.VERSION + 1)) && m.contains("versions 1 to " + ModelIO.VERSION), m);

        root = new LinkedHashMap<>(saved());
        root.put("format", "xgboost");
        assertTrue(refusal(root).contains("not a Hadron model"));

        root = new LinkedHashMap<>(saved());
        root.put("class", "java.lang.ProcessBuilder");
        assertTrue(refusal(root).contains("is not a Hadron ML model"));

        root = new LinkedHashMap<>(saved());
        root.put("class", "dev.hadron.ml.FitChecks");
        assertTrue(refusal(root).contains("not a model of this module"));

        root = new LinkedHashMap<>(saved());
        root.remove("model");
        assertTrue(refusal(root).contains("model body is missing"));
    }

    @Test
    void namesTheFileWhenItCannotBeRead() throws Exception {
        Path tmp = Files.createTempFile("broken-model", ".json");
        try {
            Files.writeString(tmp, "{\"format\": \"hadron-model\", \"version\": 1,");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelIO.load(tmp));
            assertTrue(e.getMessage().contains(tmp.toString()), e.getMessage());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
