package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

/**
 * The uncompressed content of one basket: the entry data ({@code data[0, border)}) and, for
 * variable-size entries, the byte offset of each entry ({@code entries + 1} values, the last being
 * {@code border}). Offsets are validated: non-decreasing and inside the data.
 */
public record BasketData(byte[] data, int border, int[] offsets, long entryStart, int entries) {

    /** Bytes of entry {@code i} (relative to the basket) start here. */
    public int start(int i) {
        return offsets[i];
    }

    /** Reads basket {@code i} of branch {@code b} from the file (or from the branch, if embedded). */
    public static BasketData load(RootSource src, BranchModel b, int i) {
        long start = b.basketStart(i);
        long stop = b.basketStop(i);
        String where = "branch '" + b.name + "', basket " + i;
        if (stop < start || stop - start > Integer.MAX_VALUE) {
            throw new RootFormatException(src.name() + ": " + where + " covers entries [" + start + ", " + stop + ")");
        }
        int expected = (int) (stop - start);
        if (i >= b.diskBaskets) {
            return embedded(src.name(), where, b.embedded.get(i - b.diskBaskets), start, expected);
        }
        long seek = b.basketSeek[i];
        int nbytes = b.basketBytes[i];
        byte[] raw = src.read(seek, nbytes, where);
        RBuffer kb = new RBuffer(raw, 0, src.name(), where + " at byte " + seek);
        KeyHeader k = KeyHeader.read(kb);
        String at = src.name() + ": " + where + " (at byte " + seek + ")";
        if (k.nbytes() != nbytes) {
            throw new RootFormatException(at + ": the basket key says " + k.nbytes() + " bytes, the branch says " + nbytes);
        }
        if (k.keylen() < kb.pos() + 19 || k.keylen() > nbytes || k.objlen() < 0) {
            throw new RootFormatException(at + ": key length " + k.keylen() + " or object length " + k.objlen()
                    + " does not fit the " + nbytes + "-byte basket");
        }
        int p = k.keylen() - 19;
        int nevBufSize = RBuffer.getI32(raw, p + 6);
        int nevBuf = RBuffer.getI32(raw, p + 10);
        int last = RBuffer.getI32(raw, p + 14);
        if (nevBuf != expected) {
            throw new RootFormatException(at + ": holds " + nevBuf + " entries, the branch expects " + expected);
        }
        int compressed = nbytes - k.keylen();
        byte[] data;
        if (compressed == k.objlen()) {
            data = new byte[k.objlen()];
            System.arraycopy(raw, k.keylen(), data, 0, k.objlen());
        } else {
            data = RootDecompressor.decompress(raw, k.keylen(), compressed, k.objlen(), src.name(), where);
        }
        int border = last - k.keylen();
        if (border < 0 || border > data.length) {
            throw new RootFormatException(at + ": data end " + last + " lies outside the " + data.length
                    + " uncompressed bytes (after the " + k.keylen() + "-byte key)");
        }
        int[] offsets = null;
        if (border < data.length) {
            offsets = readOffsets(data, border, k.keylen(), nevBuf, at);
        }
        return new BasketData(data, border, offsets, start, expected);
    }

    private static int[] readOffsets(byte[] data, int border, int keylen, int n, String at) {
        int avail = (data.length - border) / 4;
        if (avail < 1 + n) {
            throw new RootFormatException(at + ": room for " + (avail - 1) + " entry offsets, " + n + " needed");
        }
        int count = RBuffer.getI32(data, border);
        if (count < n) {
            throw new RootFormatException(at + ": " + count + " entry offsets for " + n + " entries");
        }
        int[] off = new int[n + 1];
        int prev = 0;
        for (int i = 0; i < n; i++) {
            int v = RBuffer.getI32(data, border + 4 + 4 * i) - keylen;
            if (v < prev || v > border) {
                throw new RootFormatException(at + ": entry " + i + " starts at byte " + v
                        + ", outside [" + prev + ", " + border + "]");
            }
            off[i] = v;
            prev = v;
        }
        off[n] = border;
        return off;
    }

    private static BasketData embedded(String file, String where, RObject e, long start, int expected) {
        String at = file + ": " + where + " (stored inside the branch)";
        byte[] raw = (byte[]) e.get("@data");
        int keylen = e.intValue("fKeylen", 0);
        int last = e.intValue("fLast", 0);
        int nevBuf = e.intValue("fNevBuf", 0);
        if (nevBuf != expected) {
            throw new RootFormatException(at + ": holds " + nevBuf + " entries, the branch expects " + expected);
        }
        if (keylen < 0 || last < keylen || last > raw.length) {
            throw new RootFormatException(at + ": data bounds [" + keylen + ", " + last + ") outside its "
                    + raw.length + " bytes");
        }
        int border = last - keylen;
        byte[] data = new byte[border];
        System.arraycopy(raw, keylen, data, 0, border);
        int[] offsets = null;
        if (e.get("@offsets") instanceof int[] raw2 && raw2.length >= nevBuf
                && e.intValue("fNevBufSize", 0) * (long) nevBuf + keylen != last) {
            offsets = new int[nevBuf + 1];
            int prev = 0;
            for (int i = 0; i < nevBuf; i++) {
                int v = raw2[i] - keylen;
                if (v < prev || v > border) {
                    throw new RootFormatException(at + ": entry " + i + " starts at byte " + v + ", outside ["
                            + prev + ", " + border + "]");
                }
                offsets[i] = v;
                prev = v;
            }
            offsets[nevBuf] = border;
        }
        return new BasketData(data, border, offsets, start, expected);
    }
}
