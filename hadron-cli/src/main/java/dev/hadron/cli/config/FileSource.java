package dev.hadron.cli.config;

import java.nio.file.Path;

/**
 * One input file of a study, with the object inside it to read (a ROOT tree, an HDF5 group; null
 * when the file has only one or the format has none).
 *
 * @param path the file, resolved against the config file's folder
 * @param tree the tree or group name, or null
 */
public record FileSource(Path path, String tree) {
    @Override
    public String toString() {
        return tree == null ? path.toString() : path + ":" + tree;
    }
}
