package dev.hadron.cli.command;

import dev.hadron.cli.CliException;
import dev.hadron.cli.Command;
import dev.hadron.cli.CommandLine;
import dev.hadron.cli.Console;
import dev.hadron.cli.ExitCode;
import dev.hadron.hep.datasets.DatasetEntry;
import dev.hadron.hep.datasets.DatasetInfo;
import dev.hadron.hep.datasets.Datasets;
import dev.hadron.util.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hadron datasets list [--json]} and {@code hadron datasets fetch NAME [--file FILE]}: the catalog of
 * public HEP benchmark datasets of {@link Datasets} (hls4ml jets, top tagging, quark/gluon, UCI HIGGS, ATLAS
 * Higgs ML), what is cached, and verified downloads into the cache. The cache, mirror and offline mode come
 * from {@code HADRON_DATA}, {@code HADRON_MIRROR} and {@code HADRON_OFFLINE}, or from {@code --cache},
 * {@code --mirror} and {@code --offline}.
 */
public final class DatasetsCommand implements Command {
    private static final String USAGE = "hadron datasets list [--json] | hadron datasets fetch NAME [--file FILE]";

    @Override
    public String name() {
        return "datasets";
    }

    @Override
    public String summary() {
        return "list the public HEP benchmark datasets, or fetch one into the verified cache";
    }

    @Override
    public String help() {
        return """
                usage: hadron datasets list [--json]
                       hadron datasets fetch NAME [--file FILE]

                  list         every dataset of the catalog: size, files, how many are cached, how downloads are
                               verified (SHA-256, MD5, or trust on first use) and where it comes from
                  fetch NAME   downloads every file of NAME (or only --file FILE) into the cache, verifies it and
                               prints the path; files already cached are not downloaded again

                options:
                  --json         list as JSON: [{"name", "title", "size", "files", "cached", "verification", ...}]
                  --file FILE    fetch one file of the dataset (e.g. one of the twenty quark/gluon files)
                  --cache DIR    the cache folder (default $HADRON_DATA, else ~/.cache/hadron)
                  --mirror DIR   look for DIR/NAME/FILE or DIR/FILE before the network ($HADRON_MIRROR)
                  --offline      never download; fail when a file is neither cached nor in the mirror ($HADRON_OFFLINE=1)

                examples:
                  hadron datasets list
                  hadron datasets fetch higgs-uci                 # 2.8 GB, once
                  hadron datasets fetch quark-gluon --file QG_jets.npz""";
    }

    @Override
    public ExitCode run(List<String> args, Console console) {
        CommandLine cl = CommandLine.parse(name(), args, Set.of("file", "cache", "mirror"), Set.of("json", "offline"));
        if (cl.positionals().isEmpty()) {
            throw CliException.usage("hadron datasets: say what to do; usage: " + USAGE);
        }
        Datasets datasets = datasets(cl, console);
        String action = cl.positionals().get(0);
        return switch (action) {
            case "list" -> {
                cl.expectPositionals(1, 1, USAGE);
                list(datasets, cl.has("json"), console);
                yield ExitCode.OK;
            }
            case "fetch" -> {
                cl.expectPositionals(2, 2, USAGE);
                fetch(datasets, cl.positionals().get(1), cl.value("file", null), console);
                yield ExitCode.OK;
            }
            default -> throw CliException.usage("hadron datasets: unknown action '" + action + "'; expected list or fetch; usage: "
                    + USAGE);
        };
    }

    private static Datasets datasets(CommandLine cl, Console console) {
        Datasets d;
        try {
            d = Datasets.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        if (cl.values().containsKey("cache")) {
            d = d.withCacheDir(Path.of(cl.value("cache", null)).toAbsolutePath());
        }
        if (cl.values().containsKey("mirror")) {
            d = d.withMirror(Path.of(cl.value("mirror", null)).toAbsolutePath());
        }
        if (cl.has("offline")) {
            d = d.withOffline(true);
        }
        if (console.verbose()) {
            java.io.Console c = System.console();
            d = d.withProgress(console.err(), c != null && c.isTerminal());
        }
        return d;
    }

    private static void list(Datasets datasets, boolean json, Console console) {
        List<DatasetInfo> infos = datasets.list();
        if (!json) {
            console.out().print(DatasetInfo.table(infos));
            console.out().flush();
            console.info("cache: " + datasets.cacheDir() + (datasets.offline() ? " (offline)" : "")
                    + (datasets.mirror() != null ? ", mirror: " + datasets.mirror() : "") + "; fetch one with: hadron datasets fetch NAME");
            return;
        }
        List<Object> out = new ArrayList<>();
        for (DatasetInfo i : infos) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.name());
            m.put("title", i.title());
            m.put("description", i.description());
            m.put("homepage", i.homepage().toString());
            m.put("size", i.totalSize());
            m.put("files", i.fileCount());
            m.put("cached", i.cachedFiles());
            m.put("verification", i.verification());
            m.put("folder", i.folder().toString());
            m.put("urls", i.urls().stream().map(Object::toString).toList());
            out.add(m);
        }
        console.result(Json.writePretty(out));
    }

    private static void fetch(Datasets datasets, String name, String file, Console console) {
        DatasetEntry entry;
        try {
            entry = datasets.entry(name);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("hadron datasets fetch: unknown dataset '" + name + "'; the catalog has "
                    + String.join(", ", datasets.names()) + " (see hadron datasets list)");
        }
        try {
            if (file != null) {
                try {
                    entry.file(file);
                } catch (IllegalArgumentException e) {
                    throw CliException.usage("hadron datasets fetch " + name + ": no file '" + file + "'; it has "
                            + String.join(", ", entry.files().stream().map(f -> f.fileName()).toList()));
                }
                console.result(datasets.fetchFile(name, file).toString());
            } else {
                console.result(datasets.fetch(name).toString());
            }
        } catch (IOException e) {
            throw CliException.input(e.getMessage(), e);
        }
    }
}
