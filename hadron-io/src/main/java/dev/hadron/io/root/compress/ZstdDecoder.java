package dev.hadron.io.root.compress;

/**
 * A Zstandard decoder written from RFC 8878, pure Java with every access bounds-checked: frames,
 * raw/RLE/compressed blocks, Huffman-coded literals, FSE-coded sequences with repeat offsets and
 * repeated tables, and the optional content checksum. Dictionaries are not supported (ROOT does not
 * use them). Malformed input ends in an {@link IllegalStateException} describing the problem.
 */
public final class ZstdDecoder {
    private static final int MAGIC = 0xFD2FB528;
    private static final int MAX_BLOCK = 128 * 1024;

    private static final int[] LL_BASE = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28,
        32, 40, 48, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536};
    private static final int[] LL_BITS = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6,
        7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private static final int[] ML_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
        25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051,
        4099, 8195, 16387, 32771, 65539};
    private static final int[] ML_BITS = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private static final short[] LL_DEFAULT = {4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1};
    private static final short[] ML_DEFAULT = {1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1};
    private static final short[] OF_DEFAULT = {1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        -1, -1, -1, -1, -1};
    private static final Fse LL_TABLE = Fse.build(LL_DEFAULT, 35, 6);
    private static final Fse ML_TABLE = Fse.build(ML_DEFAULT, 52, 6);
    private static final Fse OF_TABLE = Fse.build(OF_DEFAULT, 28, 5);

    private final byte[] src;
    private final byte[] dst;
    private int ip;
    private final int srcEnd;
    private int op;
    private final int dstEnd;
    private int frameStart;
    private final int[] reps = new int[3];
    private Huffman huffman;
    private Fse llTable;
    private Fse ofTable;
    private Fse mlTable;

    private ZstdDecoder(byte[] src, int off, int len, byte[] dst, int dOff, int dLen) {
        this.src = src;
        this.ip = off;
        this.srcEnd = off + len;
        this.dst = dst;
        this.op = dOff;
        this.dstEnd = dOff + dLen;
    }

    /**
     * Decodes the frames in {@code src[off, off + len)} into {@code dst[dOff, dOff + dLen)}; returns the
     * number of bytes written.
     */
    public static int decompress(byte[] src, int off, int len, byte[] dst, int dOff, int dLen) {
        if (off < 0 || len < 0 || off > src.length - len || dOff < 0 || dLen < 0 || dOff > dst.length - dLen) {
            throw new IllegalArgumentException("ZSTD: buffer bounds out of range");
        }
        ZstdDecoder d = new ZstdDecoder(src, off, len, dst, dOff, dLen);
        while (d.ip < d.srcEnd) {
            d.frame();
        }
        return d.op - dOff;
    }

    private void need(int n) {
        if (n < 0 || n > srcEnd - ip) {
            throw new IllegalStateException("ZSTD: input ends " + (n - (srcEnd - ip)) + " bytes too early");
        }
    }

    private int le(int at, int bytes) {
        int v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = (v << 8) | (src[at + i] & 0xFF);
        }
        return v;
    }

    private void frame() {
        need(5);
        int magic = le(ip, 4);
        ip += 4;
        if ((magic & 0xFFFFFFF0) == 0x184D2A50) {
            need(4);
            int size = le(ip, 4);
            ip += 4;
            need(size);
            ip += size;
            return;
        }
        if (magic != MAGIC) {
            throw new IllegalStateException(String.format("ZSTD: bad frame magic %08x", magic));
        }
        int fhd = src[ip++] & 0xFF;
        int fcsFlag = fhd >>> 6;
        boolean single = (fhd & 0x20) != 0;
        boolean checksum = (fhd & 0x04) != 0;
        int dictFlag = fhd & 3;
        if ((fhd & 0x08) != 0) {
            throw new IllegalStateException("ZSTD: reserved frame header bit set");
        }
        int skip = (single ? 0 : 1) + (dictFlag == 3 ? 4 : dictFlag);
        need(skip);
        if (dictFlag != 0 && le(ip + (single ? 0 : 1), dictFlag == 3 ? 4 : dictFlag) != 0) {
            throw new IllegalStateException("ZSTD: frames with a dictionary are not supported");
        }
        ip += skip;
        int fcsBytes = switch (fcsFlag) {
            case 0 -> single ? 1 : 0;
            case 1 -> 2;
            case 2 -> 4;
            default -> 8;
        };
        need(fcsBytes);
        long contentSize = -1;
        if (fcsBytes > 0) {
            contentSize = 0;
            for (int i = fcsBytes - 1; i >= 0; i--) {
                contentSize = (contentSize << 8) | (src[ip + i] & 0xFFL);
            }
            if (fcsBytes == 2) {
                contentSize += 256;
            }
        }
        ip += fcsBytes;
        if (contentSize > dstEnd - op) {
            throw new IllegalStateException("ZSTD: frame declares " + contentSize + " bytes, room for " + (dstEnd - op));
        }
        frameStart = op;
        reps[0] = 1;
        reps[1] = 4;
        reps[2] = 8;
        huffman = null;
        llTable = null;
        ofTable = null;
        mlTable = null;
        boolean last;
        do {
            need(3);
            int bh = le(ip, 3);
            ip += 3;
            last = (bh & 1) != 0;
            int type = (bh >>> 1) & 3;
            int size = bh >>> 3;
            switch (type) {
                case 0 -> {
                    need(size);
                    room(size);
                    System.arraycopy(src, ip, dst, op, size);
                    ip += size;
                    op += size;
                }
                case 1 -> {
                    need(1);
                    room(size);
                    java.util.Arrays.fill(dst, op, op + size, src[ip]);
                    ip += 1;
                    op += size;
                }
                case 2 -> {
                    if (size > MAX_BLOCK) {
                        throw new IllegalStateException("ZSTD: block of " + size + " bytes exceeds 128 KiB");
                    }
                    need(size);
                    compressedBlock(ip, ip + size);
                    ip += size;
                }
                default -> throw new IllegalStateException("ZSTD: reserved block type");
            }
        } while (!last);
        if (contentSize >= 0 && op - frameStart != contentSize) {
            throw new IllegalStateException("ZSTD: frame decoded to " + (op - frameStart) + " bytes, header says "
                    + contentSize);
        }
        if (checksum) {
            need(4);
            int expected = le(ip, 4);
            ip += 4;
            int actual = (int) XxHash64.hash(dst, frameStart, op - frameStart, 0);
            if (expected != actual) {
                throw new IllegalStateException("ZSTD: content checksum mismatch");
            }
        }
    }

    private void room(int n) {
        if (n > dstEnd - op) {
            throw new IllegalStateException("ZSTD: output exceeds the expected " + (dstEnd - frameStart) + " bytes");
        }
    }

    // ------------------------------------------------------------------ compressed blocks

    private void compressedBlock(int p, int end) {
        if (p >= end) {
            throw new IllegalStateException("ZSTD: empty compressed block");
        }
        int b0 = src[p] & 0xFF;
        int litType = b0 & 3;
        int sizeFormat = (b0 >>> 2) & 3;
        byte[] lit;
        int litLen;
        if (litType == 0 || litType == 1) {
            int hdr;
            switch (sizeFormat) {
                case 0, 2 -> {
                    litLen = b0 >>> 3;
                    hdr = 1;
                }
                case 1 -> {
                    check(p + 2 <= end);
                    litLen = (b0 >>> 4) + ((src[p + 1] & 0xFF) << 4);
                    hdr = 2;
                }
                default -> {
                    check(p + 3 <= end);
                    litLen = (b0 >>> 4) + ((src[p + 1] & 0xFF) << 4) + ((src[p + 2] & 0xFF) << 12);
                    hdr = 3;
                }
            }
            if (litLen > MAX_BLOCK) {
                throw new IllegalStateException("ZSTD: literals section larger than a block");
            }
            p += hdr;
            lit = new byte[litLen];
            if (litType == 0) {
                check(p + litLen <= end);
                System.arraycopy(src, p, lit, 0, litLen);
                p += litLen;
            } else {
                check(p + 1 <= end);
                java.util.Arrays.fill(lit, src[p]);
                p += 1;
            }
        } else {
            int hdr = sizeFormat < 2 ? 3 : sizeFormat == 2 ? 4 : 5;
            check(p + hdr <= end);
            long h = 0;
            for (int i = hdr - 1; i >= 0; i--) {
                h = (h << 8) | (src[p + i] & 0xFFL);
            }
            int bitsEach = hdr == 3 ? 10 : hdr == 4 ? 14 : 18;
            litLen = (int) ((h >>> 4) & ((1L << bitsEach) - 1));
            int compSize = (int) ((h >>> (4 + bitsEach)) & ((1L << bitsEach) - 1));
            boolean fourStreams = sizeFormat != 0;
            if (litLen > MAX_BLOCK) {
                throw new IllegalStateException("ZSTD: literals section larger than a block");
            }
            p += hdr;
            check(p + compSize <= end);
            int litEnd = p + compSize;
            if (litType == 2) {
                int[] used = new int[1];
                huffman = Huffman.read(src, p, litEnd, used);
                p += used[0];
            } else if (huffman == null) {
                throw new IllegalStateException("ZSTD: treeless literals without a previous Huffman table");
            }
            lit = new byte[litLen];
            if (!fourStreams) {
                huffman.decode(src, p, litEnd, lit, 0, litLen);
            } else {
                check(p + 6 <= litEnd);
                int s1 = le(p, 2);
                int s2 = le(p + 2, 2);
                int s3 = le(p + 4, 2);
                int q = p + 6;
                int seg = (litLen + 3) / 4;
                check(q + s1 + s2 + s3 <= litEnd && 3L * seg <= litLen);
                huffman.decode(src, q, q + s1, lit, 0, seg);
                huffman.decode(src, q + s1, q + s1 + s2, lit, seg, seg);
                huffman.decode(src, q + s1 + s2, q + s1 + s2 + s3, lit, 2 * seg, seg);
                huffman.decode(src, q + s1 + s2 + s3, litEnd, lit, 3 * seg, litLen - 3 * seg);
            }
            p = litEnd;
        }
        sequences(p, end, lit, litLen);
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("ZSTD: block section runs past the block");
        }
    }

    private void sequences(int p, int end, byte[] lit, int litLen) {
        check(p + 1 <= end);
        int b0 = src[p] & 0xFF;
        int nbSeq;
        if (b0 == 0) {
            check(p + 1 == end);
            room(litLen);
            System.arraycopy(lit, 0, dst, op, litLen);
            op += litLen;
            return;
        } else if (b0 < 128) {
            nbSeq = b0;
            p += 1;
        } else if (b0 < 255) {
            check(p + 2 <= end);
            nbSeq = ((b0 - 128) << 8) + (src[p + 1] & 0xFF);
            p += 2;
        } else {
            check(p + 3 <= end);
            nbSeq = (src[p + 1] & 0xFF) + ((src[p + 2] & 0xFF) << 8) + 0x7F00;
            p += 3;
        }
        check(p + 1 <= end);
        int modes = src[p++] & 0xFF;
        if ((modes & 3) != 0) {
            throw new IllegalStateException("ZSTD: reserved bits set in the sequence modes");
        }
        int[] at = {p};
        llTable = table((modes >>> 6) & 3, at, end, llTable, LL_TABLE, 35, 9);
        ofTable = table((modes >>> 4) & 3, at, end, ofTable, OF_TABLE, 31, 8);
        mlTable = table((modes >>> 2) & 3, at, end, mlTable, ML_TABLE, 52, 9);
        p = at[0];
        BackwardBits bits = new BackwardBits();
        bits.init(src, p, end);
        int ll = (int) bits.read(llTable.accuracyLog);
        int of = (int) bits.read(ofTable.accuracyLog);
        int ml = (int) bits.read(mlTable.accuracyLog);
        int litPos = 0;
        for (int s = 0; s < nbSeq; s++) {
            int ofCode = ofTable.symbol[of];
            int mlCode = mlTable.symbol[ml];
            int llCode = llTable.symbol[ll];
            if (ofCode > 31) {
                throw new IllegalStateException("ZSTD: offset code " + ofCode + " too large");
            }
            long ofValue = (1L << ofCode) + bits.read(ofCode);
            int matchLen = ML_BASE[mlCode] + (int) bits.read(ML_BITS[mlCode]);
            int litRun = LL_BASE[llCode] + (int) bits.read(LL_BITS[llCode]);
            int offset = offset(ofValue, litRun);
            if (s + 1 < nbSeq) {
                ll = llTable.baseline[ll] + (int) bits.read(llTable.nbBits[ll]);
                ml = mlTable.baseline[ml] + (int) bits.read(mlTable.nbBits[ml]);
                of = ofTable.baseline[of] + (int) bits.read(ofTable.nbBits[of]);
            }
            if (bits.overflowed()) {
                throw new IllegalStateException("ZSTD: sequence bit stream exhausted");
            }
            if (litRun > litLen - litPos) {
                throw new IllegalStateException("ZSTD: sequence uses more literals than decoded");
            }
            room(litRun);
            System.arraycopy(lit, litPos, dst, op, litRun);
            litPos += litRun;
            op += litRun;
            if (offset <= 0 || offset > op - frameStart) {
                throw new IllegalStateException("ZSTD: match offset " + offset + " points before the frame start");
            }
            room(matchLen);
            int from = op - offset;
            if (offset >= matchLen) {
                System.arraycopy(dst, from, dst, op, matchLen);
                op += matchLen;
            } else {
                for (int i = 0; i < matchLen; i++) {
                    dst[op++] = dst[from++];
                }
            }
        }
        if (!bits.finished()) {
            throw new IllegalStateException("ZSTD: sequence bit stream not consumed exactly");
        }
        int rest = litLen - litPos;
        room(rest);
        System.arraycopy(lit, litPos, dst, op, rest);
        op += rest;
    }

    private int offset(long ofValue, int litRun) {
        if (ofValue > 3) {
            long o = ofValue - 3;
            if (o > Integer.MAX_VALUE) {
                throw new IllegalStateException("ZSTD: offset too large");
            }
            reps[2] = reps[1];
            reps[1] = reps[0];
            reps[0] = (int) o;
            return (int) o;
        }
        int idx = (int) ofValue - 1 + (litRun == 0 ? 1 : 0);
        int o;
        if (idx == 0) {
            return reps[0];
        } else if (idx == 3) {
            o = reps[0] - 1;
            if (o <= 0) {
                throw new IllegalStateException("ZSTD: repeat offset underflow");
            }
        } else {
            o = reps[idx];
        }
        if (idx != 1) {
            reps[2] = reps[1];
        }
        reps[1] = reps[0];
        reps[0] = o;
        return o;
    }

    private Fse table(int mode, int[] at, int end, Fse previous, Fse predefined, int maxSymbol, int maxLog) {
        switch (mode) {
            case 0 -> {
                return predefined;
            }
            case 1 -> {
                check(at[0] + 1 <= end);
                int sym = src[at[0]++] & 0xFF;
                if (sym > maxSymbol) {
                    throw new IllegalStateException("ZSTD: RLE symbol " + sym + " out of range");
                }
                return Fse.rle(sym);
            }
            case 2 -> {
                short[] norm = new short[maxSymbol + 1];
                int[] d = Fse.readDistribution(src, at[0], end, norm, maxSymbol, maxLog);
                at[0] += d[2];
                check(at[0] <= end);
                return Fse.build(norm, d[1], d[0]);
            }
            default -> {
                if (previous == null) {
                    throw new IllegalStateException("ZSTD: repeated sequence table without a previous one");
                }
                return previous;
            }
        }
    }
}
