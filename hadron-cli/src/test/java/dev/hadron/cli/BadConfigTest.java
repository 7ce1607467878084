package dev.hadron.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad configs end with one line naming the key and the fix, a non-zero exit code, and nothing written
 * into the output folder's parent (the run builds in a temporary folder that is removed on failure).
 */
class BadConfigTest {
    @TempDir
    Path dir;

    /** Runs the config and checks the failure contract; returns the error line. */
    private String fails(String yaml, ExitCode expected, String... mustContain) {
        Path cfg = Cli.config(dir, "study.yaml", yaml);
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("--quiet", "train", cfg.toString(), "--output", out.toString());
        assertEquals(expected.code(), r.code(), r.toString());
        List<String> errors = r.errors();
        assertEquals(1, errors.size(), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug:\n" + r.err());
        for (String s : mustContain) {
            assertTrue(errors.get(0).contains(s), "'" + s + "' missing from: " + errors.get(0));
        }
        assertEquals(List.of("study.yaml"), Cli.list(dir), "nothing half-written left: " + Cli.list(dir));
        return errors.get(0);
    }

    @Test
    void unknownMethodSuggestsTheNearestAndListsAll() {
        fails("""
                task: classification
                data: {generator: {kind: jets, events: 50}}
                methods: [{type: gbdt}]
                """, ExitCode.CONFIG, "methods[0].type", "unknown method 'gbdt'", "did you mean 'gbt'", "fisher", "svm", "nn");
    }

    @Test
    void unknownKeyIsNamed() {
        fails("""
                task: classification
                data: {generator: {kind: jets, events: 50}, standardise: true}
                methods: [{type: gbt}]
                """, ExitCode.CONFIG, "standardise", "standardize");
    }

    @Test
    void unknownHyperparameterListsTheRecordsComponents() {
        fails("""
                task: classification
                data: {generator: {kind: jets, events: 50}}
                methods: [{type: gbt, params: {max_dpth: 3}}]
                """, ExitCode.CONFIG, "max_dpth", "max_depth");
    }

    @Test
    void unknownLayerFailsBeforeTheDataIsRead() {
        fails("""
                task: classification
                data: {generator: {kind: jets, events: 50}}
                methods: [{type: nn, layers: [linear 8, rleu]}]
                """, ExitCode.CONFIG, "layers[1]", "rleu", "relu");
    }

    @Test
    void methodForTheOtherTask() {
        fails("""
                task: classification
                data: {generator: {kind: jets, events: 50}}
                methods: [{type: linear}]
                """, ExitCode.CONFIG, "methods[0]", "regression", "logistic");
    }

    @Test
    void jaggedInputsForATreeMethod() {
        fails("""
                task: classification
                data: {generator: {kind: jets, events: 50}}
                methods: [{type: gbt, inputs: constituents}]
                """, ExitCode.CONFIG, "methods[0].inputs", "constituents");
    }

    @Test
    void missingBranchListsTheBranchesOfTheTree() {
        Path z = Cli.data("root/uproot-Zmumu.root");
        fails("""
                task: regression
                data:
                  files: {file: %s, tree: events}
                  target: M
                  features: [px1, pxx2]
                methods: [{type: gbt}]
                """.formatted(Cli.yaml(z)), ExitCode.CONFIG, "data.features", "pxx2", "px2");
    }

    @Test
    void missingTree() {
        Path h = Cli.data("root/tmva-Higgs_data.root");
        fails("""
                task: classification
                data:
                  signal: {file: %1$s, tree: signal_tree}
                  background: {file: %1$s, tree: bkg_tree}
                  features: [jet1_pt]
                methods: [{type: gbt}]
                """.formatted(Cli.yaml(h)), ExitCode.CONFIG, "signal_tree", "sig_tree");
    }

    @Test
    void textColumnAsAFeature() {
        Path z = Cli.data("root/uproot-Zmumu.root");
        fails("""
                task: regression
                data:
                  files: {file: %s, tree: events}
                  target: M
                  features: [px1, Type]
                methods: [{type: gbt}]
                """.formatted(Cli.yaml(z)), ExitCode.CONFIG, "data.features", "'Type'", "text");
    }

    @Test
    void textColumnAsTheWeight() {
        Path sig = Cli.data("csv/atlas-higgsml/train_sml_sig.csv");
        Path bkg = Cli.data("csv/atlas-higgsml/train_sml_bg.csv");
        fails("""
                task: classification
                data:
                  signal: %s
                  background: %s
                  features: [DER_mass_MMC]
                  weight: Label
                methods: [{type: gbt}]
                """.formatted(Cli.yaml(sig), Cli.yaml(bkg)), ExitCode.CONFIG, "data.weight", "'Label'", "expected numbers");
    }

    @Test
    void selectionThatKeepsNoEvents() {
        Path z = Cli.data("root/uproot-Zmumu.root");
        fails("""
                task: regression
                data:
                  files: {file: %s, tree: events}
                  target: M
                  features: [px1, px2]
                  selection: "M > 1e6"
                methods: [{type: gbt}]
                """.formatted(Cli.yaml(z)), ExitCode.CONFIG, "data.selection", "M > 1e6", "keeps none of the 2304 events", "loosen");
    }

    @Test
    void selectionWithASyntaxErrorFailsBeforeReading() {
        fails("""
                task: regression
                data:
                  files: does-not-exist.root
                  target: M
                  features: [px1]
                  selection: "M > > 3"
                methods: [{type: gbt}]
                """, ExitCode.CONFIG, "data.selection", "position 5");
    }

    @Test
    void labelWithOneClass() {
        Path sig = Cli.data("csv/atlas-higgsml/train_sml_sig.csv");
        fails("""
                task: classification
                data:
                  files: %s
                  label: Label
                  features: [DER_*]
                methods: [{type: gbt}]
                """.formatted(Cli.yaml(sig)), ExitCode.CONFIG, "data.label", "one class");
    }

    @Test
    void missingDataFileIsAnInputError() {
        fails("""
                task: classification
                data: {signal: nope_sig.csv, background: nope_bkg.csv, features: [x]}
                methods: [{type: gbt}]
                """, ExitCode.INPUT, "nope_sig.csv", "does not exist");
    }

    @Test
    void yamlSyntaxError() {
        fails("""
                task: classification
                data: {generator: {kind: jets
                methods: [{type: gbt}]
                """, ExitCode.CONFIG, "study.yaml");
    }
}
