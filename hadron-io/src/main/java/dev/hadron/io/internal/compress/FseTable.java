package dev.hadron.io.internal.compress;

/**
 * A finite-state-entropy decoding table (RFC 8878, section 4.1): for each state, the symbol it
 * emits and how to reach the next state ({@code newState + read(nbBits)}).
 */
final class FseTable {
    final int accuracyLog;
    final int[] symbol;
    final int[] nbBits;
    final int[] newState;

    private FseTable(int accuracyLog) {
        this.accuracyLog = accuracyLog;
        int size = 1 << accuracyLog;
        symbol = new int[size];
        nbBits = new int[size];
        newState = new int[size];
    }

    /** A table that always emits {@code s} and reads no bits (RLE mode). */
    static FseTable rle(int s) {
        FseTable t = new FseTable(0);
        t.symbol[0] = s;
        return t;
    }

    /** Builds the table from normalized counts (-1 for "less than one") that sum to {@code 1 << accuracyLog}. */
    static FseTable build(short[] counts, int maxSymbol, int accuracyLog) {
        FseTable t = new FseTable(accuracyLog);
        int size = 1 << accuracyLog;
        int high = size - 1;
        int[] next = new int[maxSymbol + 1];
        for (int s = 0; s <= maxSymbol; s++) {
            if (counts[s] == -1) {
                t.symbol[high--] = s;
                next[s] = 1;
            } else {
                next[s] = counts[s];
            }
        }
        int step = (size >>> 1) + (size >>> 3) + 3;
        int mask = size - 1;
        int position = 0;
        for (int s = 0; s <= maxSymbol; s++) {
            for (int i = 0; i < counts[s]; i++) {
                t.symbol[position] = s;
                do {
                    position = (position + step) & mask;
                } while (position > high);
            }
        }
        if (position != 0) {
            throw new CorruptDataException("zstd: FSE table counts do not fill the table");
        }
        for (int u = 0; u < size; u++) {
            int s = t.symbol[u];
            int n = next[s]++;
            int bits = accuracyLog - (31 - Integer.numberOfLeadingZeros(n));
            t.nbBits[u] = bits;
            t.newState[u] = (n << bits) - size;
        }
        return t;
    }

    /** A table from predefined counts (the default distributions of RFC 8878, section 3.1.1.3.2.2). */
    static FseTable predefined(short[] counts, int accuracyLog) {
        return build(counts, counts.length - 1, accuracyLog);
    }

    /**
     * Reads an FSE table description starting at {@code pos} (RFC 8878, section 4.1.1).
     *
     * @return the table, and in {@code consumed[0]} the number of bytes the description used
     */
    static FseTable read(byte[] b, int pos, int end, int maxAccuracy, int maxSymbol, int[] consumed) {
        ForwardBits in = new ForwardBits(b, pos, end);
        int accuracyLog = (int) in.read(4) + 5;
        if (accuracyLog > maxAccuracy) {
            throw new CorruptDataException("zstd: FSE accuracy log " + accuracyLog + " exceeds the maximum " + maxAccuracy);
        }
        short[] counts = new short[maxSymbol + 1];
        int remaining = (1 << accuracyLog) + 1;
        int symbol = 0;
        boolean previousZero = false;
        while (remaining > 1) {
            if (previousZero) {
                int repeat;
                do {
                    repeat = (int) in.read(2);
                    for (int k = 0; k < repeat; k++) {
                        if (symbol > maxSymbol) {
                            throw new CorruptDataException("zstd: FSE table has more than " + (maxSymbol + 1) + " symbols");
                        }
                        counts[symbol++] = 0;
                    }
                } while (repeat == 3);
            }
            if (symbol > maxSymbol) {
                throw new CorruptDataException("zstd: FSE table has more than " + (maxSymbol + 1) + " symbols");
            }
            int bits = 32 - Integer.numberOfLeadingZeros(remaining);
            int threshold = 1 << (bits - 1);
            int max = (2 * threshold - 1) - remaining;
            int low = (int) in.peek(bits - 1);
            int value;
            if (low < max) {
                value = low;
                in.skip(bits - 1);
            } else {
                value = (int) in.peek(bits);
                in.skip(bits);
                if (value >= threshold) {
                    value -= max;
                }
            }
            int count = value - 1;
            remaining -= count < 0 ? 1 : count;
            counts[symbol++] = (short) count;
            previousZero = count == 0;
            if (remaining < 1) {
                throw new CorruptDataException("zstd: FSE counts exceed the table size");
            }
        }
        if (remaining != 1) {
            throw new CorruptDataException("zstd: FSE counts do not sum to the table size");
        }
        consumed[0] = in.bytesUsed();
        return build(counts, symbol - 1, accuracyLog);
    }

    /** A little-endian forward bit reader for table descriptions. */
    private static final class ForwardBits {
        private final byte[] b;
        private final int start;
        private final int end;
        private long bit;

        ForwardBits(byte[] b, int start, int end) {
            this.b = b;
            this.start = start;
            this.end = end;
        }

        long peek(int n) {
            long v = 0;
            for (int i = 0; i < n; i++) {
                long p = bit + i;
                int index = start + (int) (p >>> 3);
                if (index >= end) {
                    throw new CorruptDataException("zstd: FSE table description runs past its block");
                }
                v |= (long) ((b[index] >>> (p & 7)) & 1) << i;
            }
            return v;
        }

        void skip(int n) {
            bit += n;
        }

        long read(int n) {
            long v = peek(n);
            bit += n;
            return v;
        }

        int bytesUsed() {
            return (int) ((bit + 7) >>> 3);
        }
    }
}
