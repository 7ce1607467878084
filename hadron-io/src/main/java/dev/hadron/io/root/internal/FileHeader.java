package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

/** The TFile header at byte 0: format version, where the top directory and the streamer list are. */
public record FileHeader(int version, long begin, long end, long seekFree, int nbytesName, int compress,
                         long seekInfo, int nbytesInfo) {

    public static FileHeader read(RootSource src) {
        if (src.size() < 64) {
            throw new RootFormatException(src.name() + ": not a ROOT file: only " + src.size()
                    + " bytes (a ROOT header needs at least 64)");
        }
        byte[] h = src.read(0, Math.min(src.size(), 128), "file header");
        if (h[0] != 'r' || h[1] != 'o' || h[2] != 'o' || h[3] != 't') {
            throw new RootFormatException(src.name() + ": not a ROOT file: the first bytes are "
                    + String.format("%02x %02x %02x %02x", h[0], h[1], h[2], h[3]) + ", expected the magic 'root'");
        }
        RBuffer b = new RBuffer(h, 0, src.name(), "file header");
        b.skip(4);
        int version = b.i32();
        long begin = b.u32();
        boolean large = version >= 1000000;
        long end = large ? b.i64() : b.u32();
        long seekFree = large ? b.i64() : b.u32();
        b.i32();
        b.i32();
        int nbytesName = b.i32();
        b.u8();
        int compress = b.i32();
        long seekInfo = large ? b.i64() : b.u32();
        int nbytesInfo = b.i32();
        if (begin < 64 || begin >= src.size()) {
            throw new RootFormatException(src.name() + ": header says the top directory starts at byte " + begin
                    + ", outside the file of " + src.size() + " bytes");
        }
        if (end > src.size()) {
            throw new RootFormatException(src.name() + ": the file is truncated: its header says it ends at byte "
                    + end + " but it has " + src.size() + " bytes");
        }
        if (nbytesName <= 0 || begin + nbytesName >= src.size()) {
            throw new RootFormatException(src.name() + ": header declares a top-directory name record of "
                    + nbytesName + " bytes at byte " + begin + ", which does not fit the file");
        }
        return new FileHeader(version % 1000000, begin, end, seekFree, nbytesName, compress, seekInfo, nbytesInfo);
    }
}
