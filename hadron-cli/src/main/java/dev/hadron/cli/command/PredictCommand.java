package dev.hadron.cli.command;

import dev.hadron.cli.CliException;
import dev.hadron.cli.Command;
import dev.hadron.cli.CommandLine;
import dev.hadron.cli.Console;
import dev.hadron.cli.ExitCode;
import dev.hadron.cli.method.FittedModel;
import dev.hadron.cli.method.ModelBundle;
import dev.hadron.cli.predict.ChunkedInput;
import dev.hadron.cli.predict.ScoreWriter;
import dev.hadron.cli.study.InputKind;
import dev.hadron.data.Dataset;
import dev.hadron.io.DatasetSpec;
import dev.hadron.io.Table;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code hadron predict MODEL INPUT OUTPUT [--tree NAME] [--chunk N]}: scores the events of INPUT with a
 * model saved by {@code hadron train}, reading and writing in chunks so files larger than memory work.
 * The output has one column per class ({@code score_<class>}: the class probabilities) or one
 * {@code prediction} column for a regression, one row per input event in input order.
 */
public final class PredictCommand implements Command {
    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "score new events with a trained model (streams large files; writes CSV, NumPy or Parquet)";
    }

    @Override
    public String help() {
        return """
                usage: hadron predict MODEL INPUT OUTPUT [--tree NAME] [--chunk N]

                Scores every event of INPUT (ROOT, CSV, Parquet, HDF5 or NumPy holding the model's input columns) with
                MODEL, a folder written by `hadron train` (runs/<study>/models/<method>), and writes OUTPUT:
                  .csv / .tsv   a header, then one row per event
                  .npy          float32 array (events, outputs)
                  .parquet      one float32 column per output, one row group per chunk
                Columns: score_<class> (the class probabilities) for a classifier, prediction for a regressor.
                The output appears only once complete (it is written under a temporary name, then renamed).
                Missing-value markers and the preprocessing fitted during training are applied as in training;
                events with missing values are scored (trees route them, other methods use the training mean).

                  --tree NAME   the ROOT tree (or HDF5 group) to read, when the file has several
                  --chunk N     events per chunk (default 100000)

                example: hadron predict runs/atlas-higgsml/models/BDT test.csv scores.csv""";
    }

    @Override
    public ExitCode run(List<String> args, Console console) {
        CommandLine cl = CommandLine.parse(name(), args, Set.of("tree", "chunk"), Set.of()).expectPositionals(3, 3,
                "hadron predict MODEL INPUT OUTPUT");
        Path modelPath = Path.of(cl.positionals().get(0));
        Path input = Path.of(cl.positionals().get(1));
        Path output = Path.of(cl.positionals().get(2));
        int chunk;
        try {
            chunk = Integer.parseInt(cl.value("chunk", "100000"));
        } catch (NumberFormatException e) {
            throw CliException.usage("predict: --chunk is '" + cl.value("chunk", "") + "'; expected a positive whole number");
        }
        if (chunk < 1) {
            throw CliException.usage("predict: --chunk is " + chunk + "; expected at least 1");
        }
        ModelBundle bundle = ModelBundle.read(modelPath);
        if (bundle.inputKind() == InputKind.IMAGE) {
            throw CliException.usage("predict: model '" + bundle.name() + "' takes generated jet images, which are not read from files");
        }
        FittedModel model = bundle.load(modelPath);
        List<String> header = new ArrayList<>();
        if (bundle.classification()) {
            bundle.classNames().forEach(c -> header.add("score_" + c));
        } else {
            header.add("prediction");
        }
        Path abs = output.toAbsolutePath();
        Path tmp;
        try {
            Files.createDirectories(abs.getParent());
            String name = abs.getFileName().toString();
            tmp = abs.resolveSibling("." + name.replaceFirst("(\\.[^.]*)$", ".partial$1"));
        } catch (IOException e) {
            throw new CliException(ExitCode.INPUT, "predict: cannot create " + abs.getParent() + ": " + e.getMessage(), e);
        }
        long[] events = {0};
        try (ScoreWriter w = ScoreWriter.open(tmp, header)) {
            ChunkedInput.forEach(input, cl.value("tree", null), bundle.columns(), chunk, t -> {
                Tensor scores = score(bundle, model, t);
                try {
                    w.write(scores.dim() == 1 ? scores.unsqueeze(1) : scores);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                events[0] += t.numRows();
                if (console.verbose()) {
                    console.err().print("\rscored " + events[0] + " events");
                }
            });
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(tmp);
            throw new CliException(ExitCode.INPUT, "predict: cannot write " + output + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // readers and models name what does not fit (a missing branch, a wrong shape): an input problem
            deleteQuietly(tmp);
            throw new CliException(ExitCode.INPUT, "predict: " + input + " does not fit model '" + bundle.name() + "' (it needs "
                    + bundle.columns() + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
        try {
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new CliException(ExitCode.FAILURE, "predict: cannot move the scores to " + output + ": " + e.getMessage(), e);
        }
        if (console.verbose()) {
            console.err().println();
        }
        console.info("wrote " + events[0] + " scores (" + String.join(", ", header) + ") to " + output);
        return ExitCode.OK;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the original error matters more
        }
    }

    /** The model's outputs for one chunk, after the training-time missing-value handling and preprocessing. */
    static Tensor score(ModelBundle b, FittedModel model, Table t) {
        Dataset d;
        try {
            d = DatasetSpec.of(b.columns()).build(t.select(b.columns()));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INPUT, "predict: the input lacks what model '" + b.name() + "' needs (columns " + b.columns()
                    + "): " + e.getMessage(), e);
        }
        if (b.inputKind() == InputKind.JAGGED) {
            Jagged j = d.jaggedFeatures();
            j = j.withValues(clean(b, j.values()));
            return model.predict(b.preprocessing().apply(Dataset.ofJagged(j, null, null)));
        }
        Tensor x = clean(b, d.features().to(DType.FLOAT32));
        if (x.size(1) != b.featureNames().size()) {
            throw new CliException(ExitCode.INPUT, "predict: the input columns give " + x.size(1) + " features but model '" + b.name()
                    + "' was trained on " + b.featureNames().size());
        }
        return model.predict(b.preprocessing().apply(Dataset.of(x)));
    }

    private static Tensor clean(ModelBundle b, Tensor x) {
        Tensor out = x.to(DType.FLOAT32);
        for (double m : b.missingValues()) {
            out = out.maskedFill(out.eq(m), Double.NaN);
        }
        if (!Double.isNaN(b.fillValue())) {
            out = out.maskedFill(out.isNan(), b.fillValue());
        }
        return out;
    }
}
