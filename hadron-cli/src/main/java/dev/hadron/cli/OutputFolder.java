package dev.hadron.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output folder written all at once: everything goes into a hidden temporary folder next to the
 * destination ({@code runs/.jets.partial-123}), which {@link #commit} renames into place (replacing an
 * earlier run of the same study); {@link #close} without a commit deletes it. A failed or interrupted
 * run therefore never leaves a half-written results folder behind.
 */
public final class OutputFolder implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    private OutputFolder(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Creates the temporary folder for {@code target}. */
    public static OutputFolder create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw CliException.usage("output " + target + " exists and is not a folder; choose another --output");
        }
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
            return new OutputFolder(abs, temp);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot create the output folder next to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Where to write while the run is in progress. */
    public Path dir() {
        return temp;
    }

    /** The final destination. */
    public Path target() {
        return target;
    }

    /** Moves the finished folder into place, replacing an earlier one. */
    public void commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            openUp(temp);
            move(temp, target);
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot move the results into " + target + ": " + e.getMessage(), e);
        }
    }

    /** Temporary files and folders are created owner-only; results are ordinary files (rw-r--r--, rwxr-xr-x). */
    private static void openUp(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes the temporary folder unless committed. */
    @Override
    public void close() {
        if (!committed) {
            deleteTree(temp);
        }
    }

    /** Deletes a folder and everything in it (best effort). */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
