package dev.hadron.io.parquet;

import java.util.Arrays;

/**
 * Reads the pages of one column chunk: page headers (Thrift), decompression, repetition and
 * definition levels, and values in any supported encoding, appending to a {@link LeafData}.
 * Handles dictionary pages and data pages of versions 1 and 2.
 */
final class ChunkReader {
    /** Most values one page may declare; bounds the level arrays a hostile header could ask for. */
    static final int MAX_PAGE_VALUES = 1 << 24;

    /** Levels and values of one leaf column, accumulated over row groups. */
    static final class LeafData {
        final Schema.Leaf leaf;
        final ValueBuffer values;
        int[] defs = new int[0];
        int[] reps = new int[0];
        int slots;

        LeafData(Schema.Leaf leaf) {
            this.leaf = leaf;
            this.values = new ValueBuffer(leaf.kind(), leaf.physical());
        }

        void reserveSlots(int more) {
            long need = (long) slots + more;
            if (need > Integer.MAX_VALUE - 8) {
                throw new ParquetFormatError("more than 2^31 values in column " + leaf.name());
            }
            if (need > defs.length) {
                int n = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * defs.length));
                defs = Arrays.copyOf(defs, n);
                reps = Arrays.copyOf(reps, n);
            }
        }
    }

    private ChunkReader() {
    }

    /** Reads {@code numValues} level slots from the chunk bytes {@code [start, end)} of {@code b}. */
    static void read(byte[] b, int start, int end, int codec, long numValues, LeafData data) {
        Schema.Leaf leaf = data.leaf;
        ValueBuffer dict = null;
        long read = 0;
        int pos = start;
        while (read < numValues) {
            if (pos >= end) {
                throw new ParquetFormatError("column chunk ends after " + read + " of its " + numValues + " values");
            }
            Thrift t = new Thrift(b, pos, end);
            Thrift.Struct header = t.struct();
            pos = t.position();
            int type = header.i32(1, "page type");
            int uncompressed = header.i32(2, "uncompressed_page_size");
            int compressed = header.i32(3, "compressed_page_size");
            if (compressed < 0 || compressed > end - pos || uncompressed < 0) {
                throw new ParquetFormatError("page at byte " + pos + " declares " + compressed + " compressed bytes but "
                        + (end - pos) + " remain in the chunk");
            }
            switch (type) {
                case 2 -> {
                    Thrift.Struct dh = header.struct(7);
                    if (dh == null) {
                        throw new ParquetFormatError("dictionary page without its header");
                    }
                    int n = checkCount(dh.i32(1, "dictionary num_values"));
                    int enc = dh.i32(2, 0);
                    if (enc != 0 && enc != 2) {
                        throw new ParquetFormatError("dictionary page in " + Decoders.encodingName(enc)
                                + "; expected PLAIN");
                    }
                    byte[] page = Codecs.decompress(codec, b, pos, compressed, uncompressed);
                    dict = new ValueBuffer(leaf.kind(), leaf.physical());
                    Decoders.plain(new Decoders.Cursor(page, 0, page.length), dict, n, leaf.typeLength());
                }
                case 0 -> {
                    Thrift.Struct dh = header.struct(5);
                    if (dh == null) {
                        throw new ParquetFormatError("data page without its header");
                    }
                    int n = checkCount(dh.i32(1, "num_values"));
                    checkRemaining(n, read, numValues);
                    byte[] page = Codecs.decompress(codec, b, pos, compressed, uncompressed);
                    Decoders.Cursor c = new Decoders.Cursor(page, 0, page.length);
                    data.reserveSlots(n);
                    if (leaf.maxRep() > 0) {
                        levelsV1(c, leaf.maxRep(), data.reps, data.slots, n);
                    } else {
                        Arrays.fill(data.reps, data.slots, data.slots + n, 0);
                    }
                    if (leaf.maxDef() > 0) {
                        levelsV1(c, leaf.maxDef(), data.defs, data.slots, n);
                    } else {
                        Arrays.fill(data.defs, data.slots, data.slots + n, 0);
                    }
                    values(c, dh.i32(2, "encoding"), data, dict, n);
                    read += n;
                }
                case 3 -> {
                    Thrift.Struct dh = header.struct(8);
                    if (dh == null) {
                        throw new ParquetFormatError("data page v2 without its header");
                    }
                    int n = checkCount(dh.i32(1, "num_values"));
                    checkRemaining(n, read, numValues);
                    int defLen = dh.i32(5, "definition_levels_byte_length");
                    int repLen = dh.i32(6, "repetition_levels_byte_length");
                    if (defLen < 0 || repLen < 0 || (long) defLen + repLen > compressed
                            || (long) defLen + repLen > uncompressed) {
                        throw new ParquetFormatError("data page v2 level lengths " + repLen + " + " + defLen
                                + " exceed the page size " + compressed);
                    }
                    data.reserveSlots(n);
                    if (leaf.maxRep() > 0) {
                        Decoders.rle(new Decoders.Cursor(b, pos, pos + repLen), Decoders.bitWidth(leaf.maxRep()), data.reps,
                                data.slots, n);
                    } else {
                        Arrays.fill(data.reps, data.slots, data.slots + n, 0);
                    }
                    if (leaf.maxDef() > 0) {
                        Decoders.rle(new Decoders.Cursor(b, pos + repLen, pos + repLen + defLen),
                                Decoders.bitWidth(leaf.maxDef()), data.defs, data.slots, n);
                    } else {
                        Arrays.fill(data.defs, data.slots, data.slots + n, 0);
                    }
                    int valuesStart = pos + repLen + defLen;
                    int valuesLen = compressed - repLen - defLen;
                    int valuesSize = uncompressed - repLen - defLen;
                    byte[] page = dh.bool(7, true) ? Codecs.decompress(codec, b, valuesStart, valuesLen, valuesSize)
                            : Codecs.decompress(0, b, valuesStart, valuesLen, valuesLen);
                    values(new Decoders.Cursor(page, 0, page.length), dh.i32(4, "encoding"), data, dict, n);
                    read += n;
                }
                default -> {
                    // index pages and unknown page types carry no values: skip them
                }
            }
            pos += compressed;
        }
    }

    private static int checkCount(int n) {
        if (n < 0 || n > MAX_PAGE_VALUES) {
            throw new ParquetFormatError("page declares " + n + " values; expected 0.." + MAX_PAGE_VALUES);
        }
        return n;
    }

    private static void checkRemaining(int n, long read, long total) {
        if (read + n > total) {
            throw new ParquetFormatError("pages hold more values (" + (read + n) + ") than the column chunk declares ("
                    + total + ")");
        }
    }

    private static void levelsV1(Decoders.Cursor c, int max, int[] out, int off, int n) {
        int len = Decoders.readIntLE(c.b, c.pos, c.end);
        c.pos += 4;
        if (len < 0 || len > c.end - c.pos) {
            throw new ParquetFormatError("level data of " + len + " bytes exceeds the page");
        }
        Decoders.rle(new Decoders.Cursor(c.b, c.pos, c.pos + len), Decoders.bitWidth(max), out, off, n);
        c.pos += len;
    }

    /** Decodes the page's non-null values and checks the levels; advances {@code data.slots}. */
    private static void values(Decoders.Cursor c, int encoding, LeafData data, ValueBuffer dict, int n) {
        Schema.Leaf leaf = data.leaf;
        int present = 0;
        for (int i = 0; i < n; i++) {
            int d = data.defs[data.slots + i];
            int r = data.reps[data.slots + i];
            if (d < 0 || d > leaf.maxDef() || r < 0 || r > leaf.maxRep()) {
                throw new ParquetFormatError("level (repetition " + r + ", definition " + d + ") exceeds the column's"
                        + " maxima (" + leaf.maxRep() + ", " + leaf.maxDef() + ")");
            }
            if (d == leaf.maxDef()) {
                present++;
            }
        }
        if (data.slots == 0 && n > 0 && data.reps[0] != 0) {
            throw new ParquetFormatError("the first value of the column continues a list (repetition level "
                    + data.reps[0] + ")");
        }
        ValueBuffer out = data.values;
        switch (encoding) {
            case 0 -> Decoders.plain(c, out, present, leaf.typeLength());
            case 2, 8 -> Decoders.dictionary(c, dict, out, present);
            case 3 -> {
                if (leaf.physical() != 0) {
                    throw new ParquetFormatError("RLE values are only defined for booleans");
                }
                int len = Decoders.readIntLE(c.b, c.pos, c.end);
                c.pos += 4;
                int[] bits = new int[present];
                Decoders.rle(new Decoders.Cursor(c.b, c.pos, Math.min(c.end, c.pos + Math.max(len, 0))), 1, bits, 0,
                        present);
                out.reserve(present);
                for (int v : bits) {
                    out.bools[out.size++] = (byte) v;
                }
            }
            case 5 -> Decoders.delta(c, out, present);
            case 6 -> {
                if (leaf.physical() != 6) {
                    throw new ParquetFormatError("DELTA_LENGTH_BYTE_ARRAY is only defined for byte arrays");
                }
                byte[][] v = Decoders.deltaLength(c, present);
                out.reserve(present);
                System.arraycopy(v, 0, out.bytes, out.size, present);
                out.size += present;
            }
            case 7 -> {
                if (leaf.physical() != 6 && leaf.physical() != 7) {
                    throw new ParquetFormatError("DELTA_BYTE_ARRAY is only defined for byte arrays");
                }
                Decoders.deltaByteArray(c, out, present);
            }
            case 9 -> Decoders.byteStreamSplit(c, out, present, leaf.typeLength());
            default -> throw new ParquetFormatError("value encoding " + Decoders.encodingName(encoding)
                    + " is not supported");
        }
        data.slots += n;
    }
}
