package dev.hadron.cli.predict;

import dev.hadron.cli.CliException;
import dev.hadron.cli.ExitCode;
import dev.hadron.io.DataFiles;
import dev.hadron.io.Format;
import dev.hadron.io.Table;
import dev.hadron.io.csv.CsvOptions;
import dev.hadron.io.csv.CsvReader;
import dev.hadron.io.csv.CsvType;
import dev.hadron.io.parquet.ParquetFile;
import dev.hadron.io.root.RootFile;
import dev.hadron.io.root.RootTree;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the columns a model needs from a file in chunks of rows, so that files larger than memory can
 * be scored: ROOT trees by entry ranges, Parquet by row groups, CSV by blocks of lines (each parsed on
 * its own with the columns forced to float64). HDF5 and NumPy files are read whole.
 */
public final class ChunkedInput {
    private ChunkedInput() {
    }

    /** Calls {@code sink} with consecutive tables of at most about {@code rows} rows holding {@code columns}. */
    public static void forEach(Path file, String tree, List<String> columns, int rows, Consumer<Table> sink) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.INPUT, "predict: no such input file " + file);
        }
        Format f = DataFiles.detect(file);
        switch (f) {
            case ROOT -> root(file, tree, columns, rows, sink);
            case PARQUET -> {
                try (ParquetFile p = ParquetFile.open(file)) {
                    for (int g = 0; g < p.numRowGroups(); g++) {
                        sink.accept(p.readRowGroup(g, columns));
                    }
                }
            }
            case CSV -> csv(file, columns, rows, sink);
            default -> sink.accept(DataFiles.read(file, tree, columns));
        }
    }

    private static void root(Path file, String tree, List<String> columns, int rows, Consumer<Table> sink) {
        try (RootFile rf = RootFile.open(file)) {
            String name = tree;
            if (name == null) {
                List<String> trees = rf.keyInfos().stream().filter(k -> k.className().equals("TTree") || k.className().startsWith("TNtuple"))
                        .map(k -> k.path()).distinct().toList();
                if (trees.size() != 1) {
                    throw CliException.usage("predict: " + file + " holds " + trees.size() + " trees " + trees + "; name one with --tree");
                }
                name = trees.get(0);
            }
            RootTree t = rf.tree(name);
            for (long start = 0; start < t.numEntries(); start += rows) {
                sink.accept(t.table(columns, start, Math.min(t.numEntries(), start + rows)));
            }
        }
    }

    private static void csv(Path file, List<String> columns, int rows, Consumer<Table> sink) {
        Map<String, CsvType> types = new LinkedHashMap<>();
        for (String c : columns) {
            types.put(c, CsvType.FLOAT64);
        }
        CsvOptions opts = CsvOptions.defaults().withColumns(columns).withTypes(types);
        // a file without a header row (columns col0, col1, ... as hadron-io names them) is chunked without one
        List<String> probe = CsvReader.read(file, CsvOptions.defaults().withMaxRows(2)).columnNames();
        boolean headerless = java.util.stream.IntStream.range(0, probe.size()).allMatch(i -> probe.get(i).equals("col" + i));
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = headerless ? null : in.readLine();
            if (!headerless && header == null) {
                throw new CliException(ExitCode.INPUT, "predict: " + file + " is empty");
            }
            Path chunk = Files.createTempFile("hadron-predict-", ".csv");
            try {
                while (true) {
                    int n = 0;
                    try (BufferedWriter w = Files.newBufferedWriter(chunk, StandardCharsets.UTF_8)) {
                        if (header != null) {
                            w.write(header);
                            w.write('\n');
                        }
                        String line;
                        while (n < rows && (line = in.readLine()) != null) {
                            if (!line.isBlank()) {
                                w.write(line);
                                w.write('\n');
                                n++;
                            }
                        }
                    }
                    if (n == 0) {
                        break;
                    }
                    sink.accept(CsvReader.read(chunk, opts.withHeader(!headerless)));
                    if (n < rows) {
                        break;
                    }
                }
            } finally {
                Files.deleteIfExists(chunk);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.INPUT, "predict: cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
