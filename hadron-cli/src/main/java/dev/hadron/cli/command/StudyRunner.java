package dev.hadron.cli.command;

import dev.hadron.cli.CliException;
import dev.hadron.cli.Console;
import dev.hadron.cli.ExitCode;
import dev.hadron.cli.config.ConfigNode;
import dev.hadron.cli.config.EvaluationConfig;
import dev.hadron.cli.config.MethodConfig;
import dev.hadron.cli.config.StudyConfig;
import dev.hadron.cli.method.EstimatorMethod;
import dev.hadron.cli.method.FittedModel;
import dev.hadron.cli.method.ModelBundle;
import dev.hadron.cli.method.NetworkMethod;
import dev.hadron.cli.method.Preprocessing;
import dev.hadron.cli.study.InputKind;
import dev.hadron.cli.study.InputSet;
import dev.hadron.cli.study.StudyData;
import dev.hadron.cli.study.StudyDataReader;
import dev.hadron.data.Dataset;
import dev.hadron.eval.report.EvaluationOptions;
import dev.hadron.eval.report.MethodResult;
import dev.hadron.eval.report.Predictions;
import dev.hadron.eval.report.Provenance;
import dev.hadron.eval.report.RenderedReport;
import dev.hadron.eval.report.Report;
import dev.hadron.io.MissingValues;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
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
 * Runs one study into a folder: data, split, every method (preprocessing fitted on the training part,
 * training, predictions on the test and training parts, the saved model), then the report,
 * {@code results.json} and the figures.
 */
public final class StudyRunner {
    private StudyRunner() {
    }

    /** A trained method with its outputs. */
    private record Trained(MethodConfig config, MethodResult result, String modelDir) {
    }

    /** Runs {@code cfg}, writing into {@code dir}. */
    public static void run(StudyConfig cfg, Path dir, Console console, String commandLine) {
        long t0 = System.nanoTime();
        for (MethodConfig m : cfg.methods()) {
            checkMethod(cfg, m);   // layers and hyperparameters fail before any data is read
        }
        StudyData data = StudyDataReader.read(cfg, console);
        for (MethodConfig m : cfg.methods()) {
            checkInputs(cfg, m, data);
        }
        StudyData.Parts parts = data.split(cfg.seed(), cfg.data().split());
        console.info(String.format("data: %d events (%d train, %d validation, %d test)%s", data.size(), parts.train().length,
                parts.validation().length, parts.test().length, data.classification() ? ", classes " + data.classNames() : ""));
        if (parts.train().length == 0 || parts.test().length == 0) {
            throw CliException.config(cfg.file().getFileName() + ": data.split: " + data.size() + " events leave an empty "
                    + (parts.train().length == 0 ? "train" : "test") + " part; use more events or other fractions");
        }
        Tensor trainWeights = trainingWeights(cfg, data, parts.train());
        List<Trained> trained = new ArrayList<>();
        for (MethodConfig m : cfg.methods()) {
            trained.add(train(cfg, m, data, parts, trainWeights, dir, console));
        }
        writeReport(cfg, data, parts, trained, dir, console, commandLine, (System.nanoTime() - t0) / 1e9);
    }

    private static void checkInputs(StudyConfig cfg, MethodConfig m, StudyData data) {
        InputSet in = data.inputs().get(m.inputs());
        ConfigNode node = m.node();
        if (in == null) {
            throw node.error("inputs", "is '" + m.inputs() + "', which this data does not provide; available: "
                    + String.join(", ", data.inputs().keySet()) + (cfg.data().generator() == null ? " (add data.particles for jagged inputs)" : ""));
        }
        if (m.type() != dev.hadron.cli.config.MethodType.NN && in.kind() != InputKind.DENSE) {
            throw node.error("inputs", "is '" + m.inputs() + "' (" + in.kind().name().toLowerCase(Locale.ROOT) + "), but "
                    + m.type().id() + " needs one feature row per event; use inputs: features, or type: nn with a pool/flatten layer");
        }
    }

    private static void checkMethod(StudyConfig cfg, MethodConfig m) {
        if (m.type() == dev.hadron.cli.config.MethodType.NN) {
            NetworkMethod.layers(m);
        } else {
            EstimatorMethod.params(m, cfg.classification(), cfg.seed(), 0);
        }
    }

