package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

import java.util.ArrayList;
import java.util.List;

/** Reads a TDirectory record and the list of keys it points to. */
public final class DirectoryReader {
    private DirectoryReader() {
    }

    /** A key of a directory and where it is. */
    public record Entry(KeyHeader key, long seek) {
    }

    /** The keys of the directory whose record starts at {@code recordPos} ({@code what} names it). */
    public static List<Entry> keys(RootSource src, long recordPos, String what) {
        byte[] rec = src.read(recordPos, Math.min(64, src.size() - recordPos), what + " record");
        RBuffer b = new RBuffer(rec, 0, src.name(), what + " record at byte " + recordPos);
        int version = b.i16();
        b.u32();
        b.u32();
        int nbytesKeys = b.i32();
        b.i32();
        boolean large = version > 1000;
        if (large) {
            b.i64();
            b.i64();
        } else {
            b.u32();
            b.u32();
        }
        long seekKeys = large ? b.i64() : b.u32();
        if (seekKeys == 0) {
            return List.of();
        }
        if (nbytesKeys < Keys.MIN_KEY_LENGTH || seekKeys < 0 || seekKeys + nbytesKeys > src.size()) {
            throw new RootFormatException(src.name() + ": " + what + ": key list of " + nbytesKeys + " bytes at byte "
                    + seekKeys + " does not fit the file of " + src.size() + " bytes");
        }
        byte[] raw = src.read(seekKeys, nbytesKeys, what + " key list");
        RBuffer kb = new RBuffer(raw, 0, src.name(), what + " key list at byte " + seekKeys);
        KeyHeader self = KeyHeader.read(kb);
        kb.seek(Math.min(Math.max(self.keylen(), kb.pos()), kb.limit()));
        int n = kb.count(kb.i32(), Keys.MIN_KEY_LENGTH, "key");
        List<Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = kb.pos();
            KeyHeader k = KeyHeader.read(kb);
            Keys.validate(src, k, k.seekKey(), kb.pos() - at, what + " key " + i);
            out.add(new Entry(k, k.seekKey()));
        }
        return out;
    }
}
