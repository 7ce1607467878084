package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

/** Reading of key headers and the (possibly compressed) object bytes they point to. */
public final class Keys {
    /** Smallest possible key header: 4+2+4+4+2+2+4+4 bytes plus three empty strings. */
    public static final int MIN_KEY_LENGTH = 29;

    private Keys() {
    }

    /** Reads and validates the key header stored at {@code seek}. */
    public static KeyHeader header(RootSource src, long seek, String what) {
        long avail = Math.min(src.size() - seek, 1024);
        if (seek < 0 || avail < MIN_KEY_LENGTH) {
            throw new RootFormatException(src.name() + ": " + what + " at byte " + seek
                    + " lies outside the file of " + src.size() + " bytes");
        }
        byte[] bytes = src.read(seek, avail, what);
        RBuffer b = new RBuffer(bytes, 0, src.name(), what + " (key header at byte " + seek + ")");
        KeyHeader k = KeyHeader.read(b);
        validate(src, k, seek, b.pos(), what);
        return k;
    }

    /** Checks a key's declared sizes against each other and the file. */
    public static void validate(RootSource src, KeyHeader k, long seek, int parsedLength, String what) {
        String where = src.name() + ": " + what + " (key '" + k.name() + "' at byte " + seek + ")";
        if (k.keylen() < parsedLength) {
            throw new RootFormatException(where + ": key length " + k.keylen() + " is shorter than its "
                    + parsedLength + " header bytes");
        }
        if (k.nbytes() < k.keylen()) {
            throw new RootFormatException(where + ": total size " + k.nbytes() + " is smaller than the key length "
                    + k.keylen());
        }
        if (k.objlen() < 0) {
            throw new RootFormatException(where + ": negative object length " + k.objlen());
        }
        if (seek + k.nbytes() > src.size()) {
            throw new RootFormatException(where + ": object of " + k.nbytes() + " bytes runs past the end of the file ("
                    + src.size() + " bytes; truncated file?)");
        }
    }

    /** The uncompressed object bytes of the key at {@code seek}, as a buffer positioned at 0. */
    public static RBuffer object(RootSource src, long seek, String what) {
        KeyHeader k = header(src, seek, what);
        return object(src, k, seek, what);
    }

    /** The uncompressed object bytes of an already parsed key. */
    public static RBuffer object(RootSource src, KeyHeader k, long seek, String what) {
        byte[] raw = src.read(seek, k.nbytes(), what);
        String desc = what + " ('" + k.name() + "', " + k.className() + ")";
        byte[] data;
        int compressed = k.nbytes() - k.keylen();
        if (compressed == k.objlen()) {
            data = new byte[k.objlen()];
            System.arraycopy(raw, k.keylen(), data, 0, k.objlen());
        } else {
            data = RootDecompressor.decompress(raw, k.keylen(), compressed, k.objlen(), src.name(), desc);
        }
        return new RBuffer(data, k.keylen(), src.name(), desc);
    }
}
