package dev.hadron.io;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's shared real-data folder ({@code <repo root>/../shared/data}); tests skip without it. */
public final class SharedData {
    private SharedData() {
    }

    /** The path of {@code relative} inside the shared data folder; skips the test if it is absent. */
    public static Path require(String relative) {
        Path root = Path.of("").toAbsolutePath();
        for (Path p = root; p != null; p = p.getParent()) {
            Path candidate = p.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate) && Files.exists(candidate.resolve(relative))) {
                return candidate.resolve(relative);
            }
        }
        Assumptions.assumeTrue(false, "shared data file " + relative + " not found (expected in <repo root>/../shared/data);"
                + " skipping");
        throw new AssertionError();
    }
}
