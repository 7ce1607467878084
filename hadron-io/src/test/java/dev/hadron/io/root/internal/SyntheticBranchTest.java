package dev.hadron.io.root.internal;

import dev.hadron.io.root.NestedJagged;
import dev.hadron.io.root.RootFormatException;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Branch layouts that the shared test files do not contain, built in memory as baskets stored inside
 * the branch: {@code std::vector<std::vector<float>>}, Double32_t and Float16_t leaves, file headers
 * with 64-bit pointers, and counter-leaf arrays whose baskets carry no entry offsets.
 */
class SyntheticBranchTest {
    private static final int KEYLEN = 16;

    @TempDir
    Path tmp;

    @Test
    void vectorOfVectorsReadsAsNestedJagged() throws IOException {
        float[][][] entries = {{{1, 2}, {3}}, {}, {{4}, {}, {5, 6, 7}}};
        List<byte[]> bytes = new ArrayList<>();
        for (float[][] e : entries) {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(bo);
            int size = 4;
            for (float[] v : e) {
                size += 4 + 4 * v.length;
            }
            o.writeInt(0x40000000 | (size + 2));
            o.writeShort(9);
            o.writeInt(e.length);
            for (float[] v : e) {
                o.writeInt(v.length);
                for (float x : v) {
                    o.writeFloat(x);
                }
            }
            bytes.add(bo.toByteArray());
        }
        BranchModel b = branch("hits", "TBranchElement", "vector<vector<float> >", leaf("TLeafElement", "hits", null), bytes, true);
        assertEquals("std::vector<std::vector<float>>", b.interpretation.typeName());
        NestedJagged n = (NestedJagged) read(b, 0, 3);
        assertEquals(3, n.numEntries());
        assertArrayEquals(new long[] {0, 2, 2, 5}, n.offsets());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7}, n.inner().values().toFloatArray());
        assertArrayEquals(new long[] {2, 1, 1, 0, 3}, n.inner().counts().toLongArray());
        assertArrayEquals(new float[] {5, 6, 7}, n.event(2).event(2).toFloatArray());
        NestedJagged tail = (NestedJagged) read(b, 1, 3);
        assertArrayEquals(new long[] {0, 0, 3}, tail.offsets());
    }

    @Test
    void double32AndFloat16Leaves() throws IOException {
        // Double32_t in [0, 10] with 8 bits: stored as k, value k * 10 / 256
        List<byte[]> d32 = new ArrayList<>();
        for (int k : new int[] {0, 128, 255}) {
            d32.add(new byte[] {0, 0, 0, (byte) k});
        }
        BranchModel b = branch("e", "TBranch", "", leaf("TLeafD32", "e[0,10,8]", null), d32, false);
        assertEquals("Double32_t", b.interpretation.typeName());
        Tensor t = (Tensor) read(b, 0, 3);
        assertEquals(dev.hadron.tensor.DType.FLOAT64, t.dtype());
        assertArrayEquals(new double[] {0, 5, 255 * 10.0 / 256}, t.toDoubleArray(), 1e-12);
        // Float16_t without range: exponent byte and 12 mantissa bits (sign above them)
        List<byte[]> f16 = List.of(new byte[] {127, 0x08, 0x00}, new byte[] {127, 0x28, 0x00}, new byte[] {(byte) 128, 0, 0});
        BranchModel h = branch("f", "TBranch", "", leaf("TLeafF16", "f", null), f16, false);
        assertArrayEquals(new float[] {1.5f, -1.5f, 2f}, ((Tensor) read(h, 0, 3)).toFloatArray());
    }

    @Test
    void countsComeFromTheCounterWhenBasketsHaveNoOffsets() throws IOException {
        int[] counts = {2, 0, 1};
        List<byte[]> countBytes = new ArrayList<>();
        for (int c : counts) {
            countBytes.add(new byte[] {0, 0, 0, (byte) c});
        }
        BranchModel n = branch("n", "TBranch", "", leaf("TLeafI", "n", null), countBytes, false);
        List<byte[]> values = List.of(new byte[] {0, 0, 0, 1, 0, 0, 0, 2}, new byte[0], new byte[] {0, 0, 0, 3});
        BranchModel x = branch("x", "TBranch", "", leaf("TLeafI", "x[n]", "n"), values, false);
        HashMap<String, BranchModel> byLeaf = new HashMap<>();
        byLeaf.put("n", n);
        Identify.all(List.of(n, x), byLeaf, new ObjectReader());
        Jagged j = (Jagged) read(x, 0, 3);
        assertArrayEquals(new long[] {0, 2, 2, 3}, j.offsetsArray());
        assertArrayEquals(new int[] {1, 2, 3}, j.values().toIntArray());
        // a counter that claims more than the basket holds is an error, not a read past the data
        countBytes.set(2, new byte[] {0, 0, 0, 9});
        BranchModel bad = branch("n", "TBranch", "", leaf("TLeafI", "n", null), countBytes, false);
        byLeaf.put("n", bad);
        Identify.all(List.of(bad, x), byLeaf, new ObjectReader());
        assertThrows(RootFormatException.class, () -> read(x, 0, 3));
    }

    @Test
    void consistentlyAbsurdEntryCountsFailWithoutAllocating() throws IOException {
        // metadata claiming a billion entries in one small basket: the column must not be allocated
        // from the declared count; the basket's real size decides
        RObject leaf = leaf("TLeafD", "x", null);
        BranchModel b = branch("x", "TBranch", "", leaf, List.of(new byte[8], new byte[8]), false);
        RObject o = new RObject("TBranch");
        o.put("fName", "x");
        o.put("fEntries", 1_000_000_000L);
        o.put("fWriteBasket", 0);
        o.put("fBasketEntry", new long[] {0, 0});
        RObject basket = b.embedded.get(0);
        basket.put("fNevBuf", 1_000_000_000);
        o.put("fBaskets", List.of(basket));
        o.put("fLeaves", List.of(leaf));
        BranchModel huge = new BranchModel(o, null, "memory", 1_000_000_000L);
        huge.interpretation = Identify.of(huge);
        RootFormatException e = assertThrows(RootFormatException.class, () -> read(huge, 0, 1_000_000_000L));
        assertEquals(true, e.getMessage().contains("16 bytes for 1000000000 entries"), e.getMessage());
    }

    @Test
    void largeFileHeaderUses64BitPointers() throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(bo);
        o.writeBytes("root");
        o.writeInt(1_062_206);
        o.writeInt(100);
        o.writeLong(400);          // fEND
        o.writeLong(300);          // fSeekFree
        o.writeInt(20);            // fNbytesFree
        o.writeInt(1);             // nfree
        o.writeInt(60);            // fNbytesName
        o.writeByte(8);            // fUnits
        o.writeInt(505);           // fCompress
        o.writeLong(5_000_000_000L); // fSeekInfo beyond 4 GiB
        o.writeInt(1234);          // fNbytesInfo
        o.write(new byte[400 - bo.size()]);
        Path p = tmp.resolve("large.root");
        Files.write(p, bo.toByteArray());
        try (RootSource src = new RootSource(p)) {
            FileHeader h = FileHeader.read(src);
            assertEquals(62206, h.version());
            assertEquals(100, h.begin());
            assertEquals(400, h.end());
            assertEquals(60, h.nbytesName());
            assertEquals(505, h.compress());
            assertEquals(5_000_000_000L, h.seekInfo());
            RootFormatException e = assertThrows(RootFormatException.class, () -> StreamerInfos.load(src, h.seekInfo()));
            assertEquals(true, e.getMessage().contains("5000000000"), e.getMessage());
        }
        // a key header with version > 1000 has 64-bit seeks
        ByteArrayOutputStream kb = new ByteArrayOutputStream();
        DataOutputStream k = new DataOutputStream(kb);
        k.writeInt(100);
        k.writeShort(1004);
        k.writeInt(80);
        k.writeInt(0);
        k.writeShort(50);
        k.writeShort(3);
        k.writeLong(6_000_000_000L);
        k.writeLong(100);
        for (String s : new String[] {"TTree", "t", "title"}) {
            k.writeByte(s.length());
            k.writeBytes(s);
        }
        KeyHeader key = KeyHeader.read(new RBuffer(kb.toByteArray(), 0, "mem", "key"));
        assertEquals(6_000_000_000L, key.seekKey());
        assertEquals(3, key.cycle());
        assertEquals("t", key.name());
    }

    // ------------------------------------------------------------------ building branches in memory

    private Object read(BranchModel b, long start, long stop) throws IOException {
        Path f = tmp.resolve("empty.root");
        if (!Files.exists(f)) {
            Files.write(f, new byte[8]);
        }
        try (RootSource src = new RootSource(f)) {
            return ColumnReader.start(src, b, start, stop, null).finish();
        }
    }

    private static RObject leaf(String cls, String title, String countLeaf) {
        RObject l = new RObject(cls);
        int bracket = title.indexOf('[');
        l.put("fName", bracket >= 0 && cls.equals("TLeafI") ? title.substring(0, bracket) : title.split("\\[")[0]);
        l.put("fTitle", title);
        l.put("fLen", 1);
        l.put("fType", -1);
        if (countLeaf != null) {
            RObject c = new RObject("TLeafI");
            c.put("fName", countLeaf);
            l.put("fLeafCount", c);
        }
        return l;
    }

    /** A branch whose entries sit in one basket stored inside it; offsets are written when asked. */
    private static BranchModel branch(String name, String cls, String elementClass, RObject leaf, List<byte[]> entries,
                                      boolean withOffsets) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(new byte[KEYLEN]);
        int[] offsets = new int[entries.size() + 1];
        for (int i = 0; i < entries.size(); i++) {
            offsets[i] = data.size();
            data.writeBytes(entries.get(i));
        }
        offsets[entries.size()] = 0;
        RObject basket = new RObject("TBasket");
        basket.put("fKeylen", KEYLEN);
        basket.put("fLast", data.size());
        basket.put("fNevBuf", entries.size());
        basket.put("fNevBufSize", withOffsets ? 0 : 4);
        basket.put("@data", data.toByteArray());
        if (withOffsets) {
            basket.put("@offsets", offsets);
        }
        RObject o = new RObject(cls);
        o.put("fName", name);
        o.put("fTitle", name);
        o.put("fEntries", (long) entries.size());
        o.put("fWriteBasket", 0);
        o.put("fBasketBytes", new int[] {0});
        o.put("fBasketEntry", new long[] {0, 0});
        o.put("fBasketSeek", new long[] {0});
        o.put("fBaskets", List.of(basket));
        o.put("fLeaves", List.of(leaf));
        o.put("fClassName", elementClass);
        o.put("fID", -1);
        o.put("fStreamerType", -1);
        BranchModel b = new BranchModel(o, null, "memory", entries.size());
        b.interpretation = Identify.of(b);
        return b;
    }
}
