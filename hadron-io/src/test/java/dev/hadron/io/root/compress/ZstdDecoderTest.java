package dev.hadron.io.root.compress;

import io.airlift.compress.zstd.ZstdCompressor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The own Zstandard decoder against frames made by an independent compressor (aircompressor). */
class ZstdDecoderTest {

    @Test
    void decodesFramesOfManyShapes() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 60; trial++) {
            byte[] data = sample(rnd, trial);
            byte[] frame = compress(data);
            byte[] out = new byte[data.length];
            assertEquals(data.length, ZstdDecoder.decompress(frame, 0, frame.length, out, 0, out.length));
            assertArrayEquals(data, out, "trial " + trial + " (" + data.length + " bytes)");
        }
    }

    @Test
    void rejectsDamagedFramesWithItsOwnException() {
        SplittableRandom rnd = new SplittableRandom(12);
        byte[] data = sample(rnd, 2);
        byte[] frame = compress(data);
        assertThrows(IllegalStateException.class,
                () -> ZstdDecoder.decompress(frame, 0, frame.length, new byte[data.length - 1], 0, data.length - 1));
        byte[] badMagic = frame.clone();
        badMagic[0] ^= 1;
        assertThrows(IllegalStateException.class,
                () -> ZstdDecoder.decompress(badMagic, 0, badMagic.length, new byte[data.length], 0, data.length));
        for (int i = 0; i < 2000; i++) {
            byte[] m = frame.clone();
            int at = rnd.nextInt(m.length);
            m[at] = (byte) rnd.nextInt(256);
            try {
                ZstdDecoder.decompress(m, 0, m.length, new byte[data.length], 0, data.length);
            } catch (IllegalStateException expected) {
                // damage is detected, or decodes to other bytes of the same length
            }
            byte[] cut = Arrays.copyOf(frame, rnd.nextInt(frame.length));
            try {
                ZstdDecoder.decompress(cut, 0, cut.length, new byte[data.length], 0, data.length);
            } catch (IllegalStateException expected) {
                // a cut frame is always incomplete
            }
        }
    }

    /** Data of varied compressibility: text, runs, floats like ROOT baskets, random bytes, large. */
    private static byte[] sample(SplittableRandom rnd, int trial) {
        int kind = trial % 6;
        int n = switch (kind) {
            case 5 -> 300_000 + rnd.nextInt(100_000);
            default -> 1 + rnd.nextInt(40_000);
        };
        byte[] b = new byte[n];
        switch (kind) {
            case 0 -> {
                String words = "muon electron jet photon tau vertex track cluster ";
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) words.charAt((i * 7 + rnd.nextInt(3)) % words.length());
                }
            }
            case 1 -> {
                int i = 0;
                while (i < n) {
                    int run = 1 + rnd.nextInt(300);
                    byte v = (byte) rnd.nextInt(4);
                    for (int k = 0; k < run && i < n; k++) {
                        b[i++] = v;
                    }
                }
            }
            case 2 -> {
                ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
                for (int i = 0; i + 4 <= n; i += 4) {
                    bb.putFloat(i, (float) (50 + 10 * rnd.nextGaussian()));
                }
            }
            case 3 -> rnd.nextBytes(b);
            case 4 -> {
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) (i / 13);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) (rnd.nextInt(10) < 7 ? i % 251 : rnd.nextInt(256));
                }
            }
        }
        return b;
    }

    private static byte[] compress(byte[] data) {
        ZstdCompressor c = new ZstdCompressor();
        byte[] buf = new byte[c.maxCompressedLength(data.length)];
        int n = c.compress(data, 0, data.length, buf, 0, buf.length);
        return Arrays.copyOf(buf, n);
    }
}
