package dev.hadron.hep.datasets;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A dataset of the catalog: its name (the key for {@link Datasets#fetch(String)} and its cache folder), a
 * human description, where to cite it, and its files.
 *
 * @param name lower-case key, e.g. {@code "top-tagging"}
 * @param title one-line title
 * @param description what the data are, how they are laid out and how they are usually split
 * @param homepage where the publisher describes it
 * @param citation what to cite
 * @param files the files, in the publisher's order
 */
public record DatasetEntry(String name, String title, String description, String homepage, String citation,
        List<RemoteFile> files) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** Validates the entry. */
    public DatasetEntry {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("DatasetEntry: the name must be lower-case letters, digits and '-', got '" + name + "'");
        }
        if (title == null || description == null || citation == null) {
            throw new IllegalArgumentException("DatasetEntry " + name + ": title, description and citation must not be null");
        }
        try {
            java.net.URI.create(homepage);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("DatasetEntry " + name + ": the homepage must be a URL, got '" + homepage + "'", e);
        }
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("DatasetEntry " + name + ": at least one file is needed");
        }
        files = List.copyOf(files);
        long distinct = files.stream().map(RemoteFile::fileName).distinct().count();
        if (distinct != files.size()) {
            throw new IllegalArgumentException("DatasetEntry " + name + ": file names must be unique");
        }
    }

    /** The file called {@code fileName}. */
    public RemoteFile file(String fileName) {
        for (RemoteFile f : files) {
            if (f.fileName().equals(fileName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Dataset '" + name + "' has no file '" + fileName + "'; its files are "
                + files.stream().map(RemoteFile::fileName).toList());
    }
}
