package dev.hadron.cli;

import dev.hadron.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hadron datasets}: the catalog, and fetching without network from a mirror folder (tests never download). */
class DatasetsCommandTest {
    private static final String ATLAS = "atlas-higgs-2014";
    private static final String ATLAS_FILE = "atlas-higgs-challenge-2014-v2.csv.gz";

    @Test
    @SuppressWarnings("unchecked")
    void listAsJsonNamesTheCatalogAndWhatIsCached(@TempDir Path cache) {
        Cli.Run r = Cli.run("datasets", "list", "--json", "--cache", cache.toString(), "--offline");
        assertEquals(0, r.code(), r.toString());
        List<Object> all = (List<Object>) Json.parse(r.out());
        List<String> names = all.stream().map(o -> (String) ((Map<String, Object>) o).get("name")).toList();
        assertTrue(names.containsAll(List.of("higgs-uci", ATLAS, "top-tagging", "quark-gluon", "hls4ml-jets")), names.toString());
        for (Object o : all) {
            Map<String, Object> m = (Map<String, Object>) o;
            assertEquals(0L, ((Number) m.get("cached")).longValue(), "an empty cache holds nothing");
            assertTrue(String.valueOf(m.get("folder")).startsWith(cache.toString()));
        }
        Cli.Run text = Cli.run("datasets", "list", "--cache", cache.toString());
        assertTrue(text.out().contains("higgs-uci") && text.out().contains("SHA-256"), text.out());
    }

    @Test
    void fetchOfflineWithoutTheFileSaysHowToProvideIt(@TempDir Path cache) {
        Cli.Run r = Cli.run("datasets", "fetch", ATLAS, "--offline", "--cache", cache.toString());
        assertEquals(ExitCode.INPUT.code(), r.code(), r.toString());
        assertEquals(1, r.errors().size(), r.toString());
        assertTrue(r.errors().get(0).contains(ATLAS_FILE) && r.errors().get(0).contains("offline"), r.toString());
    }

    @Test
    void fetchFromAMirrorIntoTheCacheThenListsItAsCached(@TempDir Path tmp) throws IOException {
        Path mirror = Files.createDirectories(tmp.resolve("mirror").resolve(ATLAS));
        Files.write(mirror.resolve(ATLAS_FILE), new byte[] {31, -117, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        Path cache = tmp.resolve("cache");
        Cli.Run r = Cli.run("--quiet", "datasets", "fetch", ATLAS, "--offline", "--cache", cache.toString(), "--mirror",
                tmp.resolve("mirror").toString());
        assertEquals(0, r.code(), r.toString());
        Path folder = Path.of(r.out().trim());
        assertEquals(cache.resolve(ATLAS).toAbsolutePath(), folder);
        assertTrue(Files.isRegularFile(folder.resolve(ATLAS_FILE)));
        Cli.Run list = Cli.run("datasets", "list", "--json", "--cache", cache.toString());
        assertTrue(list.out().replace(" ", "").contains("\"name\":\"" + ATLAS + "\""), list.out());
    }

    @Test
    void usageErrors() {
        assertEquals(ExitCode.USAGE.code(), Cli.run("datasets").code());
        assertEquals(ExitCode.USAGE.code(), Cli.run("datasets", "download", "x").code());
        Cli.Run r = Cli.run("datasets", "fetch", "higgs");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.errors().get(0).contains("higgs-uci"), "names the catalog: " + r);
        assertEquals(ExitCode.USAGE.code(), Cli.run("datasets", "fetch", "quark-gluon", "--file", "nope.npz", "--offline").code());
    }
}
