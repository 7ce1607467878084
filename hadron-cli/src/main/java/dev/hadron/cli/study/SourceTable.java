package dev.hadron.cli.study;

import dev.hadron.cli.CliException;
import dev.hadron.cli.ExitCode;
import dev.hadron.cli.config.ConfigNode;
import dev.hadron.cli.config.FileSource;
import dev.hadron.io.DataFiles;
import dev.hadron.io.Format;
import dev.hadron.io.Table;
import dev.hadron.io.hdf5.Hdf5File;
import dev.hadron.io.root.RootFile;
import dev.hadron.io.root.RootTree;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reads the columns a study needs from one source file: for ROOT only the branches asked for (and
 * only the first {@code maxEvents} entries), for the other formats the whole table. Column names and
 * globs are resolved here, so that a missing column is reported with the config key that named it and
 * the columns the file does have.
 */
public final class SourceTable {
    private SourceTable() {
    }

    /** A column request: the config key ({@code data.features}) and its names or globs. */
    public record Request(String key, List<String> patterns) {
    }

    /** The table read and the concrete column names each request resolved to (in request order). */
    public record Result(Table table, List<List<String>> resolved, List<String> available) {
    }

    /** Reads {@code source}, resolving each request against its columns; {@code maxEvents} 0 reads all. */
    public static Result read(FileSource source, List<Request> requests, long maxEvents, String configFile) {
        if (!Files.isRegularFile(source.path())) {
            throw new CliException(ExitCode.INPUT, configFile + ": data file " + source.path() + " does not exist"
                    + (Files.isDirectory(source.path()) ? " (it is a folder)" : "") + "; relative paths are resolved against the config"
                    + " file's folder");
        }
        Format format = DataFiles.detect(source.path());
        if (format == Format.ROOT) {
            try (RootFile f = RootFile.open(source.path())) {
                RootTree tree = f.tree(treeName(f, source, configFile));
                List<String> available = new ArrayList<>();
                for (var b : tree.branches()) {
                    available.add(b.path());
                }
                List<List<String>> resolved = resolveAll(requests, available, source, configFile);
                LinkedHashSet<String> all = new LinkedHashSet<>();
                resolved.forEach(all::addAll);
                long stop = maxEvents > 0 ? Math.min(maxEvents, tree.numEntries()) : tree.numEntries();
                Table t = tree.table(new ArrayList<>(all), 0, stop);
                return new Result(t, expandLeafLists(resolved, t), available);
            }
        }
        Table t;
        if (source.tree() != null && format == Format.HDF5) {
            t = Hdf5File.read(source.path(), source.tree());
        } else if (source.tree() != null) {
            throw CliException.config(configFile + ": data: tree '" + source.tree() + "' given for " + source.path() + ", which is "
                    + format.id() + " and has no trees; remove tree:");
        } else {
            t = DataFiles.read(source.path());
        }
        if (maxEvents > 0 && t.numRows() > maxEvents) {
            t = t.head((int) maxEvents);
        }
        List<List<String>> resolved = resolveAll(requests, t.columnNames(), source, configFile);
        return new Result(t, resolved, t.columnNames());
    }

    /** A leaf-list branch reads as columns {@code branch/leaf}; replace the branch name by those. */
    private static List<List<String>> expandLeafLists(List<List<String>> resolved, Table t) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> names : resolved) {
            List<String> r = new ArrayList<>();
            for (String n : names) {
                if (t.has(n)) {
                    r.add(n);
                } else {
                    for (String c : t.columnNames()) {
                        if (c.startsWith(n + "/")) {
                            r.add(c);
                        }
                    }
                }
            }
            out.add(r);
        }
        return out;
    }

    private static String treeName(RootFile f, FileSource source, String configFile) {
        List<String> trees = new ArrayList<>();
        for (var k : f.keyInfos()) {
            if ((k.className().equals("TTree") || k.className().startsWith("TNtuple")) && !trees.contains(k.path())) {
                trees.add(k.path());
            }
        }
        if (source.tree() != null) {
            if (!trees.contains(source.tree())) {
                throw CliException.config(configFile + ": data: tree '" + source.tree() + "' is not in " + source.path() + "; trees: "
                        + trees);
            }
            return source.tree();
        }
        if (trees.size() != 1) {
            throw CliException.config(configFile + ": data: " + source.path() + " holds " + (trees.isEmpty() ? "no TTree"
                    : trees.size() + " trees " + trees) + "; name one with {file: ..., tree: NAME} or data.tree");
        }
        return trees.get(0);
    }

    private static List<List<String>> resolveAll(List<Request> requests, List<String> available, FileSource source, String configFile) {
        List<List<String>> out = new ArrayList<>();
        for (Request r : requests) {
            out.add(resolve(r, available, source, configFile));
        }
        return out;
    }

    /** Concrete names for the request's names/globs; an error naming the key when one matches nothing. */
    static List<String> resolve(Request r, List<String> available, FileSource source, String configFile) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String p : r.patterns()) {
            if (Table.isPattern(p)) {
                List<String> m = Table.matching(p, available);
                if (m.isEmpty()) {
                    throw CliException.config(configFile + ": " + r.key() + ": pattern '" + p + "' matches no column of " + source
                            + "; columns: " + preview(available));
                }
                names.addAll(m);
            } else if (available.contains(p)) {
                names.add(p);
            } else {
                String near = ConfigNode.nearest(p, available);
                throw CliException.config(configFile + ": " + r.key() + ": no column '" + p + "' in " + source
                        + (near == null ? "" : " (did you mean '" + near + "'?)") + "; columns: " + preview(available));
            }
        }
        return new ArrayList<>(names);
    }

    /** At most 40 names, then a count. */
    static String preview(List<String> names) {
        if (names.size() <= 40) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 40)) + ", ... (" + names.size() + " columns)";
    }
}
