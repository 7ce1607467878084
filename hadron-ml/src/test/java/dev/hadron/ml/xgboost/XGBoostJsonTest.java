package dev.hadron.ml.xgboost;

import dev.hadron.ml.Model;
import dev.hadron.ml.ModelIO;
import dev.hadron.ml.tree.GradientBoostedRegressor;
import dev.hadron.ml.tree.GradientBoostedTrees;
import dev.hadron.ml.tree.Objective;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Models saved by XGBoost in Python load and predict as XGBoost does; Hadron's models go the other way. */
class XGBoostJsonTest {
    static Map<String, Object> resource(String name) {
        try (InputStream in = XGBoostJsonTest.class.getResourceAsStream(name)) {
            return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Tensor inputs(Map<String, Object> expected) {
        List<?> rows = (List<?>) expected.get("inputs");
        int n = rows.size();
        int f = ((List<?>) rows.get(0)).size();
        float[] x = new float[n * f];
        for (int i = 0; i < n; i++) {
            List<?> r = (List<?>) rows.get(i);
            for (int j = 0; j < f; j++) {
                x[i * f + j] = r.get(j) == null ? Float.NaN : ((Number) r.get(j)).floatValue();
            }
        }
        return Tensor.of(x, n, f);
    }

    static double[] flat(Object nested) {
        List<Double> out = new ArrayList<>();
        flatten(nested, out::add);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(Object o, Consumer<Double> sink) {
        if (o instanceof List<?> l) {
            for (Object e : l) {
                flatten(e, sink);
            }
        } else {
            sink.accept(((Number) o).doubleValue());
        }
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > tol) {
                throw new AssertionError(what + ": entry " + i + " is " + actual[i] + ", XGBoost gives " + expected[i]);
            }
        }
    }

    private static Path resourcePath(String name) {
        try {
            return Path.of(XGBoostJsonTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "multiclass", "squared_error", "pseudo_huber", "dart"})
    void pythonSavedModelsPredictAsXGBoost(String name) {
        Model m = XGBoostJson.load(resourcePath(name + ".json"));
        Map<String, Object> exp = resource(name + ".expected.json");
        Tensor x = inputs(exp);
        double[] margin = flat(exp.get("margin"));
        double[] pred = flat(exp.get("prediction"));
        // XGBoost sums float32 leaf values; Hadron sums them in float64: agreement to float32 rounding
        if (m instanceof GradientBoostedTrees c) {
            assertClose(margin, c.decisionFunction(x).toDoubleArray(), 2e-5, name + " margin");
            Tensor p = c.predictProba(x);
            double[] ours = c.numClasses() == 2 ? p.select(1, 1).toDoubleArray() : p.toDoubleArray();
            assertClose(pred, ours, 2e-6, name + " probability");
        } else {
            GradientBoostedRegressor r = assertInstanceOf(GradientBoostedRegressor.class, m);
            assertClose(pred, r.predict(x).toDoubleArray(), 2e-5, name + " prediction");
        }
    }

    @Test
    void objectivesAndShapesAreRead() {
        GradientBoostedTrees multi = XGBoostJson.loadClassifier(resourcePath("multiclass.json"));
        assertEquals(3, multi.numClasses());
        assertEquals(Objective.MULTICLASS_SOFTMAX, multi.objective());
        assertEquals(8, multi.rounds());
        GradientBoostedRegressor huber = XGBoostJson.loadRegressor(resourcePath("pseudo_huber.json"));
        assertEquals(Objective.PSEUDO_HUBER, huber.objective());
        assertEquals(5, huber.numFeatures());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XGBoostJson.loadRegressor(resourcePath("binary.json")));
        assertTrue(e.getMessage().contains("classifier"), e.getMessage());
    }

    @Test
    void hadronModelsSurviveTheRoundTrip(@TempDir Path dir) {
        Generator g = new Generator(3);
        int n = 500;
        Tensor x = Tensor.normal(g, DType.FLOAT32, 0, 1, n, 4);
        float[] xs = x.toFloatArray();
        for (int i = 0; i < xs.length; i += 7) {
            xs[i] = Float.NaN;
        }
        x = Tensor.of(xs, n, 4);
        double[] y2 = new double[n];
        double[] y3 = new double[n];
        double[] yr = new double[n];
        for (int i = 0; i < n; i++) {
            double a = Float.isNaN(xs[4 * i]) ? 0 : xs[4 * i];
            double b = Float.isNaN(xs[4 * i + 1]) ? 0.3 : xs[4 * i + 1];
            y2[i] = a + b > 0 ? 1 : 0;
            y3[i] = a < -0.5 ? 0 : a < 0.5 ? 1 : 2;
            yr[i] = 3 * a - b;
        }
        GradientBoostedTrees.Params p = GradientBoostedTrees.Params.defaults().withTrees(20).withMaxDepth(4);
        List<Model> models = List.of(
                GradientBoostedTrees.fit(p, x, Tensor.of(y2, n)),
                GradientBoostedTrees.fit(p, x, Tensor.of(y3, n)),
                GradientBoostedRegressor.fit(p, x, Tensor.of(yr, n)),
                GradientBoostedRegressor.fit(p.withObjective(Objective.PSEUDO_HUBER).withHuberSlope(0.5), x,
                        Tensor.of(yr, n)));
        for (int k = 0; k < models.size(); k++) {
            Model m = models.get(k);
            Path file = dir.resolve("m" + k + ".json");
            XGBoostJson.save(m, file);
            Model back = XGBoostJson.load(file);
            assertClose(scores(m, x), scores(back, x), 1e-5, "model " + k + " after export and import");
        }
    }

    private static double[] scores(Model m, Tensor x) {
        return m instanceof GradientBoostedTrees c ? c.predictProba(x).toDoubleArray()
                : ((GradientBoostedRegressor) m).predict(x).toDoubleArray();
    }

    /** A model Hadron wrote, and XGBoost's predictions for it (made by make_xgboost_models.py from this file). */
    @Test
    void xgboostReadsHadronFilesTheSameWay() {
        Model m = XGBoostJson.load(resourcePath("hadron_export.json"));
        Map<String, Object> inputs = resource("hadron_export.inputs.json");
        Map<String, Object> exp = resource("hadron_export.xgboost.json");
        GradientBoostedTrees c = assertInstanceOf(GradientBoostedTrees.class, m);
        Tensor x = inputs(inputs);
        assertClose(flat(exp.get("prediction")), c.predictProba(x).toDoubleArray(), 2e-6, "multi-class probabilities");
    }

    @Test
    void importedModelsSaveThroughModelIO(@TempDir Path dir) {
        Model m = XGBoostJson.load(resourcePath("binary.json"));
        Path f = dir.resolve("hadron.json");
        ModelIO.save(m, f);
        Tensor x = inputs(resource("binary.expected.json"));
        assertClose(((GradientBoostedTrees) m).predictProba(x).toDoubleArray(),
                ((GradientBoostedTrees) ModelIO.load(f)).predictProba(x).toDoubleArray(), 0, "ModelIO round trip");
    }

    @Test
    void malformedFilesFailClearly(@TempDir Path dir) throws IOException {
        String good = Files.readString(resourcePath("binary.json"));
        assertMessage(dir, good.replace("\"left_children\":[1,", "\"left_children\":[99,"), "child");
        assertMessage(dir, good.replace("\"left_children\":[1,", "\"left_children\":[0,"), "child");
        assertMessage(dir, good.replace("\"name\":\"binary:logistic\"", "\"name\":\"rank:pairwise\""), "rank:pairwise");
        assertMessage(dir, good.replace("\"name\":\"gbtree\"", "\"name\":\"gblinear\""), "linear");
        assertMessage(dir, good.replace("\"split_type\":[0,", "\"split_type\":[1,"), "categorical");
        assertMessage(dir, good.replace("\"tree_info\":[0,", "\"tree_info\":[5,"), "tree_info");
        assertMessage(dir, good.replace("\"num_feature\":\"5\"", "\"num_feature\":\"1\""), "feature");
        assertMessage(dir, good.replace("\"learner_model_param\"", "\"other\""), "learner_model_param");
        assertMessage(dir, good.substring(0, good.length() / 2), "JSON");
    }

    private static void assertMessage(Path dir, String text, String expected) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> XGBoostJson.load(f));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("bad.json"),
                "message should name the file and mention '" + expected + "': " + e.getMessage());
    }
}