    /** The weights methods train with: balanced per class, as given, or none. */
    private static Tensor trainingWeights(StudyConfig cfg, StudyData data, long[] train) {
        String mode = cfg.data().trainWeights();
        Tensor idx = Tensor.of(train, train.length);
        if (mode.equals("none") || (data.weights() == null && (mode.equals("as_is") || !data.classification()))) {
            return null;
        }
        Tensor w = data.weights() == null ? Tensor.ones(train.length).to(DType.FLOAT64) : data.weights().indexSelect(0, idx);
        if (mode.equals("as_is") || !data.classification()) {
            return w;
        }
        long[] y = data.labels().indexSelect(0, idx).toLongArray();
        double[] wv = w.toDoubleArray();
        int k = data.classNames().size();
        double[] sums = new double[k];
        for (int i = 0; i < y.length; i++) {
            sums[(int) y[i]] += wv[i];
        }
        for (int c = 0; c < k; c++) {
            if (!(sums[c] > 0)) {
                throw CliException.input(cfg.file().getFileName() + ": data.weight: the training weights of class '" + data.classNames().get(c)
                        + "' sum to " + sums[c] + "; train_weights: balanced needs a positive sum (use train_weights: as_is)", null);
            }
        }
        for (int i = 0; i < y.length; i++) {
            wv[i] *= y.length / (k * sums[(int) y[i]]);
        }
        return Tensor.of(wv, wv.length);
    }

