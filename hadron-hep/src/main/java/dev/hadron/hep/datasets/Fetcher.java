package dev.hadron.hep.datasets;

import dev.hadron.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Provides one file of one dataset: from the cache (verified), from a mirror folder (verified, then copied
 * into the cache), or by download into a temporary file in the cache folder that is verified and then moved
 * into place atomically, so that a failed or corrupted download never leaves a file behind.
 *
 * <p>Next to each cached file a small {@code <file>.verified} note records the SHA-256, size and
 * modification time of the verified copy; a cache hit whose size and time still match is trusted without
 * rehashing (unless full verification is asked for), anything else is rehashed.
 */
final class Fetcher {
    private static final int BUFFER = 1 << 20;
    private static final long ABANDONED_PART_MILLIS = 3_600_000L;

    private final Path cacheDir;
    private final boolean offline;
    private final Path mirror;
    private final PrintStream progress;
    private final boolean redraw;
    private final boolean verifyCache;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    Fetcher(Path cacheDir, boolean offline, Path mirror, PrintStream progress, boolean redraw, boolean verifyCache,
            Duration connectTimeout, Duration readTimeout) {
        this.readTimeout = readTimeout;
        this.cacheDir = cacheDir;
        this.offline = offline;
        this.mirror = mirror;
        this.progress = progress;
        this.redraw = redraw;
        this.verifyCache = verifyCache;
        this.connectTimeout = connectTimeout;
    }

    /** Where {@code file} of {@code entry} lives in the cache (whether or not it is there). */
    Path cachePath(DatasetEntry entry, RemoteFile file) {
        return cacheDir.resolve(entry.name()).resolve(file.fileName());
    }

    /**
     * Whether {@code file} is in the cache with its verification note, without rehashing it (the cheap
     * check that listings use; {@link #obtain} verifies).
     */
    boolean isCached(DatasetEntry entry, RemoteFile file) {
        Path target = cachePath(entry, file);
        return Files.isRegularFile(target) && Files.isRegularFile(memoOf(target));
    }

    Path obtain(DatasetEntry entry, RemoteFile file) throws IOException {
        Path target = cachePath(entry, file);
        Path dir = target.getParent();
        String what = "dataset '" + entry.name() + "', file '" + file.fileName() + "'";
        if (Files.isRegularFile(target)) {
            String problem = checkLocal(target, file, memoOf(target));
            if (problem == null) {
                return target;
            }
            if (offline) {
                throw new DatasetException("The cached copy of " + what + " at " + target + " is corrupted: " + problem
                        + ". Offline mode is on, so it cannot be downloaded again; delete it and copy a good copy there,"
                        + " or turn offline mode off.");
            }
            note("the cached copy of " + what + " is corrupted (" + problem + "); downloading it again");
            Files.delete(target);
            Files.deleteIfExists(memoOf(target));
        }
        List<Path> mirrorCandidates = new ArrayList<>();
        if (mirror != null) {
            mirrorCandidates.add(mirror.resolve(entry.name()).resolve(file.fileName()));
            mirrorCandidates.add(mirror.resolve(file.fileName()));
            for (Path candidate : mirrorCandidates) {
                if (Files.isRegularFile(candidate)) {
                    String problem = checkLocal(candidate, file, null);
                    if (problem == null) {
                        copyIntoCache(candidate, dir, target);
                        return target;
                    }
                    if (offline) {
                        throw new DatasetException("The mirror copy of " + what + " at " + candidate + " does not verify: "
                                + problem + ". Offline mode is on, so it cannot be downloaded instead.");
                    }
                    note("the mirror copy of " + what + " at " + candidate + " does not verify (" + problem
                            + "); downloading it instead");
                }
            }
        }
        if (offline) {
            StringBuilder m = new StringBuilder("The ").append(what).append(" is not available offline: it is not in the cache (")
                    .append(target).append(')');
            if (mirror == null) {
                m.append(" and no mirror folder is set (HADRON_MIRROR or Datasets.withMirror)");
            } else {
                m.append(" nor in the mirror (").append(String.join(" or ", mirrorCandidates.stream().map(Path::toString).toList()))
                        .append(')');
            }
            m.append(". Offline mode is on (HADRON_OFFLINE or Datasets.withOffline(true)); turn it off to download it from ")
                    .append(file.url()).append(", or copy the file to one of those places.");
            throw new DatasetException(m.toString());
        }
        download(entry, file, dir, target, what);
        return target;
    }

    // ------------------------------------------------------------------ verification of local files

