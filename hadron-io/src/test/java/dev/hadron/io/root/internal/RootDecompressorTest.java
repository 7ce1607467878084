package dev.hadron.io.root.internal;

import dev.hadron.io.internal.compress.CorruptDataException;
import dev.hadron.io.internal.compress.Lz4;
import dev.hadron.io.internal.compress.XxHash64;
import dev.hadron.io.root.RootFormatException;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ROOT's block framing with each algorithm, the LZ4 decoder and checksum, and malformed blocks. */
class RootDecompressorTest {
    private static final byte[] TEXT = ("The quick brown fox jumps over the lazy dog. ".repeat(40)
            + "0123456789".repeat(17)).getBytes(StandardCharsets.US_ASCII);

    @Test
    void xxHash64KnownValues() {
        assertEquals(0xEF46DB3751D8E999L, XxHash64.hash(new byte[0], 0, 0, 0));
        assertEquals(0x44BC2CF5AD770999L, XxHash64.hash("abc".getBytes(StandardCharsets.US_ASCII), 0, 3, 0));
        byte[] x = "xabcx".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x44BC2CF5AD770999L, XxHash64.hash(x, 1, 3, 0), "offset respected");
    }

    @Test
    void lz4BlocksDecodeLiteralsAndOverlappingMatches() {
        byte[] block = {0x35, 'a', 'b', 'c', 3, 0, 0x00};
        byte[] out = new byte[12];
        assertEquals(12, Lz4.decompress(block, 0, block.length, out, 0, 12));
        assertEquals("abcabcabcabc", new String(out, StandardCharsets.US_ASCII));
        byte[] bad = {0x35, 'a', 'b', 'c', 9, 0, 0x00};
        assertThrows(CorruptDataException.class, () -> Lz4.decompress(bad, 0, bad.length, new byte[12], 0, 12));
        assertThrows(CorruptDataException.class, () -> Lz4.decompress(block, 0, block.length, new byte[11], 0, 11));
        byte[] cut = {0x50, 'h', 'e'};
        assertThrows(CorruptDataException.class, () -> Lz4.decompress(cut, 0, cut.length, new byte[5], 0, 5));
    }

    @Test
    void everyAlgorithmRoundTripsThroughTheFraming() throws IOException {
        for (String algo : new String[] {"ZL", "XZ", "L4", "ZS"}) {
            byte[] framed = frame(algo, TEXT);
            byte[] out = RootDecompressor.decompress(framed, 0, framed.length, TEXT.length, "test.root", algo);
            assertArrayEquals(TEXT, out, algo);
        }
        // two blocks of different algorithms back to back
        byte[] a = frame("ZL", Arrays.copyOf(TEXT, 700));
        byte[] b = frame("L4", Arrays.copyOfRange(TEXT, 700, TEXT.length));
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertArrayEquals(TEXT, RootDecompressor.decompress(both, 0, both.length, TEXT.length, "f", "two blocks"));
    }

    @Test
    void malformedBlocksGiveClearErrors() throws IOException {
        byte[] l4 = frame("L4", TEXT);
        l4[l4.length - 3] ^= 0x55;
        RootFormatException e = assertThrows(RootFormatException.class,
                () -> RootDecompressor.decompress(l4, 0, l4.length, TEXT.length, "hzz.root", "basket 3"));
        assertTrue(e.getMessage().contains("checksum") && e.getMessage().contains("hzz.root")
                && e.getMessage().contains("basket 3"), e.getMessage());

        byte[] zl = frame("ZL", TEXT);
        e = assertThrows(RootFormatException.class,
                () -> RootDecompressor.decompress(zl, 0, zl.length, TEXT.length + 1, "f.root", "key"));
        assertTrue(e.getMessage().contains("declare"), e.getMessage());

        byte[] unknown = frame("ZL", TEXT);
        unknown[0] = 'Q';
        e = assertThrows(RootFormatException.class,
                () -> RootDecompressor.decompress(unknown, 0, unknown.length, TEXT.length, "f.root", "key"));
        assertTrue(e.getMessage().contains("unknown compression algorithm"), e.getMessage());

        byte[] truncated = Arrays.copyOf(frame("ZS", TEXT), 20);
        assertThrows(RootFormatException.class,
                () -> RootDecompressor.decompress(truncated, 0, truncated.length, TEXT.length, "f.root", "key"));

        SplittableRandom rnd = new SplittableRandom(7);
        for (String algo : new String[] {"ZL", "XZ", "L4", "ZS"}) {
            byte[] good = frame(algo, TEXT);
            for (int trial = 0; trial < 200; trial++) {
                byte[] m = good.clone();
                int pos = 9 + rnd.nextInt(m.length - 9);
                m[pos] = (byte) rnd.nextInt(256);
                try {
                    RootDecompressor.decompress(m, 0, m.length, TEXT.length, "f.root", algo);
                } catch (RootFormatException expected) {
                    // damaged blocks fail with the reader's own exception, or decode to other bytes
                }
            }
        }
    }

    /** One ROOT compression block holding {@code data}. */
    static byte[] frame(String algo, byte[] data) throws IOException {
        byte[] payload;
        switch (algo) {
            case "ZL" -> {
                Deflater d = new Deflater();
                d.setInput(data);
                d.finish();
                byte[] buf = new byte[data.length + 64];
                int n = d.deflate(buf);
                d.end();
                payload = Arrays.copyOf(buf, n);
            }
            case "XZ" -> {
                ByteArrayOutputStream bo = new ByteArrayOutputStream();
                try (XZOutputStream xz = new XZOutputStream(bo, new LZMA2Options())) {
                    xz.write(data);
                }
                payload = bo.toByteArray();
            }
            case "L4" -> {
                byte[] lz4 = literalsOnlyLz4(data);
                long h = XxHash64.hash(lz4, 0, lz4.length, 0);
                payload = new byte[8 + lz4.length];
                for (int i = 0; i < 8; i++) {
                    payload[i] = (byte) (h >>> (56 - 8 * i));
                }
                System.arraycopy(lz4, 0, payload, 8, lz4.length);
            }
            case "ZS" -> payload = zstdFrame(data);
            default -> throw new IllegalArgumentException(algo);
        }
        byte[] out = new byte[9 + payload.length];
        out[0] = (byte) algo.charAt(0);
        out[1] = (byte) algo.charAt(1);
        out[2] = 1;
        put3(out, 3, payload.length);
        put3(out, 6, data.length);
        System.arraycopy(payload, 0, out, 9, payload.length);
        return out;
    }

    /** A Zstandard frame holding {@code data}: raw blocks of at most 128 KiB, as the format allows. */
    private static byte[] zstdFrame(byte[] data) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x00, 0x58});
        int p = 0;
        do {
            int n = Math.min(128 * 1024, data.length - p);
            boolean last = p + n == data.length;
            int header = (n << 3) | (last ? 1 : 0);
            o.write(header);
            o.write(header >>> 8);
            o.write(header >>> 16);
            o.write(data, p, n);
            p += n;
        } while (p < data.length);
        return o.toByteArray();
    }

    /** An LZ4 block with one literal run (valid, uncompressed). */
    private static byte[] literalsOnlyLz4(byte[] data) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int n = data.length;
        if (n < 15) {
            o.write(n << 4);
        } else {
            o.write(0xF0);
            int rest = n - 15;
            while (rest >= 255) {
                o.write(255);
                rest -= 255;
            }
            o.write(rest);
        }
        o.write(data, 0, n);
        return o.toByteArray();
    }

    private static void put3(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
    }
}
