package dev.hadron.io.root.internal;

/**
 * A TBasket stored inside its TBranch (baskets that were still in memory when the tree was written):
 * the TKey fields, the basket fields, the entry offsets and the data bytes, read as TBasket::Streamer
 * writes them.
 */
final class EmbeddedBasket {
    private EmbeddedBasket() {
    }

    static void read(RBuffer b, RObject o) {
        o.put("fNbytes", b.i32());
        int keyVersion = b.i16();
        o.put("fObjlen", b.i32());
        b.u32();
        int keylen = b.i16();
        o.put("fKeylen", keylen);
        b.i16();
        if (keyVersion > 1000) {
            b.i64();
            b.i64();
        } else {
            b.u32();
            b.u32();
        }
        b.tstring();
        b.tstring();
        b.tstring();
        int first = b.peekI32();
        int version;
        if ((first & RootConstants.K_BYTE_COUNT_MASK) != 0) {
            b.i32();
        }
        version = b.i16();
        o.version(version);
        b.i32(); // fBufferSize
        o.put("fNevBufSize", b.i32());
        int nevBuf = b.i32();
        o.put("fNevBuf", nevBuf);
        int last = b.i32();
        o.put("fLast", last);
        int flag = b.i8();
        if (flag == 0) {
            return;
        }
        if (flag % 10 != 2) {
            if (nevBuf != 0) {
                int n = b.count(b.i32(), 4, "basket entry offsets");
                int[] offsets = new int[n];
                for (int i = 0; i < n; i++) {
                    offsets[i] = b.i32();
                    if (20 < flag && flag < 40) {
                        offsets[i] &= ~0xFF000000;
                    }
                }
                o.put("@offsets", offsets);
            }
            if (flag > 40) {
                int n = b.count(b.i32(), 4, "basket displacements");
                b.skip(4 * n);
            }
        }
        if (flag == 1 || flag > 10) {
            int n = version > 1 ? last : b.i32();
            if (n < keylen) {
                throw b.fail("embedded basket declares " + n + " bytes, less than its key length " + keylen);
            }
            o.put("@data", b.bytes(b.count(n, 1, "embedded basket bytes")));
        }
    }
}
