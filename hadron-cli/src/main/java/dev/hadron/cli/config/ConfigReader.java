package dev.hadron.cli.config;

import dev.hadron.cli.CliException;
import dev.hadron.cli.ExitCode;
import dev.hadron.eval.metrics.FigureOfMerit;
import dev.hadron.hep.generator.JetType;
import dev.hadron.io.MissingValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a study config (YAML 1.2). Top-level keys:
 *
 * <pre>
 * name: higgsml              # default: the file name without extension
 * title: ATLAS Higgs ML      # report title (default: the name)
 * task: classification       # or regression
 * seed: 42
 * data:
 *   signal: train_sml_sig.csv          # or {file: x.root, tree: sig_tree}, or a list of those
 *   background: train_sml_bg.csv
 *   # files: [all.csv] + label: Label (+ classes: [b, s])   |   target: M (regression)
 *   # generator: {kind: jets, signal: W, events: 5000}
 *   features: [DER_*, PRI_*]           # names or globs
 *   exclude: [PRI_jet_all_pt]
 *   particles: [Muon_pt, Muon_eta]     # jagged branches, the input set "particles"
 *   weight: Weight
 *   missing: {values: [-999], policy: keep}   # keep | drop | fill (+ fill: 0)
 *   max_events: 0                      # per file, 0 for all
 *   selection: "pt1 > 20 && abs(eta1) < 2.4"   # a cut on per-event columns
 *   split: {train: 0.6, validation: 0.1, test: 0.3}
 *   standardize: true
 *   train_weights: balanced            # balanced | as_is | none
 * methods: [...]                       # see {@link MethodConfig}
 * evaluation: {figure_of_merit: ams, bootstrap: 100, signal_efficiencies: [0.3, 0.5, 0.7], figures: true}
 * </pre>
 *
 * <p>Relative file paths are resolved against the config file's folder. Every unknown key is an
 * error naming it.
 */
public final class ConfigReader {
    private static final List<String> TOP = List.of("name", "title", "task", "seed", "data", "methods", "evaluation");
    private static final List<String> DATA = List.of("files", "signal", "background", "generator", "tree", "features", "exclude",
            "particles", "label", "classes", "class_names", "target", "weight", "missing", "max_events", "selection", "split",
            "standardize", "train_weights");
    private static final List<String> METHOD = List.of("name", "type", "inputs", "params", "layers", "training");

    private ConfigReader() {
    }

