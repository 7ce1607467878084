package dev.hadron.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the training history after every epoch, as CSV (a {@code .csv} file) or JSON (any other name):
 * one row or object per epoch with the losses, metrics, learning rate, events and seconds. The whole file
 * is rewritten atomically each time, so it is always complete and a resumed run continues it.
 */
public final class MetricsLogger implements Callback {
    private final Path file;
    private final boolean csv;

    /** Logs to {@code file}: CSV if its name ends in .csv, JSON otherwise. */
    public MetricsLogger(Path file) {
        this.file = file;
        this.csv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    @Override
    public Phase phase() {
        return Phase.LOG;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult result) {
        History h = trainer.history();
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Checkpoint.writeAtomically(file, csv ? h.toCsv() : h.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("MetricsLogger: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
