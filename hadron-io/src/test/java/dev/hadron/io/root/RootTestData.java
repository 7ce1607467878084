package dev.hadron.io.root;

import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import dev.hadron.util.Json;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Locates the shared ROOT files (skipping when absent), loads golden JSON and compares columns with it. */
final class RootTestData {
    private RootTestData() {
    }

    /** {@code <repo>/../shared/data/root}, seen from the module directory; skips the test when absent. */
    static Path dir() {
        Path p = Path.of("../../shared/data/root").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(p),
                "shared ROOT test files not found at " + p + " (expected <repo>/../shared/data/root); skipping");
        return p;
    }

    static Path file(String name) {
        Path p = dir().resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared test file " + p + " is absent; skipping");
        return p;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> golden(String name) {
        try (InputStream in = RootTestData.class.getResourceAsStream("golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource golden/" + name);
            }
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of one entry of a column as nested Java lists / numbers / strings. */
    static Object entry(Object column, int i) {
        return switch (column) {
            case Tensor t -> t.dim() == 1 ? (Object) t.toDoubleArray()[i] : toList(t.select(0, i));
            case Jagged j -> toList(j.event(i));
            case List<?> l -> l.get(i);
            case NestedJagged n -> {
                Jagged e = n.event(i);
                List<Object> out = new ArrayList<>();
                for (int k = 0; k < e.numEvents(); k++) {
                    out.add(toList(e.event(k)));
                }
                yield out;
            }
            default -> throw new IllegalArgumentException("unexpected column " + column);
        };
    }

    static int size(Object column) {
        return switch (column) {
            case Tensor t -> t.size(0);
            case Jagged j -> j.numEvents();
            case List<?> l -> l.size();
            case NestedJagged n -> n.numEntries();
            default -> throw new IllegalArgumentException("unexpected column " + column);
        };
    }

    static List<Object> toList(Tensor t) {
        List<Object> out = new ArrayList<>();
        if (t.dim() == 1) {
            for (double d : t.toDoubleArray()) {
                out.add(d);
            }
        } else {
            for (int k = 0; k < t.size(0); k++) {
                out.add(toList(t.select(0, k)));
            }
        }
        return out;
    }

    /** Asserts that a column equals a golden per-entry list (numbers compared as doubles, exactly). */
    static void assertColumn(String what, List<?> golden, Object column) {
        assertEquals(golden.size(), size(column), what + ": number of entries");
        for (int i = 0; i < golden.size(); i++) {
            assertValue(what + " entry " + i, golden.get(i), entry(column, i));
        }
    }

    static void assertValue(String what, Object expected, Object actual) {
        if (expected instanceof String s && actual instanceof List<?> l) {
            // JSROOT reads char[N] arrays as strings that end at the first NUL: the characters must
            // match as signed bytes, followed by a zero unless the array is full
            List<Object> bytes = new ArrayList<>();
            for (char c : s.toCharArray()) {
                bytes.add((double) (byte) c);
            }
            if (bytes.size() < l.size()) {
                bytes.add(0.0);
            }
            List<Object> prefix = new ArrayList<>(l.subList(0, Math.min(bytes.size(), l.size())));
            assertValue(what, bytes, prefix);
            return;
        }
        if (expected == null) {
            // JSON has no NaN: JSROOT's NaN values are written as null
            assertTrue(actual instanceof Number an && Double.isNaN(an.doubleValue()), what + ": expected NaN, read " + actual);
            return;
        }
        switch (expected) {
            case Number n -> {
                double a = actual instanceof Number an ? an.doubleValue() : Double.NaN;
                if (Double.compare(n.doubleValue(), a) != 0 && !(n.doubleValue() == a)) {
                    fail(what + ": expected " + n + " but read " + actual);
                }
            }
            case Boolean b -> assertEquals(b ? 1.0 : 0.0, ((Number) actual).doubleValue(), what);
            case String s -> assertEquals(s, actual, what);
            case List<?> l -> {
                if (!(actual instanceof List<?> al)) {
                    fail(what + ": expected a list " + l + " but read " + actual);
                    return;
                }
                assertEquals(l.size(), al.size(), what + ": length (expected " + l + ", read " + al + ")");
                for (int k = 0; k < l.size(); k++) {
                    assertValue(what + "[" + k + "]", l.get(k), al.get(k));
                }
            }
            default -> fail(what + ": unexpected golden value " + expected);
        }
    }

    /** Sum of all values of a numeric column, as float64 in entry order. */
    static double sum(Object column) {
        Tensor values = switch (column) {
            case Tensor t -> t;
            case Jagged j -> j.values();
            case NestedJagged n -> n.inner().values();
            default -> throw new IllegalArgumentException("not numeric: " + column);
        };
        double s = 0;
        for (double d : values.contiguous().toDoubleArray()) {
            s += d;
        }
        return s;
    }

    static long count(Object column) {
        return switch (column) {
            case Tensor t -> t.numel();
            case Jagged j -> j.values().numel();
            case NestedJagged n -> n.inner().values().numel();
            case List<?> l -> {
                long c = 0;
                for (Object o : l) {
                    c += o instanceof List<?> ll ? ll.size() : 1;
                }
                yield c;
            }
            default -> throw new IllegalArgumentException("unexpected column " + column);
        };
    }
}
