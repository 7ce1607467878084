package dev.hadron.cli;

import dev.hadron.util.Json;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the command in-process and finds the shared real-data folder for the end-to-end tests. */
final class Cli {
    /** The shared data folder, {@code <repo>/../shared/data}, seen from the module's working directory. */
    static final Path DATA = Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();

    private Cli() {
    }

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
        /** The error lines (those starting with "error:"). */
        List<String> errors() {
            return err.lines().filter(l -> l.startsWith("error:")).toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A file of the shared data folder; skips the test with a message when the folder or file is absent. */
    static Path data(String relative) {
        Path p = DATA.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared data file " + p + " is absent: skipping this real-data test");
        return p;
    }

    /** Writes a config into {@code dir}. */
    static Path config(Path dir, String fileName, String yaml) {
        try {
            Path p = dir.resolve(fileName);
            Files.writeString(p, yaml);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code dir/results.json}. */
    static Map<String, Object> results(Path dir) {
        try {
            return Json.parseObject(Files.readString(dir.resolve("results.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a folder, hidden ones included (to catch left-over temporary folders). */
    static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path as YAML text (forward slashes, quoted). */
    static String yaml(Path p) {
        return "'" + p.toAbsolutePath().toString().replace('\\', '/') + "'";
    }
}