    private static Path memoOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".verified");
    }

    private record Memo(String sha256, long size, long mtime) {
    }

    private static Memo readMemo(Path memo) {
        try {
            if (!Files.isRegularFile(memo)) {
                return null;
            }
            String sha = null;
            long size = -1;
            long mtime = -1;
            for (String line : Files.readAllLines(memo, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String k = line.substring(0, eq).trim();
                String v = line.substring(eq + 1).trim();
                switch (k) {
                    case "sha256" -> sha = v;
                    case "size" -> size = Long.parseLong(v);
                    case "mtime" -> mtime = Long.parseLong(v);
                    default -> {
                    }
                }
            }
            return sha == null ? null : new Memo(sha, size, mtime);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static void writeMemo(Path file, String sha256) throws IOException {
        long size = Files.size(file);
        long mtime = Files.getLastModifiedTime(file).toMillis();
        Files.writeString(memoOf(file), "sha256=" + sha256 + "\nsize=" + size + "\nmtime=" + mtime + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Null if {@code path} is a good copy of {@code file}, else what is wrong. {@code memoPath} (may be null)
     * is the verification note that may let a cache hit skip rehashing; it is refreshed after a rehash.
     */
    private String checkLocal(Path path, RemoteFile file, Path memoPath) throws IOException {
        long size = Files.size(path);
        if (file.size() >= 0 && size != file.size()) {
            return "its size is " + size + " bytes, expected " + file.size();
        }
        Memo memo = memoPath == null ? null : readMemo(memoPath);
        long mtime = Files.getLastModifiedTime(path).toMillis();
        boolean memoCurrent = memo != null && memo.size() == size && memo.mtime() == mtime;
        if (memoCurrent && !verifyCache && (!(file.checksum() instanceof Checksum.Sha256 s) || s.hex().equals(memo.sha256()))) {
            return null;
        }
        Map<String, String> digests = digest(path, file.checksum() instanceof Checksum.Md5);
        String sha = digests.get("SHA-256");
        String problem = switch (file.checksum()) {
            case Checksum.Sha256 s -> s.hex().equals(sha) ? null : "its SHA-256 is " + sha + ", expected " + s.hex();
            case Checksum.Md5 m -> m.hex().equals(digests.get("MD5")) ? null : "its MD5 is " + digests.get("MD5") + ", expected " + m.hex();
            case Checksum.PublishedAtDownload p -> memo != null && !memo.sha256().equals(sha)
                    ? "its SHA-256 is " + sha + ", but the downloaded copy (verified against " + p.where() + ") had " + memo.sha256()
                    : null;
            case Checksum.Unpublished u -> memo != null && !memo.sha256().equals(sha)
                    ? "its SHA-256 is " + sha + ", but " + memo.sha256() + " was recorded when it was first downloaded"
                    : null;
        };
        if (problem == null && memoPath != null) {
            if (memo == null && !(file.checksum() instanceof Checksum.Sha256) && !(file.checksum() instanceof Checksum.Md5)) {
                note("no checksum is published for " + path.getFileName() + "; recording SHA-256 " + sha + " for later checks");
            }
            writeMemo(path, sha);
        }
        return problem;
    }

    private static Map<String, String> digest(Path path, boolean md5) throws IOException {
        MessageDigest sha = messageDigest("SHA-256");
        MessageDigest m = md5 ? messageDigest("MD5") : null;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                if (m != null) {
                    m.update(buf, 0, n);
                }
            }
        }
        HexFormat hex = HexFormat.of();
        return m == null ? Map.of("SHA-256", hex.formatHex(sha.digest()))
                : Map.of("SHA-256", hex.formatHex(sha.digest()), "MD5", hex.formatHex(m.digest()));
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks the " + algorithm + " digest, which every JDK must provide", e);
        }
    }

    private void copyIntoCache(Path source, Path dir, Path target) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName() + ".", ".part");
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            moveIntoPlace(tmp, target);
            writeMemo(target, digest(target, false).get("SHA-256"));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ------------------------------------------------------------------ download

    /**
     * Deletes the {@code <file>.*.part} leftovers of downloads whose process was killed (a running download
     * deletes its own on failure): those untouched for an hour, so a download running in parallel in another
     * process, which writes its part file continuously, is left alone.
     */
    private void removeAbandonedParts(Path dir, String fileName) throws IOException {
        long cutoff = System.currentTimeMillis() - ABANDONED_PART_MILLIS;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, fileName + ".*.part")) {
            for (Path part : parts) {
                try {
                    if (Files.getLastModifiedTime(part).toMillis() < cutoff && Files.deleteIfExists(part)) {
                        note("removed " + part + ", left by an interrupted download");
                    }
                } catch (IOException e) {
                    note("could not remove " + part + ", left by an interrupted download: " + e.getMessage());
                }
            }
        }
    }

    private HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(connectTimeout).build();
    }

    private HttpResponse<InputStream> get(HttpClient client, URI url, String what) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).header("User-Agent", "hadron-datasets/0.1").timeout(readTimeout).GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + what + " from " + url);
        } catch (IOException e) {
            throw new DatasetException("Could not download " + what + " from " + url + ": " + e.getMessage()
                    + ". Check the network, or use a mirror folder (HADRON_MIRROR) or the offline mode with a filled cache.", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new DatasetException("Could not download " + what + ": HTTP " + response.statusCode() + " from " + url);
        }
        return response;
    }

    private record Resolved(URI url, Checksum checksum) {
    }

    private Resolved resolveOpenMl(HttpClient client, RemoteFile file, String what) throws IOException {
        String text;
        try (InputStream in = get(client, file.url(), what + " (OpenML description)").body();
                StallGuard guard = new StallGuard(in, readTimeout)) {
            try {
                text = new String(in.readNBytes(16 << 20), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DatasetException("Could not read the OpenML description of " + what + " from " + file.url() + ": "
                        + (guard.stalled() ? "no data for " + readTimeout.toSeconds() + " s" : e.getMessage()), e);
            }
            if (guard.stalled()) {
                throw new DatasetException("Could not read the OpenML description of " + what + " from " + file.url()
                        + ": no data for " + readTimeout.toSeconds() + " s");
            }
        }
        Object description;
        try {
            description = Json.parseObject(text).get("data_set_description");
        } catch (RuntimeException e) {
            throw new DatasetException("The OpenML description of " + what + " at " + file.url() + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!(description instanceof Map<?, ?> d) || !(d.get("url") instanceof String url) || !(d.get("md5_checksum") instanceof String md5)) {
            throw new DatasetException("The OpenML description of " + what + " at " + file.url()
                    + " lacks data_set_description.url or data_set_description.md5_checksum");
        }
        URI data = URI.create(url);
        if (data.getScheme() == null || !(data.getScheme().equals("http") || data.getScheme().equals("https"))) {
            throw new DatasetException("The OpenML description of " + what + " points to an unusable URL: " + url);
        }
        try {
            return new Resolved(data, new Checksum.Md5(md5));
        } catch (IllegalArgumentException e) {
            throw new DatasetException("The OpenML description of " + what + " has an invalid md5_checksum: " + md5, e);
        }
    }

    private void download(DatasetEntry entry, RemoteFile file, Path dir, Path target, String what) throws IOException {
        Files.createDirectories(dir);
        HttpClient client = client();
        URI url = file.url();
        Checksum checksum = file.checksum();
        if (file.kind() == RemoteFile.Kind.OPENML) {
            Resolved r = resolveOpenMl(client, file, what);
            url = r.url();
            checksum = r.checksum();
        }
        HttpResponse<InputStream> response = get(client, url, what);
        long contentLength = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (file.size() >= 0 && contentLength >= 0 && contentLength != file.size()) {
            response.body().close();
            throw new DatasetException("The server announces " + contentLength + " bytes for " + what + " at " + url + ", but the"
                    + " catalog expects " + file.size() + "; the file on the server has changed. Nothing was saved.");
        }
        long expected = file.size() >= 0 ? file.size() : contentLength;
        removeAbandonedParts(dir, file.fileName());
        Path tmp = Files.createTempFile(dir, file.fileName() + ".", ".part");
        try {
            MessageDigest sha = messageDigest("SHA-256");
            MessageDigest md5 = checksum instanceof Checksum.Md5 ? messageDigest("MD5") : null;
            ProgressBar bar = new ProgressBar(progress, redraw, entry.name() + "/" + file.fileName(), expected);
            long received = 0;
            boolean stalled;
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(tmp);
                    StallGuard guard = new StallGuard(in, readTimeout)) {
                byte[] buf = new byte[BUFFER];
                int n;
                try {
                    while ((n = in.read(buf)) > 0) {
                        guard.progress();
                        out.write(buf, 0, n);
                        sha.update(buf, 0, n);
                        if (md5 != null) {
                            md5.update(buf, 0, n);
                        }
                        received += n;
                        bar.advance(n);
                    }
                } catch (IOException e) {
                    throw new DatasetException("The download of " + what + " from " + url + " failed after " + received + " bytes: "
                            + (guard.stalled() ? "no data for " + readTimeout.toSeconds() + " s" : e.getMessage())
                            + ". Nothing was saved; try again.", e);
                }
                stalled = guard.stalled();
            }
            if (stalled) {
                throw new DatasetException("The download of " + what + " from " + url + " stalled after " + received
                        + " bytes: no data for " + readTimeout.toSeconds() + " s. Nothing was saved; try again.");
            }
            bar.finish();
            if (expected >= 0 && received != expected) {
                throw new DatasetException("The download of " + what + " from " + url + " is incomplete: " + received + " of "
                        + expected + " bytes. Nothing was saved; try again.");
            }
            HexFormat hex = HexFormat.of();
            String gotSha = hex.formatHex(sha.digest());
            String problem = switch (checksum) {
                case Checksum.Sha256 s -> s.hex().equals(gotSha) ? null : "SHA-256 " + gotSha + ", expected " + s.hex();
                case Checksum.Md5 m -> {
                    String got = hex.formatHex(md5.digest());
                    yield m.hex().equals(got) ? null : "MD5 " + got + ", expected " + m.hex();
                }
                case Checksum.PublishedAtDownload p -> null;
                case Checksum.Unpublished u -> null;
            };
            if (problem != null) {
                throw new DatasetException("The download of " + what + " from " + url + " does not match its checksum: " + problem
                        + " (" + received + " bytes). It was discarded; the transfer was corrupted or the file on the server"
                        + " changed.");
            }
            moveIntoPlace(tmp, target);
            writeMemo(target, gotSha);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void note(String message) {
        if (progress != null) {
            progress.println("hadron datasets: " + message);
        }
    }
}
