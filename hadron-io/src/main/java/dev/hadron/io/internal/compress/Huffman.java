package dev.hadron.io.internal.compress;

/**
 * Zstandard's Huffman literal decoding (RFC 8878, section 4.2): the tree description (direct or
 * FSE-compressed weights), the decoding table, and one- and four-stream decoding.
 */
final class Huffman {
    private static final int MAX_BITS = 11;
    final int maxBits;
    final byte[] symbol;
    final byte[] nbBits;

    private Huffman(int maxBits) {
        this.maxBits = maxBits;
        symbol = new byte[1 << maxBits];
        nbBits = new byte[1 << maxBits];
    }

    /** Reads a tree description at {@code pos}; {@code consumed[0]} receives its size in bytes. */
    static Huffman read(byte[] b, int pos, int end, int[] consumed) {
        if (pos >= end) {
            throw new CorruptDataException("zstd: Huffman tree description missing");
        }
        int header = b[pos] & 0xff;
        int[] weights = new int[256];
        int count;
        if (header < 128) {
            int size = header;
            if (pos + 1 + size > end) {
                throw new CorruptDataException("zstd: Huffman weights run past the block");
            }
            int[] used = new int[1];
            FseTable table = FseTable.read(b, pos + 1, pos + 1 + size, 6, 255, used);
            BackwardBitReader in = new BackwardBitReader(b, pos + 1 + used[0], pos + 1 + size);
            int s1 = (int) in.read(table.accuracyLog);
            int s2 = (int) in.read(table.accuracyLog);
            count = 0;
            while (true) {
                if (count > 254) {
                    throw new CorruptDataException("zstd: more than 255 Huffman weights");
                }
                weights[count++] = table.symbol[s1];
                s1 = table.newState[s1] + (int) in.read(table.nbBits[s1]);
                if (in.overflowed()) {
                    weights[count++] = table.symbol[s2];
                    break;
                }
                if (count > 254) {
                    throw new CorruptDataException("zstd: more than 255 Huffman weights");
                }
                weights[count++] = table.symbol[s2];
                s2 = table.newState[s2] + (int) in.read(table.nbBits[s2]);
                if (in.overflowed()) {
                    weights[count++] = table.symbol[s1];
                    break;
                }
            }
            consumed[0] = 1 + size;
        } else {
            count = header - 127;
            int bytes = (count + 1) / 2;
            if (pos + 1 + bytes > end) {
                throw new CorruptDataException("zstd: Huffman weights run past the block");
            }
            for (int i = 0; i < count; i++) {
                int v = b[pos + 1 + i / 2] & 0xff;
                weights[i] = i % 2 == 0 ? v >>> 4 : v & 0xf;
            }
            consumed[0] = 1 + bytes;
        }
        return fromWeights(weights, count);
    }

    private static Huffman fromWeights(int[] weights, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if (weights[i] > MAX_BITS) {
                throw new CorruptDataException("zstd: Huffman weight " + weights[i] + " exceeds " + MAX_BITS);
            }
            if (weights[i] > 0) {
                sum += 1L << (weights[i] - 1);
            }
        }
        if (sum == 0) {
            throw new CorruptDataException("zstd: Huffman weights are all zero");
        }
        int maxBits = 64 - Long.numberOfLeadingZeros(sum); // next power of two above sum
        long total = 1L << maxBits;
        long rest = total - sum;
        if (Long.bitCount(rest) != 1 || maxBits > MAX_BITS) {
            throw new CorruptDataException("zstd: Huffman weights do not form a complete prefix code");
        }
        int lastWeight = 64 - Long.numberOfLeadingZeros(rest);
        weights[count] = lastWeight;
        int symbols = count + 1;
        Huffman h = new Huffman(maxBits);
        int position = 0;
        for (int w = 1; w <= maxBits; w++) {
            int span = 1 << (w - 1);
            for (int s = 0; s < symbols; s++) {
                if (weights[s] == w) {
                    for (int k = 0; k < span; k++) {
                        h.symbol[position + k] = (byte) s;
                        h.nbBits[position + k] = (byte) (maxBits + 1 - w);
                    }
                    position += span;
                }
            }
        }
        if (position != 1 << maxBits) {
            throw new CorruptDataException("zstd: Huffman table incomplete");
        }
        return h;
    }

    /** Decodes one stream {@code [start, end)} into {@code out[off, off + n)}. */
    void decodeStream(byte[] b, int start, int end, byte[] out, int off, int n) {
        BackwardBitReader in = new BackwardBitReader(b, start, end);
        in.decodeHuffman(symbol, nbBits, maxBits, out, off, n);
        if (!in.finished()) {
            throw new CorruptDataException("zstd: Huffman stream not consumed exactly");
        }
    }

    /** Decodes {@code n} literals from one or four streams. */
    void decode(byte[] b, int start, int end, boolean fourStreams, byte[] out, int n) {
        if (!fourStreams) {
            decodeStream(b, start, end, out, 0, n);
            return;
        }
        if (end - start < 10) {
            throw new CorruptDataException("zstd: four-stream literals shorter than their jump table");
        }
        int s1 = (b[start] & 0xff) | (b[start + 1] & 0xff) << 8;
        int s2 = (b[start + 2] & 0xff) | (b[start + 3] & 0xff) << 8;
        int s3 = (b[start + 4] & 0xff) | (b[start + 5] & 0xff) << 8;
        int p1 = start + 6;
        int p2 = p1 + s1;
        int p3 = p2 + s2;
        int p4 = p3 + s3;
        if (p4 >= end) {
            throw new CorruptDataException("zstd: literal stream sizes exceed the literals section");
        }
        int seg = (n + 3) / 4;
        if (3L * seg > n) {
            throw new CorruptDataException("zstd: too few literals (" + n + ") for four streams");
        }
        BackwardBitReader[] r = {new BackwardBitReader(b, p1, p2), new BackwardBitReader(b, p2, p3),
            new BackwardBitReader(b, p3, p4), new BackwardBitReader(b, p4, end)};
        int last = n - 3 * seg;
        BackwardBitReader.decodeHuffman4(r, symbol, nbBits, maxBits, out, new int[] {0, seg, 2 * seg, 3 * seg}, last);
        for (int k = 0; k < 3; k++) {
            r[k].decodeHuffman(symbol, nbBits, maxBits, out, k * seg + last, seg - last);
        }
        for (BackwardBitReader reader : r) {
            if (!reader.finished()) {
                throw new CorruptDataException("zstd: Huffman stream not consumed exactly");
            }
        }
    }
}
