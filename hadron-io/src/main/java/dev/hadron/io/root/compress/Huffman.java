package dev.hadron.io.root.compress;

/**
 * Zstandard's Huffman coding of literals (RFC 8878, section 4.2): the tree description (weights,
 * either FSE-compressed or 4 bits each) and the decoding of one backward bit stream.
 */
final class Huffman {
    private static final int MAX_BITS = 11;

    final int maxBits;
    final byte[] symbols;
    final byte[] lengths;

    private Huffman(int maxBits) {
        this.maxBits = maxBits;
        symbols = new byte[1 << maxBits];
        lengths = new byte[1 << maxBits];
    }

    /** Reads a tree description at {@code b[p...]}; {@code consumed[0]} receives its length in bytes. */
    static Huffman read(byte[] b, int p, int end, int[] consumed) {
        if (p >= end) {
            throw new IllegalStateException("ZSTD: Huffman tree description missing");
        }
        int hb = b[p] & 0xFF;
        int[] weights = new int[256];
        int n;
        if (hb < 128) {
            if (p + 1 + hb > end) {
                throw new IllegalStateException("ZSTD: Huffman weights run past the block");
            }
            n = fseWeights(b, p + 1, p + 1 + hb, weights);
            consumed[0] = 1 + hb;
        } else {
            n = hb - 127;
            int bytes = (n + 1) / 2;
            if (p + 1 + bytes > end) {
                throw new IllegalStateException("ZSTD: Huffman weights run past the block");
            }
            for (int i = 0; i < n; i++) {
                int v = b[p + 1 + i / 2] & 0xFF;
                weights[i] = (i & 1) == 0 ? v >>> 4 : v & 15;
            }
            consumed[0] = 1 + bytes;
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (weights[i] > MAX_BITS) {
                throw new IllegalStateException("ZSTD: Huffman weight " + weights[i] + " too large");
            }
            if (weights[i] > 0) {
                total += 1L << (weights[i] - 1);
            }
        }
        if (total == 0 || n >= 256) {
            throw new IllegalStateException("ZSTD: invalid Huffman weights");
        }
        int maxBits = 64 - Long.numberOfLeadingZeros(total);
        if (maxBits > MAX_BITS) {
            throw new IllegalStateException("ZSTD: Huffman codes longer than " + MAX_BITS + " bits");
        }
        long rest = (1L << maxBits) - total;
        if (Long.bitCount(rest) != 1) {
            throw new IllegalStateException("ZSTD: Huffman weights do not complete a tree");
        }
        weights[n] = 64 - Long.numberOfLeadingZeros(rest);
        int symbolsCount = n + 1;
        Huffman h = new Huffman(maxBits);
        int[] rankStart = new int[maxBits + 2];
        int[] count = new int[maxBits + 2];
        for (int s = 0; s < symbolsCount; s++) {
            count[weights[s]]++;
        }
        int next = 0;
        for (int w = 1; w <= maxBits; w++) {
            rankStart[w] = next;
            next += count[w] << (w - 1);
        }
        if (next != 1 << maxBits) {
            throw new IllegalStateException("ZSTD: Huffman table does not fill");
        }
        for (int s = 0; s < symbolsCount; s++) {
            int w = weights[s];
            if (w == 0) {
                continue;
            }
            int len = 1 << (w - 1);
            int from = rankStart[w];
            for (int u = from; u < from + len; u++) {
                h.symbols[u] = (byte) s;
                h.lengths[u] = (byte) (maxBits + 1 - w);
            }
            rankStart[w] += len;
        }
        return h;
    }

    private static int fseWeights(byte[] b, int p, int end, int[] weights) {
        short[] norm = new short[256];
        int[] d = Fse.readDistribution(b, p, end, norm, 255, 6);
        Fse t = Fse.build(norm, d[1], d[0]);
        BackwardBits bits = new BackwardBits();
        bits.init(b, p + d[2], end);
        int s1 = (int) bits.read(t.accuracyLog);
        int s2 = (int) bits.read(t.accuracyLog);
        int n = 0;
        while (true) {
            if (n >= 255) {
                throw new IllegalStateException("ZSTD: too many Huffman weights");
            }
            weights[n++] = t.symbol[s1];
            s1 = t.baseline[s1] + (int) bits.read(t.nbBits[s1]);
            if (bits.overflowed()) {
                weights[n++] = t.symbol[s2];
                break;
            }
            if (n >= 255) {
                throw new IllegalStateException("ZSTD: too many Huffman weights");
            }
            weights[n++] = t.symbol[s2];
            s2 = t.baseline[s2] + (int) bits.read(t.nbBits[s2]);
            if (bits.overflowed()) {
                weights[n++] = t.symbol[s1];
                break;
            }
        }
        return n;
    }

    /** Decodes exactly {@code n} symbols from {@code b[start, end)} into {@code out[o...]}. */
    void decode(byte[] b, int start, int end, byte[] out, int o, int n) {
        BackwardBits bits = new BackwardBits();
        bits.init(b, start, end);
        for (int i = 0; i < n; i++) {
            int idx = (int) bits.peek(maxBits);
            out[o + i] = symbols[idx];
            bits.skip(lengths[idx]);
        }
        if (!bits.finished()) {
            throw new IllegalStateException("ZSTD: Huffman stream not consumed exactly");
        }
    }
}
