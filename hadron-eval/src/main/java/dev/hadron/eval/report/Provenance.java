package dev.hadron.eval.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a study's numbers come from: software versions, the seed, checksums of the input files and
 * when it ran — printed in the report so a result can be reproduced.
 *
 * <pre>{@code
 * Provenance p = Provenance.of(42)
 *         .withChecksum("atlas-higgs.csv", Provenance.sha256(path))
 *         .withCreatedAt(java.time.Instant.now().toString());
 * }</pre>
 *
 * @param hadronVersion the Hadron version
 * @param javaVersion the Java runtime version
 * @param os operating system and architecture
 * @param seed the study's random seed
 * @param dataChecksums file name → SHA-256 (hex)
 * @param createdAt a timestamp supplied by the caller ("" for none, so reports can be byte-identical)
 * @param extra further key → value facts (thread count, host, command line, …)
 */
public record Provenance(String hadronVersion, String javaVersion, String os, long seed, Map<String, String> dataChecksums, String createdAt,
                         Map<String, String> extra) {

    /** Freezes the maps and replaces nulls by empty values. */
    public Provenance {
        hadronVersion = hadronVersion == null ? "" : hadronVersion;
        javaVersion = javaVersion == null ? "" : javaVersion;
        os = os == null ? "" : os;
        createdAt = createdAt == null ? "" : createdAt;
        dataChecksums = Collections.unmodifiableMap(new LinkedHashMap<>(dataChecksums == null ? Map.of() : dataChecksums));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra == null ? Map.of() : extra));
    }

    /** The running Hadron, Java and OS versions with this seed, no checksums, no timestamp. */
    public static Provenance of(long seed) {
        return new Provenance(runningVersion(), Runtime.version().toString(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")", seed,
                Map.of(), "", Map.of());
    }

    /** The version in this module's descriptor or jar manifest, or "development build" when run from classes. */
    public static String runningVersion() {
        Module mod = Provenance.class.getModule();
        if (mod.getDescriptor() != null && mod.getDescriptor().rawVersion().isPresent()) {
            return mod.getDescriptor().rawVersion().get();
        }
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }

    /** A copy with the checksum of one input. */
    public Provenance withChecksum(String name, String sha256) {
        Map<String, String> m = new LinkedHashMap<>(dataChecksums);
        m.put(name, sha256);
        return new Provenance(hadronVersion, javaVersion, os, seed, m, createdAt, extra);
    }

    /** A copy with a creation timestamp (any text, e.g. an ISO-8601 instant). */
    public Provenance withCreatedAt(String timestamp) {
        return new Provenance(hadronVersion, javaVersion, os, seed, dataChecksums, timestamp, extra);
    }

    /** A copy with one more fact. */
    public Provenance withExtra(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(extra);
        m.put(key, value);
        return new Provenance(hadronVersion, javaVersion, os, seed, dataChecksums, createdAt, m);
    }

    /** The SHA-256 of a file, as lowercase hex (streamed; any size). */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Provenance.sha256: cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