    private static Trained train(StudyConfig cfg, MethodConfig m, StudyData data, StudyData.Parts parts, Tensor trainWeights, Path dir,
                                 Console console) {
        InputSet in = data.inputs().get(m.inputs());
        boolean network = m.type() == dev.hadron.cli.config.MethodType.NN;
        Dataset all = in.data();
        Dataset train = all.subset(parts.train());
        train = withWeights(train, trainWeights);
        Dataset valid = parts.validation().length > 0 ? withWeights(all.subset(parts.validation()), null) : null;
        Dataset test = all.subset(parts.test());
        boolean hasNan = in.kind() != InputKind.JAGGED ? all.features().isNan().any().item() != 0
                : all.jaggedFeatures().values().isNan().any().item() != 0;
        boolean impute = hasNan && !m.type().handlesMissing();
        if (impute) {
            console.info(m.name() + ": missing values replaced by the training mean (" + m.type().id() + " cannot take NaN; gbt can)");
        }
        boolean standardize = cfg.data().standardize() && (network || !isTree(m));
        Preprocessing pre = Preprocessing.fit(in.kind(), train, standardize, impute);
        Dataset trainP = pre.apply(train);
        Dataset validP = valid == null ? null : pre.apply(valid);
        console.info("training " + m.name() + " (" + m.type().id() + ", inputs: " + m.inputs() + ", " + train.size() + " events) ...");
        long t0 = System.nanoTime();
        int outputs = data.classification() ? data.classNames().size() : 1;
        FittedModel model;
        try {
            if (network) {
                model = NetworkMethod.fit(m, outputs, in.kind(), trainP, validP, cfg.seed(), console);
            } else {
                var params = EstimatorMethod.params(m, data.classification(), cfg.seed(), console.options().threads());
                model = EstimatorMethod.fit(m, data.classification(), params, trainP, validP);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.FAILURE, "method '" + m.name() + "' (" + m.node().file() + ": " + m.node().path() + "): "
                    + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Tensor testOut = model.predict(pre.apply(test));
        Tensor trainOut = model.predict(trainP);
        console.info(String.format("%s: trained in %.1f s", m.name(), seconds));
        Tensor testIdx = Tensor.of(parts.test(), parts.test().length);
        Tensor trainIdx = Tensor.of(parts.train(), parts.train().length);
        Tensor w = data.weights();
        Predictions testP = new Predictions(testOut, data.labels().indexSelect(0, testIdx), w == null ? null : w.indexSelect(0, testIdx));
        Predictions trainPr = new Predictions(trainOut, data.labels().indexSelect(0, trainIdx), w == null ? null : w.indexSelect(0, trainIdx));
        String modelDir = "models/" + m.name();
        try {
            Path md = dir.resolve(modelDir);
            Files.createDirectories(md);
            Map<String, Object> desc = model.save(md);
            new ModelBundle(m.name(), m.type().id(), data.classification(), data.classNames(), in.kind(), in.columns(), in.featureNames(),
                    cfg.data().missingValues(), cfg.data().missing() == MissingValues.FILL ? cfg.data().fillValue() : Double.NaN, pre, desc)
                    .write(md);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot save model " + m.name() + ": " + e.getMessage(), e);
        }
        return new Trained(m, new MethodResult(m.name(), testP, data.classification() ? trainPr : null, model.history(), seconds), modelDir);
    }

    private static boolean isTree(MethodConfig m) {
        return switch (m.type()) {
            case GBT, RANDOM_FOREST, ADABOOST, DECISION_TREE -> true;
            default -> false;
        };
    }

    private static Dataset withWeights(Dataset d, Tensor w) {
        if (d.isJagged()) {
            return Dataset.ofJagged(d.jaggedFeatures(), d.labels(), w);
        }
        Dataset out = Dataset.of(d.features(), d.labels(), w);
        return d.features().dim() == 2 ? out.withFeatureNames(d.featureNames()) : out;
    }

    private static void writeReport(StudyConfig cfg, StudyData data, StudyData.Parts parts, List<Trained> trained, Path dir, Console console,
                                    String commandLine, double seconds) {
        EvaluationConfig ev = cfg.evaluation();
        Report report = data.classification() ? Report.classification(cfg.title(), data.classNames())
                : Report.regression(cfg.title(), data.targetName());
        report = report.withMethods(trained.stream().map(Trained::result).toList()).withConfig(cfg.text());
        InputSet dense = data.inputs().get("features");
        if (dense != null && dense.kind() == InputKind.DENSE) {
            report = report.withData(dense.data().subset(parts.test()));
        }
        for (String s : data.sources()) {
            report = report.withSummary("Source", s);
        }
        report = report.withSummary("Events", parts.train().length + " train, " + parts.validation().length + " validation, "
                + parts.test().length + " test");
        Provenance p = Provenance.of(cfg.seed()).withCreatedAt(java.time.Instant.now().toString())
                .withExtra("command", "hadron train " + commandLine)
                .withExtra("threads", console.options().threads() == 0 ? "all processors" : String.valueOf(console.options().threads()));
        for (var e : data.checksums().entrySet()) {
            p = p.withChecksum(e.getKey(), e.getValue());
        }
        EvaluationOptions opts = EvaluationOptions.defaults().withBootstrapReplicas(ev.bootstrap()).withSeed(cfg.seed())
                .withSignalEfficiencies(ev.signalEfficiencies()).withFigureOfMerit(ev.figureOfMerit());
        RenderedReport r = report.withProvenance(p).withOptions(opts).render();
        r.write(dir.resolve("report.html"));
        if (ev.figures()) {
            r.saveFigures(dir.resolve("figures"), true);
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("study", cfg.name());
        results.putAll(r.results());
        results.put("seed", cfg.seed());
        Map<String, Object> events = new LinkedHashMap<>();
        events.put("train", parts.train().length);
        events.put("validation", parts.validation().length);
        events.put("test", parts.test().length);
        results.put("events", events);
        if (data.classification()) {
            results.put("classes", data.classNames());
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> methods = (List<Map<String, Object>>) results.get("methods");
        for (int i = 0; i < methods.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>(methods.get(i));
            m.put("type", trained.get(i).config().type().id());
            m.put("inputs", trained.get(i).config().inputs());
            m.put("model", trained.get(i).modelDir());
            methods.set(i, m);
        }
        results.put("total_seconds", seconds);
        try {
            Files.writeString(dir.resolve("results.json"), Json.writePretty(results));
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot write results.json: " + e.getMessage(), e);
        }
        printSummary(console, methods, data.classification());
    }

    private static void printSummary(Console console, List<Map<String, Object>> methods, boolean classification) {
        if (classification) {
            console.result(String.format("%-16s %8s %9s %12s %9s", "method", "AUC", "accuracy", "1/eB@eS=0.5", "train s"));
            for (Map<String, Object> m : methods) {
                Object rej = m.get("rejection") instanceof Map<?, ?> rm ? rm.get("0.5") : null;
                console.result(String.format(Locale.ROOT, "%-16s %8.4f %9.4f %12s %9.1f", m.get("name"), (Double) m.get("auc"),
                        (Double) m.get("accuracy"), rej == null ? "-" : String.format(Locale.ROOT, "%.1f", (Double) rej),
                        (Double) m.get("train_seconds")));
            }
        } else {
            console.result(String.format("%-16s %8s %10s %9s", "method", "R2", "RMSE", "train s"));
            for (Map<String, Object> m : methods) {
                console.result(String.format(Locale.ROOT, "%-16s %8.4f %10.4g %9.1f", m.get("name"), (Double) m.get("r2"), (Double) m.get("rmse"),
                        (Double) m.get("train_seconds")));
            }
        }
    }
}
