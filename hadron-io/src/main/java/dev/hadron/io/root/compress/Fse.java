package dev.hadron.io.root.compress;

/**
 * Finite State Entropy decoding tables of Zstandard (RFC 8878, section 4.1): reading a normalized
 * distribution and building the decoding table from it.
 */
final class Fse {
    final int accuracyLog;
    final int[] symbol;
    final int[] nbBits;
    final int[] baseline;

    private Fse(int accuracyLog) {
        this.accuracyLog = accuracyLog;
        int size = 1 << accuracyLog;
        symbol = new int[size];
        nbBits = new int[size];
        baseline = new int[size];
    }

    /** A table that always yields {@code sym} and reads no bits (RLE mode). */
    static Fse rle(int sym) {
        Fse t = new Fse(0);
        t.symbol[0] = sym;
        return t;
    }

    /** Builds the decoding table of a normalized distribution ({@code -1} = "less than one"). */
    static Fse build(short[] norm, int maxSymbol, int accuracyLog) {
        Fse t = new Fse(accuracyLog);
        int size = 1 << accuracyLog;
        int high = size - 1;
        int[] next = new int[maxSymbol + 1];
        for (int s = 0; s <= maxSymbol; s++) {
            if (norm[s] == -1) {
                t.symbol[high--] = s;
                next[s] = 1;
            } else {
                next[s] = norm[s];
            }
        }
        int position = 0;
        int step = (size >>> 1) + (size >>> 3) + 3;
        int mask = size - 1;
        for (int s = 0; s <= maxSymbol; s++) {
            for (int i = 0; i < norm[s]; i++) {
                t.symbol[position] = s;
                do {
                    position = (position + step) & mask;
                } while (position > high);
            }
        }
        if (position != 0) {
            throw new IllegalStateException("ZSTD: FSE distribution does not fill its table");
        }
        for (int u = 0; u < size; u++) {
            int s = t.symbol[u];
            int ns = next[s]++;
            int bits = accuracyLog - (31 - Integer.numberOfLeadingZeros(ns));
            t.nbBits[u] = bits;
            t.baseline[u] = (ns << bits) - size;
        }
        return t;
    }

    /**
     * Reads a normalized distribution at {@code b[p...]} (a forward little-endian bit stream) into
     * {@code norm}; returns {accuracyLog, maxSymbol, bytes consumed}.
     */
    static int[] readDistribution(byte[] b, int p, int end, short[] norm, int maxSymbolAllowed, int maxLog) {
        ForwardBits in = new ForwardBits(b, p, end);
        int log = (int) in.read(4) + 5;
        if (log > maxLog) {
            throw new IllegalStateException("ZSTD: FSE accuracy log " + log + " exceeds " + maxLog);
        }
        int remaining = (1 << log) + 1;
        int threshold = 1 << log;
        int bits = log + 1;
        int sym = 0;
        boolean previous0 = false;
        while (remaining > 1 && sym <= maxSymbolAllowed) {
            if (previous0) {
                int n0 = sym;
                int rep;
                while ((rep = (int) in.read(2)) == 3) {
                    n0 += 3;
                }
                n0 += rep;
                if (n0 > maxSymbolAllowed) {
                    throw new IllegalStateException("ZSTD: FSE zero run past the last symbol");
                }
                while (sym < n0) {
                    norm[sym++] = 0;
                }
            }
            int max = (2 * threshold - 1) - remaining;
            int count;
            long peek = in.peek(bits);
            if ((peek & (threshold - 1)) < max) {
                count = (int) (peek & (threshold - 1));
                in.skip(bits - 1);
            } else {
                count = (int) (peek & (2L * threshold - 1));
                if (count >= threshold) {
                    count -= max;
                }
                in.skip(bits);
            }
            count--;
            remaining -= Math.abs(count);
            if (sym > maxSymbolAllowed) {
                throw new IllegalStateException("ZSTD: FSE distribution has too many symbols");
            }
            norm[sym++] = (short) count;
            previous0 = count == 0;
            while (remaining < threshold) {
                bits--;
                threshold >>>= 1;
            }
            if (in.overrun()) {
                throw new IllegalStateException("ZSTD: FSE distribution runs past its data");
            }
        }
        if (remaining != 1) {
            throw new IllegalStateException("ZSTD: FSE distribution does not add up");
        }
        return new int[] {log, sym - 1, in.bytesConsumed()};
    }

    /** A little-endian forward bit reader (for distribution headers). */
    static final class ForwardBits {
        private final byte[] b;
        private final int start;
        private final int end;
        private long pos;

        ForwardBits(byte[] b, int start, int end) {
            this.b = b;
            this.start = start;
            this.end = end;
        }

        long peek(int n) {
            long v = 0;
            for (int i = 0; i < n; i++) {
                long bit = pos + i;
                int idx = start + (int) (bit >>> 3);
                if (idx < end && ((b[idx] >>> (bit & 7)) & 1) != 0) {
                    v |= 1L << i;
                }
            }
            return v;
        }

        long read(int n) {
            long v = peek(n);
            pos += n;
            return v;
        }

        void skip(int n) {
            pos += n;
        }

        boolean overrun() {
            return pos > (long) (end - start) * 8;
        }

        int bytesConsumed() {
            return (int) ((pos + 7) >>> 3);
        }
    }
}