    /** Reads and validates {@code file}; {@code seedOverride} (from {@code --seed}) replaces the config's seed when not null. */
    public static StudyConfig read(Path file, Long seedOverride) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.USAGE, "no such config file " + file);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CliException(ExitCode.CONFIG, "cannot read config " + file + ": " + e.getMessage(), e);
        }
        ConfigNode root = ConfigNode.parse(file.getFileName().toString(), text);
        Path base = file.toAbsolutePath().getParent();
        return read(root, base, file, text, seedOverride);
    }

    /** Reads a parsed config; relative paths resolve against {@code base}. */
    public static StudyConfig read(ConfigNode root, Path base, Path file, String text, Long seedOverride) {
        root.checkKeys(TOP);
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String name = root.string("name", stem);
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw root.require("name", "").error("is '" + name + "'; expected a plain folder name (no slashes, not starting with '.')");
        }
        String title = root.string("title", name);
        String task = root.choice("task", "classification", List.of("classification", "regression"));
        boolean classification = task.equals("classification");
        long seed = seedOverride != null ? seedOverride : root.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        DataConfig data = data(root.require("data", "where the events come from: signal/background files, files + label, or generator"),
                base, classification);
        ConfigNode ms = root.require("methods", "the list of methods to train, e.g. - {type: gbt}");
        if (!ms.isList() || ms.items().isEmpty()) {
            throw ms.error("expected a non-empty list of methods, e.g. methods: [{type: gbt}, {type: nn, layers: [linear 64, relu]}]");
        }
        List<MethodConfig> methods = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode m : ms.items()) {
            MethodConfig mc = method(m);
            if (!names.add(mc.name())) {
                throw m.error("two methods are named '" + mc.name() + "'; give each a unique name:");
            }
            methods.add(mc);
        }
        EvaluationConfig ev = evaluation(root.get("evaluation"), classification);
        return new StudyConfig(name, title, classification, seed, data, List.copyOf(methods), ev, file, text);
    }

    private static DataConfig data(ConfigNode d, Path base, boolean classification) {
        d.checkKeys(DATA);
        String tree = d.string("tree", null);
        List<FileSource> files = sources(d.get("files"), base, tree);
        List<FileSource> signal = sources(d.get("signal"), base, tree);
        List<FileSource> background = sources(d.get("background"), base, tree);
        GeneratorSource gen = generator(d.get("generator"));
        int kinds = (files.isEmpty() ? 0 : 1) + (signal.isEmpty() && background.isEmpty() ? 0 : 1) + (gen == null ? 0 : 1);
        if (kinds != 1) {
            throw d.error("give exactly one data source: signal: + background: files, files: with a label: (or target:) column, or"
                    + " generator: {kind: jets, signal: W, events: 5000}" + (kinds > 1 ? " — found several" : " — found none"));
        }
        if (signal.isEmpty() != background.isEmpty()) {
            throw d.error(signal.isEmpty() ? "background" : "signal", "is given without "
                    + (signal.isEmpty() ? "signal:" : "background:") + "; give both, or use files: with a label: column");
        }
        String label = d.string("label", null);
        String target = d.string("target", null);
        if (!classification) {
            if (target == null && gen == null) {
                throw d.error("a regression needs target: (the column to predict), e.g. target: M");
            }
            if (!signal.isEmpty()) {
                throw d.error("signal", "signal/background files make a classification; for task: regression use files: and target:");
            }
        } else {
            if (target != null) {
                throw d.error("target", "is for task: regression; a classification uses label: (or signal:/background: files)");
            }
            if (!files.isEmpty() && label == null) {
                throw d.error("files: without label: — name the column holding the class (label: Label), or give signal: and"
                        + " background: files instead");
            }
            if (files.isEmpty() && label != null) {
                throw d.error("label", "is only used with files:; signal:/background: files (and the generator) make the labels");
            }
        }
        List<String> features = d.strings("features");
        if (features.isEmpty() && gen == null && d.get("particles") == null) {
            throw d.error("missing key 'features' (the input columns: names or globs, e.g. features: [DER_*, PRI_*])");
        }
        if (gen != null && !features.isEmpty()) {
            throw d.error("features", "the generator provides its own input sets (features, images, constituents); remove data.features"
                    + " and pick a set per method with inputs:");
        }
        List<Double> missingValues = new ArrayList<>();
        MissingValues policy = MissingValues.KEEP;
        double fill = 0;
        ConfigNode miss = d.get("missing");
        if (miss != null) {
            miss.checkKeys(List.of("values", "policy", "fill"));
            ConfigNode vals = miss.get("values");
            if (vals != null) {
                for (ConfigNode v : vals.items()) {
                    missingValues.add(v.asDouble());
                }
            }
            policy = MissingValues.valueOf(miss.choice("policy", "keep", List.of("keep", "drop", "fill")).toUpperCase(Locale.ROOT));
            fill = miss.number("fill", 0, -Double.MAX_VALUE, Double.MAX_VALUE);
        }
        long maxEvents = d.integer("max_events", 0, 0, Integer.MAX_VALUE);
        String selection = d.string("selection", null);
        if (selection != null && gen != null) {
            throw d.error("selection", "applies to the columns of data files; the generator's jets are all used (set pt_min/pt_max instead)");
        }
        if (selection != null && selection.isBlank()) {
            throw d.error("selection", "is empty; give a condition such as \"pt1 > 20 && abs(eta1) < 2.4\", or remove the key");
        }
        if (selection != null) {
            dev.hadron.cli.study.Selection.parse(selection, d.file() + ": data.selection");   // syntax errors before any file is read
        }
        SplitConfig split = split(d.get("split"));
        return new DataConfig(files, signal, background, gen, features, d.strings("exclude"), d.strings("particles"), label,
                d.strings("classes"), d.strings("class_names"), target, d.string("weight", null), List.copyOf(missingValues), policy,
                fill, maxEvents, selection, split, d.bool("standardize", true),
                d.choice("train_weights", "balanced", List.of("balanced", "as_is", "none")));
    }

    private static List<FileSource> sources(ConfigNode n, Path base, String defaultTree) {
        List<FileSource> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        for (ConfigNode item : n.items()) {
            if (item.isMap()) {
                item.checkKeys(List.of("file", "tree"));
                out.add(new FileSource(base.resolve(item.require("file", "the file's path").asString()).normalize(),
                        item.string("tree", defaultTree)));
            } else {
                out.add(new FileSource(base.resolve(item.asString()).normalize(), defaultTree));
            }
        }
        return out;
    }

    private static GeneratorSource generator(ConfigNode g) {
        if (g == null) {
            return null;
        }
        g.checkKeys(List.of("kind", "signal", "events", "pt_min", "pt_max"));
        g.choice("kind", "jets", List.of("jets"));
        String sig = g.choice("signal", "w", List.of("w", "top"));
        int events = (int) g.integer("events", 5000, 10, 10_000_000);
        double ptMin = g.number("pt_min", 550, 1, 1e5);
        double ptMax = g.number("pt_max", 650, ptMin, 1e5);
        return new GeneratorSource(sig.equals("w") ? JetType.W : JetType.TOP, events, ptMin, ptMax);
    }

    private static SplitConfig split(ConfigNode s) {
        if (s == null) {
            return SplitConfig.defaults();
        }
        s.checkKeys(List.of("train", "validation", "test"));
        double train = s.number("train", 0.6, 0, 1);
        double valid = s.number("validation", 0.1, 0, 1);
        double test = s.number("test", Math.max(0, 1 - train - valid), 0, 1);
        if (!(train > 0) || !(test > 0)) {
            throw s.error("train and test fractions must be > 0; got train " + train + ", test " + test);
        }
        if (train + valid + test > 1 + 1e-9) {
            throw s.error("train + validation + test is " + (train + valid + test) + "; expected at most 1");
        }
        return new SplitConfig(train, valid, test);
    }

    private static MethodConfig method(ConfigNode m) {
        if (m.isString()) {
            m = ConfigNode.of(m.file(), m.path(), java.util.Map.of("type", m.asString()));
        }
        m.checkKeys(METHOD);
        ConfigNode typeNode = m.require("type", "the method: " + String.join(", ", MethodType.ids()));
        MethodType type = MethodType.find(typeNode.asString());
        if (type == null) {
            String near = ConfigNode.nearest(typeNode.asString(), MethodType.ids());
            throw typeNode.error("unknown method '" + typeNode.asString() + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                    + "; use one of " + String.join(", ", MethodType.ids()));
        }
        String name = m.string("name", type.id().toUpperCase(Locale.ROOT));
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw m.error("name", "is '" + name + "'; expected a name usable as a folder (no slashes, not starting with '.')");
        }
        ConfigNode params = m.get("params");
        if (params != null && !params.isMap()) {
            throw params.error("expected a mapping of hyperparameters, e.g. params: {trees: 200, max_depth: 4}");
        }
        ConfigNode layers = m.get("layers");
        ConfigNode training = m.get("training");
        if (type == MethodType.NN) {
            if (layers == null || !layers.isList()) {
                throw m.error("a network (type: nn) needs layers:, a list such as [linear 64, relu, linear 64, relu]");
            }
            if (params != null) {
                throw params.error("networks take layers: and training:, not params:");
            }
        } else {
            if (layers != null) {
                throw layers.error("only networks (type: nn) take layers:; method type is " + type.id());
            }
            if (training != null) {
                throw training.error("only networks (type: nn) take training:; use params: for " + type.id());
            }
        }
        return new MethodConfig(name, type, m.string("inputs", "features"), params, layers == null ? null : layers.items(), training, m);
    }

    private static EvaluationConfig evaluation(ConfigNode e, boolean classification) {
        EvaluationConfig d = EvaluationConfig.defaults();
        if (e == null) {
            return d;
        }
        e.checkKeys(List.of("figure_of_merit", "bootstrap", "signal_efficiencies", "figures"));
        FigureOfMerit fom = null;
        ConfigNode f = e.get("figure_of_merit");
        if (f != null) {
            String v = e.choice("figure_of_merit", null, List.of("ams", "asimov", "s_over_sqrt_b", "s_over_sqrt_s_plus_b"));
            fom = switch (v) {
                case "ams" -> FigureOfMerit.AMS;
                case "asimov" -> FigureOfMerit.ASIMOV;
                case "s_over_sqrt_b" -> FigureOfMerit.S_OVER_SQRT_B;
                default -> FigureOfMerit.S_OVER_SQRT_S_PLUS_B;
            };
            if (!classification) {
                throw f.error("a figure of merit needs a classification");
            }
        }
        int boot = (int) e.integer("bootstrap", d.bootstrap(), 0, 100_000);
        if (boot == 1) {
            throw e.require("bootstrap", "").error("is 1; expected 0 (off) or at least 2 replicas");
        }
        List<Double> effs = new ArrayList<>();
        ConfigNode se = e.get("signal_efficiencies");
        if (se != null) {
            for (ConfigNode v : se.items()) {
                double x = v.asDouble();
                if (!(x > 0 && x <= 1)) {
                    throw v.error("is " + x + "; expected a signal efficiency in (0, 1]");
                }
                effs.add(x);
            }
        } else {
            effs.addAll(d.signalEfficiencies());
        }
        return new EvaluationConfig(fom, boot, List.copyOf(effs), e.bool("figures", d.figures()));
    }
}
