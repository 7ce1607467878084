package dev.hadron.cli.command;

import dev.hadron.cli.CliException;
import dev.hadron.cli.Command;
import dev.hadron.cli.CommandLine;
import dev.hadron.cli.Console;
import dev.hadron.cli.ExitCode;
import dev.hadron.io.DataFiles;
import dev.hadron.io.Format;
import dev.hadron.io.root.RootFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code hadron inspect FILE [--json]}: what a file holds, like uproot's {@code show()} — trees with
 * their entry counts and branches with their types for ROOT, datasets for HDF5, columns with types for
 * CSV, NumPy and Parquet. {@code --json} prints machine-readable output; for ROOT files it is
 * {@code {"trees": [{"name", "entries", "branches": [{"name", "type"}]}], "objects": [...]}}.
 */
public final class InspectCommand implements Command {
    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String summary() {
        return "show what a ROOT, HDF5, CSV, NumPy or Parquet file holds";
    }

    @Override
    public String help() {
        return """
                usage: hadron inspect FILE [--json]

                Shows what FILE holds without reading its bulk: for ROOT files every tree (entries, title) and
                branch (C++ type, baskets, compressed size) and the other objects (histograms); for HDF5 the
                datasets (dtype, shape); for CSV/TSV the columns with their inferred types and missing-value
                counts; for NumPy .npy/.npz the arrays; for Parquet the columns.

                  --json   machine-readable output; for ROOT files
                           {"trees": [{"name": ..., "entries": ..., "branches": [{"name": ..., "type": ...}]}], ...}

                example: hadron inspect ../shared/data/root/uproot-HZZ.root""";
    }

    @Override
    public ExitCode run(List<String> args, Console console) {
        CommandLine cl = CommandLine.parse(name(), args, Set.of(), Set.of("json")).expectPositionals(1, 1, "hadron inspect FILE [--json]");
        Path file = Path.of(cl.positionals().get(0));
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.INPUT, "inspect: no such file " + file + (Files.isDirectory(file) ? " (it is a folder)" : ""));
        }
        Format format = DataFiles.detect(file);
        if (cl.has("json")) {
            if (format == Format.ROOT) {
                try (RootFile f = RootFile.open(file)) {
                    console.result(f.summary().toJson());
                }
            } else {
                console.result(DataFiles.summary(file).toJson());
            }
        } else {
            console.result(DataFiles.summary(file).toText());
        }
        return ExitCode.OK;
    }
}
