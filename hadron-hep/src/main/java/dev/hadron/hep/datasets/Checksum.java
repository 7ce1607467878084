package dev.hadron.hep.datasets;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a downloaded file is verified: against a published SHA-256 or MD5, against a checksum the hosting
 * service publishes at download time (OpenML's dataset descriptions), or—where the publisher gives none
 * that could be found—by size and "trust on first use" (the SHA-256 of the first download is recorded and
 * every later use is checked against it).
 */
public sealed interface Checksum permits Checksum.Sha256, Checksum.Md5, Checksum.PublishedAtDownload, Checksum.Unpublished {
    /** A published SHA-256 digest (64 hex digits). */
    record Sha256(String hex) implements Checksum {
        private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

        /** Validates the digest. */
        public Sha256 {
            hex = hex == null ? null : hex.toLowerCase(Locale.ROOT);
            if (hex == null || !HEX.matcher(hex).matches()) {
                throw new IllegalArgumentException("Checksum.Sha256: expected 64 hexadecimal digits, got " + hex);
            }
        }
    }

    /** A published MD5 digest (32 hex digits). */
    record Md5(String hex) implements Checksum {
        private static final Pattern HEX = Pattern.compile("[0-9a-f]{32}");

        /** Validates the digest. */
        public Md5 {
            hex = hex == null ? null : hex.toLowerCase(Locale.ROOT);
            if (hex == null || !HEX.matcher(hex).matches()) {
                throw new IllegalArgumentException("Checksum.Md5: expected 32 hexadecimal digits, got " + hex);
            }
        }
    }

    /**
     * The checksum is published by the host next to the file and read when downloading (e.g. the MD5 in an
     * OpenML dataset description).
     *
     * @param where where it comes from, for messages and documentation
     */
    record PublishedAtDownload(String where) implements Checksum {
    }

    /**
     * No checksum is published (or none could be found); the file is checked against its expected size when
     * known and against the server's Content-Length, and its SHA-256 is recorded on first download.
     *
     * @param reason what is known, for messages and documentation
     */
    record Unpublished(String reason) implements Checksum {
    }
}
