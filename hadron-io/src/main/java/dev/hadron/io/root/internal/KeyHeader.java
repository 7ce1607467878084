package dev.hadron.io.root.internal;

/**
 * The header of a ROOT TKey: where an object's bytes are, how long they are compressed
 * ({@code nbytes - keylen}) and uncompressed ({@code objlen}), and the object's class, name, title
 * and cycle.
 */
public record KeyHeader(int nbytes, int version, int objlen, long datime, int keylen, int cycle,
                        long seekKey, long seekPdir, String className, String name, String title) {

    /** Parses a key header at the buffer's position. */
    public static KeyHeader read(RBuffer b) {
        int nbytes = b.i32();
        int version = b.i16();
        int objlen = b.i32();
        long datime = b.u32();
        int keylen = b.i16();
        int cycle = b.i16();
        boolean large = version > 1000;
        long seekKey = large ? b.i64() : b.u32();
        long seekPdir = large ? b.i64() : b.u32();
        String cls = b.tstring();
        String name = b.tstring();
        String title = b.tstring();
        return new KeyHeader(nbytes, version, objlen, datime, keylen, cycle, seekKey, seekPdir, cls, name, title);
    }

    /** True when the object is stored without compression. */
    public boolean uncompressed() {
        return nbytes - keylen == objlen;
    }
}
