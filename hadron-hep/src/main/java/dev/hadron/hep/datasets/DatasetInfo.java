package dev.hadron.hep.datasets;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@link Datasets#list()} says about one dataset: enough for a listing such as {@code hadron datasets}
 * to print, computed without downloading or rehashing anything.
 *
 * @param name the catalog key
 * @param title one-line title
 * @param description what the data are
 * @param homepage the publisher's page (the source to cite and browse)
 * @param urls the download URL of every file (for OpenML entries, the dataset description that names the file)
 * @param totalSize the sum of the published file sizes in bytes, or −1 when any is unknown
 * @param verification how downloads are verified: {@code "SHA-256"}, {@code "MD5 (OpenML)"},
 *     {@code "trust on first use"}, or a {@code +}-joined mix
 * @param fileCount the number of files
 * @param cachedFiles how many of them are in the cache, verified
 * @param folder the dataset's cache folder
 */
public record DatasetInfo(String name, String title, String description, URI homepage, List<URI> urls, long totalSize,
        String verification, int fileCount, int cachedFiles, Path folder) {

    /** Copies the URL list. */
    public DatasetInfo {
        urls = List.copyOf(urls);
    }

    /** Whether every file is in the cache. */
    public boolean cached() {
        return cachedFiles == fileCount;
    }

    /** The total size for people: {@code "2.82 GB"}, or {@code "unknown"} when not published. */
    public String sizeText() {
        if (totalSize < 0) {
            return "unknown";
        }
        if (totalSize >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f GB", totalSize / 1e9);
        }
        if (totalSize >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", totalSize / 1e6);
        }
        if (totalSize >= 1_000L) {
            return String.format(Locale.ROOT, "%.1f kB", totalSize / 1e3);
        }
        return totalSize + " B";
    }

    /** The cache state for people: {@code "yes"}, {@code "no"} or {@code "3/20 files"}. */
    public String cachedText() {
        if (cached()) {
            return "yes";
        }
        return cachedFiles == 0 ? "no" : cachedFiles + "/" + fileCount + " files";
    }

    /**
     * A plain-text table of datasets, one row each (name, size, files, cached, verification, homepage) and
     * the title on an indented second line; what the command line prints.
     */
    public static String table(List<DatasetInfo> infos) {
        int nameWidth = "name".length();
        for (DatasetInfo i : infos) {
            nameWidth = Math.max(nameWidth, i.name().length());
        }
        String format = "%-" + nameWidth + "s  %-9s  %5s  %-11s  %-18s  %s%n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, format, "name", "size", "files", "cached", "verified by",
                "source"));
        for (DatasetInfo i : infos) {
            b.append(String.format(Locale.ROOT, format, i.name(), i.sizeText(), i.fileCount(), i.cachedText(), i.verification(),
                    i.homepage()));
            b.append(" ".repeat(nameWidth + 2)).append(i.title()).append(System.lineSeparator());
        }
        return b.toString();
    }
}
