package dev.hadron.io.internal.compress;

/**
 * A Zstandard decompressor in pure Java (RFC 8878): frames of raw, RLE and compressed blocks,
 * Huffman-coded literals, FSE-coded sequences with repeat offsets, skippable frames and the
 * optional XXH64 content checksum, which is verified. Dictionaries are not supported (Parquet and
 * ROOT do not use them). The caller knows the decompressed size; it is enforced, as is every
 * offset and length, so corrupt input ends in a {@link CorruptDataException}, never in an
 * out-of-bounds write or a hang.
 */
public final class Zstd {
    private static final int MAGIC = 0xFD2FB528;
    private static final int MAX_BLOCK = 128 * 1024;

    private static final int[] LL_BASE = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 40,
        48, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536};
    private static final int[] LL_BITS = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9,
        10, 11, 12, 13, 14, 15, 16};
    private static final int[] ML_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
        27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051, 4099, 8195,
        16387, 32771, 65539};
    private static final int[] ML_BITS = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private static final short[] LL_DEFAULT = {4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1,
        1, 1, 1, 1, -1, -1, -1, -1};
    private static final short[] ML_DEFAULT = {1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1};
    private static final short[] OF_DEFAULT = {1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1,
        -1, -1};
    private static final FseTable LL_TABLE = FseTable.predefined(LL_DEFAULT, 6);
    private static final FseTable ML_TABLE = FseTable.predefined(ML_DEFAULT, 6);
    private static final FseTable OF_TABLE = FseTable.predefined(OF_DEFAULT, 5);

    private Zstd() {
    }

    /** Per-frame decoding state that blocks carry over. */
    private static final class State {
        final int[] rep = {1, 4, 8};
        Huffman huffman;
        FseTable ll;
        FseTable of;
        FseTable ml;
        byte[] literals = new byte[0];
    }

    /**
     * Decompresses {@code in[off, off + len)}, one or more frames, into exactly {@code outSize} bytes.
     */
    public static byte[] decompress(byte[] in, int off, int len, int outSize) {
        if (off < 0 || len < 0 || off + len > in.length || outSize < 0) {
            throw new CorruptDataException("zstd: bad input range or output size");
        }
        byte[] out = new byte[outSize];
        int pos = off;
        int end = off + len;
        int op = 0;
        while (pos < end) {
            if (end - pos < 4) {
                throw new CorruptDataException("zstd: " + (end - pos) + " stray bytes after the last frame");
            }
            int magic = readInt(in, pos);
            if ((magic & 0xFFFFFFF0) == 0x184D2A50) {
                if (end - pos < 8) {
                    throw new CorruptDataException("zstd: skippable frame header cut short");
                }
                long size = readInt(in, pos + 4) & 0xffffffffL;
                if (size > end - pos - 8) {
                    throw new CorruptDataException("zstd: skippable frame of " + size + " bytes runs past the input");
                }
                pos += 8 + (int) size;
                continue;
            }
            if (magic != MAGIC) {
                throw new CorruptDataException("zstd: bad frame magic 0x" + Integer.toHexString(magic));
            }
            long[] frame = frame(in, pos + 4, end, out, op);
            pos = (int) frame[0];
            op = (int) frame[1];
        }
        if (op != outSize) {
            throw new CorruptDataException("zstd: decompressed " + op + " bytes, expected " + outSize);
        }
        return out;
    }

    private static int readInt(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    /** Decodes one frame (after its magic); returns {input position, output position}. */
    private static long[] frame(byte[] in, int pos, int end, byte[] out, int op) {
        if (pos >= end) {
            throw new CorruptDataException("zstd: frame header cut short");
        }
        int descriptor = in[pos++] & 0xff;
        int fcsFlag = descriptor >>> 6;
        boolean singleSegment = (descriptor & 0x20) != 0;
        boolean checksum = (descriptor & 0x04) != 0;
        int dictFlag = descriptor & 3;
        if ((descriptor & 0x08) != 0) {
            throw new CorruptDataException("zstd: reserved bit set in the frame header");
        }
        if (!singleSegment) {
            pos++; // window descriptor: the whole output is in memory, so the window size does not matter
        }
        int dictBytes = dictFlag == 0 ? 0 : 1 << (dictFlag - 1);
        long dictId = 0;
        for (int i = 0; i < dictBytes; i++) {
            dictId |= (long) (byteAt(in, pos + i, end)) << (8 * i);
        }
        pos += dictBytes;
        if (dictId != 0) {
            throw new CorruptDataException("zstd: frame needs dictionary " + dictId + "; dictionaries are not supported");
        }
        int fcsBytes = switch (fcsFlag) {
            case 0 -> singleSegment ? 1 : 0;
            case 1 -> 2;
            case 2 -> 4;
            default -> 8;
        };
        long contentSize = -1;
        if (fcsBytes > 0) {
            contentSize = 0;
            for (int i = 0; i < fcsBytes; i++) {
                contentSize |= (long) byteAt(in, pos + i, end) << (8 * i);
            }
            if (fcsBytes == 2) {
                contentSize += 256;
            }
        }
        pos += fcsBytes;
        int frameStart = op;
        if (contentSize >= 0 && contentSize > out.length - op) {
            throw new CorruptDataException("zstd: frame announces " + contentSize + " bytes but only " + (out.length - op)
                    + " are expected");
        }
        State st = new State();
        boolean last = false;
        while (!last) {
            if (end - pos < 3) {
                throw new CorruptDataException("zstd: block header cut short");
            }
            int header = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8 | (in[pos + 2] & 0xff) << 16;
            pos += 3;
            last = (header & 1) != 0;
            int type = (header >>> 1) & 3;
            int size = header >>> 3;
            switch (type) {
                case 0 -> {
                    if (size > end - pos || size > out.length - op) {
                        throw new CorruptDataException("zstd: raw block of " + size + " bytes does not fit");
                    }
                    System.arraycopy(in, pos, out, op, size);
                    pos += size;
                    op += size;
                }
                case 1 -> {
                    if (pos >= end || size > out.length - op) {
                        throw new CorruptDataException("zstd: RLE block of " + size + " bytes does not fit");
                    }
                    java.util.Arrays.fill(out, op, op + size, in[pos]);
                    pos += 1;
                    op += size;
                }
                case 2 -> {
                    if (size > end - pos || size > MAX_BLOCK) {
                        throw new CorruptDataException("zstd: compressed block of " + size + " bytes does not fit");
                    }
                    op = block(in, pos, pos + size, out, op, frameStart, st);
                    pos += size;
                }
                default -> throw new CorruptDataException("zstd: reserved block type");
            }
        }
        if (contentSize >= 0 && op - frameStart != contentSize) {
            throw new CorruptDataException("zstd: frame decoded to " + (op - frameStart) + " bytes, header says "
                    + contentSize);
        }
        if (checksum) {
            if (end - pos < 4) {
                throw new CorruptDataException("zstd: content checksum cut short");
            }
            int want = readInt(in, pos);
            int got = (int) XxHash64.hash(out, frameStart, op - frameStart, 0);
            if (want != got) {
                throw new CorruptDataException("zstd: content checksum mismatch (data corrupt)");
            }
            pos += 4;
        }
        return new long[] {pos, op};
    }

    private static int byteAt(byte[] b, int p, int end) {
        if (p >= end) {
            throw new CorruptDataException("zstd: frame header cut short");
        }
        return b[p] & 0xff;
    }

    /** Decodes one compressed block; returns the new output position. */
    private static int block(byte[] in, int pos, int end, byte[] out, int op, int frameStart, State st) {
        // literals section
        int h0 = byteAt(in, pos, end);
        int litType = h0 & 3;
        int sizeFormat = (h0 >>> 2) & 3;
        int regenerated;
        int compressed = 0;
        int headerSize;
        boolean fourStreams = false;
        if (litType <= 1) {
            switch (sizeFormat) {
                case 0, 2 -> {
                    regenerated = h0 >>> 3;
                    headerSize = 1;
                }
                case 1 -> {
                    regenerated = (h0 >>> 4) + (byteAt(in, pos + 1, end) << 4);
                    headerSize = 2;
                }
                default -> {
                    regenerated = (h0 >>> 4) + (byteAt(in, pos + 1, end) << 4) + (byteAt(in, pos + 2, end) << 12);
                    headerSize = 3;
                }
            }
        } else {
            fourStreams = sizeFormat != 0;
            switch (sizeFormat) {
                case 0, 1 -> {
                    int c = h0 | byteAt(in, pos + 1, end) << 8 | byteAt(in, pos + 2, end) << 16;
                    regenerated = (c >>> 4) & 0x3FF;
                    compressed = (c >>> 14) & 0x3FF;
                    headerSize = 3;
                }
                case 2 -> {
                    int c = h0 | byteAt(in, pos + 1, end) << 8 | byteAt(in, pos + 2, end) << 16
                            | byteAt(in, pos + 3, end) << 24;
                    regenerated = (c >>> 4) & 0x3FFF;
                    compressed = (c >>> 18) & 0x3FFF;
                    headerSize = 4;
                }
                default -> {
                    long c = (h0 | byteAt(in, pos + 1, end) << 8 | byteAt(in, pos + 2, end) << 16
                            | (long) byteAt(in, pos + 3, end) << 24) | (long) byteAt(in, pos + 4, end) << 32;
                    regenerated = (int) ((c >>> 4) & 0x3FFFF);
                    compressed = (int) ((c >>> 22) & 0x3FFFF);
                    headerSize = 5;
                }
            }
        }
        if (regenerated > MAX_BLOCK) {
            throw new CorruptDataException("zstd: " + regenerated + " literals exceed the block maximum");
        }
        pos += headerSize;
        if (st.literals.length < regenerated) {
            st.literals = new byte[Math.max(regenerated, Math.min(MAX_BLOCK, 2 * st.literals.length))];
        }
        byte[] lit = st.literals;
        switch (litType) {
            case 0 -> {
                if (regenerated > end - pos) {
                    throw new CorruptDataException("zstd: raw literals run past the block");
                }
                System.arraycopy(in, pos, lit, 0, regenerated);
                pos += regenerated;
            }
            case 1 -> {
                java.util.Arrays.fill(lit, 0, regenerated, (byte) byteAt(in, pos, end));
                pos += 1;
            }
            default -> {
                if (compressed > end - pos) {
                    throw new CorruptDataException("zstd: compressed literals run past the block");
                }
                int streamsStart = pos;
                if (litType == 2) {
                    int[] used = new int[1];
                    st.huffman = Huffman.read(in, pos, pos + compressed, used);
                    streamsStart = pos + used[0];
                } else if (st.huffman == null) {
                    throw new CorruptDataException("zstd: treeless literals without a previous Huffman table");
                }
                st.huffman.decode(in, streamsStart, pos + compressed, fourStreams, lit, regenerated);
                pos += compressed;
            }
        }
        // sequences section
        int nbSeq = byteAt(in, pos, end);
        pos++;
        if (nbSeq >= 128) {
            if (nbSeq < 255) {
                nbSeq = ((nbSeq - 128) << 8) + byteAt(in, pos, end);
                pos++;
            } else {
                nbSeq = byteAt(in, pos, end) + (byteAt(in, pos + 1, end) << 8) + 0x7F00;
                pos += 2;
            }
        }
        if (nbSeq == 0) {
            if (regenerated > out.length - op) {
                throw new CorruptDataException("zstd: literals overflow the output");
            }
            System.arraycopy(lit, 0, out, op, regenerated);
            if (pos != end) {
                throw new CorruptDataException("zstd: " + (end - pos) + " bytes after a block without sequences");
            }
            return op + regenerated;
        }
        int modes = byteAt(in, pos, end);
        pos++;
        if ((modes & 3) != 0) {
            throw new CorruptDataException("zstd: reserved bits set in the sequence modes");
        }
        int[] used = new int[1];
        st.ll = table(modes >>> 6, in, pos, end, 9, 35, LL_TABLE, st.ll, used, "literal lengths");
        pos += used[0];
        st.of = table((modes >>> 4) & 3, in, pos, end, 8, 31, OF_TABLE, st.of, used, "offsets");
        pos += used[0];
        st.ml = table((modes >>> 2) & 3, in, pos, end, 9, 52, ML_TABLE, st.ml, used, "match lengths");
        pos += used[0];
        return sequences(in, pos, end, nbSeq, lit, regenerated, out, op, frameStart, st);
    }

    private static FseTable table(int mode, byte[] in, int pos, int end, int maxLog, int maxSymbol, FseTable predefined,
                                  FseTable previous, int[] used, String what) {
        used[0] = 0;
        return switch (mode) {
            case 0 -> predefined;
            case 1 -> {
                int s = byteAt(in, pos, end);
                if (s > maxSymbol) {
                    throw new CorruptDataException("zstd: RLE " + what + " symbol " + s + " out of range");
                }
                used[0] = 1;
                yield FseTable.rle(s);
            }
            case 2 -> FseTable.read(in, pos, end, maxLog, maxSymbol, used);
            default -> {
                if (previous == null) {
                    throw new CorruptDataException("zstd: repeated " + what + " table without a previous one");
                }
                yield previous;
            }
        };
    }

    private static int sequences(byte[] in, int pos, int end, int nbSeq, byte[] lit, int litSize, byte[] out, int op,
                                 int frameStart, State st) {
        BackwardBitReader bits = new BackwardBitReader(in, pos, end);
        FseTable llT = st.ll;
        FseTable ofT = st.of;
        FseTable mlT = st.ml;
        int ll = (int) bits.read(llT.accuracyLog);
        int of = (int) bits.read(ofT.accuracyLog);
        int ml = (int) bits.read(mlT.accuracyLog);
        int litPos = 0;
        int[] rep = st.rep;
        for (int i = 0; i < nbSeq; i++) {
            int ofCode = ofT.symbol[of];
            int llCode = llT.symbol[ll];
            int mlCode = mlT.symbol[ml];
            if (ofCode > 31 || llCode > 35 || mlCode > 52) {
                throw new CorruptDataException("zstd: sequence code out of range");
            }
            long offsetValue = (1L << ofCode) + bits.read(ofCode);
            int matchLength = ML_BASE[mlCode] + (int) bits.read(ML_BITS[mlCode]);
            int literalLength = LL_BASE[llCode] + (int) bits.read(LL_BITS[llCode]);
            long offset;
            if (offsetValue > 3) {
                offset = offsetValue - 3;
                rep[2] = rep[1];
                rep[1] = rep[0];
                rep[0] = (int) Math.min(offset, Integer.MAX_VALUE);
            } else {
                int idx = (int) offsetValue - 1 + (literalLength == 0 ? 1 : 0);
                if (idx == 0) {
                    offset = rep[0];
                } else {
                    offset = idx == 3 ? rep[0] - 1 : rep[idx];
                    if (offset == 0) {
                        throw new CorruptDataException("zstd: repeat offset of zero");
                    }
                    if (idx > 1) {
                        rep[2] = rep[1];
                    }
                    rep[1] = rep[0];
                    rep[0] = (int) offset;
                }
            }
            if (i < nbSeq - 1) {
                ll = llT.newState[ll] + (int) bits.read(llT.nbBits[ll]);
                ml = mlT.newState[ml] + (int) bits.read(mlT.nbBits[ml]);
                of = ofT.newState[of] + (int) bits.read(ofT.nbBits[of]);
            }
            if (literalLength > litSize - litPos || literalLength > out.length - op) {
                throw new CorruptDataException("zstd: literal length " + literalLength + " exceeds the literals or output");
            }
            System.arraycopy(lit, litPos, out, op, literalLength);
            litPos += literalLength;
            op += literalLength;
            if (offset > op - frameStart || offset <= 0) {
                throw new CorruptDataException("zstd: match offset " + offset + " reaches before the start of the frame");
            }
            if (matchLength > out.length - op) {
                throw new CorruptDataException("zstd: match of " + matchLength + " bytes overflows the output");
            }
            int from = op - (int) offset;
            if (offset >= matchLength) {
                System.arraycopy(out, from, out, op, matchLength);
            } else {
                for (int k = 0; k < matchLength; k++) {
                    out[op + k] = out[from + k];
                }
            }
            op += matchLength;
        }
        if (!bits.finished()) {
            throw new CorruptDataException("zstd: sequence bitstream not consumed exactly");
        }
        int rest = litSize - litPos;
        if (rest > out.length - op) {
            throw new CorruptDataException("zstd: literals overflow the output");
        }
        System.arraycopy(lit, litPos, out, op, rest);
        return op + rest;
    }
}
