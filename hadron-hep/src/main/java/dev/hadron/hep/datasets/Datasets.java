package dev.hadron.hep.datasets;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The catalog of public HEP benchmark datasets, fetched on request into a local cache and verified.
 *
 * <table>
 *   <caption>Built-in datasets</caption>
 *   <tr><th>name</th><th>what</th><th>verified by</th></tr>
 *   <tr><td>{@code hls4ml-jets}</td><td>hls4ml LHC jets, 16 high-level features, 5 classes (OpenML 42468)</td>
 *       <td>the MD5 in OpenML's dataset description</td></tr>
 *   <tr><td>{@code top-tagging}</td><td>top-quark tagging reference dataset, train/val/test HDF5 (Zenodo 2603256)</td>
 *       <td>trust on first use</td></tr>
 *   <tr><td>{@code quark-gluon}, {@code quark-gluon-bc}, {@code quark-gluon-herwig}, {@code quark-gluon-herwig-bc}</td>
 *       <td>EnergyFlow's quark/gluon jets, 20 × 100k jets each (Zenodo 3164691, 3066475)</td>
 *       <td>SHA-256 published by EnergyFlow</td></tr>
 *   <tr><td>{@code higgs-uci}</td><td>UCI HIGGS, 11M events × 28 features</td><td>SHA-256 and size</td></tr>
 *   <tr><td>{@code atlas-higgs-2014}</td><td>ATLAS Higgs ML challenge 2014 (CERN Open Data record 328)</td>
 *       <td>trust on first use</td></tr>
 * </table>
 *
 * <p><b>Where files go.</b> Dataset {@code name} lives in {@code <cache>/<name>/}, where the cache is
 * {@code $HADRON_DATA} when that variable is set and {@code ~/.cache/hadron} otherwise. Next to each file
 * a small {@code <file>.verified} note records its SHA-256, size and modification time.
 *
 * <p><b>Verification.</b> A file with a published SHA-256 (or MD5) is checked against it. Where the
 * publisher gives none that could be found (the Zenodo top-tagging files, the CERN Open Data file) no
 * checksum is invented: the download is checked against the published size when there is one and the
 * server's {@code Content-Length}, and the SHA-256 of that first download is recorded and enforced from then
 * on ("trust on first use"); {@link #list()} says which files are verified which way. A cache hit whose size
 * and modification time match the note is trusted without rehashing; {@link #withVerifyCache(boolean)}
 * rehashes every time. Downloads go to a temporary {@code .part} file in the cache folder that is moved into
 * place only once complete and verified, so an interrupted or corrupted download never leaves a file that
 * looks valid (the part files of killed processes are removed by the next download of that file once they
 * are an hour old). A transfer that receives nothing for the read timeout (60 s, {@link #withReadTimeout})
 * is abandoned.
 *
 * <p><b>Offline use.</b> A mirror folder ({@code $HADRON_MIRROR} or {@link #withMirror(Path)}) is looked at
 * before the network, as {@code <mirror>/<name>/<file>} or {@code <mirror>/<file>}; its files are verified
 * and copied into the cache. In offline mode ({@code HADRON_OFFLINE=1} or {@link #withOffline(boolean)})
 * nothing is downloaded and a file that is in neither the cache nor the mirror ends in a
 * {@link DatasetException} that says where it was looked for and how to provide it.
 *
 * <p><b>Progress.</b> On a terminal a progress bar is redrawn in place; elsewhere (logs, CI) plain lines are
 * printed every tenth of the download. Both go to standard error unless {@link #withProgress} says otherwise.
 *
 * <pre>{@code
 * Datasets datasets = Datasets.defaults();
 * System.out.print(DatasetInfo.table(datasets.list()));         // what is there, what is cached
 * Path higgs = datasets.fetchFile("higgs-uci", "HIGGS.csv.gz");  // 2.8 GB, once
 * Path qg = datasets.fetchFile("quark-gluon", "QG_jets.npz");    // the first 100k of 2M jets
 * Path top = datasets.fetch("top-tagging");                      // the folder with train/val/test.h5
 *
 * // on a machine without network, from a copied folder
 * Datasets offline = Datasets.defaults().withOffline(true).withMirror(Path.of("/data/mirror"));
 * }</pre>
 *
 * Instances are immutable; the {@code withX} methods return modified copies. Tests and users can add their
 * own entries with {@link #withEntries(List)}.
 */
public final class Datasets {
    /** The environment variable that moves the cache. */
    public static final String ENV_DATA = "HADRON_DATA";
    /** The environment variable that turns offline mode on ({@code 1}, {@code true}, {@code yes}, {@code on}). */
    public static final String ENV_OFFLINE = "HADRON_OFFLINE";
    /** The environment variable naming a mirror folder. */
    public static final String ENV_MIRROR = "HADRON_MIRROR";

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, DatasetEntry> entries;
    private final Path cacheDir;
    private final boolean offline;
    private final Path mirror;
    private final PrintStream progress;
    private final boolean redraw;
    private final boolean verifyCache;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private Datasets(Map<String, DatasetEntry> entries, Path cacheDir, boolean offline, Path mirror, PrintStream progress,
            boolean redraw, boolean verifyCache, Duration connectTimeout, Duration readTimeout) {
        this.entries = entries;
        this.cacheDir = cacheDir;
        this.offline = offline;
        this.mirror = mirror;
        this.progress = progress;
        this.redraw = redraw;
        this.verifyCache = verifyCache;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * The built-in catalog configured from the environment ({@value #ENV_DATA}, {@value #ENV_OFFLINE},
     * {@value #ENV_MIRROR}), with progress on standard error, as a bar when that is a terminal.
     */
    public static Datasets defaults() {
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        return fromEnvironment(System.getenv()).withProgress(System.err, terminal);
    }

    /**
     * The built-in catalog configured from {@code env} (normally {@link System#getenv()}): the cache is
     * {@value #ENV_DATA} or {@code <user.home>/.cache/hadron}; offline mode and the mirror come from
     * {@value #ENV_OFFLINE} and {@value #ENV_MIRROR}. Progress is off; add it with {@link #withProgress}.
     *
     * @throws IllegalArgumentException if {@value #ENV_OFFLINE} is not a recognisable yes/no value
     */
    public static Datasets fromEnvironment(Map<String, String> env) {
        String data = env.get(ENV_DATA);
        Path cache = data != null && !data.isBlank() ? Path.of(data)
                : Path.of(System.getProperty("user.home"), ".cache", "hadron");
        String mirror = env.get(ENV_MIRROR);
        return new Datasets(index(Catalog.entries()), cache.toAbsolutePath(), parseFlag(ENV_OFFLINE, env.get(ENV_OFFLINE)),
                mirror != null && !mirror.isBlank() ? Path.of(mirror).toAbsolutePath() : null, null, false, false,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    private static boolean parseFlag(String variable, String value) {
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "", "0", "false", "no", "off" -> false;
            case "1", "true", "yes", "on" -> true;
            default -> throw new IllegalArgumentException("Environment variable " + variable + "='" + value
                    + "' is not understood; expected 1/true/yes/on or 0/false/no/off");
        };
    }

    private static Map<String, DatasetEntry> index(List<DatasetEntry> list) {
        Map<String, DatasetEntry> map = new LinkedHashMap<>();
        for (DatasetEntry e : list) {
            if (map.put(e.name(), e) != null) {
                throw new IllegalArgumentException("Datasets: two entries are named '" + e.name() + "'");
            }
        }
        return map;
    }

    /** The entries of the built-in catalog, in catalog order. */
    public static List<DatasetEntry> builtIn() {
        return Catalog.entries();
    }

    // ------------------------------------------------------------------ configuration

    /** A copy whose cache is {@code dir} (created on first download). */
    public Datasets withCacheDir(Path dir) {
        Objects.requireNonNull(dir, "Datasets.withCacheDir: the folder must not be null");
        return new Datasets(entries, dir.toAbsolutePath(), offline, mirror, progress, redraw, verifyCache, connectTimeout,
                readTimeout);
    }

    /** A copy that never downloads (true) or may download (false). */
    public Datasets withOffline(boolean off) {
        return new Datasets(entries, cacheDir, off, mirror, progress, redraw, verifyCache, connectTimeout, readTimeout);
    }

    /** A copy that looks in mirror folder {@code dir} before the network; null for none. */
    public Datasets withMirror(Path dir) {
        return new Datasets(entries, cacheDir, offline, dir == null ? null : dir.toAbsolutePath(), progress, redraw, verifyCache,
                connectTimeout, readTimeout);
    }

    /**
     * A copy that reports progress and notes to {@code out} (null: silent), as a bar redrawn in place when
     * {@code redraw} is true (for terminals) or as plain lines otherwise (for logs).
     */
    public Datasets withProgress(PrintStream out, boolean redraw) {
        return new Datasets(entries, cacheDir, offline, mirror, out, redraw, verifyCache, connectTimeout, readTimeout);
    }

    /** A copy that rehashes cached files on every fetch (true) instead of trusting an unchanged size and time. */
    public Datasets withVerifyCache(boolean verify) {
        return new Datasets(entries, cacheDir, offline, mirror, progress, redraw, verify, connectTimeout, readTimeout);
    }

    /** A copy with another connection timeout (default 30 s). */
    public Datasets withConnectTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Datasets.withConnectTimeout: expected a positive duration, got " + timeout);
        }
        return new Datasets(entries, cacheDir, offline, mirror, progress, redraw, verifyCache, timeout, readTimeout);
    }

    /**
     * A copy that gives up on a download when no data arrived for {@code timeout} (default 60 s); it bounds
     * the wait for the response headers too.
     */
    public Datasets withReadTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Datasets.withReadTimeout: expected a positive duration, got " + timeout);
        }
        return new Datasets(entries, cacheDir, offline, mirror, progress, redraw, verifyCache, connectTimeout, timeout);
    }

    /**
     * A copy whose catalog is {@code list} instead of the built-in one (combine with {@link #builtIn()} to
     * extend it).
     *
     * @throws IllegalArgumentException if two entries share a name
     */
    public Datasets withEntries(List<DatasetEntry> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Datasets.withEntries: expected at least one entry");
        }
        return new Datasets(index(list), cacheDir, offline, mirror, progress, redraw, verifyCache, connectTimeout, readTimeout);
    }

    /** The cache folder. */
    public Path cacheDir() {
        return cacheDir;
    }

    /** Whether downloads are off. */
    public boolean offline() {
        return offline;
    }

    /** The mirror folder, or null. */
    public Path mirror() {
        return mirror;
    }

    // ------------------------------------------------------------------ catalog

    /** The names of the datasets, in catalog order. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /**
     * The entry called {@code name}.
     *
     * @throws IllegalArgumentException naming the known datasets if there is none
     */
    public DatasetEntry entry(String name) {
        DatasetEntry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("Unknown dataset '" + name + "'; the catalog has " + names());
        }
        return e;
    }

    /** What is known about every dataset, including whether it is cached; nothing is downloaded or hashed. */
    public List<DatasetInfo> list() {
        Fetcher fetcher = fetcher();
        List<DatasetInfo> out = new ArrayList<>();
        for (DatasetEntry e : entries.values()) {
            long total = 0;
            int cached = 0;
            Set<String> how = new LinkedHashSet<>();
            List<URI> urls = new ArrayList<>();
            for (RemoteFile f : e.files()) {
                total = total < 0 || f.size() < 0 ? -1 : total + f.size();
                if (fetcher.isCached(e, f)) {
                    cached++;
                }
                urls.add(f.url());
                how.add(switch (f.checksum()) {
                    case Checksum.Sha256 s -> "SHA-256";
                    case Checksum.Md5 m -> "MD5";
                    case Checksum.PublishedAtDownload p -> f.kind() == RemoteFile.Kind.OPENML ? "MD5 (OpenML)" : "host checksum";
                    case Checksum.Unpublished u -> "trust on first use";
                });
            }
            out.add(new DatasetInfo(e.name(), e.title(), e.description(), URI.create(e.homepage()), urls, total,
                    String.join(" + ", how), e.files().size(), cached, cacheDir.resolve(e.name())));
        }
        return out;
    }

    /** Whether every file of dataset {@code name} is in the cache (without rehashing). */
    public boolean isCached(String name) {
        DatasetEntry e = entry(name);
        Fetcher fetcher = fetcher();
        return e.files().stream().allMatch(f -> fetcher.isCached(e, f));
    }

    // ------------------------------------------------------------------ fetching

    /**
     * Every file of dataset {@code name}, from the cache, the mirror or the network; returns the dataset's
     * cache folder, which then holds them all under their {@link RemoteFile#fileName()}s.
     *
     * @throws DatasetException if a file cannot be provided (offline and not cached, HTTP error, checksum
     *     mismatch); files already provided stay in the cache
     */
    public Path fetch(String name) throws IOException {
        DatasetEntry e = entry(name);
        Fetcher fetcher = fetcher();
        for (RemoteFile f : e.files()) {
            fetcher.obtain(e, f);
        }
        return cacheDir.resolve(e.name());
    }

    /**
     * One file of dataset {@code name} (e.g. one of the twenty quark/gluon files), from the cache, the mirror
     * or the network; returns its path in the cache.
     *
     * @throws IllegalArgumentException if the dataset or file is unknown
     * @throws DatasetException if the file cannot be provided
     */
    public Path fetchFile(String name, String fileName) throws IOException {
        DatasetEntry e = entry(name);
        return fetcher().obtain(e, e.file(fileName));
    }

    /** Where {@code fileName} of dataset {@code name} is (or would be) in the cache. */
    public Path cachePath(String name, String fileName) {
        DatasetEntry e = entry(name);
        return fetcher().cachePath(e, e.file(fileName));
    }

    private Fetcher fetcher() {
        return new Fetcher(cacheDir, offline, mirror, progress, redraw, verifyCache, connectTimeout, readTimeout);
    }

    @Override
    public String toString() {
        return "Datasets[cache=" + cacheDir + ", offline=" + offline + ", mirror=" + mirror + ", " + entries.size() + " entries]";
    }
}
