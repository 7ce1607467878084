package dev.hadron.io.root;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged files end in a {@link RootFormatException} naming the file and the place: wrong magic,
 * truncation, corrupted baskets, absurd declared sizes, and (the mutation test) real files damaged
 * at many seeded random offsets, where nothing but the reader's own exception may escape.
 */
class MalformedFileTest {
    @TempDir
    Path tmp;

    @Test
    void wrongMagicAndTinyFiles() throws IOException {
        Path notRoot = tmp.resolve("not-root.root");
        Files.write(notRoot, "PK\u0003\u0004 this is a zip file, not ROOT ..........................................."
                .getBytes(StandardCharsets.ISO_8859_1));
        RootFormatException e = assertThrows(RootFormatException.class, () -> RootFile.open(notRoot));
        assertTrue(e.getMessage().contains("not-root.root") && e.getMessage().contains("magic"), e.getMessage());
        Path tiny = tmp.resolve("tiny.root");
        Files.write(tiny, "root".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(RootFormatException.class, () -> RootFile.open(tiny));
        assertTrue(e.getMessage().contains("tiny.root"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RootFile.open(tmp.resolve("missing.root")));
    }

    @Test
    void truncatedFilesAreReportedAsTruncated() throws IOException {
        byte[] full = Files.readAllBytes(RootTestData.file("uproot-HZZ-zlib.root"));
        for (double frac : new double[] {0.1, 0.5, 0.9, 0.999}) {
            Path p = tmp.resolve("cut.root");
            Files.write(p, Arrays.copyOf(full, (int) (full.length * frac)));
            RootFormatException e = assertThrows(RootFormatException.class, () -> readEverything(p));
            assertTrue(e.getMessage().contains("cut.root") && e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"uproot-HZZ-zlib.root", "uproot-HZZ-lz4.root", "uproot-HZZ-lzma.root", "uproot-HZZ-zstd.root"})
    void corruptedBasketNamesTheBranch(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(RootTestData.file(file));
        int key = basketKey(bytes, "NPrimaryVertices");
        int keylen = ((bytes[key + 14] & 0xFF) << 8) | (bytes[key + 15] & 0xFF);
        int nbytes = ((bytes[key] & 0xFF) << 24) | ((bytes[key + 1] & 0xFF) << 16) | ((bytes[key + 2] & 0xFF) << 8)
                | (bytes[key + 3] & 0xFF);
        // damage the compressed payload (after the 9-byte block header and, for LZ4, the checksum)
        for (int i = key + keylen + 20; i < key + nbytes - 4; i += 7) {
            bytes[i] ^= (byte) 0xA5;
        }
        Path p = tmp.resolve("damaged-" + file);
        Files.write(p, bytes);
        try (RootFile f = RootFile.open(p)) {
            RootTree t = f.tree("events");
            RootFormatException e = assertThrows(RootFormatException.class, () -> t.array("NPrimaryVertices"));
            assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("NPrimaryVertices"),
                    e.getMessage());
            t.array("MET_py");
        }
    }

    @Test
    void absurdDeclaredSizesFailBeforeAllocating() throws IOException {
        byte[] bytes = Files.readAllBytes(RootTestData.file("uproot-HZZ-zlib.root"));
        int key = basketKey(bytes, "MET_px");
        // fObjlen (uncompressed size) set to 2 GiB - 1
        bytes[key + 6] = 0x7F;
        bytes[key + 7] = (byte) 0xFF;
        bytes[key + 8] = (byte) 0xFF;
        bytes[key + 9] = (byte) 0xFF;
        Path p = tmp.resolve("absurd.root");
        Files.write(p, bytes);
        try (RootFile f = RootFile.open(p)) {
            RootFormatException e = assertThrows(RootFormatException.class, () -> f.tree("events").array("MET_px"));
            assertTrue(e.getMessage().contains("MET_px"), e.getMessage());
        }
    }

    /**
     * Real files damaged at seeded random offsets (one to four bytes replaced, or cut short): every
     * failure must be a RootFormatException, and nothing may hang or run out of memory.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "uproot-simple.root, 300",
        "uproot-leaflist.root, 300",
        "uproot-histograms.root, 300",
        "uproot-small-evnt-tree-fullsplit.root, 200",
        "uproot-nesteddirs.root, 150",
        "uproot-sample-6.20.04-lz4.root, 150",
        "uproot-sample-6.20.04-lzma.root, 100",
        "uproot-sample-6.20.04-zlib.root, 150",
        "uproot-Zmumu-zstd.root, 60",
        "nanoAOD_2015_CMS_Open_Data_ttbar.root, 40",
        "uproot-HZZ.root, 40",
    })
    @Timeout(300)
    void mutatedFilesFailOnlyWithTheReadersException(String file, int mutations) throws IOException {
        byte[] original = Files.readAllBytes(RootTestData.file(file));
        SplittableRandom rnd = new SplittableRandom(file.hashCode() * 31L + 2026);
        Path p = tmp.resolve("mutant.root");
        int failures = 0;
        for (int m = 0; m < mutations; m++) {
            byte[] bytes;
            String what;
            if (m % 10 == 9) {
                int cut = rnd.nextInt(original.length);
                bytes = Arrays.copyOf(original, cut);
                what = "cut at " + cut;
            } else {
                bytes = original.clone();
                int n = 1 + rnd.nextInt(4);
                // favour the metadata near the start and the end of the file
                int where = rnd.nextInt(3);
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    int at = switch (where) {
                        case 0 -> rnd.nextInt(Math.min(512, bytes.length));
                        case 1 -> bytes.length - 1 - rnd.nextInt(Math.min(bytes.length, 8192));
                        default -> rnd.nextInt(bytes.length);
                    };
                    bytes[at] = (byte) rnd.nextInt(256);
                    sb.append(at).append(' ');
                }
                what = "bytes at " + sb.toString().trim();
            }
            Files.write(p, bytes);
            try {
                readEverything(p);
            } catch (RootFormatException expected) {
                failures++;
            } catch (Throwable t) {
                fail(file + " with " + what + ": expected RootFormatException, got " + t, t);
            }
        }
        assertTrue(failures > 0, "some mutations of " + file + " must be detected");
    }

    /** Opens a file and reads every key: trees (all readable branches, metadata) and histograms. */
    static void readEverything(Path p) {
        try (RootFile f = RootFile.open(p)) {
            for (RootKey k : f.keyInfos()) {
                if (k.className().equals("TTree")) {
                    RootTree t = f.tree(k.nameWithCycle());
                    for (BranchInfo b : t.branches()) {
                        if (b.readable()) {
                            t.read(b.path());
                        }
                    }
                    for (TreeChunk c : t.iterate(7)) {
                        c.columns().size();
                    }
                } else if (k.className().startsWith("TH1") || k.className().startsWith("TH2")) {
                    f.histogram(k.nameWithCycle()).errors();
                }
            }
            f.summary().toJson();
        }
    }

    /** Position of the key of the first basket of {@code branch} (class TBasket, name branch). */
    private static int basketKey(byte[] b, String branch) {
        byte[] pattern = ("\u0007TBasket" + (char) branch.length() + branch).getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + pattern.length < b.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (b[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            // the class name follows fNbytes(4) fVersion(2) fObjlen(4) fDatime(4) fKeylen(2) fCycle(2) and
            // two seeks of 4 bytes (key version <= 1000) or 8 bytes (version > 1000)
            int small = i - 26;
            int large = i - 34;
            if (small >= 0 && (((b[small + 4] & 0xFF) << 8) | (b[small + 5] & 0xFF)) <= 1000) {
                return small;
            }
            return large;
        }
        throw new IllegalStateException("no basket of " + branch + " found");
    }
}
