package dev.hadron.io;

import dev.hadron.io.csv.CsvReader;
import dev.hadron.io.hdf5.Hdf5File;
import dev.hadron.io.npy.Npy;
import dev.hadron.io.npy.Npz;
import dev.hadron.io.parquet.ParquetFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damages valid files at many offsets (seeded) and reads them back: every outcome must be either a
 * successful read or the reader's own {@link FileFormatException} (or, when a damaged name makes a
 * requested dataset disappear, an {@link IllegalArgumentException}) naming the file; never another
 * exception type, an out-of-memory or a hang.
 */
class MutationTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(MutationTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private int mutate(Path original, int trials, Consumer<Path> read) throws IOException {
        byte[] good = Files.readAllBytes(original);
        SplittableRandom rng = new SplittableRandom(20261122L);
        Path p = dir.resolve("damaged-" + original.getFileName());
        int failures = 0;
        for (int t = 0; t < trials; t++) {
            byte[] b = good.clone();
            int kind = t % 4;
            int at = rng.nextInt(b.length);
            switch (kind) {
                case 0 -> b[at] = (byte) rng.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << rng.nextInt(8));
                case 2 -> {
                    for (int k = 0; k < 4 && at + k < b.length; k++) {
                        b[at + k] = (byte) 0xff;
                    }
                }
                default -> b = java.util.Arrays.copyOf(b, at);
            }
            Files.write(p, b);
            try {
                read.accept(p);
            } catch (FileFormatException | IllegalArgumentException e) {
                // a damaged name legitimately makes a requested dataset "absent": that is reported as a wrong argument
                failures++;
                assertTrue(e.getMessage().contains(p.getFileName().toString()), e.getMessage());
            } catch (OutOfMemoryError | StackOverflowError e) {
                fail("trial " + t + " (mutation " + kind + " at byte " + at + "): " + e);
            } catch (RuntimeException e) {
                throw new AssertionError("trial " + t + " (mutation " + kind + " at byte " + at + ") threw " + e, e);
            }
        }
        return failures;
    }

    @Test
    void parquet() throws IOException {
        for (String f : new String[] {"v1_snappy_dict.parquet", "v2_gzip_plain.parquet", "v2_zstd_dict.parquet",
                "lz4raw_encodings.parquet", "structs.parquet"}) {
            int failures = mutate(resource("/dev/hadron/io/parquet/" + f), 300, ParquetFile::read);
            assertTrue(failures > 30, f + ": only " + failures + " damaged files were noticed");
        }
    }

    @Test
    void npyAndNpz() throws IOException {
        mutate(resource("/dev/hadron/io/npy/float64.npy"), 300, Npy::read);
        mutate(resource("/dev/hadron/io/npy/fortran_int32.npy"), 200, Npy::read);
        mutate(resource("/dev/hadron/io/npy/deflated.npz"), 300, Npz::read);
        mutate(resource("/dev/hadron/io/npy/stored.npz"), 300, Npz::read);
    }

    @Test
    void hdf5() throws IOException {
        mutate(resource("/dev/hadron/io/hdf5/golden.h5"), 400, p -> {
            try (Hdf5File f = Hdf5File.open(p)) {
                f.summary();
                f.table("/events");
            }
        });
    }

    @Test
    void csv() throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "a,b,c\n1,2.5,x\n\"q,\"\"\",3,y\n4,5,z\n");
        mutate(csv, 300, p -> CsvReader.read(p));
    }
}
