package dev.hadron.hep.datasets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fetcher against a small HTTP server on the loopback interface: downloads, checksums, the cache, the
 * mirror, the offline mode and every failure path. Nothing here touches the internet.
 */
class DatasetsTest {
    private static final byte[] GOOD = bytes(300_000, 1);
    private static final byte[] OTHER = bytes(300_000, 2);
    private static final byte[] ARFF = "@RELATION jets\n@ATTRIBUTE mass NUMERIC\n@DATA\n80.1\n173.2\n".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile String openMlMd5 = md5(ARFF);

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/files/good.bin", ex -> send(ex, 200, GOOD));
        serve("/files/other.bin", ex -> send(ex, 200, OTHER));
        serve("/files/missing.bin", ex -> send(ex, 404, "not here".getBytes(StandardCharsets.UTF_8)));
        serve("/files/cut.bin", ex -> {
            // announces the whole file, sends half of it and drops the connection
            ex.sendResponseHeaders(200, GOOD.length);
            OutputStream out = ex.getResponseBody();
            out.write(GOOD, 0, GOOD.length / 2);
            out.flush();
            try {
                out.close();
            } catch (IOException expected) {
                // the server refuses to finish a short fixed-length body and closes the connection
            }
        });
        serve("/files/chunked-half.bin", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(GOOD, 0, GOOD.length / 2);
            }
        });
        serve("/files/data.arff", ex -> send(ex, 200, ARFF));
        serve("/api/v1/json/data/42468", ex -> send(ex, 200, ("{\"data_set_description\": {\"id\": \"42468\", \"url\": \"" + base
                + "/files/data.arff\", \"md5_checksum\": \"" + openMlMd5 + "\"}}").getBytes(StandardCharsets.UTF_8)));
        server.start();
        base = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private void serve(String path, Handler h) {
        server.createContext(path, ex -> {
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            try {
                h.handle(ex);
            } finally {
                ex.close();
            }
        });
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private DatasetEntry entry(String name, RemoteFile... files) {
        return new DatasetEntry(name, "test " + name, "a test dataset", base + "/", "nobody", List.of(files));
    }

    private Datasets datasets(DatasetEntry... entries) {
        return Datasets.fromEnvironment(Map.of()).withCacheDir(tmp.resolve("cache")).withEntries(List.of(entries));
    }

    private RemoteFile good() {
        return RemoteFile.sha256("good.bin", base + "/files/good.bin", sha256(GOOD), GOOD.length, "test");
    }

    /** No file in the dataset's cache folder other than completed, verified ones: no .part left behind. */
    private List<String> cacheListing(String dataset) throws IOException {
        Path dir = tmp.resolve("cache").resolve(dataset);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsVerifiesAndThenServesFromTheCache() throws IOException {
        Datasets d = datasets(entry("demo", good()));
        assertFalse(d.isCached("demo"));
        Path p = d.fetchFile("demo", "good.bin");
        assertEquals(tmp.resolve("cache").resolve("demo").resolve("good.bin"), p);
        assertArrayEquals(GOOD, Files.readAllBytes(p));
        assertTrue(Files.readString(p.resolveSibling("good.bin.verified")).contains("sha256=" + sha256(GOOD)));
        assertEquals(1, hits("/files/good.bin"));
        assertTrue(d.isCached("demo"));

        // a cache hit neither downloads nor changes the file, also with a full rehash
        assertEquals(p, d.fetchFile("demo", "good.bin"));
        assertEquals(p.getParent(), d.fetch("demo"));
        assertEquals(p, d.withVerifyCache(true).fetchFile("demo", "good.bin"));
        assertEquals(1, hits("/files/good.bin"));
        assertEquals(List.of("good.bin", "good.bin.verified"), cacheListing("demo"));
    }

    @Test
    void aChecksumMismatchIsRejectedAndNothingIsKept() throws IOException {
        RemoteFile wrong = RemoteFile.sha256("good.bin", base + "/files/other.bin", sha256(GOOD), GOOD.length, "test");
        Datasets d = datasets(entry("demo", wrong));
        DatasetException e = assertThrows(DatasetException.class, () -> d.fetchFile("demo", "good.bin"));
        assertTrue(e.getMessage().contains("does not match its checksum"), e.getMessage());
        assertTrue(e.getMessage().contains(sha256(OTHER)) && e.getMessage().contains(sha256(GOOD)), e.getMessage());
        assertTrue(e.getMessage().contains("'demo'") && e.getMessage().contains("'good.bin'"), e.getMessage());
        assertEquals(List.of(), cacheListing("demo"));
        assertFalse(d.isCached("demo"));
    }

    @Test
    void aTransferCutHalfwayLeavesNoFileThatLooksValid() throws IOException {
        // the server stops sending (and may or may not drop the connection): a read timeout or an early end
        RemoteFile cut = RemoteFile.sha256("good.bin", base + "/files/cut.bin", sha256(GOOD), GOOD.length, "test");
        Datasets d = datasets(entry("demo", cut)).withReadTimeout(Duration.ofSeconds(1));
        DatasetException e = assertThrows(DatasetException.class, () -> d.fetchFile("demo", "good.bin"));
        assertTrue(e.getMessage().contains("Nothing was saved"), e.getMessage());
        assertEquals(List.of(), cacheListing("demo"));
    }

    @Test
    void partFilesOfKilledDownloadsAreRemovedButFreshOnesAreLeftAlone() throws IOException {
        Path dir = tmp.resolve("cache").resolve("demo");
        Files.createDirectories(dir);
        Path abandoned = dir.resolve("good.bin.123.part");
        Path running = dir.resolve("good.bin.456.part");
        Files.write(abandoned, new byte[10]);
        Files.write(running, new byte[10]);
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        datasets(entry("demo", good())).fetchFile("demo", "good.bin");
        assertEquals(List.of("good.bin", "good.bin.456.part", "good.bin.verified"), cacheListing("demo"));
    }

    @Test
    void aShortBodyWithoutContentLengthIsCaughtByTheCatalogSize() throws IOException {
        RemoteFile half = RemoteFile.unpublished("good.bin", base + "/files/chunked-half.bin", GOOD.length, "test");
        Datasets d = datasets(entry("demo", half));
        DatasetException e = assertThrows(DatasetException.class, () -> d.fetchFile("demo", "good.bin"));
        assertTrue(e.getMessage().contains("incomplete: " + GOOD.length / 2 + " of " + GOOD.length), e.getMessage());
        assertEquals(List.of(), cacheListing("demo"));
    }

    @Test
    void aServerSizeThatDisagreesWithTheCatalogIsRejectedBeforeDownloading() throws IOException {
        RemoteFile sized = RemoteFile.unpublished("good.bin", base + "/files/good.bin", GOOD.length + 1, "test");
        Datasets d = datasets(entry("demo", sized));
        DatasetException e = assertThrows(DatasetException.class, () -> d.fetchFile("demo", "good.bin"));
        assertTrue(e.getMessage().contains("announces " + GOOD.length + " bytes"), e.getMessage());
        assertEquals(List.of(), cacheListing("demo"));
    }

    @Test
    void httpErrorsNameTheStatusAndUrl() {
        RemoteFile missing = RemoteFile.sha256("m.bin", base + "/files/missing.bin", sha256(GOOD), -1, "test");
        DatasetException e = assertThrows(DatasetException.class, () -> datasets(entry("demo", missing)).fetch("demo"));
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains(base + "/files/missing.bin"), e.getMessage());
    }

    @Test
    void aCorruptedCacheFileIsDetectedAndDownloadedAgain() throws IOException {
        Datasets d = datasets(entry("demo", good()));
        Path p = d.fetchFile("demo", "good.bin");
        FileTime original = Files.getLastModifiedTime(p);

        // bit rot: same size, same modification time; only a full rehash can see it
        Files.write(p, OTHER);
        Files.setLastModifiedTime(p, original);
        assertEquals(p, d.fetchFile("demo", "good.bin"), "an unchanged size and time are trusted without rehashing");
        assertEquals(1, hits("/files/good.bin"));
        d.withVerifyCache(true).fetchFile("demo", "good.bin");
        assertEquals(2, hits("/files/good.bin"));
        assertArrayEquals(GOOD, Files.readAllBytes(p));

        // an edited file (new modification time) is rehashed and replaced
        Files.write(p, OTHER);
        Files.setLastModifiedTime(p, FileTime.fromMillis(original.toMillis() + 5_000));
        d.fetchFile("demo", "good.bin");
        assertEquals(3, hits("/files/good.bin"));
        assertArrayEquals(GOOD, Files.readAllBytes(p));

        // offline, a corrupted copy cannot be replaced: a clear error, the file left for the user to inspect
        Files.write(p, OTHER);
        Files.setLastModifiedTime(p, FileTime.fromMillis(original.toMillis() + 10_000));
        DatasetException e = assertThrows(DatasetException.class, () -> d.withOffline(true).fetchFile("demo", "good.bin"));
        assertTrue(e.getMessage().contains("is corrupted") && e.getMessage().contains("expected " + sha256(GOOD)), e.getMessage());
        assertEquals(3, hits("/files/good.bin"));

        // a truncated cache file is caught by its size alone
        Files.write(p, new byte[10]);
        d.fetchFile("demo", "good.bin");
        assertArrayEquals(GOOD, Files.readAllBytes(p));
    }

    @Test
    void withoutAPublishedChecksumTheFirstDownloadIsTrustedAndEnforced() throws IOException {
        RemoteFile tofu = RemoteFile.unpublished("good.bin", base + "/files/good.bin", -1, "none published");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Datasets d = datasets(entry("demo", tofu)).withProgress(new PrintStream(log, true, StandardCharsets.UTF_8), false);
        Path p = d.fetchFile("demo", "good.bin");
        assertArrayEquals(GOOD, Files.readAllBytes(p));
        assertTrue(Files.readString(p.resolveSibling("good.bin.verified")).contains("sha256=" + sha256(GOOD)));

        Files.write(p, OTHER);
        Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis() + 5_000));
        DatasetException e = assertThrows(DatasetException.class, () -> d.withOffline(true).fetchFile("demo", "good.bin"));
        assertTrue(e.getMessage().contains("recorded when it was first downloaded"), e.getMessage());
        d.fetchFile("demo", "good.bin");
        assertArrayEquals(GOOD, Files.readAllBytes(p));
        assertEquals(2, hits("/files/good.bin"));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("corrupted"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void offlineWithoutCacheOrMirrorSaysWhereItLookedAndWhatToDo() {
        Datasets d = datasets(entry("demo", good())).withOffline(true);
        DatasetException e = assertThrows(DatasetException.class, () -> d.fetch("demo"));
        String m = e.getMessage();
        assertTrue(m.contains("not available offline"), m);
        assertTrue(m.contains(tmp.resolve("cache").resolve("demo").resolve("good.bin").toString()), m);
        assertTrue(m.contains("HADRON_MIRROR") && m.contains("HADRON_OFFLINE") && m.contains(base + "/files/good.bin"), m);
        assertEquals(0, hits("/files/good.bin"));

        Path mirror = tmp.resolve("empty-mirror");
        DatasetException e2 = assertThrows(DatasetException.class, () -> d.withMirror(mirror).fetch("demo"));
        assertTrue(e2.getMessage().contains(mirror.resolve("demo").resolve("good.bin").toString()), e2.getMessage());
        assertEquals(0, hits("/files/good.bin"));
    }

    @Test
    void offlineReadsAVerifiedMirrorIntoTheCache() throws IOException {
        Path mirror = tmp.resolve("mirror");
        Files.createDirectories(mirror.resolve("demo"));
        Files.write(mirror.resolve("demo").resolve("good.bin"), GOOD);
        Datasets d = datasets(entry("demo", good())).withOffline(true).withMirror(mirror);
        Path p = d.fetchFile("demo", "good.bin");
        assertEquals(tmp.resolve("cache").resolve("demo").resolve("good.bin"), p);
        assertArrayEquals(GOOD, Files.readAllBytes(p));
        assertEquals(0, hits("/files/good.bin"));
        assertEquals(List.of("good.bin", "good.bin.verified"), cacheListing("demo"));

        // a flat mirror (files directly in the folder) works too; a bad mirror copy is refused offline
        Path flat = tmp.resolve("flat");
        Files.createDirectories(flat);
        Files.write(flat.resolve("good.bin"), OTHER);
        Datasets bad = datasets(entry("other", RemoteFile.sha256("good.bin", base + "/files/good.bin", sha256(GOOD), -1, "t")))
                .withOffline(true).withMirror(flat);
        DatasetException e = assertThrows(DatasetException.class, () -> bad.fetch("other"));
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
        assertEquals(List.of(), cacheListing("other"));
        // online, a bad mirror copy is skipped in favour of the network
        assertArrayEquals(GOOD, Files.readAllBytes(bad.withOffline(false).fetchFile("other", "good.bin")));
        assertEquals(1, hits("/files/good.bin"));
    }

    @Test
    void openMlFilesAreLocatedAndVerifiedThroughTheDescription() throws IOException {
        RemoteFile arff = RemoteFile.openMl("jets.arff", base, 42468);
        Datasets d = datasets(entry("hls", arff));
        Path p = d.fetchFile("hls", "jets.arff");
        assertArrayEquals(ARFF, Files.readAllBytes(p));
        assertEquals(1, hits("/api/v1/json/data/42468"));
        d.fetchFile("hls", "jets.arff");
        assertEquals(1, hits("/files/data.arff"), "the cache answers without asking OpenML again");

        openMlMd5 = md5(OTHER);
        Datasets fresh = d.withCacheDir(tmp.resolve("cache2"));
        DatasetException e = assertThrows(DatasetException.class, () -> fresh.fetchFile("hls", "jets.arff"));
        assertTrue(e.getMessage().contains("MD5 " + md5(ARFF) + ", expected " + md5(OTHER)), e.getMessage());
    }

    @Test
    void progressIsPlainLinesWhenNotATerminalAndABarOnOne() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        datasets(entry("demo", good())).withProgress(new PrintStream(plain, true, StandardCharsets.UTF_8), false)
                .fetchFile("demo", "good.bin");
        String text = plain.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), text);
        assertTrue(text.contains("demo/good.bin") && text.contains("100%") && text.contains("0.3/0.3 MB"), text);

        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        datasets(entry("demo", good())).withCacheDir(tmp.resolve("c2"))
                .withProgress(new PrintStream(bar, true, StandardCharsets.UTF_8), true).fetchFile("demo", "good.bin");
        String drawn = bar.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.startsWith("\r") && drawn.contains("|########################|"), drawn);
    }

    @Test
    void listSaysWhatIsCachedHowItIsVerifiedAndWhereItComesFrom() throws IOException {
        RemoteFile tofu = RemoteFile.unpublished("other.bin", base + "/files/other.bin", OTHER.length, "none");
        Datasets d = datasets(entry("demo", good(), tofu), entry("hls", RemoteFile.openMl("jets.arff", base, 42468)));
        List<DatasetInfo> infos = d.list();
        assertEquals(List.of("demo", "hls"), infos.stream().map(DatasetInfo::name).toList());
        DatasetInfo demo = infos.get(0);
        assertEquals(GOOD.length + OTHER.length, demo.totalSize());
        assertEquals("600.0 kB", demo.sizeText());
        assertEquals("SHA-256 + trust on first use", demo.verification());
        assertEquals(List.of(good().url(), tofu.url()), demo.urls());
        assertEquals("no", demo.cachedText());
        assertEquals(-1, infos.get(1).totalSize());
        assertEquals("MD5 (OpenML)", infos.get(1).verification());

        d.fetchFile("demo", "good.bin");
        assertEquals("1/2 files", d.list().get(0).cachedText());
        d.fetch("demo");
        assertTrue(d.list().get(0).cached());
        String table = DatasetInfo.table(d.list());
        assertTrue(table.startsWith("name") && table.contains("demo") && table.contains("yes") && table.contains("unknown"), table);
    }

    @Test
    void theEnvironmentChoosesCacheOfflineModeAndMirror() {
        Datasets plain = Datasets.fromEnvironment(Map.of());
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "hadron").toAbsolutePath(), plain.cacheDir());
        assertFalse(plain.offline());
        Datasets set = Datasets.fromEnvironment(Map.of("HADRON_DATA", tmp.toString(), "HADRON_OFFLINE", "1",
                "HADRON_MIRROR", tmp.resolve("m").toString()));
        assertEquals(tmp.toAbsolutePath(), set.cacheDir());
        assertTrue(set.offline());
        assertEquals(tmp.resolve("m").toAbsolutePath(), set.mirror());
        assertFalse(Datasets.fromEnvironment(Map.of("HADRON_OFFLINE", "no")).offline());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.fromEnvironment(Map.of("HADRON_OFFLINE", "maybe")));
        assertTrue(e.getMessage().contains("HADRON_OFFLINE='maybe'"), e.getMessage());
    }

    @Test
    void theBuiltInCatalogHasTheFivePublicBenchmarks() {
        Datasets d = Datasets.fromEnvironment(Map.of()).withCacheDir(tmp);
        assertEquals(List.of("hls4ml-jets", "top-tagging", "quark-gluon", "quark-gluon-bc", "quark-gluon-herwig",
                "quark-gluon-herwig-bc", "higgs-uci", "atlas-higgs-2014"), d.names());
        for (DatasetEntry e : Datasets.builtIn()) {
            for (RemoteFile f : e.files()) {
                assertEquals("https", f.url().getScheme(), e.name() + "/" + f.fileName());
                assertFalse(f.provenance().isBlank(), e.name() + "/" + f.fileName());
            }
        }
        for (String qg : List.of("quark-gluon", "quark-gluon-bc", "quark-gluon-herwig", "quark-gluon-herwig-bc")) {
            assertEquals(20, d.entry(qg).files().size());
            assertTrue(d.entry(qg).files().stream().allMatch(f -> f.checksum() instanceof Checksum.Sha256), qg);
        }
        assertEquals("3f27a02eab06e8b83ccc9d25638021e6e24c9361341730961f9d560dee12c257",
                ((Checksum.Sha256) d.entry("quark-gluon").file("QG_jets.npz").checksum()).hex());
        assertEquals(2_816_407_858L, d.entry("higgs-uci").file("HIGGS.csv.gz").size());
        assertEquals(RemoteFile.Kind.OPENML, d.entry("hls4ml-jets").files().get(0).kind());
        assertTrue(d.entry("top-tagging").files().stream().allMatch(f -> f.checksum() instanceof Checksum.Unpublished));

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> d.entry("jetnet"));
        assertTrue(unknown.getMessage().contains("'jetnet'") && unknown.getMessage().contains("higgs-uci"), unknown.getMessage());
        IllegalArgumentException noFile = assertThrows(IllegalArgumentException.class, () -> d.cachePath("higgs-uci", "x.csv"));
        assertTrue(noFile.getMessage().contains("HIGGS.csv.gz"), noFile.getMessage());
        assertEquals(tmp.resolve("higgs-uci").resolve("HIGGS.csv.gz"), d.cachePath("higgs-uci", "HIGGS.csv.gz"));
    }

    @Test
    void catalogRecordsRejectUnsafeNamesAndUrls() {
        assertThrows(IllegalArgumentException.class, () -> RemoteFile.sha256("../x", "https://a/b", sha256(GOOD), -1, "t"));
        assertThrows(IllegalArgumentException.class, () -> RemoteFile.sha256("a/b", "https://a/b", sha256(GOOD), -1, "t"));
        assertThrows(IllegalArgumentException.class, () -> RemoteFile.sha256("x", "file:///etc/passwd", sha256(GOOD), -1, "t"));
        assertThrows(IllegalArgumentException.class, () -> RemoteFile.sha256("x", "https://a/b", "abc", -1, "t"));
        assertThrows(IllegalArgumentException.class, () -> new DatasetEntry("Bad Name", "t", "d", "https://a", "c", List.of(good())));
        assertThrows(IllegalArgumentException.class, () -> new DatasetEntry("dup", "t", "d", "https://a", "c", List.of(good(), good())));
        assertThrows(IllegalArgumentException.class, () -> datasets(entry("a", good()), entry("a", good())));
    }
}
