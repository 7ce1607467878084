package dev.hadron.hep.datasets;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * One file of a dataset: where it is downloaded from, the name it gets in the cache, how it is verified and
 * where that checksum comes from.
 *
 * @param fileName the file name in the dataset's cache folder (no path separators)
 * @param url the http(s) URL of the file, or of the OpenML dataset description for {@link Kind#OPENML}
 * @param kind how {@code url} is used
 * @param checksum how the download is verified
 * @param size the expected size in bytes, or −1 when not published
 * @param provenance where the URL and checksum were taken from
 */
public record RemoteFile(String fileName, URI url, Kind kind, Checksum checksum, long size, String provenance) {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    /** How the URL of a remote file is used. */
    public enum Kind {
        /** The URL is the file itself. */
        DIRECT,
        /**
         * The URL is an OpenML JSON dataset description ({@code /api/v1/json/data/<id>}); the file is its
         * {@code url} field and is verified against its {@code md5_checksum}.
         */
        OPENML
    }

    /** Validates the file description. */
    public RemoteFile {
        if (fileName == null || !SAFE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw new IllegalArgumentException("RemoteFile: the file name must be a plain name (letters, digits, . _ + -), got '"
                    + fileName + "'");
        }
        if (url == null || url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("RemoteFile " + fileName + ": expected an http or https URL, got " + url);
        }
        if (kind == null || checksum == null) {
            throw new IllegalArgumentException("RemoteFile " + fileName + ": kind and checksum must not be null");
        }
        if (size < -1) {
            throw new IllegalArgumentException("RemoteFile " + fileName + ": size must be >= 0, or -1 when unknown, got " + size);
        }
        provenance = provenance == null ? "" : provenance;
    }

    /** A file verified against a published SHA-256 (size −1 if unknown). */
    public static RemoteFile sha256(String fileName, String url, String sha256, long size, String provenance) {
        return new RemoteFile(fileName, URI.create(url), Kind.DIRECT, new Checksum.Sha256(sha256), size, provenance);
    }

    /** A file without a published checksum, verified by size (when known) and trust on first use. */
    public static RemoteFile unpublished(String fileName, String url, long size, String reason) {
        return new RemoteFile(fileName, URI.create(url), Kind.DIRECT, new Checksum.Unpublished(reason), size, reason);
    }

    /** The data file of OpenML dataset {@code dataId}, located and verified through its description at {@code apiBase}. */
    public static RemoteFile openMl(String fileName, String apiBase, int dataId) {
        String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        return new RemoteFile(fileName, URI.create(base + "/api/v1/json/data/" + dataId), Kind.OPENML,
                new Checksum.PublishedAtDownload("the md5_checksum of OpenML's description of dataset " + dataId), -1,
                "OpenML dataset " + dataId + " (" + base + "/d/" + dataId + ")");
    }
}
