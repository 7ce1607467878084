package dev.hadron.cli.command;

import dev.hadron.cli.Command;
import dev.hadron.cli.CommandLine;
import dev.hadron.cli.Console;
import dev.hadron.cli.ExitCode;
import dev.hadron.cli.OutputFolder;
import dev.hadron.cli.config.ConfigReader;
import dev.hadron.cli.config.StudyConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code hadron train CONFIG.yaml [--output DIR]}: runs the study ({@link StudyRunner}) into a temporary
 * folder and moves it to {@code DIR} (default {@code runs/<name>}) only when everything succeeded.
 */
public final class TrainCommand implements Command {
    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "run a study from a YAML config: train, evaluate, write the report, results.json and models";
    }

    @Override
    public String help() {
        return """
                usage: hadron train CONFIG.yaml [--output DIR]

                Runs the classification or regression study described by CONFIG.yaml: reads the data (ROOT, CSV, HDF5,
                NumPy, Parquet, or the built-in jet generator), splits it, trains every method, evaluates each on the test
                part and writes into DIR (default runs/<config name>):
                  report.html     self-contained HTML report (metrics tables, ROC, overtraining, inputs, config, provenance)
                  results.json    {"methods": [{"name", "auc", "accuracy", "rejection": {"0.3", "0.5", "0.7"}, "train_seconds", ...}]}
                                  (rejection: 1/eB at those signal efficiencies on the test part; null when no
                                  background event passes, i.e. infinite)
                  models/NAME/    each trained model (hadron-model.json + its files), for `hadron predict`
                  figures/        every plot as SVG and PNG
                The folder appears only when the run succeeds (it is built under a temporary name and renamed).

                Config outline (see examples/*.yaml):
                  task: classification            # or regression
                  seed: 42
                  data:
                    signal: sig.csv               # or {file: f.root, tree: sig_tree}; with background:
                    background: bkg.csv           # or files: [all.csv] + label: Label, or generator: {kind: jets, signal: W}
                    features: [DER_*, PRI_*]      # names or globs; exclude: [...]; particles: [jagged branches]
                    weight: Weight
                    selection: "PRI_tau_pt > 25 && abs(PRI_tau_eta) < 2.3"   # a cut on per-event columns
                    missing: {values: [-999], policy: keep}     # keep | drop | fill
                    split: {train: 0.6, validation: 0.1, test: 0.3}
                  methods:
                    - {name: BDT, type: gbt, params: {trees: 200, max_depth: 4}}
                    - {name: MLP, type: nn, layers: [linear 64, relu, linear 64, relu], training: {epochs: 20}}
                  evaluation: {figure_of_merit: ams}

                methods: gbt, random_forest, adaboost, decision_tree, fisher, logistic, knn, svm, nn (classification);
                         gbt, random_forest, decision_tree, knn, linear, gp, nn (regression)
                layers:  linear N, relu, gelu, silu, tanh, sigmoid, elu, leaky_relu, softplus, dropout P, batchnorm,
                         layernorm, conv2d OUT K [stride= padding=], maxpool2d K, avgpool2d K, flatten,
                         edgeconv OUT [k=16], attention [heads=4 ffn= blocks=], pool sum|mean|max,
                         deepsets phi=64,64 rho=64 [pool=sum]

                example: hadron train examples/jets.yaml""";
    }

    @Override
    public ExitCode run(List<String> args, Console console) {
        CommandLine cl = CommandLine.parse(name(), args, Set.of("output"), Set.of()).expectPositionals(1, 1,
                "hadron train CONFIG.yaml [--output DIR]");
        StudyConfig cfg = ConfigReader.read(Path.of(cl.positionals().get(0)), console.options().seed());
        Path out = Path.of(cl.value("output", Path.of("runs", cfg.name()).toString()));
        try (OutputFolder folder = OutputFolder.create(out)) {
            StudyRunner.run(cfg, folder.dir(), console, String.join(" ", args));
            folder.commit();
        }
        console.info("results written to " + out);
        return ExitCode.OK;
    }
}
